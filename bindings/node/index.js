'use strict'
// agora-token-rs, CommonJS entry point: the native addon built from the Rust
// sources in src/ (napi-rs). Its exports are described by index.d.ts, which
// the build generates from the same sources.

try {
  module.exports = require('./agora-token-rs.node')
} catch (error) {
  error.message +=
    '\nagora-token-rs: the native addon could not be loaded. It is built for the platform that ran ' +
    '`npm install` (or `npm pack`) in bindings/node; rebuild it there for this platform.'
  throw error
}
