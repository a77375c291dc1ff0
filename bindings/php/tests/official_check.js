// Reads tokens made by the PHP binding (a JSON array on stdin) and reads them
// back with the official npm agora-token@2.0.6, installed in the folder given
// as the first argument. Writes one JSON result per token:
//   007: {ok, app_id, issue_ts, expire, salt, services: [{type, privileges, fields}]}
//        (from_string, verifySignature with the right certificate, and a
//        refusal of another certificate);
//   006: {ok, app_id, salt, ts, privileges} (fromString, then build() with the
//        parsed salt, ts and privileges must give the token back).
'use strict'

const path = require('path')
const dir = path.join(process.argv[2], 'node_modules', 'agora-token', 'src')
const { AccessToken2 } = require(path.join(dir, 'AccessToken2'))
const { AccessToken } = require(path.join(dir, 'AccessToken'))

const OTHER_CERT = '0123456789abcdef0123456789abcdef'

// Parsed strings are Buffers in agora-token; JSON wants text.
function text (v) {
  return Buffer.isBuffer(v) ? v.toString('utf8') : v
}

function fields (service) {
  const out = {}
  for (const [k, v] of Object.entries(service)) {
    if (k === '__type' || k === '__privileges') continue
    out[k.replace(/^__/, '')] = Buffer.isBuffer(v) ? text(v) : typeof v === 'object' && v !== null ? JSON.parse(JSON.stringify(v)) : v
  }
  return out
}

function check007 (c) {
  const t = new AccessToken2()
  if (!t.from_string(c.token)) return { ok: false, why: 'from_string refused the token' }
  if (!t.verifySignature(c.cert)) return { ok: false, why: 'verifySignature refused the certificate' }
  if (c.cert !== OTHER_CERT && t.verifySignature(OTHER_CERT)) return { ok: false, why: 'verifySignature accepted another certificate' }
  return {
    ok: true,
    app_id: text(t.appId),
    issue_ts: t.issueTs,
    expire: t.expire,
    salt: t.salt,
    services: t.services.map(s => ({ type: s.service_type(), privileges: s.__privileges, fields: fields(s) }))
  }
}

function check006 (c) {
  const t = new AccessToken(c.app_id, c.cert, c.channel, c.uid)
  if (!t.fromString(c.token)) return { ok: false, why: 'fromString refused the token' }
  const rebuilt = new AccessToken(c.app_id, c.cert, c.channel, c.uid)
  rebuilt.salt = t.salt
  rebuilt.ts = t.ts
  for (const [k, v] of Object.entries(t.messages)) rebuilt.addPriviledge(Number(k), v)
  if (rebuilt.build() !== c.token) return { ok: false, why: 'the official build of the parsed fields differs (signature)' }
  return { ok: true, app_id: text(t.appID), salt: t.salt, ts: t.ts, privileges: t.messages }
}

let input = ''
process.stdin.on('data', d => { input += d })
process.stdin.on('end', () => {
  const out = JSON.parse(input).map(c => {
    try {
      return c.token.startsWith('006') ? check006(c) : check007(c)
    } catch (e) {
      return { ok: false, why: String(e) }
    }
  })
  process.stdout.write(JSON.stringify(out) + '\n')
})
