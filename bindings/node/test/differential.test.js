'use strict'
// Differential tests against npm agora-token@2.0.6: for generated inputs to
// every export, the official AccessToken2 parses our token and accepts its
// signature, our token's content equals the official builder's (issue ts
// and salt blanked), and our parse/verify accept the official token.

const { describe, test } = require('node:test')
const assert = require('node:assert/strict')
const {
  blankedContent007,
  official,
  officialCheck007,
  officialServices,
  ours,
  rng,
  stable,
} = require('./helpers')

const CASES_PER_METHOD = 150

/** Inputs of the RTC + RTM builders (buildTokenWithRtm2, ConvoAI, STT). */
const rtcRtmArgs = (g) => [
  g.appId(), g.cert(), g.channel(), g.user(), g.rtcRole(), g.expire(),
  g.expire(), g.expire(), g.expire(), g.expire(), g.account(), g.expire(),
]

function permissionsArgs (g) {
  const theirs = new official.Rtm2Permissions()
  const mine = new ours.Rtm2Permissions()
  for (let n = g.int(5); n > 0; n--) {
    const resourceType = g.pick([0, 1, 2, 3, 4, 4, 9])
    const permissionType = g.pick([0, 1, 1, 3])
    const resources = Array.from({ length: g.int(4) }, () => g.account())
    theirs.add(resourceType, permissionType, resources)
    mine.add(resourceType, permissionType, resources)
  }
  // Ours accepts its own Rtm2Permissions, the official one, or none.
  const [forUs, forThem] = g.pick([[mine, theirs], [theirs, theirs], [null, null], [undefined, undefined]])
  return { forUs, forThem }
}

// Each method: its class, and a generator of official-valid arguments
// (appId first, appCertificate second). Users are numbers or strings where
// the official builder takes both; where it packs a number with
// Buffer.from (RTM, Chat, APaaS user IDs), only strings.
const METHODS = [
  ['RtcTokenBuilder', 'buildTokenWithUid', (g) => [g.appId(), g.cert(), g.channel(), g.pick([g.uid(), String(g.uid())]), g.rtcRole(), g.expire(), ...(g.bool(0.2) ? [] : [g.expire()])]],
  ['RtcTokenBuilder', 'buildTokenWithUserAccount', (g) => [g.appId(), g.cert(), g.channel(), g.user(), g.rtcRole(), g.expire(), ...(g.bool(0.2) ? [] : [g.expire()])]],
  ['RtcTokenBuilder', 'buildTokenWithUidAndPrivilege', (g) => [g.appId(), g.cert(), g.channel(), g.uid(), g.expire(), g.expire(), g.expire(), g.expire(), g.expire()]],
  ['RtcTokenBuilder', 'BuildTokenWithUserAccountAndPrivilege', (g) => [g.appId(), g.cert(), g.channel(), g.user(), g.expire(), g.expire(), g.expire(), g.expire(), g.expire()]],
  ['RtcTokenBuilder', 'buildTokenWithRtm', (g) => [g.appId(), g.cert(), g.channel(), g.pick([g.account(), 0]), g.rtcRole(), g.expire(), ...(g.bool(0.2) ? [] : [g.expire()])]],
  ['RtcTokenBuilder', 'buildTokenWithRtm2', rtcRtmArgs],
  ['RtmTokenBuilder', 'buildToken', (g) => [g.appId(), g.cert(), g.pick([g.account(), 0]), g.expire()]],
  ['RtmTokenBuilder', 'buildTokenWithPermissions', (g) => [g.appId(), g.cert(), g.user(), permissionsArgs(g), g.expire()]],
  ['ChatTokenBuilder', 'buildUserToken', (g) => [g.appId(), g.cert(), g.pick([g.account(), 0]), g.expire()]],
  ['ChatTokenBuilder', 'buildAppToken', (g) => [g.appId(), g.cert(), g.expire()]],
  ['FpaTokenBuilder', 'buildToken', (g) => [g.appId(), g.cert()]],
  ['ApaasTokenBuilder', 'buildUserToken', (g) => [g.appId(), g.cert(), g.pick([g.account(), 0]), g.expire()]],
  ['ApaasTokenBuilder', 'buildAppToken', (g) => [g.appId(), g.cert(), g.expire()]],
  ['EducationTokenBuilder', 'buildUserToken', (g) => [g.appId(), g.cert(), g.pick([g.account(), 0]), g.expire()]],
  ['EducationTokenBuilder', 'buildAppToken', (g) => [g.appId(), g.cert(), g.expire()]],
  ['ConvoAITokenBuilder', 'buildToken', rtcRtmArgs],
  ['SttTokenBuilder', 'buildToken', rtcRtmArgs],
]

