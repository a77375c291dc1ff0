# frozen_string_literal: true

# Drop-in for the official Ruby gem's AgoraDynamicKey2 builders (AccessToken2,
# "007"): the same module, class and method names, arguments and results,
# over libagora_token. Like the official builders it checks only the app ID
# and certificate and returns "" when they are not 32 hex characters (or a
# token would have no service); every other input is accepted as the
# official gem accepts it. Known differences: bindings/ruby/README.md.
require_relative 'agora_token'
require_relative 'dynamic_key2/access_token'

module AgoraDynamicKey2
  # Calls into libagora_token the way the official builders behave.
  module DropIn
    LENIENT = AgoraToken::Convert.options(lenient: true)
    private_constant :LENIENT

    module_function

    def uid_text(uid) = Service.fetch_uid(uid)

    def u32(name, value) = AgoraToken::Convert.u32(name, value)

    def role(name, value) = AgoraToken::Convert.i32(name, value)

    # Builds with the lenient options; "" where the official `build` returns
    # "" (an app ID or certificate that is not 32 hex characters; no service).
    def build(function, app_id, app_certificate, *args)
      return '' unless app_id.is_a?(String) && app_certificate.is_a?(String)

      args = [app_id, app_certificate, *args].map { |a| a.is_a?(String) ? AgoraToken::Convert.str('argument', a) : a }
      begin
        AgoraToken.call_native(function, *args, LENIENT)
      rescue AgoraToken::InvalidInput, AgoraToken::NoService
        ''
      end
    end

    def rtc_rtm(function, app_id, app_certificate, channel_name, rtc_account, rtc_role, rtc_token_expire,
                join, audio, video, data, rtm_user_id, rtm_token_expire)
      build(function, app_id, app_certificate, channel_name.to_s, uid_text(rtc_account), role('rtc_role', rtc_role),
            u32('rtc_token_expire', rtc_token_expire), u32('join_channel_privilege_expire', join),
            u32('pub_audio_privilege_expire', audio), u32('pub_video_privilege_expire', video),
            u32('pub_data_stream_privilege_expire', data), rtm_user_id.to_s, u32('rtm_token_expire', rtm_token_expire))
    end
  end
  private_constant :DropIn

  # RTC tokens (RtcTokenBuilder of the official gem).
  class RtcTokenBuilder
    # A host: joins and publishes.
    ROLE_PUBLISHER = 1
    # An audience member: joins (publishes too unless co-host authentication is on).
    ROLE_SUBSCRIBER = 2

    # RTC token for a uid (0: any user); token_expire and privilege_expire
    # are seconds from now.
    def self.build_token_with_uid(app_id, app_certificate, channel_name, uid, role, token_expire, privilege_expire = 0)
      build_token_with_user_account(app_id, app_certificate, channel_name, uid, role, token_expire, privilege_expire)
    end

    # RTC token for a user account.
    def self.build_token_with_user_account(app_id, app_certificate, channel_name, account, role, token_expire,
                                           privilege_expire = 0)
      DropIn.build(:agora_token_rtc_build_with_user_account, app_id, app_certificate, channel_name.to_s,
                   DropIn.uid_text(account), DropIn.role('role', role), DropIn.u32('token_expire', token_expire),
                   DropIn.u32('privilege_expire', privilege_expire))
    end

    # RTC token for a uid with an expire per privilege.
    def self.build_token_with_uid_and_privilege(app_id, app_certificate, channel_name, uid, token_expire,
                                                join_channel_privilege_expire, pub_audio_privilege_expire,
                                                pub_video_privilege_expire, pub_data_stream_privilege_expire)
      build_token_with_user_account_and_privilege(app_id, app_certificate, channel_name, uid, token_expire,
                                                  join_channel_privilege_expire, pub_audio_privilege_expire,
                                                  pub_video_privilege_expire, pub_data_stream_privilege_expire)
    end

    # RTC token for a user account with an expire per privilege.
    def self.build_token_with_user_account_and_privilege(app_id, app_certificate, channel_name, account, token_expire,
                                                         join_channel_privilege_expire, pub_audio_privilege_expire,
                                                         pub_video_privilege_expire, pub_data_stream_privilege_expire)
      DropIn.build(:agora_token_rtc_build_with_user_account_and_privilege, app_id, app_certificate,
                   channel_name.to_s, DropIn.uid_text(account), DropIn.u32('token_expire', token_expire),
                   DropIn.u32('join_channel_privilege_expire', join_channel_privilege_expire),
                   DropIn.u32('pub_audio_privilege_expire', pub_audio_privilege_expire),
                   DropIn.u32('pub_video_privilege_expire', pub_video_privilege_expire),
                   DropIn.u32('pub_data_stream_privilege_expire', pub_data_stream_privilege_expire))
    end

    # RTC token that also logs +account+ in to RTM (for token_expire seconds).
    def self.build_token_with_rtm(app_id, app_certificate, channel_name, account, role, token_expire,
                                  privilege_expire = 0)
      DropIn.build(:agora_token_rtc_build_with_rtm, app_id, app_certificate, channel_name.to_s, account.to_s,
                   DropIn.role('role', role), DropIn.u32('token_expire', token_expire),
                   DropIn.u32('privilege_expire', privilege_expire))
    end

    # RTC token for +rtc_account+ plus an RTM login for +rtm_user_id+.
    def self.build_token_with_rtm2(app_id, app_certificate, channel_name, rtc_account, rtc_role, rtc_token_expire,
                                   join_channel_privilege_expire, pub_audio_privilege_expire,
                                   pub_video_privilege_expire, pub_data_stream_privilege_expire,
                                   rtm_user_id, rtm_token_expire)
      DropIn.rtc_rtm(:agora_token_rtc_build_with_rtm2, app_id, app_certificate, channel_name, rtc_account, rtc_role,
                     rtc_token_expire, join_channel_privilege_expire, pub_audio_privilege_expire,
                     pub_video_privilege_expire, pub_data_stream_privilege_expire, rtm_user_id, rtm_token_expire)
    end
  end

  # RTM tokens.
  class RtmTokenBuilder
    # RTM login token for +user_id+, valid +expire+ seconds.
    def self.build_token(app_id, app_certificate, user_id, expire)
      DropIn.build(:agora_token_rtm_build, app_id, app_certificate, user_id.to_s, DropIn.u32('expire', expire))
    end

    # RTM 2.x token with resource permissions (a ServiceRtm2::Permissions; nil for none).
    def self.build_token_with_permissions(app_id, app_certificate, user_id, permissions, expire = 0)
      keep = []
      list = (permissions || ServiceRtm2::Permissions.new).to_a
      array, count = AgoraToken::Convert.permissions(list, keep)
      DropIn.build(:agora_token_rtm_build_with_permissions, app_id, app_certificate, user_id.to_s, array, count,
                   DropIn.u32('expire', expire))
    end
  end

  # Chat tokens.
  class ChatTokenBuilder
    # Chat user token (the Integer 0 is "", as the official fetch_uid).
    def self.build_user_token(app_id, app_certificate, user_id, expire)
      DropIn.build(:agora_token_chat_build_user_token, app_id, app_certificate, DropIn.uid_text(user_id),
                   DropIn.u32('expire', expire))
    end

    # Chat app token.
    def self.build_app_token(app_id, app_certificate, expire)
      DropIn.build(:agora_token_chat_build_app_token, app_id, app_certificate, DropIn.u32('expire', expire))
    end
  end

  # FPA tokens.
  class FpaTokenBuilder
    # FPA login token, valid 24 hours.
    def self.build_token(app_id, app_certificate)
      DropIn.build(:agora_token_fpa_build, app_id, app_certificate)
    end
  end

  # APaaS (Flexible Classroom) tokens; EducationTokenBuilder is the same.
  class ApaasTokenBuilder
    # Room-user token: APaaS room user, RTM login and Chat user (MD5 of user_uuid).
    def self.build_room_user_token(app_id, app_certificate, room_uuid, user_uuid, role, expire)
      DropIn.build(:"agora_token_#{family}_build_room_user_token", app_id, app_certificate, room_uuid.to_s,
                   user_uuid.to_s, AgoraToken::Convert.i16('role', role), DropIn.u32('expire', expire))
    end

    # User token.
    def self.build_user_token(app_id, app_certificate, user_uuid, expire)
      DropIn.build(:"agora_token_#{family}_build_user_token", app_id, app_certificate, user_uuid.to_s,
                   DropIn.u32('expire', expire))
    end

    # App token.
    def self.build_app_token(app_id, app_certificate, expire)
      DropIn.build(:"agora_token_#{family}_build_app_token", app_id, app_certificate, DropIn.u32('expire', expire))
    end

    def self.family = 'apaas'
    private_class_method :family
  end

  # Education tokens (the APaaS ones).
  class EducationTokenBuilder < ApaasTokenBuilder
    def self.family = 'education'
    private_class_method :family
  end
end
