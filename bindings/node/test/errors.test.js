'use strict'
// Bad input: a wrong JS type throws a TypeError (code ERR_INVALID_ARG_TYPE);
// a value no token can hold throws an Error with code invalid_input and a
// message naming the argument and the rule; a bad token throws
// wrong_version / malformed / signature_mismatch. Nothing crashes.

const { describe, test } = require('node:test')
const assert = require('node:assert/strict')
const crypto = require('node:crypto')
const { APP_ID, CERT, OTHER_CERT, ours, rng } = require('./helpers')

const { RtcTokenBuilder, RtmTokenBuilder, Rtm2Permissions } = ours

const wrongType = (field, got) => (e) =>
  e instanceof TypeError &&
  e.code === 'ERR_INVALID_ARG_TYPE' &&
  e.field === field &&
  e.message.startsWith(`${field}: expected `) &&
  e.message.endsWith(`got ${got}`)

const invalid = (field, rule) => (e) =>
  !(e instanceof TypeError) && e instanceof Error && e.code === 'invalid_input' && e.field === field && e.message.startsWith(`${field}: `) && e.message.includes(rule)

// Good arguments for every builder method; tests swap one at a time.
const GOOD = {
  'RtcTokenBuilder.buildTokenWithUid': [APP_ID, CERT, 'ch', 1, 1, 60, 60],
  'RtcTokenBuilder.buildTokenWithUserAccount': [APP_ID, CERT, 'ch', 'a', 1, 60, 60],
  'RtcTokenBuilder.buildTokenWithUidAndPrivilege': [APP_ID, CERT, 'ch', 1, 60, 1, 2, 3, 4],
  'RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege': [APP_ID, CERT, 'ch', 'a', 60, 1, 2, 3, 4],
  'RtcTokenBuilder.buildTokenWithRtm': [APP_ID, CERT, 'ch', 'a', 1, 60, 60],
  'RtcTokenBuilder.buildTokenWithRtm2': [APP_ID, CERT, 'ch', 'a', 1, 60, 1, 2, 3, 4, 'u', 60],
  'RtmTokenBuilder.buildToken': [APP_ID, CERT, 'u', 60],
  'RtmTokenBuilder.buildTokenWithPermissions': [APP_ID, CERT, 'u', null, 60],
  'ChatTokenBuilder.buildUserToken': [APP_ID, CERT, 'u', 60],
  'ChatTokenBuilder.buildAppToken': [APP_ID, CERT, 60],
  'FpaTokenBuilder.buildToken': [APP_ID, CERT],
  'ApaasTokenBuilder.buildRoomUserToken': [APP_ID, CERT, 'r', 'u', 1, 60],
  'ApaasTokenBuilder.buildUserToken': [APP_ID, CERT, 'u', 60],
  'ApaasTokenBuilder.buildAppToken': [APP_ID, CERT, 60],
  'EducationTokenBuilder.buildRoomUserToken': [APP_ID, CERT, 'r', 'u', 1, 60],
  'EducationTokenBuilder.buildUserToken': [APP_ID, CERT, 'u', 60],
  'EducationTokenBuilder.buildAppToken': [APP_ID, CERT, 60],
  'ConvoAITokenBuilder.buildToken': [APP_ID, CERT, 'ch', 'a', 1, 60, 1, 2, 3, 4, 'u', 60],
  'SttTokenBuilder.buildToken': [APP_ID, CERT, 'ch', 'a', 1, 60, 1, 2, 3, 4, 'u', 60],
  'v006.RtcTokenBuilder.buildTokenWithUid': [APP_ID, CERT, 'ch', 1, 1, 0],
  'v006.RtcTokenBuilder.buildTokenWithAccount': [APP_ID, CERT, 'ch', 'a', 1, 0],
  'v006.RtmTokenBuilder.buildToken': [APP_ID, CERT, 'a', 1, 0],
}

function call (name, args) {
  const parts = name.split('.')
  const method = parts.pop()
  const cls = parts.reduce((o, k) => o[k], ours)
  return cls[method](...args)
}

