# frozen_string_literal: true

module AgoraToken
  # RTC roles of the 007 builders.
  module Role
    PUBLISHER = 1
    SUBSCRIBER = 2
  end

  # RTC roles of the 006 builders (all but SUBSCRIBER may publish).
  module Role006
    ATTENDEE = 0
    PUBLISHER = 1
    SUBSCRIBER = 2
    ADMIN = 101
  end

  # Service type numbers of a 007 token (AGORA_TOKEN_SERVICE_*).
  module ServiceType
    RTC = 1
    RTM = 2
    STREAMING = 3
    FPA = 4
    CHAT = 5
    FCDN = 6
    APAAS = 7
    RTM2 = 8
    CONVOAI = 9
    STT = 10
  end

  # RTM 2.x resource and permission types.
  module Rtm2
    MESSAGE_CHANNELS = 0
    STREAM_CHANNELS = 1
    GROUP_CHANNELS = 2
    SERVER_GROUPS = 3
    USERS = 4
    READ = 0
    WRITE = 1
  end

  # The four RTC privilege expires (seconds after the issue time; 0: no
  # limit of their own).
  Privileges = Struct.new(:join_channel, :publish_audio, :publish_video, :publish_data, keyword_init: true)

  # One RTM 2.x entry: a resource type, a permission type and its resources.
  Permission = Struct.new(:resource_type, :permission_type, :resources, keyword_init: true)

  # One service of a token assembled by hand (Builder#services): +type+ is a
  # ServiceType, +privileges+ a Hash of id => expire; only the fields of the
  # type are read (nil means "").
  Service = Struct.new(:type, :privileges, :channel_name, :uid, :user_id, :account, :room_uuid, :user_uuid,
                       :role, :permissions, keyword_init: true)

  # A privilege of a parsed token: +expire+ as in the token (007 seconds
  # after the issue time, 006 absolute), +expires_at+ Unix seconds or nil
  # for no limit, +name+ nil for an id the library does not name.
  ParsedPrivilege = Struct.new(:id, :name, :expire, :expires_at)

  # A service of a parsed 007 token; text fields of other service types are
  # nil, +role+ is -1 but for APaaS.
  ParsedService = Struct.new(:type, :type_id, :privileges, :channel_name, :uid, :user_id, :account, :room_uuid,
                             :user_uuid, :role, :permissions)

  # A parsed token (frozen, deeply). +version+ is "007" or "006"; fields of
  # the other version are nil. +expires_at+ is nil for no limit.
  Token = Struct.new(:version, :app_id, :salt, :expires_at, :issue_ts, :expire, :services, :unknown_service_type,
                     :ts, :crc_channel_name, :crc_uid, :privileges)

  # Reads libagora_token's AgoraTokenParsed into frozen Ruby values. Fields
  # are read at their layout offsets (FFI::Struct#[] per field costs a hash
  # lookup and an object each), and the Structs are made positionally.
  module Reader
    PRIV = Native::ParsedPrivilege
    SVC = Native::ParsedService
    PERM = Native::Rtm2Permission
    TOK = Native::Parsed
    # Field name => offset, per C struct.
    OFF = [PRIV, SVC, PERM, TOK].to_h { |k| [k, k.members.to_h { |m| [m, k.offset_of(m)] }.freeze] }.freeze
    PTR = FFI::Pointer.size

    module_function

    # A size_t field.
    def size(ptr, offset) = PTR == 8 ? ptr.get_uint64(offset) : ptr.get_uint32(offset)

    def text(ptr)
      ptr.null? ? nil : ptr.read_string.force_encoding(Encoding::UTF_8).freeze
    end

    def privileges(ptr, count)
      o = OFF[PRIV]
      Array.new(count) do |n|
        base = n * PRIV.size
        at = ptr.get_uint64(base + o[:expires_at])
        ParsedPrivilege.new(ptr.get_uint16(base + o[:id]), text(ptr.get_pointer(base + o[:name])),
                            ptr.get_uint32(base + o[:expire]), at.zero? ? nil : at).freeze
      end.freeze
    end

    def permissions(ptr, count)
      o = OFF[PERM]
      Array.new(count) do |n|
        base = n * PERM.size
        list = ptr.get_pointer(base + o[:resources])
        names = Array.new(size(ptr, base + o[:resource_count])) { |k| text(list.get_pointer(k * PTR)) }
        Permission.new(resource_type: ptr.get_uint16(base + o[:resource_type]),
                       permission_type: ptr.get_uint16(base + o[:permission_type]), resources: names.freeze).freeze
      end.freeze
    end

    def services(ptr, count)
      o = OFF[SVC]
      Array.new(count) do |n|
        b = n * SVC.size
        t = ->(k) { text(ptr.get_pointer(b + o[k])) }
        ParsedService.new(t.call(:type_name), ptr.get_uint16(b + o[:service_type]),
                          privileges(ptr.get_pointer(b + o[:privileges]), size(ptr, b + o[:privilege_count])),
                          t.call(:channel_name), t.call(:uid), t.call(:user_id), t.call(:account), t.call(:room_uuid),
                          t.call(:user_uuid), ptr.get_int16(b + o[:role]),
                          permissions(ptr.get_pointer(b + o[:permissions]), size(ptr, b + o[:permission_count]))).freeze
      end.freeze
    end

    # Converts and frees a parsed token.
    def token(ptr)
      o = OFF[TOK]
      v = ptr.get_uint32(o[:version])
      at = ptr.get_uint64(o[:expires_at])
      unknown = ptr.get_int32(o[:unknown_service_type])
      common = [v == 7 ? '007' : format('%03d', v).freeze, text(ptr.get_pointer(o[:app_id])), ptr.get_uint32(o[:salt]),
                at.zero? ? nil : at]
      if v == 7
        Token.new(*common, ptr.get_uint32(o[:issue_ts]), ptr.get_uint32(o[:expire]),
                  services(ptr.get_pointer(o[:services]), size(ptr, o[:service_count])),
                  unknown.negative? ? nil : unknown, nil, nil, nil, nil).freeze
      else
        Token.new(*common, nil, nil, nil, nil, ptr.get_uint32(o[:ts]), ptr.get_uint32(o[:crc_channel_name]),
                  ptr.get_uint32(o[:crc_uid]),
                  privileges(ptr.get_pointer(o[:privileges]), size(ptr, o[:privilege_count]))).freeze
      end
    ensure
      Native.agora_token_parsed_free(ptr)
    end
  end
end
