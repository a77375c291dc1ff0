# frozen_string_literal: true

require_relative 'test_helper'
require 'zlib'

# The drop-ins keep the official gem's names, signatures and results on bad
# input; each known difference (README "Known differences") is pinned here.
class DropInTest < Minitest::Test
  RTC = AgoraDynamicKey2::RtcTokenBuilder
  R006 = AgoraDynamicKey::RTCTokenBuilder

  def services(token) = AgoraToken.parse(token).services

  def test_official_signatures
    params = ->(k, m) { k.method(m).parameters }
    assert_equal [[:req, :app_id], [:req, :app_certificate], [:req, :channel_name], [:req, :uid], [:req, :role],
                  [:req, :token_expire], [:opt, :privilege_expire]], params.call(RTC, :build_token_with_uid)
    assert_equal 7, RTC.method(:build_token_with_user_account).arity.abs
    assert_equal 9, RTC.method(:build_token_with_uid_and_privilege).arity
    assert_equal 9, RTC.method(:build_token_with_user_account_and_privilege).arity
    assert_equal 12, RTC.method(:build_token_with_rtm2).arity
    assert_equal [1, 2], [RTC::ROLE_PUBLISHER, RTC::ROLE_SUBSCRIBER]
    assert_equal [[:req, :app_id], [:req, :app_certificate], [:req, :user_id], [:req, :permissions], [:opt, :expire]],
                 params.call(AgoraDynamicKey2::RtmTokenBuilder, :build_token_with_permissions)
    assert_equal 6, AgoraDynamicKey2::EducationTokenBuilder.method(:build_room_user_token).arity
    assert_equal 2, AgoraDynamicKey2::FpaTokenBuilder.method(:build_token).arity
    assert_equal [0, 1, 2, 101], [R006::Role::ATTENDEE, R006::Role::PUBLISHER, R006::Role::SUBSCRIBER, R006::Role::ADMIN]
    assert_equal 1, AgoraDynamicKey::RTMTokenBuilder::Role::RTM_USER
  end

  def test_bad_app_id_or_certificate_gives_an_empty_string_as_the_official_build
    assert_equal '', RTC.build_token_with_uid(APP_ID[0, 31], APP_CERT, 'demo', 1, 1, 60)
    assert_equal '', RTC.build_token_with_uid(APP_ID, "#{APP_CERT[0, 31]}g", 'demo', 1, 1, 60)
    assert_equal '', AgoraDynamicKey2::ChatTokenBuilder.build_app_token(nil, APP_CERT, 60)
    assert_equal '', AgoraDynamicKey2::FpaTokenBuilder.build_token(APP_ID, 42)
  end

  def test_accepts_what_the_official_gem_accepts
    t = RTC.build_token_with_uid(APP_ID, APP_CERT, 'x' * 70, 0, 99, 60)
    rtc = services(t).first
    assert_equal ['x' * 70, '', [1]], [rtc.channel_name, rtc.uid, rtc.privileges.map(&:id)], 'role 99 is a subscriber'
    assert_equal '4294967296', services(RTC.build_token_with_uid(APP_ID, APP_CERT, 'demo', 2**32, 1, 60)).first.uid
    assert_equal '', services(RTC.build_token_with_user_account(APP_ID, APP_CERT, 'demo', '', 1, 60)).first.uid
    assert_equal '', services(AgoraDynamicKey2::ChatTokenBuilder.build_user_token(APP_ID, APP_CERT, 0, 60)).first.user_id
    assert_equal '7', services(AgoraDynamicKey2::ChatTokenBuilder.build_user_token(APP_ID, APP_CERT, 7, 60)).first.user_id
    p = AgoraDynamicKey2::ServiceRtm2::Permissions.new
    p.add(p.class::USERS, p.class::WRITE, [])
    p.add(p.class::USERS, p.class::WRITE, ['bob'])
    rtm2 = services(AgoraDynamicKey2::RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERT, '', p, 60)).first
    assert_equal [[4, 1, ['bob']]], rtm2.permissions.map(&:to_a), 'a later add replaces the pair'
    assert_equal [], services(AgoraDynamicKey2::RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERT, 'u', nil)).first.permissions
  end

  def test_access_token_builds_parses_and_verifies
    t = AgoraDynamicKey2::AccessToken.new(APP_ID, APP_CERT, 600)
    assert_includes 1..99_999_999, t.salt
    assert_in_delta Time.now.to_i, t.issue_ts, 2
    refute_includes t.inspect, APP_CERT
    assert_equal '', t.build, 'no service: "" as the official build'
    rtc = AgoraDynamicKey2::ServiceRtc.new('demo', 0)
    rtc.add_privilege(AgoraDynamicKey2::ServiceRtc::PRIVILEGE_JOIN_CHANNEL, 60)
    t.add_service(rtc)
    t.issue_ts = 1_700_000_000
    token = t.build
    back = AgoraDynamicKey2::AccessToken.new
    assert back.parse(token)
    assert_equal [APP_ID, 1_700_000_000, 600, t.salt], [back.app_id, back.issue_ts, back.expire, back.salt]
    s = back.get_services(AgoraDynamicKey2::ServiceRtc::SERVICE_TYPE).first
    assert_equal ['demo', '', { 1 => 60 }], [s.channel_name, s.uid, s.privileges]
    assert back.verify_signature(APP_CERT)
    refute back.verify_signature(APP_CERT.reverse)
    refute back.verify_signature(nil)
    refute back.parse('007!!'), 'parse answers false as the official parse'
    refute back.verify_signature(APP_CERT), 'a failed parse clears the token'
    refute back.parse(R006.build_token_with_account(app_id: APP_ID, app_certificate: APP_CERT, channel_name: 'c',
                                                    role: 1, account: 'a', privilege_expired_ts: 0))
    t.app_id = 'nope'
    assert_equal '', t.build
  end

  # Difference: the official gem packs an expire with Array#pack('V'), which
  # wraps a value past 2^32 silently; the drop-in refuses it.
  def test_difference_expire_past_uint32_raises
    e = assert_raises(AgoraToken::InvalidInput) { RTC.build_token_with_uid(APP_ID, APP_CERT, 'demo', 1, 1, 2**32) }
    assert_match(/\Atoken_expire: /, e.message)
    assert_raises(AgoraToken::InvalidInput) { AgoraDynamicKey2::ChatTokenBuilder.build_app_token(APP_ID, APP_CERT, -1) }
  end

  # Difference: a role that is not an Integer is a subscriber in the
  # official gem (role == ROLE_PUBLISHER is false); the drop-in raises.
  def test_difference_non_integer_role_raises
    assert_raises(TypeError) { RTC.build_token_with_uid(APP_ID, APP_CERT, 'demo', 1, 'publisher', 60) }
  end

  def build006(role:, uid: 42, app_id: APP_ID)
    R006.build_token_with_uid(app_id: app_id, app_certificate: APP_CERT, channel_name: 'demo', role: role, uid: uid,
                              privilege_expired_ts: 0)
  end

  # Mirrored quirk: the official 006 gem interpolates the uid ("#{uid}"), so
  # uid 0 is bound as the text "0" (other official 006 builders use "").
  def test_quirk_006_uid_0_is_the_text_0
    t = AgoraToken.parse(build006(role: R006::Role::PUBLISHER, uid: 0))
    assert_equal Zlib.crc32('0'), t.crc_uid
    assert_equal '006', AgoraToken.verify006(build006(role: 1, uid: 0), APP_CERT, 'demo', '0').version
  end

  # Difference: the official Ruby 006 gem gives the publish privileges to
  # PUBLISHER, SUBSCRIBER and ADMIN, not ATTENDEE; the drop-in follows
  # token-core and every other official 006 builder (all but SUBSCRIBER).
  def test_difference_006_roles_follow_token_core
    ids = ->(role) { AgoraToken.parse(build006(role: role)).privileges.map(&:id) }
    assert_equal [1, 2, 3, 4], ids.call(R006::Role::ATTENDEE)
    assert_equal [1, 2, 3, 4], ids.call(R006::Role::PUBLISHER)
    assert_equal [1], ids.call(R006::Role::SUBSCRIBER)
    assert_equal [1, 2, 3, 4], ids.call(R006::Role::ADMIN)
  end

  # Difference: the official 006 gem does not look at the app ID; the C
  # library refuses one that is not 32 hex characters.
  def test_difference_006_bad_app_id_raises
    e = assert_raises(AgoraToken::InvalidInput) { build006(role: 1, app_id: 'not-an-app-id') }
    assert_match(/\Aapp_id: /, e.message)
  end

  def test_006_payload_checks_as_the_official_gem
    e = assert_raises(R006::InvalidParamsError) { R006.build_token_with_uid('app_id' => APP_ID, 'uid' => 1) }
    assert_equal 'missing params', e.message
    assert_equal %i[app_certificate channel_name role privilege_expired_ts], e.missing_keys
    assert_raises(R006::InvalidParamsError) { R006.build_token_with_account({}) }
    t = R006.build_token_with_account('app_id' => APP_ID, 'app_certificate' => APP_CERT, 'channel_name' => 'demo',
                                      'role' => 1, 'account' => 'alice', 'privilege_expired_ts' => 1_900_000_000)
    assert_equal [1_900_000_000] * 4, AgoraToken.verify006(t, APP_CERT, 'demo', 'alice').privileges.map(&:expire)
    rtm = AgoraDynamicKey::RTMTokenBuilder.build_token(app_id: APP_ID, app_certificate: APP_CERT, role: 1,
                                                       account: 'bob', privilege_expired_ts: 0)
    assert_equal [1000], AgoraToken.verify006(rtm, APP_CERT, 'bob', '').privileges.map(&:id)
  end
end
