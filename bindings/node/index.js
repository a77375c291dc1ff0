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
try {
  module.exports = require(source)
} catch (error) {
  error.message +=
    `\nagora-token-rs: the native addon could not be loaded from ${source}. ` +
    'Install the package with npm so that its platform package (optionalDependencies) comes along, ' +
    'or build the addon from source in bindings/node (`npm install`, needs Rust).'
  throw error
}
