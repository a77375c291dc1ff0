# frozen_string_literal: true

require_relative 'test_helper'
require 'open3'
require 'rbconfig'

# The idiomatic API: errors, the shared bad inputs, parse/verify/check, and
# the library lookup.
class ApiTest < Minitest::Test
  BAD = JSON.parse(File.read(File.join(ROOT, 'tests/conformance/bad_inputs.json')))

  # Every shared bad input is refused with the C status kind the file
  # expects of the C ABI / default (a role or permission type given by name
  # cannot be said: Ruby passes numbers, as C).
  BAD.each do |c|
    define_method("test_bad_input_#{c['name']}") do
      want = c['expect'].fetch('ruby', c['expect']['default'])
      begin
        VectorCalls.idiomatic(c['builder'], c['inputs'], c['token'])
        flunk "accepted; expected #{want}"
      rescue VectorCalls::NotOffered => e
        assert_match(/are numbers/, e.message)
        assert c['expect']['c'].to_s.start_with?('not offered'), "#{c['name']} should be offered"
      rescue AgoraToken::Error => e
        assert_equal want, e.kind.to_s, e.message
        refute_includes e.message, APP_CERT
      end
    end
  end

  def builder(**kw) = AgoraToken::Builder.new(APP_ID, APP_CERT, **kw)

  def test_errors_name_the_field_and_never_the_certificate
    e = assert_raises(AgoraToken::InvalidInput) { builder.rtc_with_uid('a' * 64, 1, AgoraToken::Role::PUBLISHER, 60) }
    assert_match(/\Achannel_name: /, e.message)
    assert_equal :invalid_input, e.kind
    e = assert_raises(AgoraToken::InvalidInput) { builder.rtc_with_uid('demo', 1, 1, 2**32) }
    assert_match(/\Atoken_expire: must be in 0\.\.4294967295/, e.message)
    e = assert_raises(AgoraToken::InvalidInput) { builder.rtm("a\0b", 60) }
    assert_match(/\Auser_id: must not contain a NUL byte/, e.message)
    e = assert_raises(AgoraToken::InvalidUtf8) { builder.rtm("\xff".b, 60) }
    assert_equal :invalid_utf8, e.kind
    assert_raises(TypeError) { builder.rtm(nil, 60) }
    refute_includes builder.inspect, APP_CERT
    refute_includes builder.to_s, APP_CERT
    assert builder.frozen?
  end

  def test_parse_gives_frozen_typed_values
    t = builder(issue_ts: 1_700_000_000, salt: 7).rtc_with_rtm('demo', 'alice', AgoraToken::Role::SUBSCRIBER, 600, 300)
    p = AgoraToken.parse(t)
    assert p.frozen? && p.services.frozen? && p.services.all?(&:frozen?)
    assert_equal ['007', APP_ID, 1_700_000_000, 600, 7, 1_700_000_600], [p.version, p.app_id, p.issue_ts, p.expire, p.salt, p.expires_at]
    rtc, rtm = p.services
    assert_equal ['rtc', 'demo', 'alice'], [rtc.type, rtc.channel_name, rtc.uid]
    assert_equal [[1, 'join_channel', 300, 1_700_000_300]], rtc.privileges.map { |x| [x.id, x.name, x.expire, x.expires_at] }
    assert_equal ['rtm', 'alice', [1]], [rtm.type, rtm.user_id, rtm.privileges.map(&:id)]
    assert_raises(FrozenError) { p.services << 1 }
    assert_equal p, AgoraToken.verify(t, APP_CERT)
    assert_raises(AgoraToken::SignatureMismatch) { AgoraToken.verify(t, APP_CERT.reverse) }
    assert_raises(AgoraToken::WrongVersion) { AgoraToken.parse('005abc') }
    assert_raises(AgoraToken::Malformed) { AgoraToken.parse('007!!') }
  end

  def test_no_service_and_services
    b = builder(issue_ts: 1, salt: 2)
    assert_raises(AgoraToken::NoService) { b.services(60, []) }
    t = b.services(60, [AgoraToken::Service.new(type: AgoraToken::ServiceType::FCDN, privileges: { 1 => 0 }, channel_name: 'c', account: 'x')])
    s = AgoraToken.parse(t).services.first
    assert_equal ['fcdn', 'c', 'x'], [s.type, s.channel_name, s.account]
  end

  def test_check_admits_and_denies
    t = builder(issue_ts: 1_700_000_000, salt: 1).rtc_with_uid('demo', 42, AgoraToken::Role::SUBSCRIBER, 600)
    ok = AgoraToken.check(t, APP_CERT, { service: 'rtc', channel_name: 'demo', uid: '42' }, now: 1_700_000_010)
    assert_equal true, ok['allowed']
    assert ok.frozen?
    no = AgoraToken.check(t, APP_CERT, '{"service":"rtc","channel_name":"demo","uid":"42","publish":["audio"]}', now: 1_700_000_010)
    assert_equal false, no['allowed']
    refute_empty no['reasons']
    late = AgoraToken.check(t, APP_CERT, { service: 'rtc', channel_name: 'demo', uid: '42' }, now: 1_700_000_601)
    assert_equal false, late['allowed']
    e = assert_raises(AgoraToken::InvalidInput) { AgoraToken.check(t, APP_CERT, '{"service":', now: 1) }
    refute_includes e.message, APP_CERT
    e = assert_raises(AgoraToken::InvalidInput) { AgoraToken.check(t, APP_CERT, { service: 'fpa' }, now: 2**53) }
    assert_match(/\Anow: must be at most 9007199254740991/, e.message)
  end

  def test_verify006_with_a_uid
    t = builder(salt: 1, ts: 1_700_086_400).rtc006_with_uid('demo', 42, AgoraToken::Role006::PUBLISHER, 0)
    assert_equal '006', AgoraToken.verify006(t, APP_CERT, 'demo', 42).version
    assert_raises(AgoraToken::SignatureMismatch) { AgoraToken.verify006(t, APP_CERT, 'demo', 43) }
  end

  def test_threads_share_nothing
    b = builder(issue_ts: 1_700_000_000, salt: 5)
    tokens = Array.new(4) do |n|
      Thread.new { Array.new(200) { |k| AgoraToken.parse(b.rtm("user#{n}-#{k}", 60)).services.first.user_id } }
    end.map(&:value)
    assert_equal(Array.new(4) { |n| Array.new(200) { |k| "user#{n}-#{k}" } }, tokens)
  end

  def ruby_with(env, code)
    lib = File.expand_path('../lib', __dir__)
    Open3.capture3(env, RbConfig.ruby, '-I', lib, '-e', code)
  end

  def test_library_not_found_names_the_variable
    _out, err, status = ruby_with({ 'AGORA_TOKEN_LIBRARY' => '/nonexistent/libagora_token.so' }, 'require "agora_token"')
    refute status.success?
    assert_match(/AgoraToken::LibraryNotFound/, err)
    assert_match(/Set AGORA_TOKEN_LIBRARY to the path of libagora_token\.so/, err)
    out, _err, status = ruby_with({ 'AGORA_TOKEN_LIBRARY' => '/nonexistent/x.so' },
                                  'begin; require "dynamic_key2"; rescue LoadError => e; puts e.class; end')
    assert status.success?
    assert_equal "AgoraToken::LibraryNotFound\n", out
  end
end
