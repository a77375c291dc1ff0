# frozen_string_literal: true

# Drop-in for the official Ruby gem's AgoraDynamicKey 006 builders
# (RTCTokenBuilder and RTMTokenBuilder with a payload Hash), over
# libagora_token. Known differences: bindings/ruby/README.md.
require_relative 'agora_token'

module AgoraDynamicKey
  # Payload handling of the official builders: keys may be Symbols or
  # Strings; a missing key raises InvalidParamsError.
  module Payload
    module_function

    def check!(payload, keys)
      raise RTCTokenBuilder::InvalidParamsError.new(params: payload), 'invalid params' if payload.nil? || payload.empty?

      params = payload.to_h { |k, v| [k.to_sym, v] }.slice(*keys)
      missing = keys - params.keys
      unless missing.empty?
        raise RTCTokenBuilder::InvalidParamsError.new(params: payload, missing_keys: missing), 'missing params'
      end

      params
    end

    # Builds as the official gem: the lenient C builders, the token ending 24
    # hours from now, the uid or account as its text ("#{uid}").
    def build(function, params, *args)
      options = AgoraToken::Convert.options(lenient: true)
      AgoraToken.call_native(function, AgoraToken::Convert.str('app_id', params[:app_id].to_s),
                             AgoraToken::Convert.str('app_certificate', params[:app_certificate].to_s),
                             *args, options)
    end
  end
  private_constant :Payload

  # 006 RTC tokens.
  class RTCTokenBuilder
    # A payload without a needed key.
    class InvalidParamsError < StandardError
      attr_reader :params, :missing_keys

      def initialize(args = {})
        super
        @params = args[:params]
        @missing_keys = args[:missing_keys]
      end
    end

    # 006 roles.
    module Role
      ATTENDEE = 0
      PUBLISHER = 1
      SUBSCRIBER = 2
      ADMIN = 101
    end

    class << self
      # payload: app_id, app_certificate, channel_name, role, uid, privilege_expired_ts.
      def build_token_with_uid(payload)
        params = Payload.check!(payload, %i[app_id app_certificate channel_name role uid privilege_expired_ts])
        build_token_with_account(params.merge(account: params[:uid]))
      end

      # payload: app_id, app_certificate, channel_name, role, account, privilege_expired_ts.
      def build_token_with_account(payload)
        params = Payload.check!(payload, %i[app_id app_certificate channel_name role account privilege_expired_ts])
        Payload.build(:agora_token_v006_rtc_build_with_user_account, params,
                      AgoraToken::Convert.str('channel_name', params[:channel_name].to_s),
                      AgoraToken::Convert.str('account', params[:account].to_s),
                      AgoraToken::Convert.i32('role', params[:role]),
                      AgoraToken::Convert.u32('privilege_expired_ts', params[:privilege_expired_ts]))
      end
    end
  end

  # 006 RTM tokens.
  class RTMTokenBuilder
    # 006 RTM role.
    module Role
      RTM_USER = 1
    end

    class << self
      # payload: app_id, app_certificate, role, account, privilege_expired_ts.
      def build_token(payload)
        params = Payload.check!(payload, %i[app_id app_certificate role account privilege_expired_ts])
        Payload.build(:agora_token_v006_rtm_build, params, AgoraToken::Convert.str('account', params[:account].to_s),
                      AgoraToken::Convert.u32('privilege_expired_ts', params[:privilege_expired_ts]))
      end
    end
  end
end
