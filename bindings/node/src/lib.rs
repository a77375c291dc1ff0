//! Node.js bindings of token-core, published on npm as `agora-token-rs`.
//!
//! The exports of npm `agora-token` 2.0.6, with the same names, argument
//! order and accepted types: `RtcTokenBuilder`, `RtcRole`, `RtmTokenBuilder`,
//! `Rtm2Permissions`, `ChatTokenBuilder`, `FpaTokenBuilder`,
//! `ApaasTokenBuilder`, `EducationTokenBuilder`, `ConvoAITokenBuilder`,
//! `SttTokenBuilder`. Plus `parse` and `verify`, and the 006 builders of
//! `agora-access-token` in the `v006` namespace.
//!
//! This crate converts types and errors only; every token rule is
//! token-core's. The drop-in builders call token-core's `_unchecked`
//! builders, so they accept whatever the official package accepts, except
//! that a bad app ID or certificate throws (see [`error`]) instead of
//! returning `''`.
//!
//! Built with `npm install` (or `npm run build`) in `bindings/node`, which
//! runs the napi CLI: it compiles this crate and writes `index.d.ts` from the
//! `#[napi]` items and their doc comments.

// One module per official builder file; `pub` so the rlib (used by
// `cargo test --workspace`) exposes what the addon exports.
pub mod apaas;
pub mod chat;
pub mod check;
mod compact;
mod convert;
pub mod convoai;
mod error;
pub mod fpa;
pub mod inspect;
pub mod rtc;
pub mod rtm;
pub mod v006;

use napi::{Env, JsObject, Result};
use napi_derive::module_exports;

/// Runs once per load, after napi-rs has registered every `#[napi]` item.
#[module_exports]
fn init(exports: JsObject, env: Env) -> Result<()> {
    rtm::define_rtm2_constants(&exports, env)
}