/** Both packages called with the same arguments. */
function buildBoth (cls, method, args) {
  const pair = (a) => a !== null && typeof a === 'object' && 'forUs' in a
  const forUs = args.map((a) => (pair(a) ? a.forUs : a))
  const forThem = args.map((a) => (pair(a) ? a.forThem : a))
  return {
    mine: () => ours[cls][method](...forUs),
    theirs: official[cls][method](...forThem),
  }
}

/** Swaps in a bad app ID or certificate now and then. */
function maybeBreak (g, args) {
  if (!g.bool(0.05)) return null
  const at = g.int(2)
  args[at] = g.pick(['', 'abc', args[at].slice(1), args[at] + '0', 'g'.repeat(32), args[at].slice(0, 31) + '-'])
  return at === 0 ? 'appId' : 'appCertificate'
}

describe('differential: agora-token-rs vs npm agora-token@2.0.6', () => {
  for (const [cls, method, gen] of METHODS) {
    test(`${cls}.${method}: ${CASES_PER_METHOD} generated calls`, () => {
      const g = rng(0x5eed ^ (cls.length * 131 + method.length))
      let compared = 0
      let badInput = 0
      for (let i = 0; i < CASES_PER_METHOD; i++) {
        const args = gen(g)
        const broken = maybeBreak(g, args)
        const { mine, theirs } = buildBoth(cls, method, args)
        const context = `${cls}.${method} case ${i}`
        if (broken) {
          // Documented difference: the official builders return '' for a
          // bad app ID or certificate; we throw and name the argument.
          assert.equal(theirs, '', context)
          assert.throws(mine, (e) => e.code === 'invalid_input' && e.field === broken && e.message.startsWith(`${broken}: `), context)
          badInput++
          continue
        }
        const token = mine()
        const cert = args[1]
        assert.notEqual(theirs, '', `${context}: the official builder refused its input`)
        officialCheck007(token, cert)
        assert.deepEqual(blankedContent007(token), blankedContent007(theirs), `${context}: content differs`)
        const verified = ours.verify(theirs, cert)
        assert.deepEqual(stable(verified), stable(ours.parse(token)), context)
        compared++
      }
      assert.ok(compared > CASES_PER_METHOD * 0.8, `only ${compared} compared`)
      assert.ok(badInput > 0, 'no bad-input case was generated')
    })
  }

  // npm agora-token 2.0.6 gives the APaaS service of a room-user token no
  // privilege and packs role 0 as -1 (`role || -1`); token-core follows the
  // official Go, C++ and Python builders, which give it the room-user
  // privilege and keep the role. Everything else must be equal.
  for (const cls of ['ApaasTokenBuilder', 'EducationTokenBuilder']) {
    test(`${cls}.buildRoomUserToken: ${CASES_PER_METHOD} generated calls, differing exactly in the APaaS privilege and role 0`, () => {
      const g = rng(0xa9aa5 + cls.length)
      for (let i = 0; i < CASES_PER_METHOD; i++) {
        const args = [g.appId(), g.cert(), g.account(), g.account(), g.apaasRole(), g.expire()]
        const [, cert, , , role, expire] = args
        const token = ours[cls].buildRoomUserToken(...args)
        const theirs = official[cls].buildRoomUserToken(...args)
        const mine = officialServices(officialCheck007(token, cert))
        const them = officialServices(officialCheck007(theirs, cert))
        const apaas = mine.find((s) => s.__type === 7)
        assert.deepEqual(apaas.__privileges, { 1: expire }, 'ours carries the room-user privilege')
        assert.deepEqual(them.find((s) => s.__type === 7).__privileges, {}, 'theirs carries none')
        apaas.__privileges = {}
        // The official reader reads the i16 role as unsigned.
        assert.equal(apaas.__role, role & 0xffff)
        if (role === 0) apaas.__role = 0xffff
        assert.deepEqual(mine, them, `${cls} case ${i}`)
        ours.verify(theirs, cert)
      }
    })
  }
})
