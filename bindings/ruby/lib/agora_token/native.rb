# frozen_string_literal: true

require 'ffi'

module AgoraToken
  # The C functions of libagora_token (include/agora_token.h), declared once.
  # Nothing here decides anything about a token: every rule is in token-core
  # behind the C ABI.
  module Native
    extend FFI::Library

    # Where the library is looked for: AGORA_TOKEN_LIBRARY (a path to
    # libagora_token.so), else the system's search (ld.so's paths, a prefix
    # installed by scripts/install-c, LD_LIBRARY_PATH).
    def self.candidates
      path = ENV.fetch('AGORA_TOKEN_LIBRARY', '')
      path.empty? ? ['agora_token', 'libagora_token.so.0'] : [path]
    end

    begin
      ffi_lib candidates
    rescue LoadError => e
      raise AgoraToken::LibraryNotFound,
            "libagora_token could not be loaded (#{e.message.lines.first&.strip}). " \
            'Set AGORA_TOKEN_LIBRARY to the path of libagora_token.so, or install the ' \
            'library where the system finds it (scripts/install-c --prefix /usr/local, ' \
            'then ldconfig; or LD_LIBRARY_PATH=PREFIX/lib).'
    end

    # AgoraTokenOptions.
    class Options < FFI::Struct
      layout :flags, :uint32, :issue_ts, :uint32, :salt, :uint32, :ts, :uint32
    end

    # AgoraTokenPrivilege.
    class Privilege < FFI::Struct
      layout :id, :uint16, :expire, :uint32
    end

    # AgoraTokenRtm2Permission.
    class Rtm2Permission < FFI::Struct
      layout :resource_type, :uint16, :permission_type, :uint16, :resources, :pointer, :resource_count, :size_t
    end

    # AgoraTokenService.
    class Service < FFI::Struct
      layout :service_type, :uint16, :privileges, :pointer, :privilege_count, :size_t,
             :channel_name, :pointer, :uid, :pointer, :user_id, :pointer, :account, :pointer,
             :room_uuid, :pointer, :user_uuid, :pointer, :role, :int16,
             :permissions, :pointer, :permission_count, :size_t
    end

    # AgoraTokenParsedPrivilege.
    class ParsedPrivilege < FFI::Struct
      layout :id, :uint16, :expire, :uint32, :expires_at, :uint64, :name, :pointer
    end

    # AgoraTokenParsedService.
    class ParsedService < FFI::Struct
      layout :service_type, :uint16, :type_name, :pointer, :privileges, :pointer, :privilege_count, :size_t,
             :channel_name, :pointer, :uid, :pointer, :user_id, :pointer, :account, :pointer,
             :room_uuid, :pointer, :user_uuid, :pointer, :role, :int16,
             :permissions, :pointer, :permission_count, :size_t
    end

    # AgoraTokenParsed.
    class Parsed < FFI::Struct
      layout :version, :uint32, :app_id, :pointer, :salt, :uint32, :expires_at, :uint64,
             :issue_ts, :uint32, :expire, :uint32, :services, :pointer, :service_count, :size_t,
             :unknown_service_type, :int32, :ts, :uint32, :crc_channel_name, :uint32, :crc_uid, :uint32,
             :privileges, :pointer, :privilege_count, :size_t
    end

    S = :string
    O = :pointer # options, out pointers, arrays
    # Every builder ends with (options, out_token, out_error).
    {
      agora_token_rtc_build_with_uid: [S, S, S, :uint32, :int32, :uint32, :uint32],
      agora_token_rtc_build_with_user_account: [S, S, S, S, :int32, :uint32, :uint32],
      agora_token_rtc_build_with_uid_and_privilege: [S, S, S, :uint32, :uint32, :uint32, :uint32, :uint32, :uint32],
      agora_token_rtc_build_with_user_account_and_privilege: [S, S, S, S, :uint32, :uint32, :uint32, :uint32, :uint32],
      agora_token_rtc_build_with_rtm: [S, S, S, S, :int32, :uint32, :uint32],
      agora_token_rtc_build_with_rtm2: [S, S, S, S, :int32, :uint32, :uint32, :uint32, :uint32, :uint32, S, :uint32],
      agora_token_convoai_build: [S, S, S, S, :int32, :uint32, :uint32, :uint32, :uint32, :uint32, S, :uint32],
      agora_token_stt_build: [S, S, S, S, :int32, :uint32, :uint32, :uint32, :uint32, :uint32, S, :uint32],
      agora_token_rtm_build: [S, S, S, :uint32],
      agora_token_rtm_build_with_permissions: [S, S, S, O, :size_t, :uint32],
      agora_token_chat_build_user_token: [S, S, S, :uint32],
      agora_token_chat_build_app_token: [S, S, :uint32],
      agora_token_fpa_build: [S, S],
      agora_token_apaas_build_room_user_token: [S, S, S, S, :int16, :uint32],
      agora_token_apaas_build_user_token: [S, S, S, :uint32],
      agora_token_apaas_build_app_token: [S, S, :uint32],
      agora_token_education_build_room_user_token: [S, S, S, S, :int16, :uint32],
      agora_token_education_build_user_token: [S, S, S, :uint32],
      agora_token_education_build_app_token: [S, S, :uint32],
      agora_token_v007_build: [S, S, :uint32, O, :size_t],
      agora_token_v006_rtc_build_with_uid: [S, S, S, :uint32, :int32, :uint32],
      agora_token_v006_rtc_build_with_user_account: [S, S, S, S, :int32, :uint32],
      agora_token_v006_rtm_build: [S, S, S, :uint32]
    }.each do |name, args|
      attach_function name, args + [O, O, O], :int
    end

    attach_function :agora_token_parse_struct, [S, O, O], :int
    attach_function :agora_token_v007_verify_struct, [S, S, O, O], :int
    attach_function :agora_token_v006_verify_struct, [S, S, S, S, O, O], :int
    attach_function :agora_token_check, [S, S, S, :uint64, O, O], :int
    attach_function :agora_token_v007_content_hex, [S, O, O], :int
    attach_function :agora_token_v007_issue, [O, O, O], :int
    attach_function :agora_token_status_name, [:int32], :string
    attach_function :agora_token_string_free, [:pointer], :void
    attach_function :agora_token_parsed_free, [:pointer], :void

    OPTION_FIXED_ISSUE = 1
    OPTION_LENIENT = 2
  end
end
