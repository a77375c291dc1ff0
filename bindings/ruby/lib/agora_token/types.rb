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
  ParsedPrivilege = Struct.new(:id, :name, :expire, :expires_at, keyword_init: true)

  # A service of a parsed 007 token; text fields of other service types are
  # nil, +role+ is -1 but for APaaS.
  ParsedService = Struct.new(:type, :type_id, :privileges, :channel_name, :uid, :user_id, :account, :room_uuid,
                             :user_uuid, :role, :permissions, keyword_init: true)

  # A parsed token (frozen, deeply). +version+ is "007" or "006"; fields of
  # the other version are nil. +expires_at+ is nil for no limit.
  Token = Struct.new(:version, :app_id, :salt, :expires_at, :issue_ts, :expire, :services, :unknown_service_type,
                     :ts, :crc_channel_name, :crc_uid, :privileges, keyword_init: true)

  # Reads libagora_token's AgoraTokenParsed into frozen Ruby values.
  module Reader
    module_function

    def text(ptr)
      ptr.null? ? nil : ptr.read_string.force_encoding(Encoding::UTF_8).freeze
    end

    def each_struct(klass, ptr, count)
      Array.new(count) { |n| yield klass.new(ptr + (n * klass.size)) }.freeze
    end

    def privileges(ptr, count)
      each_struct(Native::ParsedPrivilege, ptr, count) do |p|
        ParsedPrivilege.new(id: p[:id], name: text(p[:name]), expire: p[:expire],
                            expires_at: p[:expires_at].zero? ? nil : p[:expires_at]).freeze
      end
    end

    def permissions(ptr, count)
      each_struct(Native::Rtm2Permission, ptr, count) do |p|
        names = Array.new(p[:resource_count]) { |n| text(p[:resources].get_pointer(n * FFI::Pointer.size)) }
        Permission.new(resource_type: p[:resource_type], permission_type: p[:permission_type],
                       resources: names.freeze).freeze
      end
    end

    def service(s)
      ParsedService.new(type: text(s[:type_name]), type_id: s[:service_type],
                        privileges: privileges(s[:privileges], s[:privilege_count]),
                        channel_name: text(s[:channel_name]), uid: text(s[:uid]), user_id: text(s[:user_id]),
                        account: text(s[:account]), room_uuid: text(s[:room_uuid]), user_uuid: text(s[:user_uuid]),
                        role: s[:role], permissions: permissions(s[:permissions], s[:permission_count])).freeze
    end

    # Converts and frees a parsed token.
    def token(ptr)
      p = Native::Parsed.new(ptr)
      v007 = p[:version] == 7
      Token.new(
        version: format('%03d', p[:version]).freeze, app_id: text(p[:app_id]), salt: p[:salt],
        expires_at: p[:expires_at].zero? ? nil : p[:expires_at],
        issue_ts: v007 ? p[:issue_ts] : nil, expire: v007 ? p[:expire] : nil,
        services: v007 ? each_struct(Native::ParsedService, p[:services], p[:service_count]) { |s| service(s) } : nil,
        unknown_service_type: p[:unknown_service_type].negative? ? nil : p[:unknown_service_type],
        ts: v007 ? nil : p[:ts], crc_channel_name: v007 ? nil : p[:crc_channel_name],
        crc_uid: v007 ? nil : p[:crc_uid],
        privileges: v007 ? nil : privileges(p[:privileges], p[:privilege_count])
      ).freeze
    ensure
      Native.agora_token_parsed_free(ptr)
    end
  end
end
