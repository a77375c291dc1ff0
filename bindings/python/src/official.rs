//! The drop-in layer: what the `agoraiotools` 0.3.4 modules (and
//! the services npm `agora-token` 2.0.6 adds) do, with their leniency.
//!
//! The package's drop-in modules (`RtcTokenBuilder2.py`, ...) keep the
//! official names, argument order and defaults and call the `official_*`
//! functions of the product modules (`rtc.rs`, ...). Arguments are
//! converted as the official builders convert them (see `convert.rs`), the
//! `_unchecked` token-core builders build, and a bad app ID or certificate
//! gives `''` like the official 007 builders (`error::official_007`).
//!
//! This module holds what the `official_*` functions of every product module
//! share: how they sign (`''` for a bad app ID or certificate in 007) and
//! the builders that cannot fail.

use pyo3::prelude::*;
use token_core::v006;
use token_core::v007::AccessToken2;
use token_core::Result;

use crate::error;

/// Signs; `''` where the official 007 builders give it. The GIL stays
/// held: a token takes about a microsecond, less than releasing and taking
/// back the GIL costs (see `lib.rs`).
pub(crate) fn sign(cert: &str, make: impl FnOnce() -> AccessToken2) -> PyResult<String> {
    error::official_007(make().build(cert))
}

/// Builders with no input rule of their own return `Result` only for a
/// uniform API; they cannot fail.
pub(crate) fn infallible(r: Result<AccessToken2>) -> PyResult<AccessToken2> {
    r.map_err(error::to_py)
}

/// The 006 builders never return `''`: the official ones sign whatever they
/// are given, even an app ID that makes the token unusable. token-core
/// refuses such an app ID or certificate, so these raise
/// `InvalidInputError` there.
pub(crate) fn sign_006(cert: &str, t: v006::AccessToken) -> PyResult<String> {
    t.build(cert).map_err(error::to_py)
}
