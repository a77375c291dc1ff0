'use strict'
// The export surface: the names, classes, static methods and constants of
// npm agora-token 2.0.6, the ES module entry point, and parse's object
// against the interfaces index.d.ts declares for it.

const { describe, test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { APP_ID, CERT, official, ours } = require('./helpers')

const staticMethods = (cls) =>
  Object.getOwnPropertyNames(cls).filter((k) => typeof cls[k] === 'function').sort()

describe('exports', () => {
  test('every export of agora-token 2.0.6, plus parse, verify and v006', () => {
    const extra = ['check', 'parse', 'v006', 'verify']
    assert.deepEqual(Object.keys(ours).sort(), [...Object.keys(official), ...extra].sort())
  })

  for (const name of Object.keys(official).filter((n) => n.endsWith('TokenBuilder'))) {
    test(`${name} has the official static methods`, () => {
      assert.equal(typeof ours[name], 'function')
      assert.deepEqual(staticMethods(ours[name]), staticMethods(official[name]))
      assert.ok(new ours[name]() instanceof ours[name], 'constructible, like the official class')
    })
  }

  test('RtcRole has the official values', () => {
    assert.deepEqual({ ...ours.RtcRole }, { ...official.RtcRole })
  })

  test('Rtm2Permissions: constants, add replaces a pair, details', () => {
    for (const k of ['kMessageChannels', 'kStreamChannels', 'kGroupChannels', 'kServerGroups', 'kUsers', 'kRead', 'kWrite']) {
      assert.equal(ours.Rtm2Permissions[k], official.Rtm2Permissions[k], k)
    }
    const mine = new ours.Rtm2Permissions()
    const theirs = new official.Rtm2Permissions()
    for (const p of [mine, theirs]) {
      p.add(ours.Rtm2Permissions.kUsers, ours.Rtm2Permissions.kRead, ['a', 'b'])
      p.add(ours.Rtm2Permissions.kMessageChannels, ours.Rtm2Permissions.kWrite, ['c'])
      p.add(ours.Rtm2Permissions.kUsers, ours.Rtm2Permissions.kRead, ['d'])
    }
    assert.deepEqual(mine.details, { ...theirs.details })
    assert.deepEqual(mine.details, { 0: { 1: ['c'] }, 4: { 0: ['d'] } })
    assert.deepEqual(new ours.Rtm2Permissions().details, {})
  })

  test('privilegeExpire defaults to 0, as in the official builders', () => {
    const token = ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'ch', 1, ours.RtcRole.PUBLISHER, 600)
    assert.deepEqual(ours.parse(token).services[0].privileges, { 1: 0, 2: 0, 3: 0, 4: 0 })
  })

  test('numbers where a user is expected are uids: 0 is "", others decimal', () => {
    const rtm = (user) => ours.parse(ours.RtmTokenBuilder.buildToken(APP_ID, CERT, user, 60)).services[0].userId
    assert.equal(rtm(0), '')
    // The official RTM builder throws a TypeError for a non-zero number
    // (Buffer.from(number)); we pack it like a uid.
    assert.throws(() => official.RtmTokenBuilder.buildToken(APP_ID, CERT, 42, 60), TypeError)
    assert.equal(rtm(42), '42')
    const rtc = (uid) => ours.parse(ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', uid, 1, 60)).services[0].uid
    assert.equal(rtc(0), '')
    assert.equal(rtc('0'), '0')
    assert.equal(rtc(4294967295), '4294967295')
  })

  test('the ES module entry point exports the same objects', async () => {
    const esm = await import('agora-token-rs')
    assert.equal(esm.default, ours)
    const named = Object.keys(esm).filter((k) => k !== 'default').sort()
    assert.deepEqual(named, Object.keys(ours).sort())
    for (const k of named) assert.equal(esm[k], ours[k], k)
    const v006 = await import('agora-token-rs/v006')
    assert.equal(v006.RtcTokenBuilder, ours.v006.RtcTokenBuilder)
    assert.equal(v006.RtmRole, ours.v006.RtmRole)
  })
})

describe('parse and verify', () => {
  // Every key parse() returns must be declared by the interfaces generated
  // into index.d.ts, so TypeScript users see all of it.
  const dts = fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8')
  const declared = (name) => {
    const body = dts.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`))
    assert.ok(body, `interface ${name} in index.d.ts`)
    return new Set([...body[1].matchAll(/^\s{2}(\w+)\??:/gm)].map((m) => m[1]))
  }

  test('the object of a 007 token has exactly the declared keys', () => {
    const p = new ours.Rtm2Permissions()
    p.add(0, 1, ['x'])
    const tokens = [
      ours.RtcTokenBuilder.buildTokenWithRtm2(APP_ID, CERT, 'c', 5, 1, 60, 1, 2, 3, 4, 'u', 60),
      ours.ApaasTokenBuilder.buildRoomUserToken(APP_ID, CERT, 'room', 'user', 1, 60),
      ours.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, 'u', p, 60),
      ours.ConvoAITokenBuilder.buildToken(APP_ID, CERT, 'c', 5, 1, 60, 1, 2, 3, 4, 'u', 60),
      ours.SttTokenBuilder.buildToken(APP_ID, CERT, 'c', 5, 1, 60, 1, 2, 3, 4, 'u', 60),
      ours.FpaTokenBuilder.buildToken(APP_ID, CERT),
      ours.ChatTokenBuilder.buildAppToken(APP_ID, CERT, 60),
    ]
    const top = declared('ParsedToken007')
    const service = declared('ParsedService')
    const permission = declared('ParsedRtm2Permission')
    const types = new Set()
    for (const token of tokens) {
      const parsed = ours.verify(token, CERT)
      assert.deepEqual(new Set(Object.keys(parsed)), top)
      for (const s of parsed.services) {
        types.add(s.type)
        for (const k of Object.keys(s)) assert.ok(service.has(k), `ParsedService lacks ${k}`)
        for (const entry of s.permissions ?? []) assert.deepEqual(new Set(Object.keys(entry)), permission)
      }
    }
    assert.deepEqual([...types].sort(), ['apaas', 'chat', 'convoai', 'fpa', 'rtc', 'rtm', 'rtm2', 'stt'])
  })

  test('the check report has exactly the declared keys', () => {
    const token = ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 5, 1, 60, 60)
    const r = ours.check(token, CERT, { service: 'rtc', channelName: 'd', uid: 6, publish: ['audio'] })
    assert.deepEqual(new Set(Object.keys(r)), declared('CheckReport'))
    for (const x of r.reasons) assert.deepEqual(new Set(Object.keys(x)), declared('CheckReason'))
    for (const x of r.privileges) assert.deepEqual(new Set(Object.keys(x)), declared('CheckedPrivilege'))
    assert.ok(r.reasons.length > 0 && r.privileges.length > 0)
  })

  test('the object of a 006 token has exactly the declared keys', () => {
    const token = ours.v006.RtmTokenBuilder.buildToken(APP_ID, CERT, 'alice', 1, 0)
    assert.deepEqual(new Set(Object.keys(ours.parse(token))), declared('ParsedToken006'))
  })

  test('strings of any length and characters come back as given', () => {
    // The compact form of src/compact.rs carries UTF-16 units and lengths;
    // arguments over the stack buffer take the heap path of convert.rs.
    for (const channel of ['', 'a\u0000b', 'caf\u00e9 \u{1F600} \u4e2d', 'x'.repeat(511), 'y'.repeat(2000), '\u00e9'.repeat(300), '\u00e9'.repeat(254), 'ab' + '\u{1F600}'.repeat(127)]) {
      const token = ours.RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, CERT, channel, channel + '!', 1, 60)
      const [rtc] = ours.verify(token, CERT).services
      assert.equal(rtc.channelName, channel)
      assert.equal(rtc.uid, channel + '!')
    }
  })

  test('parse reads the fields the builder packed', () => {
    const token = ours.RtcTokenBuilder.buildTokenWithRtm2(APP_ID, CERT, 'room 1', 42, 2, 600, 10, 20, 30, 40, 'bob', 300)
    const parsed = ours.parse(token)
    assert.equal(parsed.version, '007')
    assert.equal(parsed.appId, APP_ID)
    assert.equal(parsed.expire, 600)
    assert.ok(Math.abs(parsed.issueTs - Date.now() / 1000) < 60)
    assert.equal(parsed.unknownServiceType, null)
    const at = (seconds) => ({ 1: parsed.issueTs + seconds })
    assert.equal(parsed.expiresAt, parsed.issueTs + 600)
    assert.deepEqual(parsed.services, [
      { type: 'rtc', typeId: 1, channelName: 'room 1', uid: '42', privileges: { 1: 10 }, privilegeNames: { 1: 'join_channel' }, privilegeExpiresAt: at(10) },
      { type: 'rtm', typeId: 2, userId: 'bob', privileges: { 1: 300 }, privilegeNames: { 1: 'login' }, privilegeExpiresAt: at(300) },
    ])
  })

  test('a value of another kind than the first time its object was read comes out right', () => {
    // The readers read each value in line with the kind it had the first
    // time (expiresAt: a number, or null for expire 0), falling back to the
    // general reading otherwise; alternating covers both orders.
    for (const expire of [0, 600, 0, 600]) {
      const parsed = ours.parse(ours.ChatTokenBuilder.buildAppToken(APP_ID, CERT, expire))
      assert.equal(parsed.expire, expire)
      assert.equal(parsed.expiresAt, expire === 0 ? null : parsed.issueTs + 600)
    }
  })

  test('objects with more sets of keys than the addon numbers are read all the same', () => {
    // Each token has its own set of privilege ids, so past the addon's cap
    // (512 sets per thread) objects come without a reader and are read
    // property by property; the results must not change.
    const { AccessToken2, ServiceRtc } = require('agora-token/src/AccessToken2')
    for (let i = 0; i < 600; i++) {
      const token = new AccessToken2(APP_ID, CERT, 1700000000, 600)
      const rtc = new ServiceRtc('c', 42)
      rtc.add_privilege(1, 10)
      rtc.add_privilege(1000 + i, 20)
      token.add_service(rtc)
      const [parsed] = ours.verify(token.build(), CERT).services
      assert.deepEqual(parsed.privileges, { 1: 10, [1000 + i]: 20 })
      assert.deepEqual(parsed.privilegeExpiresAt, { 1: 1700000010, [1000 + i]: 1700000020 })
      assert.deepEqual(parsed.privilegeNames, { 1: 'join_channel' })
      assert.equal(parsed.uid, '42')
    }
  })
})
