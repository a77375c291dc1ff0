// Node side of scripts/bench-report: our addon (agora-token-rs) and the
// official npm packages in ONE process, runs interleaved.
//
//     node node_bench.js OURS_DIR PEERS_DIR RUNS MIN_MS VERIFY_TOKEN
//
// OURS_DIR holds the addon as the package ships it (index.js, v006.js,
// agora-token-rs.node); PEERS_DIR/node_modules holds agora-token@2.0.6 and
// agora-access-token@2.0.4, installed there at run time, never copied into
// the repo. Prints one JSON object: ns/op per run for each implementation and
// operation, and the sample tokens (checked afterwards with token-core).
//
// Operations (inputs as in crates/token-core/examples/bench_ops.rs):
// - build007: RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID,
//   PUBLISHER, 3600, 3600) (agora-token-rs and agora-token);
// - verify007: ours verify(token, CERT); agora-token: its official parse and
//   check, new AccessToken2().from_string(token) then verifySignature(CERT);
// - build006: v006 RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL,
//   UID, PUBLISHER, 2000000000) (agora-token-rs/v006 and agora-access-token).
'use strict'

const path = require('path')

const [oursDir, peersDir, runsArg, minMsArg, token] = process.argv.slice(2)
const runs = Number(runsArg)
const minMs = Number(minMsArg)

const APP_ID = '970CA35de60c44645bbae8a215061b33'
const CERT = '5CFd2fd1755d40ecb72977518be15d3b'
const OTHER_CERT = '0123456789abcdef0123456789abcdef'
const CHANNEL = '7d72365eb983485397e3e3f9d460bdda'
const UID = 2882341273
const EXPIRE = 3600
const PRIVILEGE_EXPIRED_TS_006 = 2000000000

const ours = require(path.join(oursDir, 'index.js'))
const ours006 = require(path.join(oursDir, 'v006.js'))
const oursVersion = require(path.join(oursDir, 'package.json')).version
const nm = path.join(peersDir, 'node_modules')
const official = require(path.join(nm, 'agora-token'))
const { AccessToken2 } = require(path.join(nm, 'agora-token', 'src', 'AccessToken2'))
const official006 = require(path.join(nm, 'agora-access-token'))
const version = (name) => require(path.join(nm, name, 'package.json')).version

function peerVerify (t, cert = CERT) {
  const parsed = new AccessToken2()
  if (!parsed.from_string(t)) throw new Error('from_string refused the token')
  if (!parsed.verifySignature(cert)) throw new Error('signature mismatch')
  return parsed
}

const impls = {
  ours: {
    build007: () => ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, ours.RtcRole.PUBLISHER, EXPIRE, EXPIRE),
    verify007: (t = token, cert = CERT) => ours.verify(t, cert),
    build006: () => ours006.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, ours006.RtcRole.PUBLISHER, PRIVILEGE_EXPIRED_TS_006)
  },
  peer: {
    build007: () => official.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, official.RtcRole.PUBLISHER, EXPIRE, EXPIRE),
    verify007: (t = token, cert = CERT) => peerVerify(t, cert),
    build006: () => official006.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, official006.RtcRole.PUBLISHER, PRIVILEGE_EXPIRED_TS_006)
  }
}

// Both accept the token, and refuse it with another certificate.
for (const [side, ops] of Object.entries(impls)) {
  ops.verify007()
  let refused = false
  try { ops.verify007(token, OTHER_CERT) } catch (e) { refused = true }
  if (!refused) throw new Error(`${side} accepted the token with another certificate`)
}

let sink = 0
function run (fn, limitNs) {
  const start = process.hrtime.bigint()
  let n = 0
  for (;;) {
    for (let i = 0; i < 32; i++) sink += fn() ? 1 : 0
    n += 32
    const elapsed = process.hrtime.bigint() - start
    if (elapsed >= limitNs) return Number(elapsed) / n
  }
}

const OPS = ['build007', 'verify007', 'build006']
const samples = {}
for (const side of Object.keys(impls)) {
  samples[side] = { build007: impls[side].build007(), build006: impls[side].build006() }
}
const warmUp = BigInt(Math.min(300, Math.max(100, minMs))) * 1000000n // lets V8 optimise
for (const side of Object.keys(impls)) for (const op of OPS) run(() => impls[side][op](), warmUp)
const ns = { ours: {}, peer: {} }
for (const side of Object.keys(ns)) for (const op of OPS) ns[side][op] = []
const limit = BigInt(minMs) * 1000000n
for (let r = 0; r < runs; r++) {
  for (const op of OPS) {
    for (const side of ['ours', 'peer']) {
      ns[side][op].push(Math.round(run(() => impls[side][op](), limit) * 10) / 10)
    }
  }
}
if (sink === 0) throw new Error('unreachable')
console.log(JSON.stringify({
  language: 'Node.js',
  runtime: `node ${process.version}`,
  ours: { name: `agora-token-rs ${oursVersion} (our addon)`, ns: ns.ours, samples: samples.ours },
  peer: {
    name: `npm agora-token ${version('agora-token')} (006: agora-access-token ${version('agora-access-token')})`,
    ns: ns.peer,
    samples: samples.peer
  },
  notes: {}
}))
