// Times one RTC 007 token with a uid (RtcTokenBuilder.buildTokenWithUid,
// publisher, token and privilege expire 3600) in agora-token-rs and in the
// official npm agora-token 2.0.6 (a devDependency), in the same process,
// alternating runs so both see the same machine load.
//
//     node bench/rtc.mjs [--runs N] [--min-ms MS] [--min-ratio R] [--json]
//
// Each implementation warms up, then does N timed runs (default 5) of at
// least MS milliseconds (default 300); the best run of each is compared.
// Exits 1 if agora-token-rs is not at least R times faster (default 10).
// Both sample tokens are checked with agora-token-rs's verify first, so the
// two really build the same token.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const ours = require('../index.js')
const official = require('agora-token')
const officialVersion = require('agora-token/package.json').version

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i === -1 ? fallback : Number(args[i + 1])
}
const runs = option('--runs', 5)
const minMs = option('--min-ms', 300)
const minRatio = option('--min-ratio', 10)

const APP_ID = '970CA35de60c44645bbae8a215061b33'
const CERT = '5CFd2fd1755d40ecb72977518be15d3b'
const CHANNEL = '7d72365eb983485397e3e3f9d460bdda'
const UID = 2882341273
const EXPIRE = 3600

const impls = {
  'agora-token-rs': () =>
    ours.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, ours.RtcRole.PUBLISHER, EXPIRE, EXPIRE),
  [`agora-token@${officialVersion}`]: () =>
    official.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, official.RtcRole.PUBLISHER, EXPIRE, EXPIRE),
}

// Same token content from both (issue time and salt aside).
for (const [name, build] of Object.entries(impls)) {
  const { services } = ours.verify(build(), CERT)
  const rtc = services[0]
  if (services.length !== 1 || rtc.uid !== String(UID) || Object.keys(rtc.privileges).length !== 4) {
    throw new Error(`${name} built an unexpected token`)
  }
}

let sink = 0
function run (build, limitNs) {
  const start = process.hrtime.bigint()
  let n = 0
  for (;;) {
    for (let i = 0; i < 64; i++) sink += build().length
    n += 64
    const elapsed = process.hrtime.bigint() - start
    if (elapsed >= limitNs) return Number(elapsed) / n
  }
}

const limit = BigInt(Math.round(minMs * 1e6))
for (const build of Object.values(impls)) run(build, limit) // warm-up
const perRun = Object.fromEntries(Object.keys(impls).map((name) => [name, []]))
for (let r = 0; r < runs; r++) {
  for (const [name, build] of Object.entries(impls)) perRun[name].push(run(build, limit))
}
if (sink === 0) throw new Error('unreachable')

const best = Object.fromEntries(Object.entries(perRun).map(([name, ns]) => [name, Math.min(...ns)]))
const [oursName, officialName] = Object.keys(impls)
const ratio = best[officialName] / best[oursName]

if (args.includes('--json')) {
  console.log(JSON.stringify({ node: process.version, runs, minMs, nsPerToken: perRun, bestNs: best, ratio }))
} else {
  console.log(`RTC 007 buildTokenWithUid, Node ${process.version}, best of ${runs} runs of >= ${minMs} ms:`)
  for (const [name, ns] of Object.entries(best)) console.log(`  ${name.padEnd(20)} ${(ns / 1000).toFixed(2)} us/token`)
  console.log(`  agora-token-rs is ${ratio.toFixed(1)}x faster (required: >= ${minRatio}x)`)
}
if (!(ratio >= minRatio)) {
  console.error(`bench: agora-token-rs is only ${ratio.toFixed(1)}x faster than ${officialName}; required ${minRatio}x`)
  process.exit(1)
}
