'use strict'
// check(): would Agora admit this client? The rules are token-core's (tested
// there on every reason); here: the JS surface, camelCase in and out, and
// errors.

const { describe, test } = require('node:test')
const assert = require('node:assert/strict')
const { APP_ID, CERT, OTHER_CERT, ours } = require('./helpers')

const ISSUE = 1700000000
// A subscriber token for uid 42 in "demo", valid 600 s, issued now (the
// drop-in builders take no issue time: the tests read it back).
const token = ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'demo', 42, ours.RtcRole.SUBSCRIBER, 600, 600)
const issuedAt = ours.parse(token).issueTs

const codes = (report) => report.reasons.map((r) => r.code)

describe('check', () => {
  test('admits the client the token was built for', () => {
    const r = ours.check(token, CERT, { service: 'rtc', channelName: 'demo', uid: 42 }, issuedAt + 1)
    assert.equal(r.allowed, true)
    assert.deepEqual(r.reasons, [])
    assert.equal(r.signature, 'valid')
    assert.equal(r.version, '007')
    assert.equal(r.expiresAt, issuedAt + 600)
    assert.deepEqual(r.privileges, [{ service: 'rtc', privilege: 'join_channel', expiresAt: issuedAt + 600, status: 'ok' }])
  })

  test('lists every reason for a denial, in camelCase', () => {
    const r = ours.check(token, OTHER_CERT, { service: 'rtc', channelName: 'other', uid: '43', publish: ['audio'], appId: APP_ID }, issuedAt + 600)
    assert.equal(r.allowed, false)
    assert.deepEqual(codes(r), ['bad_signature', 'token_expired', 'channel_mismatch', 'user_mismatch', 'privilege_expired', 'privilege_missing'])
    assert.match(r.reasons[2].message, /^wrong channel: the token is for channel "demo", the client joins "other"$/)
    for (const reason of r.reasons) assert.ok(!reason.message.includes(OTHER_CERT))
  })

  test('a malformed token is a denial, a bad request an error naming the field', () => {
    const r = ours.check('007garbage', CERT, { service: 'fpa' })
    assert.deepEqual(codes(r), ['malformed'])
    assert.equal(r.version, null)
    assert.throws(() => ours.check(token, CERT, { service: 'rtm' }), { code: 'invalid_input', field: 'userId' })
    assert.throws(() => ours.check(token, CERT, { service: 'mail' }), { code: 'invalid_input', field: 'service' })
    assert.throws(() => ours.check(token, CERT, { service: 'rtc', channelName: 'demo', publish: ['screen'] }), { code: 'invalid_input', field: 'publish' })
    assert.throws(() => ours.check(token, 'short', { service: 'fpa' }), { code: 'invalid_input', field: 'appCertificate' })
    assert.throws(() => ours.check(token, CERT, 'rtc'), { code: 'ERR_INVALID_ARG_TYPE' })
    assert.throws(() => ours.check(token, CERT, { service: 'fpa' }, -1), { code: 'invalid_input', field: 'now' })
    assert.throws(() => ours.check(token, CERT, { service: 'fpa' }, 2 ** 53), { code: 'invalid_input', field: 'now' })
    assert.equal(ours.check(token, CERT, { service: 'fpa' }, Number.MAX_SAFE_INTEGER).now, Number.MAX_SAFE_INTEGER)
  })

  test('006 RTM and the wildcard uid', () => {
    const rtm = ours.v006.RtmTokenBuilder.buildToken(APP_ID, CERT, 'alice', ours.v006.RtmRole.Rtm_User, ISSUE + 300)
    assert.equal(ours.check(rtm, CERT, { service: 'rtm', userId: 'alice' }, ISSUE).allowed, true)
    assert.deepEqual(codes(ours.check(rtm, CERT, { service: 'rtm', userId: 'bob' }, ISSUE)), ['user_mismatch'])
    const anyone = ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'demo', 0, ours.RtcRole.PUBLISHER, 600, 600)
    for (const uid of [7, 'alice', 0]) {
      assert.equal(ours.check(anyone, CERT, { service: 'rtc', channelName: 'demo', uid, publish: ['audio', 'video', 'data'] }).allowed, true)
    }
  })
})
