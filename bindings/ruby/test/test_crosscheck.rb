# frozen_string_literal: true

require_relative 'test_helper'
require 'open3'

# Tokens made by Ruby (drop-in and idiomatic), read by the official npm
# package agora-token@2.0.6 in a node subprocess: 007 parsed with
# AccessToken2.from_string and checked with verifySignature; 006 parsed
# with AccessToken.fromString. scripts/test-ruby installs the package and
# sets AGORA_TOKEN_NPM_DIR to the folder holding its node_modules.
class CrossCheckTest < Minitest::Test
  NODE = <<~JS
    const dir = process.argv[1];
    const { AccessToken2 } = require(dir + '/node_modules/agora-token/src/AccessToken2');
    const { AccessToken } = require(dir + '/node_modules/agora-token/src/AccessToken');
    const lines = require('fs').readFileSync(0, 'utf8').split('\\n').filter(Boolean);
    for (const line of lines) {
      const { token, cert } = JSON.parse(line);
      if (token.startsWith('007')) {
        const t = new AccessToken2();
        const parsed = t.from_string(token);
        const services = t.services.map((s) => ({ type: s.__type, privileges: s.__privileges }));
        console.log(JSON.stringify({ parsed, verified: t.verifySignature(cert), app_id: t.appId.toString(),
          issue_ts: t.issueTs, expire: t.expire, salt: t.salt, services }));
      } else {
        const t = new AccessToken('', cert, '', '');
        const parsed = t.fromString(token);
        console.log(JSON.stringify({ parsed, app_id: String(t.appID), salt: t.salt, ts: t.ts, privileges: t.messages }));
      }
    }
  JS

  def tokens
    b = AgoraToken::Builder.new(APP_ID, APP_CERT)
    perms = AgoraDynamicKey2::ServiceRtm2::Permissions.new
    perms.add(0, 0, %w[news sports])
    [
      AgoraDynamicKey2::RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERT, 'demo', 42, 1, 3600, 600),
      AgoraDynamicKey2::RtcTokenBuilder.build_token_with_rtm2(APP_ID, APP_CERT, 'demo', 'alice', 2, 600, 1, 2, 3, 4, 'bob', 900),
      AgoraDynamicKey2::RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERT, 'u', perms, 60),
      AgoraDynamicKey2::ChatTokenBuilder.build_user_token(APP_ID, APP_CERT, 'carol', 600),
      AgoraDynamicKey2::ApaasTokenBuilder.build_room_user_token(APP_ID, APP_CERT, 'room', 'user', 1, 600),
      AgoraDynamicKey2::FpaTokenBuilder.build_token(APP_ID, APP_CERT),
      b.rtc_with_account('demo', 'ünï', AgoraToken::Role::PUBLISHER, 600),
      b.stt(channel_name: 'c', rtc_account: '7', rtc_role: 1, rtc_token_expire: 60,
            privileges: { join_channel: 1, publish_audio: 2, publish_video: 3, publish_data: 4 }, rtm_user_id: 'r', rtm_token_expire: 9),
      AgoraDynamicKey::RTCTokenBuilder.build_token_with_uid(app_id: APP_ID, app_certificate: APP_CERT, channel_name: 'demo',
                                                            role: 1, uid: 42, privilege_expired_ts: 1_900_000_000),
      AgoraDynamicKey::RTMTokenBuilder.build_token(app_id: APP_ID, app_certificate: APP_CERT, role: 1, account: 'bob',
                                                   privilege_expired_ts: 0)
    ]
  end

  def test_the_official_npm_package_reads_and_verifies_ruby_tokens
    dir = ENV.fetch('AGORA_TOKEN_NPM_DIR', '')
    skip 'AGORA_TOKEN_NPM_DIR not set (scripts/test-ruby sets it)' if dir.empty?
    list = tokens
    input = list.map { |t| JSON.generate(token: t, cert: APP_CERT) }.join("\n")
    out, err, status = Open3.capture3('node', '-e', NODE, dir, stdin_data: input)
    assert status.success?, err
    replies = out.lines.map { |l| JSON.parse(l) }
    assert_equal list.size, replies.size
    list.zip(replies).each do |token, r|
      ours = AgoraToken.parse(token)
      assert r['parsed'], token
      assert_equal [ours.app_id, ours.salt], [r['app_id'], r['salt']]
      if ours.version == '007'
        assert r['verified'], "npm verifySignature refused #{token}"
        assert_equal [ours.issue_ts, ours.expire], [r['issue_ts'], r['expire']]
        assert_equal(ours.services.map { |s| [s.type_id, s.privileges.to_h { |p| [p.id.to_s, p.expire] }] },
                     r['services'].map { |s| [s['type'], s['privileges']] })
      else
        assert_equal ours.ts, r['ts']
        assert_equal(ours.privileges.to_h { |p| [p.id.to_s, p.expire] }, r['privileges'])
      end
    end
  end
end