describe('errors', () => {
  test('the good arguments build tokens', () => {
    for (const [name, args] of Object.entries(GOOD)) assert.match(call(name, args), /^00[67]/, name)
  })

  test('every argument of every builder refuses a value of the wrong type with a TypeError', () => {
    let checked = 0
    for (const [name, args] of Object.entries(GOOD)) {
      for (let i = 0; i < args.length; i++) {
        // Optional arguments (privilegeExpire, permissions, the 006 RTM role)
        // accept undefined and null.
        const optional = args[i] === null || (i === 6 && name.endsWith('WithUid')) || (i === 6 && /UserAccount$|WithRtm$/.test(name)) || name === 'v006.RtmTokenBuilder.buildToken' && i === 3
        const bad = [{}, [], true, Symbol('s'), 10n, () => 1, ...(optional ? [] : [undefined, null])]
        for (const value of bad) {
          const broken = args.slice()
          broken[i] = value
          assert.throws(() => call(name, broken), (e) => e instanceof TypeError && e.code === 'ERR_INVALID_ARG_TYPE' && /^\w+(\.\w+)?: expected /.test(e.message), `${name} argument ${i} = ${String(value)}`)
          checked++
        }
      }
    }
    assert.ok(checked > 500, `${checked}`)
  })

  test('messages name the argument and the type', () => {
    assert.throws(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, { name: 'ch' }, 1, 1, 60), wrongType('channelName', 'object'))
    assert.throws(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'ch', true, 1, 60), wrongType('uid', 'boolean'))
    assert.throws(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'ch', 1, '1', 60), wrongType('role', 'string'))
    assert.throws(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, null, 'ch', 1, 1, 60), wrongType('appCertificate', 'null'))
    assert.throws(() => RtmTokenBuilder.buildToken(APP_ID, CERT, undefined, 60), wrongType('userId', 'undefined'))
    assert.throws(() => RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, 'u', 'perm', 60), wrongType('permissions', 'string'))
    assert.throws(() => RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, 'u', { details: { 0: { 0: ['a', 1] } } }, 60), wrongType('permissions.details[0][0][1]', 'number'))
    assert.throws(() => RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, 'u', { details: 5 }, 60), wrongType('permissions.details', 'number'))
    assert.throws(() => new Rtm2Permissions().add(0, 0, 'abc'), wrongType('resources', 'string'))
    assert.throws(() => new Rtm2Permissions().add(0, 0, { length: 1, 0: 'a' }), wrongType('resources', 'object'))
    assert.throws(() => ours.parse(7), wrongType('token', 'number'))
  })

  test('bad app ID or certificate: invalid_input (the official builders return "")', () => {
    for (const [name, args] of Object.entries(GOOD)) {
      for (const [at, field] of [[0, 'appId'], [1, 'appCertificate']]) {
        for (const value of ['', 'abc', APP_ID.slice(1), APP_ID + '0', 'g'.repeat(32), APP_ID.slice(0, 31) + '-']) {
          const broken = args.slice()
          broken[at] = value
          assert.throws(() => call(name, broken), invalid(field, 'must be 32 hexadecimal characters'), `${name} ${field}=${value}`)
        }
      }
    }
  })

  test('the certificate never appears in a message', () => {
    const secret = '5CFd2fd1755d40ecb72977518be15d3z'
    assert.throws(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, secret, 'c', 1, 1, 60), (e) => !e.message.includes(secret) && !e.message.includes('5CFd'))
  })

  test('numbers out of range: invalid_input naming the argument and the rule', () => {
    const b = RtcTokenBuilder
    assert.throws(() => b.buildTokenWithUid(APP_ID, CERT, 'c', -1, 1, 60), invalid('uid', 'must be an integer from 0 to 4294967295 (got -1)'))
    assert.throws(() => b.buildTokenWithUid(APP_ID, CERT, 'c', 2 ** 32, 1, 60), invalid('uid', 'from 0 to 4294967295'))
    assert.throws(() => b.buildTokenWithUid(APP_ID, CERT, 'c', 1.5, 1, 60), invalid('uid', '(got 1.5)'))
    assert.throws(() => b.buildTokenWithUid(APP_ID, CERT, 'c', 1, 1, -60), invalid('tokenExpire', 'from 0 to 4294967295'))
    assert.throws(() => b.buildTokenWithUid(APP_ID, CERT, 'c', 1, 1, NaN), invalid('tokenExpire', '(got NaN)'))
    assert.throws(() => b.buildTokenWithUid(APP_ID, CERT, 'c', 1, 1, 60, Infinity), invalid('privilegeExpire', '(got Infinity)'))
    assert.throws(() => b.buildTokenWithUid(APP_ID, CERT, 'c', 1, 1.5, 60), invalid('role', 'must be an integer role number'))
    assert.throws(() => b.buildTokenWithRtm2(APP_ID, CERT, 'c', 1, 1, 60, 1, -2, 3, 4, 'u', 60), invalid('pubAudioPrivilegeExpire', 'from 0'))
    assert.throws(() => ours.ApaasTokenBuilder.buildRoomUserToken(APP_ID, CERT, 'r', 'u', 40000, 60), invalid('role', 'from -32768 to 32767'))
    assert.throws(() => new Rtm2Permissions().add(70000, 0, []), invalid('resourceType', 'from 0 to 65535'))
    assert.throws(() => RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, 'u', { details: { x: {} } }, 60), invalid('permissions.details', 'key "x"'))
  })

  test('any integer is a role; 1 publishes (the official rule)', () => {
    const privileges = (role) => Object.keys(ours.parse(RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 1, role, 60)).services[0].privileges)
    assert.deepEqual(privileges(1), ['1', '2', '3', '4'])
    for (const role of [0, 2, 3, 101, -1, 2 ** 40]) assert.deepEqual(privileges(role), ['1'], `role ${role}`)
  })

  test('strings the wire format cannot hold: invalid_input', () => {
    assert.throws(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c'.repeat(70000), 1, 1, 60), (e) => e.code === 'invalid_input' && e.field === 'channelName')
  })

  test('bad tokens: wrong_version, malformed, signature_mismatch', () => {
    const token = RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 1, 1, 60)
    assert.throws(() => ours.parse('005abc'), { code: 'wrong_version' })
    assert.throws(() => ours.parse(''), { code: 'wrong_version' })
    assert.throws(() => ours.parse('007!!!'), { code: 'malformed' })
    assert.throws(() => ours.parse(token.slice(0, 40)), { code: 'malformed' })
    assert.throws(() => ours.verify(token, OTHER_CERT), { code: 'signature_mismatch', message: /^signature: / })
    assert.throws(() => ours.verify(token, 'short'), { code: 'invalid_input', field: 'appCertificate' })
  })

  test('random and mutated tokens never crash the process', () => {
    const g = rng(0xbad)
    const token = RtcTokenBuilder.buildTokenWithRtm2(APP_ID, CERT, 'c', 1, 1, 60, 1, 2, 3, 4, 'u', 60)
    const token006 = ours.v006.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 1, 1, 0)
    const codes = new Set()
    for (let i = 0; i < 3000; i++) {
      let input
      switch (i % 4) {
        case 0: input = '007' + crypto.randomBytes(g.int(200)).toString('base64'); break
        case 1: {
          const chars = token.split('')
          chars[3 + g.int(chars.length - 3)] = g.pick('ABCxyz019+/='.split(''))
          input = chars.join('')
          break
        }
        case 2: {
          // 006 is not compressed: a changed character mostly keeps it
          // readable, so the signature check has to catch it.
          input = g.bool() ? token006.slice(0, g.int(token006.length + 1)) : token006.slice(0, 40) + token006.slice(40).replace(/[A-Za-z]/, (c) => (c === 'A' ? 'B' : 'A'))
          break
        }
        default: input = crypto.randomBytes(g.int(64)).toString('latin1')
      }
      try {
        ours.verify(input, CERT, 'c', 1)
      } catch (e) {
        assert.ok(['wrong_version', 'malformed', 'signature_mismatch'].includes(e.code), `${e.code}: ${e.message}`)
        codes.add(e.code)
      }
    }
    assert.deepEqual([...codes].sort(), ['malformed', 'signature_mismatch', 'wrong_version'])
  })
})
