'use strict'
// The Node surface of scripts/test-conformance: the drop-in API of
// agora-token-rs (the official agora-token 2.0.6 names, plus parse, verify
// and v006). Usage: node node_worker.js PACKAGE_DIR < requests.jsonl
//
// Reads {"id", "builder", "inputs", "token"} lines; writes
//   {"id", "offered": false, "reason"}
//   {"id", "offered": true, "ok": true, "token", "pinned": false}
//   {"id", "offered": true, "ok": false, "kind"}   (the error's `code`)
// The official builders take no issue ts or salt, and neither do these: the
// driver re-pins (reads them back from the token and compares with
// token-core built with the same ones).

const readline = require('node:readline')
const ours = require(process.argv[2])

// The agora-token calls of the vectors: the table of the package's own
// vector test, over the packed addon.
const BUILDERS = {
  ...require('../../../bindings/node/test/vector-calls.js')(ours),
  parse: (i, token) => { ours.parse(token); return '' },
  verify: (i, token) => {
    if (token.startsWith('006')) ours.verify(token, i.app_certificate, i.channel_name ?? '', i.uid === 0 ? '' : String(i.uid ?? i.account ?? ''))
    else ours.verify(token, i.app_certificate)
    return ''
  },
}

// A role or RTM2 type given by name (a bad-input case for the surfaces that
// take names): the agora-token API takes numbers.
function namesANumber (i) {
  return [i.role, i.rtc_role].some((v) => typeof v === 'string') ||
    (i.permissions ?? []).some((p) => typeof p.resource_type === 'string' || typeof p.permission_type === 'string')
}

function run (req) {
  if (namesANumber(req.inputs ?? {})) return { offered: false, reason: 'roles and RTM2 types are numbers in agora-token' }
  const build = BUILDERS[req.builder]
  if (!build) {
    const why = req.builder === 'access_token2.services'
      ? 'agora-token 2.0.6 exports no AccessToken2 class for hand-assembled services'
      : 'agora-token 2.0.6 has no legacy DynamicKey/Signaling builders'
    return { offered: false, reason: why }
  }
  try {
    return { offered: true, ok: true, token: build(req.inputs, req.token ?? ''), pinned: false }
  } catch (e) {
    return { offered: true, ok: false, kind: e.code ?? `uncoded ${e.name}`, message: e.message }
  }
}

const rl = readline.createInterface({ input: process.stdin })
const out = []
rl.on('line', (line) => {
  if (!line.trim()) return
  const req = JSON.parse(line)
  out.push(JSON.stringify({ id: req.id, ...run(req) }))
})
rl.on('close', () => process.stdout.write(out.join('\n') + (out.length ? '\n' : '')))
