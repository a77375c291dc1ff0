# frozen_string_literal: true

# The official gem's AccessToken2 classes (AgoraDynamicKey2::AccessToken and
# the Service* classes) as value holders over libagora_token: building,
# parsing and signature checks are token-core's.
require_relative '../agora_token'

module AgoraDynamicKey2
  # A service of a token: its type and privilege expires (id => expire).
  class Service
    attr_accessor :type, :privileges

    def initialize(type)
      @type = type
      @privileges = {}
    end

    # Adds or replaces a privilege's expire.
    def add_privilege(privilege, expire)
      @privileges[privilege] = expire
    end

    # The official fetch_uid: the Integer 0 is "" (any user), anything else its text.
    def self.fetch_uid(uid) = uid.eql?(0) ? '' : uid.to_s

    # Service.fetch_uid.
    def fetch_uid(uid) = Service.fetch_uid(uid)

    # The fields of AgoraTokenService this service fills.
    def fields = {}
  end

  # RTC: channel name and uid.
  class ServiceRtc < Service
    attr_accessor :channel_name, :uid

    SERVICE_TYPE = 1
    PRIVILEGE_JOIN_CHANNEL = 1
    PRIVILEGE_PUBLISH_AUDIO_STREAM = 2
    PRIVILEGE_PUBLISH_VIDEO_STREAM = 3
    PRIVILEGE_PUBLISH_DATA_STREAM = 4

    def initialize(channel_name = '', uid = '')
      super(SERVICE_TYPE)
      @channel_name = channel_name
      @uid = fetch_uid(uid)
    end

    def fields = { channel_name: @channel_name.to_s, uid: @uid.to_s }
  end

  # RTM login.
  class ServiceRtm < Service
    attr_accessor :user_id

    SERVICE_TYPE = 2
    PRIVILEGE_JOIN_LOGIN = 1

    def initialize(user_id = '')
      super(SERVICE_TYPE)
      @user_id = user_id
    end

    def fields = { user_id: @user_id.to_s }
  end

  # Streaming: channel name and account.
  class ServiceStreaming < Service
    attr_accessor :channel_name, :account

    SERVICE_TYPE = 3
    PRIVILEGE_PUBLISH_MIX_STREAM = 1
    PRIVILEGE_PUBLISH_RAW_STREAM = 2

    def initialize(channel_name = '', account = '')
      super(SERVICE_TYPE)
      @channel_name = channel_name
      @account = fetch_uid(account)
    end

    def fields = { channel_name: @channel_name.to_s, account: @account.to_s }
  end

  # FPA login.
  class ServiceFpa < Service
    SERVICE_TYPE = 4
    PRIVILEGE_LOGIN = 1

    def initialize
      super(SERVICE_TYPE)
    end
  end

  # Chat user or app.
  class ServiceChat < Service
    attr_accessor :uid

    SERVICE_TYPE = 5
    PRIVILEGE_USER = 1
    PRIVILEGE_APP = 2

    def initialize(uid = '')
      super(SERVICE_TYPE)
      @uid = fetch_uid(uid)
    end

    def fields = { user_id: @uid.to_s }
  end

  # Fusion CDN: channel name and account.
  class ServiceFCdn < ServiceStreaming
    SERVICE_TYPE = 6
    PRIVILEGE_PUBLISH = 1
    PRIVILEGE_PLAY = 2

    def initialize(channel_name = '', account = '')
      super
      @type = SERVICE_TYPE
    end
  end

  # APaaS: room, user and role.
  class ServiceApaas < Service
    attr_accessor :room_uuid, :user_uuid, :role

    SERVICE_TYPE = 7
    PRIVILEGE_ROOM_USER = 1
    PRIVILEGE_USER = 2
    PRIVILEGE_APP = 3

    def initialize(room_uuid = '', user_uuid = '', role = -1)
      super(SERVICE_TYPE)
      @room_uuid = room_uuid
      @user_uuid = user_uuid
      @role = role
    end

    def fields = { room_uuid: @room_uuid.to_s, user_uuid: @user_uuid.to_s, role: @role }
  end

  # RTM 2.x: user ID and resource permissions.
  class ServiceRtm2 < Service
    # Resources by resource type and permission type.
    class Permissions
      # MESSAGE_CHANNELS, STREAM_CHANNELS, GROUP_CHANNELS, SERVER_GROUPS, USERS; READ, WRITE.
      include AgoraToken::Rtm2

      # resource type => permission type => resources
      attr_accessor :details

      def initialize
        @details = {}
      end

      # Adds or replaces the resources of a (resource type, permission type) pair.
      def add(resource_type, permission_type, resources)
        @details[resource_type] ||= {}
        @details[resource_type][permission_type] = resources.dup
      end

      # The entries as AgoraToken::Permission values.
      def to_a
        @details.flat_map do |rt, by_permission|
          by_permission.map { |pt, res| AgoraToken::Permission.new(resource_type: rt, permission_type: pt, resources: res) }
        end
      end
    end

    attr_accessor :user_id, :permissions

    SERVICE_TYPE = 8
    PRIVILEGE_LOGIN = 1

    def initialize(user_id = '', permissions = nil)
      super(SERVICE_TYPE)
      @user_id = user_id
      @permissions = permissions || Permissions.new
    end

    def fields = { user_id: @user_id.to_s, permissions: @permissions.to_a }
  end

  # An AccessToken2 ("007"): build from services, or parse and check a
  # token. The issue time and salt are drawn by libagora_token when the
  # object is made (as the official constructor does) and may be set.
  class AccessToken
    attr_accessor :app_cert, :app_id, :expire, :issue_ts, :salt, :services

    VERSION = '007'
    VERSION_LENGTH = 3
    SERVICES = { ServiceRtc::SERVICE_TYPE => ServiceRtc, ServiceRtm::SERVICE_TYPE => ServiceRtm,
                 ServiceStreaming::SERVICE_TYPE => ServiceStreaming, ServiceFpa::SERVICE_TYPE => ServiceFpa,
                 ServiceChat::SERVICE_TYPE => ServiceChat, ServiceFCdn::SERVICE_TYPE => ServiceFCdn,
                 ServiceApaas::SERVICE_TYPE => ServiceApaas, ServiceRtm2::SERVICE_TYPE => ServiceRtm2 }.freeze

    def initialize(app_id = '', app_cert = '', expire = 900)
      @app_id = app_id
      @app_cert = app_cert
      @expire = expire
      issue = FFI::MemoryPointer.new(:uint32, 2)
      AgoraToken.call_native(:agora_token_v007_issue, issue, issue + 4, result: :none)
      @issue_ts, @salt = issue.read_array_of_uint32(2)
      @services = []
      @token = nil
    end

    # Never shows the app certificate.
    def inspect = "#<#{self.class.name} app_id=#{@app_id.inspect} services=#{@services.map(&:type)}>"

    # Adds a service (a repeated type is kept, as the official class does).
    def add_service(service)
      @services << service
    end

    # The services of a type.
    def get_services(service_type) = @services.select { |s| s.type == service_type }

    # The token, or "" when the app ID or certificate is not 32 hex
    # characters or there is no service (as the official build).
    def build
      return '' unless @app_id.is_a?(String) && @app_cert.is_a?(String)

      keep = []
      list = @services.map do |s|
        AgoraToken::Service.new(type: s.type, privileges: s.privileges, **s.fields)
      end
      options = AgoraToken::Convert.options(issue_ts: @issue_ts, salt: @salt)
      array, count = AgoraToken::Convert.services(list, keep)
      AgoraToken.call_native(:agora_token_v007_build, AgoraToken::Convert.str('app_id', @app_id),
                             AgoraToken::Convert.str('app_certificate', @app_cert),
                             AgoraToken::Convert.u32('expire', @expire), array, count, options)
    rescue AgoraToken::InvalidInput, AgoraToken::NoService
      ''
    end

    # Reads a token into this object; true when it is a 007 token. Parsing
    # stops at a service type this class has no class for (ConvoAI, STT), as
    # the official parse does.
    def parse(token)
      @app_id = ''
      @issue_ts = @expire = @salt = 0
      @services = []
      @token = nil
      t = AgoraToken.parse(token)
      return false unless t.version == VERSION

      @app_id, @issue_ts, @expire, @salt = t.app_id, t.issue_ts, t.expire, t.salt
      t.services.each do |s|
        break unless SERVICES.key?(s.type_id)

        @services << service_of(s)
      end
      @token = token
      true
    rescue AgoraToken::Error, TypeError
      false
    end

    # Whether the parsed token is signed with +app_certificate+.
    def verify_signature(app_certificate)
      return false if @token.nil? || !app_certificate.is_a?(String)

      AgoraToken.verify(@token, app_certificate)
      true
    rescue AgoraToken::Error
      false
    end

    private

    def service_of(parsed)
      s = SERVICES.fetch(parsed.type_id).new
      parsed.privileges.each { |p| s.add_privilege(p.id, p.expire) }
      case s
      when ServiceRtc then (s.channel_name, s.uid = parsed.channel_name, parsed.uid)
      when ServiceStreaming then (s.channel_name, s.account = parsed.channel_name, parsed.account)
      when ServiceChat then s.uid = parsed.user_id
      when ServiceRtm then s.user_id = parsed.user_id
      when ServiceApaas then (s.room_uuid, s.user_uuid, s.role = parsed.room_uuid, parsed.user_uuid, parsed.role)
      when ServiceRtm2
        s.user_id = parsed.user_id
        parsed.permissions.each { |p| s.permissions.add(p.resource_type, p.permission_type, p.resources) }
      end
      s
    end
  end
end
