'use strict'
// The 006 builders against npm agora-access-token@2.0.4: for generated
// inputs, our token's CRCs and privileges equal the official builder's (salt
// and ts blanked), the official AccessToken rebuilds our exact token from its
// salt and ts, and our verify accepts the official tokens.

const { describe, test } = require('node:test')
const assert = require('node:assert/strict')
const { AccessToken, CERT, APP_ID, blankedContent006, officialV006, ours, rng } = require('./helpers')

const CASES_PER_METHOD = 150
const { v006 } = ours

/** The official AccessToken with our token's salt, ts and privileges. */
function officialRebuild (token, cert, channelName, uid) {
  const parsed = ours.parse(token)
  const key = new AccessToken(parsed.appId, cert, channelName, uid)
  key.salt = parsed.salt
  key.ts = parsed.ts
  for (const [id, expire] of Object.entries(parsed.privileges)) key.addPriviledge(id, expire)
  return key.build()
}

const uidText = (user) => (user === 0 ? '' : String(user))

describe('v006: agora-token-rs vs npm agora-access-token@2.0.4', () => {
  test('exports the 006 roles of agora-access-token', () => {
    assert.deepEqual({ ...v006.RtcRole }, { ...officialV006.RtcRole })
    assert.deepEqual({ ...v006.RtmRole }, { ...officialV006.RtmRole })
    assert.equal(require('../v006'), v006)
  })

  for (const method of ['buildTokenWithUid', 'buildTokenWithAccount']) {
    test(`RtcTokenBuilder.${method}: ${CASES_PER_METHOD} generated calls`, () => {
      const g = rng(0x006 + method.length)
      for (let i = 0; i < CASES_PER_METHOD; i++) {
        const user = method === 'buildTokenWithUid' ? g.uid() : g.user()
        const args = [g.appId(), g.cert(), g.channel(), user, g.rtcRole(), g.expire()]
        const [, cert, channelName] = args
        const token = v006.RtcTokenBuilder[method](...args)
        const theirs = officialV006.RtcTokenBuilder[method](...args)
        const context = `${method} case ${i}`
        assert.deepEqual(blankedContent006(token), blankedContent006(theirs), context)
        assert.equal(officialRebuild(token, cert, channelName, user), token, context)
        ours.verify(theirs, cert, channelName, user)
        ours.verify(theirs, cert, channelName, uidText(user))
        assert.throws(() => ours.verify(theirs, cert, channelName + 'x', user), { code: 'signature_mismatch' })
      }
    })
  }

  test(`RtmTokenBuilder.buildToken: ${CASES_PER_METHOD} generated calls`, () => {
    const g = rng(0x006f)
    for (let i = 0; i < CASES_PER_METHOD; i++) {
      const args = [g.appId(), g.cert(), g.account(), v006.RtmRole.Rtm_User, g.expire()]
      const [, cert, account] = args
      const token = v006.RtmTokenBuilder.buildToken(...args)
      const theirs = officialV006.RtmTokenBuilder.buildToken(...args)
      assert.deepEqual(blankedContent006(token), blankedContent006(theirs), `case ${i}`)
      assert.equal(officialRebuild(token, cert, account, ''), token)
      ours.verify(theirs, cert, account)
    }
  })

  test('verifying a 006 token needs the channel name', () => {
    const token = v006.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'ch', 7, v006.RtcRole.PUBLISHER, 0)
    assert.throws(() => ours.verify(token, CERT), { code: 'invalid_input', field: 'channelName' })
    assert.equal(ours.verify(token, CERT, 'ch', 7).version, '006')
    assert.throws(() => ours.verify(token, CERT, 'ch'), { code: 'signature_mismatch' })
  })

  test('a bad app ID throws where agora-access-token builds a broken token', () => {
    const theirs = officialV006.RtcTokenBuilder.buildTokenWithUid('not-an-app-id', CERT, 'ch', 7, 1, 0)
    assert.ok(theirs.startsWith('006not-an-app-id'))
    assert.throws(() => v006.RtcTokenBuilder.buildTokenWithUid('not-an-app-id', CERT, 'ch', 7, 1, 0), {
      code: 'invalid_input',
      field: 'appId',
    })
  })
})
