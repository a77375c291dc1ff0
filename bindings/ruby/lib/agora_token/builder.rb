# frozen_string_literal: true

module AgoraToken
  # Builds tokens for one app. Checked by default (every input rule of
  # token-core, errors name the field); +lenient: true+ accepts what the
  # official builders accept. Tokens are issued now with a random salt unless
  # +issue_ts+ and +salt+ (007) or +salt+ and +ts+ (006) are given.
  #
  #   b = AgoraToken::Builder.new(app_id, app_certificate)
  #   b.rtc_with_uid('demo', 42, AgoraToken::Role::PUBLISHER, 3600)
  class Builder
    include Convert

    # The app ID (the certificate is kept but never shown).
    attr_reader :app_id

    def initialize(app_id, app_certificate, issue_ts: nil, salt: nil, ts: nil, lenient: false)
      @app_id = str('app_id', app_id)
      @app_certificate = str('app_certificate', app_certificate)
      @options = options(issue_ts: issue_ts, salt: salt, ts: ts, lenient: lenient)
      freeze
    end

    # Never shows the app certificate.
    def inspect = "#<#{self.class.name} app_id=#{@app_id.inspect}>"
    alias to_s inspect

    # RTC token for a uid (0: any user); BuildTokenWithUid.
    def rtc_with_uid(channel_name, uid, role, token_expire, privilege_expire = 0)
      build(:agora_token_rtc_build_with_uid, str('channel_name', channel_name), u32('uid', uid), i32('role', role),
            u32('token_expire', token_expire), u32('privilege_expire', privilege_expire))
    end

    # RTC token for a user account; BuildTokenWithUserAccount.
    def rtc_with_account(channel_name, account, role, token_expire, privilege_expire = 0)
      build(:agora_token_rtc_build_with_user_account, str('channel_name', channel_name), str('account', account),
            i32('role', role), u32('token_expire', token_expire), u32('privilege_expire', privilege_expire))
    end

    # RTC token for a uid with an expire per privilege (a Privileges or a Hash
    # with its keys).
    def rtc_with_uid_and_privileges(channel_name, uid, token_expire, privileges)
      build(:agora_token_rtc_build_with_uid_and_privilege, str('channel_name', channel_name), u32('uid', uid),
            u32('token_expire', token_expire), *four(privileges))
    end

    # RTC token for a user account with an expire per privilege.
    def rtc_with_account_and_privileges(channel_name, account, token_expire, privileges)
      build(:agora_token_rtc_build_with_user_account_and_privilege, str('channel_name', channel_name),
            str('account', account), u32('token_expire', token_expire), *four(privileges))
    end

    # RTC token that also logs +account+ in to RTM; BuildTokenWithRtm.
    def rtc_with_rtm(channel_name, account, role, token_expire, privilege_expire = 0)
      build(:agora_token_rtc_build_with_rtm, str('channel_name', channel_name), str('account', account),
            i32('role', role), u32('token_expire', token_expire), u32('privilege_expire', privilege_expire))
    end

    # RTC token for +rtc_account+ plus an RTM login for +rtm_user_id+;
    # BuildTokenWithRtm2.
    def rtc_with_rtm2(**kw) = build(:agora_token_rtc_build_with_rtm2, *rtc_rtm(**kw))

    # ConvoAI token (the rtc_with_rtm2 token plus a ConvoAI service).
    def convoai(**kw) = build(:agora_token_convoai_build, *rtc_rtm(**kw))

    # Speech-to-text token (the rtc_with_rtm2 token plus an STT service).
    def stt(**kw) = build(:agora_token_stt_build, *rtc_rtm(**kw))

    # RTM login token for +user_id+.
    def rtm(user_id, expire)
      build(:agora_token_rtm_build, str('user_id', user_id), u32('expire', expire))
    end

    # RTM 2.x token with resource permissions (Permission values or Hashes).
    def rtm_with_permissions(user_id, permissions, expire)
      keep = []
      build(:agora_token_rtm_build_with_permissions, str('user_id', user_id),
            *Convert.permissions(permissions, keep), u32('expire', expire))
    end

    # Chat user token.
    def chat_user(user_id, expire)
      build(:agora_token_chat_build_user_token, str('user_id', user_id), u32('expire', expire))
    end

    # Chat app token.
    def chat_app(expire) = build(:agora_token_chat_build_app_token, u32('expire', expire))

    # FPA login token, valid 24 hours.
    def fpa = build(:agora_token_fpa_build)

    # apaas_room_user(room_uuid, user_uuid, role, expire), apaas_user(user_uuid,
    # expire), apaas_app(expire), and the same education_* (the APaaS tokens).
    %w[apaas education].each do |family|
      define_method(:"#{family}_room_user") do |room_uuid, user_uuid, role, expire|
        build(:"agora_token_#{family}_build_room_user_token", str('room_uuid', room_uuid),
              str('user_uuid', user_uuid), i16('role', role), u32('expire', expire))
      end

      define_method(:"#{family}_user") do |user_uuid, expire|
        build(:"agora_token_#{family}_build_user_token", str('user_uuid', user_uuid), u32('expire', expire))
      end

      define_method(:"#{family}_app") do |expire|
        build(:"agora_token_#{family}_build_app_token", u32('expire', expire))
      end
    end

    # A token of explicit services (Service values or Hashes with its keys),
    # valid +expire+ seconds. Only app ID, certificate and "at least one
    # service" are checked.
    def services(expire, services)
      keep = []
      build(:agora_token_v007_build, u32('expire', expire), *Convert.services(services, keep))
    end

    # 006 RTC token for a uid (0: any user); privilege_expired_ts absolute.
    def rtc006_with_uid(channel_name, uid, role, privilege_expired_ts)
      build(:agora_token_v006_rtc_build_with_uid, str('channel_name', channel_name), u32('uid', uid),
            i32('role', role), u32('privilege_expired_ts', privilege_expired_ts))
    end

    # 006 RTC token for a user account.
    def rtc006_with_account(channel_name, account, role, privilege_expired_ts)
      build(:agora_token_v006_rtc_build_with_user_account, str('channel_name', channel_name), str('account', account),
            i32('role', role), u32('privilege_expired_ts', privilege_expired_ts))
    end

    # 006 RTM login token.
    def rtm006(user_account, privilege_expired_ts)
      build(:agora_token_v006_rtm_build, str('user_account', user_account),
            u32('privilege_expired_ts', privilege_expired_ts))
    end

    private

    def build(function, *args)
      AgoraToken.call_native(function, @app_id, @app_certificate, *args, @options)
    end

    def four(p)
      get = ->(k) { p.is_a?(Hash) ? p.fetch(k) : p.public_send(k) }
      %i[join_channel publish_audio publish_video publish_data].map { |k| u32("privileges.#{k}", get.call(k)) }
    end

    def rtc_rtm(channel_name:, rtc_account:, rtc_role:, rtc_token_expire:, privileges:, rtm_user_id:, rtm_token_expire:)
      [str('channel_name', channel_name), str('rtc_account', rtc_account), i32('rtc_role', rtc_role),
       u32('rtc_token_expire', rtc_token_expire), *four(privileges), str('rtm_user_id', rtm_user_id),
       u32('rtm_token_expire', rtm_token_expire)]
    end

  end
end
