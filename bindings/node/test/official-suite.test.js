'use strict'
// The test cases shipped in npm agora-token@2.0.6 (its test/ folder), run
// against this package: each test file is loaded from node_modules with its
// require() of the builder modules redirected to agora-token-rs. Their
// requires of the official token classes (src/AccessToken2, src/AccessToken)
// are left alone: those classes parse and check the tokens, as oracles.
// Nothing of theirs is copied into this repository.
//
// A case runs when it calls a public builder; the others only exercise the
// official package's internal classes and are reported as skipped.

const { describe, test } = require('node:test')
const assert = require('node:assert')
const fs = require('node:fs')
const Module = require('node:module')
const path = require('node:path')
const { ours } = require('./helpers')

const testDir = path.join(path.dirname(require.resolve('agora-token/package.json')), 'test')

// What each builder module of the official package exports, from ours.
const REDIRECTS = {
  '../index': ours,
  '../src/RtcTokenBuilder2': { RtcTokenBuilder: ours.RtcTokenBuilder, Role: ours.RtcRole },
  '../src/RtmTokenBuilder2': { RtmTokenBuilder: ours.RtmTokenBuilder },
  '../src/ChatTokenBuilder': { ChatTokenBuilder: ours.ChatTokenBuilder },
  '../src/FpaTokenBuilder': { FpaTokenBuilder: ours.FpaTokenBuilder },
  '../src/ApaasTokenBuilder': { ApaasTokenBuilder: ours.ApaasTokenBuilder },
  '../src/EducationTokenBuilder': { EducationTokenBuilder: ours.EducationTokenBuilder },
  '../src/ConvoAITokenBuilder': { ConvoAITokenBuilder: ours.ConvoAITokenBuilder },
  '../src/SttTokenBuilder': { SttTokenBuilder: ours.SttTokenBuilder },
  // The 006 builders (agora-access-token's public exports).
  '../src/RtcTokenBuilder': { RtcTokenBuilder: ours.v006.RtcTokenBuilder, Role: ours.v006.RtcRole },
  '../src/RtmTokenBuilder': { RtmTokenBuilder: ours.v006.RtmTokenBuilder, Role: ours.v006.RtmRole },
}

/** Loads an official test file with the builder modules redirected. */
function loadRedirected (file) {
  const mod = new Module(file, module)
  mod.filename = file
  mod.paths = Module._nodeModulePaths(path.dirname(file))
  const plainRequire = mod.require.bind(mod)
  mod.require = (id) => (Object.hasOwn(REDIRECTS, id) ? REDIRECTS[id] : plainRequire(id))
  mod._compile(fs.readFileSync(file, 'utf8'), file)
  return mod.exports
}

/** The nodeunit `test` object their cases use, on node:assert (loose, as nodeunit). */
function nodeunitTest () {
  let done = false
  return {
    equal: (a, b, m) => assert.equal(a, b, m),
    notEqual: (a, b, m) => assert.notEqual(a, b, m),
    strictEqual: (a, b, m) => assert.strictEqual(a, b, m),
    deepEqual: (a, b, m) => assert.deepEqual(a, b, m),
    ok: (v, m) => assert.ok(v, m),
    throws: (f, e, m) => assert.throws(f, e, m),
    expect: () => {},
    done: () => {
      done = true
    },
    get finished () {
      return done
    },
  }
}

const CALLS_A_BUILDER = /TokenBuilder\.\w+\(/

const files = fs.readdirSync(testDir).filter((f) => f.endsWith('.js')).sort()
let ran = 0

describe('npm agora-token@2.0.6 test cases, against agora-token-rs', () => {
  test('the official test folder is there', () => {
    assert.ok(files.length >= 10, `found ${files.length} test files in ${testDir}`)
  })
  for (const file of files) {
    describe(file, () => {
      const cases = loadRedirected(path.join(testDir, file))
      for (const [name, fn] of Object.entries(cases)) {
        if (typeof fn !== 'function') continue
        if (!CALLS_A_BUILDER.test(fn.toString())) {
          test(name, { skip: 'uses only the official package\'s internal classes' }, () => {})
          continue
        }
        test(name, () => {
          const t = nodeunitTest()
          fn(t)
          assert.ok(t.finished, 'the case did not call test.done()')
          ran++
        })
      }
    })
  }
  test('ran the cases that use public builders', () => {
    assert.ok(ran >= 25, `only ${ran} official cases ran`)
  })
})
