# frozen_string_literal: true

# The calls of a case of tests/vectors or tests/conformance/bad_inputs.json
# through the Ruby surfaces: the idiomatic AgoraToken::Builder (pinned to
# the case's issue ts and salt) and the official-named drop-ins (issued now,
# re-pinned by the caller). Shared by the minitest suite and the conformance
# worker (tests/conformance/workers/ruby_worker.rb).
require 'agora_token'
require 'dynamic_key2'
require 'dynamic_key'

module VectorCalls
  # A case that a Ruby surface has no call for; the message says why.
  class NotOffered < StandardError; end

  LEGACY = %w[dk3 dk4 dk5 signaling].freeze

  module_function

  def legacy?(builder) = LEGACY.include?(builder.split('.').first)

  def role!(value)
    raise NotOffered, 'roles are numbers' unless value.is_a?(Integer)

    value
  end

  def permissions!(list)
    list.each do |p|
      next if p['resource_type'].is_a?(Integer) && p['permission_type'].is_a?(Integer)

      raise NotOffered, 'resource and permission types are numbers'
    end
    list.map { |p| AgoraToken::Permission.new(resource_type: p['resource_type'], permission_type: p['permission_type'], resources: p['resources']) }
  end

  def uid_text(uid) = uid.zero? ? '' : uid.to_s

  def privileges(i)
    AgoraToken::Privileges.new(join_channel: i['join_channel_privilege_expire'], publish_audio: i['pub_audio_privilege_expire'],
                               publish_video: i['pub_video_privilege_expire'], publish_data: i['pub_data_stream_privilege_expire'])
  end

  def rtc_rtm(i)
    { channel_name: i['channel_name'], rtc_account: i.key?('rtc_uid') ? uid_text(i['rtc_uid']) : i['rtc_account'],
      rtc_role: role!(i['rtc_role']), rtc_token_expire: i['rtc_token_expire'], privileges: privileges(i),
      rtm_user_id: i['rtm_user_id'], rtm_token_expire: i['rtm_token_expire'] }
  end

  # parse / verify through the idiomatic API; returns the Token.
  def read(builder, i, token)
    return AgoraToken.parse(token) if builder == 'parse'
    return AgoraToken.verify(token, i['app_certificate']) unless token.start_with?('006')

    # An RTM 006 token is checked with the user account as the channel and "" as the uid.
    return AgoraToken.verify006(token, i['app_certificate'], i['user_account'], '') if i.key?('user_account')

    AgoraToken.verify006(token, i['app_certificate'], i['channel_name'], i.key?('uid') ? i['uid'] : i['account'])
  end

  # The idiomatic API's token for a case (checked unless +lenient+).
  def idiomatic(builder, i, token, lenient: false)
    raise NotOffered, 'the Ruby binding has no legacy DynamicKey/Signaling builders' if legacy?(builder)
    return read(builder, i, token) if %w[parse verify].include?(builder)

    v006 = builder.start_with?('rtc006.') || builder == 'rtm006.token'
    fixed = v006 ? { salt: i['salt'], ts: i['ts'] } : { issue_ts: i['issue_ts'], salt: i['salt'] }
    b = AgoraToken::Builder.new(i['app_id'], i['app_certificate'], lenient: lenient, **fixed)
    case builder
    when 'rtc.with_uid', 'rtc.with_user_account'
      user = i.key?('uid') ? :rtc_with_uid : :rtc_with_account
      b.public_send(user, i['channel_name'], i.fetch('uid') { i['account'] }, role!(i['role']), i['token_expire'], i['privilege_expire'])
    when 'rtc.with_uid_and_privilege', 'rtc.with_user_account_and_privilege'
      user = i.key?('uid') ? :rtc_with_uid_and_privileges : :rtc_with_account_and_privileges
      b.public_send(user, i['channel_name'], i.fetch('uid') { i['account'] }, i['token_expire'], privileges(i))
    when 'rtc.with_rtm' then b.rtc_with_rtm(i['channel_name'], i['account'], role!(i['role']), i['token_expire'], i['privilege_expire'])
    when 'rtc.with_rtm2' then b.rtc_with_rtm2(**rtc_rtm(i))
    when 'convoai.token' then b.convoai(**rtc_rtm(i))
    when 'stt.token' then b.stt(**rtc_rtm(i))
    when 'rtm.token' then b.rtm(i['user_id'], i['expire'])
    when 'rtm.token_with_permissions' then b.rtm_with_permissions(i['user_id'], permissions!(i['permissions']), i['expire'])
    when 'chat.user' then b.chat_user(i['user_id'], i['expire'])
    when 'chat.app' then b.chat_app(i['expire'])
    when 'fpa.token' then b.fpa
    when 'apaas.room_user', 'education.room_user'
      b.public_send(:"#{builder.split('.').first}_room_user", i['room_uuid'], i['user_uuid'], i['role'], i['expire'])
    when 'apaas.user', 'education.user' then b.public_send(:"#{builder.split('.').first}_user", i['user_uuid'], i['expire'])
    when 'apaas.app', 'education.app' then b.public_send(:"#{builder.split('.').first}_app", i['expire'])
    when 'access_token2.services'
      b.services(i['expire'], i['services'].map do |s|
        AgoraToken::Service.new(type: s['type'], privileges: s['privileges'], channel_name: s['channel_name'], uid: s['uid'],
                                user_id: s['user_id'], account: s['account'], room_uuid: s['room_uuid'],
                                user_uuid: s['user_uuid'], role: s['role'], permissions: permissions!(s['permissions'] || []))
      end)
    when 'rtc006.with_uid', 'rtc006.with_user_account'
      user = i.key?('uid') ? :rtc006_with_uid : :rtc006_with_account
      b.public_send(user, i['channel_name'], i.fetch('uid') { i['account'] }, role!(i['role']), i['privilege_expired_ts'])
    when 'rtm006.token' then b.rtm006(i['user_account'], i['privilege_expired_ts'])
    else raise NotOffered, "no AgoraToken::Builder call for #{builder}"
    end
  end

  # The drop-in's token for a case (issued now: re-pin to compare).
  def dropin(builder, i, token)
    raise NotOffered, 'the official Ruby gem has no legacy DynamicKey/Signaling builders' if legacy?(builder)
    return dropin_read(builder, i, token) if %w[parse verify].include?(builder)

    a, c = i['app_id'], i['app_certificate']
    rtc = AgoraDynamicKey2::RtcTokenBuilder
    case builder
    when 'rtc.with_uid' then rtc.build_token_with_uid(a, c, i['channel_name'], i['uid'], role!(i['role']), i['token_expire'], i['privilege_expire'])
    when 'rtc.with_user_account'
      rtc.build_token_with_user_account(a, c, i['channel_name'], i['account'], role!(i['role']), i['token_expire'], i['privilege_expire'])
    when 'rtc.with_uid_and_privilege', 'rtc.with_user_account_and_privilege'
      p = privileges(i)
      m = i.key?('uid') ? :build_token_with_uid_and_privilege : :build_token_with_user_account_and_privilege
      rtc.public_send(m, a, c, i['channel_name'], i.fetch('uid') { i['account'] }, i['token_expire'],
                      p.join_channel, p.publish_audio, p.publish_video, p.publish_data)
    when 'rtc.with_rtm' then rtc.build_token_with_rtm(a, c, i['channel_name'], i['account'], role!(i['role']), i['token_expire'], i['privilege_expire'])
    when 'rtc.with_rtm2'
      r = rtc_rtm(i)
      p = r[:privileges]
      rtc.build_token_with_rtm2(a, c, r[:channel_name], i.fetch('rtc_uid') { i['rtc_account'] }, r[:rtc_role], r[:rtc_token_expire],
                                p.join_channel, p.publish_audio, p.publish_video, p.publish_data, r[:rtm_user_id], r[:rtm_token_expire])
    when 'rtm.token' then AgoraDynamicKey2::RtmTokenBuilder.build_token(a, c, i['user_id'], i['expire'])
    when 'rtm.token_with_permissions'
      perms = AgoraDynamicKey2::ServiceRtm2::Permissions.new
      permissions!(i['permissions']).each { |x| perms.add(x.resource_type, x.permission_type, x.resources) }
      AgoraDynamicKey2::RtmTokenBuilder.build_token_with_permissions(a, c, i['user_id'], perms, i['expire'])
    when 'chat.user' then AgoraDynamicKey2::ChatTokenBuilder.build_user_token(a, c, i['user_id'], i['expire'])
    when 'chat.app' then AgoraDynamicKey2::ChatTokenBuilder.build_app_token(a, c, i['expire'])
    when 'fpa.token' then AgoraDynamicKey2::FpaTokenBuilder.build_token(a, c)
    when /\A(apaas|education)\.(room_user|user|app)\z/
      k = $1 == 'apaas' ? AgoraDynamicKey2::ApaasTokenBuilder : AgoraDynamicKey2::EducationTokenBuilder
      case $2
      when 'room_user' then k.build_room_user_token(a, c, i['room_uuid'], i['user_uuid'], i['role'], i['expire'])
      when 'user' then k.build_user_token(a, c, i['user_uuid'], i['expire'])
      else k.build_app_token(a, c, i['expire'])
      end
    when 'access_token2.services' then dropin_services(i)
    when 'rtc006.with_uid', 'rtc006.with_user_account'
      if i.key?('uid')
        raise NotOffered, 'the official Ruby 006 gem binds uid 0 as the text "0" (README)' if i['uid'].zero?

        AgoraDynamicKey::RTCTokenBuilder.build_token_with_uid(app_id: a, app_certificate: c, channel_name: i['channel_name'],
                                                              role: role!(i['role']), uid: i['uid'], privilege_expired_ts: i['privilege_expired_ts'])
      else
        AgoraDynamicKey::RTCTokenBuilder.build_token_with_account(app_id: a, app_certificate: c, channel_name: i['channel_name'],
                                                                  role: role!(i['role']), account: i['account'], privilege_expired_ts: i['privilege_expired_ts'])
      end
    when 'rtm006.token'
      AgoraDynamicKey::RTMTokenBuilder.build_token(app_id: a, app_certificate: c, role: 1, account: i['user_account'],
                                                   privilege_expired_ts: i['privilege_expired_ts'])
    else raise NotOffered, "the official Ruby gem has no builder for #{builder}"
    end
  end

  # The drop-in builders whose issue ts and salt can be set (AccessToken's
  # attributes): their tokens are compared as they are.
  def dropin_pinned?(builder) = builder == 'access_token2.services'

  # parse / verify through the official AccessToken class: true or false.
  def dropin_read(builder, i, token)
    raise NotOffered, "the official Ruby gem's 006 AccessToken has no signature check" if token.start_with?('006') && builder == 'verify'

    t = AgoraDynamicKey2::AccessToken.new
    parsed = t.parse(token)
    builder == 'parse' ? parsed : parsed && t.verify_signature(i['app_certificate'])
  end

  SERVICE_CLASSES = {
    1 => ->(s) { AgoraDynamicKey2::ServiceRtc.new(s['channel_name'], s['uid']) },
    2 => ->(s) { AgoraDynamicKey2::ServiceRtm.new(s['user_id']) },
    3 => ->(s) { AgoraDynamicKey2::ServiceStreaming.new(s['channel_name'], s['account']) },
    4 => ->(_) { AgoraDynamicKey2::ServiceFpa.new },
    5 => ->(s) { AgoraDynamicKey2::ServiceChat.new(s['user_id']) },
    6 => ->(s) { AgoraDynamicKey2::ServiceFCdn.new(s['channel_name'], s['account']) },
    7 => ->(s) { AgoraDynamicKey2::ServiceApaas.new(s['room_uuid'], s['user_uuid'], s['role']) },
    8 => lambda do |s|
      perms = AgoraDynamicKey2::ServiceRtm2::Permissions.new
      permissions!(s['permissions'] || []).each { |x| perms.add(x.resource_type, x.permission_type, x.resources) }
      AgoraDynamicKey2::ServiceRtm2.new(s['user_id'], perms)
    end
  }.freeze

  # A hand-assembled token through the official AccessToken class, with the
  # case's issue ts and salt.
  def dropin_services(i)
    t = AgoraDynamicKey2::AccessToken.new(i['app_id'], i['app_certificate'], i['expire'])
    t.issue_ts = i['issue_ts']
    t.salt = i['salt']
    i['services'].each do |s|
      make = SERVICE_CLASSES.fetch(s['type']) { raise NotOffered, "the official Ruby gem has no service type #{s['type']}" }
      service = make.call(s)
      s['privileges'].each { |id, expire| service.add_privilege(id.to_i, expire) }
      t.add_service(service)
    end
    t.build
  end

  # The issue fields of a token built now, for re-pinning: 007 issue_ts and
  # salt, 006 salt and ts.
  def issue_of(token)
    t = AgoraToken.parse(token)
    t.version == '007' ? { 'issue_ts' => t.issue_ts, 'salt' => t.salt } : { 'salt' => t.salt, 'ts' => t.ts }
  end

  # What a server reads of a token: 007 the decoded content, else the text.
  def content(token) = token.start_with?('007') ? AgoraToken.content_hex(token) : token
end
