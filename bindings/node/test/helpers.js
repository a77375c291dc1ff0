'use strict'
// Shared by the test files: the package under test, the official packages
// (devDependencies, used as oracles), token decoding, and a seeded input
// generator.

const assert = require('node:assert/strict')
const path = require('node:path')
const zlib = require('node:zlib')

const ours = require('..')
const official = require('agora-token')
const officialV006 = require('agora-access-token')
// The official packages' own token classes, to parse and check our tokens
// the way Agora's reference code does.
const { AccessToken2 } = require('agora-token/src/AccessToken2')
const { AccessToken } = require('agora-access-token/src/AccessToken')

const APP_ID = '970CA35de60c44645bbae8a215061b33'
const CERT = '5CFd2fd1755d40ecb72977518be15d3b'
const OTHER_CERT = '5CFd2fd1755d40ecb72977518be15d3c'
const VECTORS_DIR = path.join(__dirname, '..', '..', '..', 'tests', 'vectors')

/** The signing info of a 007 token with its issue ts and salt zeroed. */
function blankedContent007 (token) {
  assert.equal(token.slice(0, 3), '007', 'not a 007 token')
  const content = zlib.inflateSync(Buffer.from(token.slice(3), 'base64'))
  const signatureLength = content.readUInt16LE(0)
  const info = Buffer.from(content.subarray(2 + signatureLength))
  const at = 2 + info.readUInt16LE(0) // after the app ID
  info.writeUInt32LE(0, at) // issue ts
  info.writeUInt32LE(0, at + 8) // salt (after expire)
  return info
}

/** A 006 token's CRCs and privileges: its content with salt and ts zeroed. */
function blankedContent006 (token) {
  assert.equal(token.slice(0, 3), '006', 'not a 006 token')
  const content = Buffer.from(token.slice(35), 'base64')
  const signatureLength = content.readUInt16LE(0)
  const rest = Buffer.from(content.subarray(2 + signatureLength))
  // crc_channel_name u32, crc_uid u32, u16 message length, then salt, ts.
  rest.writeUInt32LE(0, 10)
  rest.writeUInt32LE(0, 14)
  return Buffer.concat([Buffer.from(token.slice(0, 35)), rest])
}

/** Parses with the official AccessToken2 and checks the signature. */
function officialCheck007 (token, cert) {
  const parsed = new AccessToken2('', '', 0, 0)
  assert.equal(parsed.from_string(token), true, 'official from_string refused the token')
  assert.equal(parsed.verifySignature(cert), true, 'official verifySignature refused the certificate')
  assert.equal(parsed.verifySignature(OTHER_CERT === cert ? CERT : OTHER_CERT), false)
  return parsed
}

/** The services of an official AccessToken2 as plain data (Buffers as text). */
function officialServices (parsed) {
  return parsed.services.map((service) => {
    const out = {}
    for (const [key, value] of Object.entries(service)) {
      if (Buffer.isBuffer(value)) out[key] = value.toString()
      else if (value && typeof value === 'object' && 'details' in value) out[key] = value.details
      else out[key] = value
    }
    return out
  })
}

/** Our parse() of a token without the per-build fields. */
function stable (parsed) {
  // The absolute expiry times follow the issue time, so they go too.
  const { issueTs, salt, ts, expiresAt, ...rest } = parsed
  if (rest.services) {
    rest.services = rest.services.map(({ privilegeExpiresAt, ...service }) => service)
  }
  return rest
}

// mulberry32: a small seeded PRNG, so every run tests the same inputs.
function rng (seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n) => Math.floor(next() * n)
  const pick = (list) => list[int(list.length)]
  const hex32 = () => Array.from({ length: 32 }, () => pick('0123456789abcdefABCDEF')).join('')
  const CHANNEL_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,'
  const text = (alphabet, min, max) =>
    Array.from({ length: min + int(max - min + 1) }, () => pick(alphabet)).join('')
  const gen = {
    int,
    pick,
    bool: (p = 0.5) => next() < p,
    hex32,
    appId: hex32,
    cert: hex32,
    // Documented channel names mostly, and what the official builders
    // accept anyway: empty, too long, non-ASCII.
    channel: () =>
      pick([
        () => text(CHANNEL_CHARS, 1, 63),
        () => text(CHANNEL_CHARS, 1, 12),
        () => '',
        () => text(CHANNEL_CHARS, 64, 120),
        () => '房间-α ' + text(CHANNEL_CHARS, 0, 5),
        () => 'emoji 😀/slash',
      ])(),
    uid: () => pick([0, 1, 2 ** 32 - 1, 2882341273, int(2 ** 32), int(1000)]),
    account: () =>
      pick([
        () => text('abcdefghijklmnopqrstuvwxyz0123456789_-.@', 1, 32),
        () => String(int(2 ** 32)),
        () => '0',
        () => '',
        () => 'ユーザー-β',
        () => 'x'.repeat(255),
        () => text('abc', 256, 300),
      ])(),
    // A user where the official builders take a number or a string.
    user: () => (next() < 0.5 ? gen.uid() : gen.account()),
    rtcRole: () => pick([1, 2, 1, 2, 0, 3, 101, -1]),
    expire: () => pick([0, 1, 600, 3600, 86400, 2 ** 32 - 1, int(2 ** 32), int(100000)]),
    apaasRole: () => pick([0, 1, 2, 3, -1, 32767, -32768]),
  }
  return gen
}

module.exports = {
  APP_ID,
  CERT,
  OTHER_CERT,
  VECTORS_DIR,
  AccessToken,
  AccessToken2,
  blankedContent006,
  blankedContent007,
  official,
  officialCheck007,
  officialServices,
  officialV006,
  ours,
  rng,
  stable,
}
