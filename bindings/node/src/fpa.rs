//! `FpaTokenBuilder` of npm `agora-token` 2.0.6.

use napi::{Env, JsUnknown, Result};
use napi_derive::napi;
use token_core::builder::fpa;

use crate::convert::Args;

/// Builds FPA (full-path acceleration) tokens (AccessToken2, "007"); the
/// static method of agora-token's `FpaTokenBuilder`.
#[napi]
#[derive(Default)]
pub struct FpaTokenBuilder {}

#[napi]
impl FpaTokenBuilder {
    /// An instance has no methods (the official builders are classes with
    /// static methods only, constructible like this one).
    #[napi(constructor)]
    pub fn new() -> Self {
        Self {}
    }

    /// Builds an FPA login token, valid for 24 hours.
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @returns The token.
    #[napi(catch_unwind)]
    pub fn build_token(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
    ) -> Result<String> {
        let a = Args(env);
        let app_id = a.string(app_id, "appId")?;
        let app_certificate = a.string(app_certificate, "appCertificate")?;
        let token = a.core(fpa::token(&app_id))?;
        a.sign(token, &app_certificate)
    }
}
