// Times the official npm agora-token@2.0.6 building one RTC 007 token with a
// uid. Driven by ../bench-peers:
//
//     node node_bench.js <dir with node_modules> <runs> <min_ms>
//
// Prints one JSON line: {"impl", "version", "ns_per_token": [per run], "best_ns", "sample"}.
// The package is only require()d from the temp directory, never copied.
'use strict'

const path = require('path')

const [dir, runsArg, minMsArg] = process.argv.slice(2)
const runs = Number(runsArg || 5)
const minNs = BigInt(Number(minMsArg || 500)) * 1000000n

const pkgDir = path.join(dir, 'node_modules', 'agora-token')
const { RtcTokenBuilder, RtcRole } = require(pkgDir)
const version = require(path.join(pkgDir, 'package.json')).version

const APP_ID = '970CA35de60c44645bbae8a215061b33'
const CERT = '5CFd2fd1755d40ecb72977518be15d3b'
const CHANNEL = '7d72365eb983485397e3e3f9d460bdda'
const UID = 2882341273
const EXPIRE = 3600

function build () {
    return RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, RtcRole.PUBLISHER, EXPIRE, EXPIRE)
}

let sink = 0
function run (limitNs) {
    const start = process.hrtime.bigint()
    let n = 0
    for (;;) {
        for (let i = 0; i < 64; i++) sink += build().length
        n += 64
        const elapsed = process.hrtime.bigint() - start
        if (elapsed >= limitNs) return Number(elapsed) / n
    }
}

const sample = build()
if (!sample.startsWith('007')) throw new Error('unexpected token: ' + sample)
run(minNs < 500000000n ? minNs : 500000000n) // warm-up: let V8 optimise
const perRun = []
for (let r = 0; r < runs; r++) perRun.push(run(minNs))
if (sink === 0) throw new Error('unreachable')
console.log(JSON.stringify({
    impl: 'npm agora-token',
    version,
    ns_per_token: perRun.map(v => Math.round(v * 10) / 10),
    best_ns: Math.min(...perRun),
    sample
}))
