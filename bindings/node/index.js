'use strict'
// agora-token-rs, CommonJS entry point: the native addon built from the Rust
// sources in src/ (napi-rs). Its exports are described by index.d.ts, which
// the build generates from the same sources.
//
// Where the addon comes from, as in napi-rs packages: a local build
// (./agora-token-rs.node, made by `npm install` in bindings/node) first;
// otherwise the platform package that npm installed from the release's
// optionalDependencies (e.g. agora-token-rs-linux-x64-gnu, made by
// scripts/release), which carries the prebuilt addon.
//
// parse, verify and check: the addon returns their result in one string, the
// compact form of src/compact.rs (one N-API call instead of one per value and
// property); decode() below turns it into the plain object index.d.ts
// declares.

const { existsSync } = require('node:fs')
const { join } = require('node:path')

// The platform package's name, napi-rs style: linux-x64-gnu, linux-x64-musl,
// darwin-arm64, win32-x64-msvc, ...
function platformPackage() {
  const { platform, arch } = process
  if (platform === 'linux') {
    const report = process.report && process.report.getReport()
    const glibc = report && report.header && report.header.glibcVersionRuntime
    return `agora-token-rs-linux-${arch}-${glibc ? 'gnu' : 'musl'}`
  }
  return `agora-token-rs-${platform}-${arch}${platform === 'win32' ? '-msvc' : ''}`
}

const local = join(__dirname, 'agora-token-rs.node')
const source = existsSync(local) ? local : platformPackage()
let native
try {
  native = require(source)
} catch (error) {
  error.message +=
    `\nagora-token-rs: the native addon could not be loaded from ${source}. ` +
    'Install the package with npm so that its platform package (optionalDependencies) comes along, ' +
    'or build the addon from source in bindings/node (`npm install`, needs Rust).'
  throw error
}

const ATOMS = native.__compactAtoms()

// The string being decoded and the position in it (decode is never
// re-entered: it calls no user code).
let s = ''
let at = 0

function u32 () {
  const v = s.charCodeAt(at) * 0x10000 + s.charCodeAt(at + 1)
  at += 2
  return v
}

function text () {
  const n = u32()
  const v = s.slice(at, at + n)
  at += n
  return v
}

function value () {
  switch (s.charCodeAt(at++)) {
    case 0: return null
    case 1: return false
    case 2: return true
    case 3: return u32()
    case 4: return u32() * 0x100000000 + u32()
    case 5: return -(u32() * 0x100000000 + u32())
    case 6: return Number(text())
    case 7: return text()
    case 8: {
      const n = u32()
      const array = []
      for (let i = 0; i < n; i++) array.push(value())
      return array
    }
    case 9: {
      const n = u32()
      const set = s.charCodeAt(at++)
      const read = readers[set]
      if (read !== undefined) {
        const object = read()
        const keys = u32() // their length: skipped, known already
        at += keys
        return object
      }
      // A set of keys not seen yet (or past the addon's cap): the values,
      // then the keys; one property at a time, and a reader for next time.
      const values = []
      const tags = []
      for (let i = 0; i < n; i++) {
        tags.push(s.charCodeAt(at))
        values.push(value())
      }
      at += 2 // the keys' length
      const names = []
      for (let i = 0; i < n; i++) names.push(String(value()))
      if (set !== NO_KEY_SET) readers[set] = newReader(names, tags)
      const object = {}
      for (let i = 0; i < n; i++) object[names[i]] = values[i]
      return object
    }
    case 10: return ATOMS[s.charCodeAt(at++)]
  }
  throw new Error(`agora-token-rs: unknown tag ${s.charCodeAt(at - 1)} in the addon's result`)
}

// Object readers by the number the addon gives their set of keys (the same
// keys, the same number, in this thread): each reads the values in order and
// returns them in an object literal. Past the addon's cap on sets, objects
// come with NO_KEY_SET and are read one property at a time.
const readers = []
const NO_KEY_SET = 0xffff

// A reader reads each value with the kind it had the first time (a number,
// a string or an atom), in line, and any other kind with value(): a call
// and a switch per value cost more than the rest of the reading.
const INLINE = { 3: 'tag() === 3 ? num() : value()', 7: 'tag() === 7 ? str() : value()', 10: 'tag() === 10 ? atom() : value()' }
const tag = () => s.charCodeAt(at)
const num = () => { at++; return u32() }
const str = () => { at++; return text() }
const atom = () => { at += 2; return ATOMS[s.charCodeAt(at - 1)] }

function newReader (names, tags) {
  const body = names.map((name, i) => `${JSON.stringify(name)}: ${INLINE[tags[i]] || 'value()'}`).join(', ')
  // eslint-disable-next-line no-new-func
  return new Function('value', 'tag', 'num', 'str', 'atom', `return function read () { return { ${body} } }`)(value, tag, num, str, atom)
}

function decode (compact) {
  s = compact
  at = 0
  const v = value()
  s = ''
  return v
}

const { parse: parseCompact, verify: verifyCompact, check: checkCompact } = native

// napi-rs reads a missing argument and an undefined one alike.
function parse (token) {
  return decode(parseCompact(token))
}
function verify (token, appCertificate, channelName, uid) {
  return decode(verifyCompact(token, appCertificate, channelName, uid))
}
function check (token, appCertificate, request, now) {
  // The request's JSON text made here, where it costs least; the addon
  // still checks every argument in order, and makes the text itself when
  // this failed (so that the same error comes at the same point).
  let json
  if (typeof request === 'object' && request !== null) {
    try {
      json = JSON.stringify(request)
    } catch {
      // left to the addon, which throws the same error
    }
  }
  return decode(checkCompact(token, appCertificate, request, now, json))
}

module.exports = { ...native, parse, verify, check }
delete module.exports.__compactAtoms
