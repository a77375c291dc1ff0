//! `ChatTokenBuilder` of npm `agora-token` 2.0.6 (ChatTokenBuilder2).

use napi::{Env, JsUnknown, Result};
use napi_derive::napi;
use token_core::builder::chat;

use crate::convert::Args;

/// Builds Agora Chat tokens (AccessToken2, "007"); the static methods of
/// agora-token's `ChatTokenBuilder`.
#[napi]
#[derive(Default)]
pub struct ChatTokenBuilder {}

#[napi]
impl ChatTokenBuilder {
    /// An instance has no methods (the official builders are classes with
    /// static methods only, constructible like this one).
    #[napi(constructor)]
    pub fn new() -> Self {
        Self {}
    }

    /// Builds a Chat user token.
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param userId The Chat user ID (a number is taken as a uid: `0` is `''`).
    /// @param expire Seconds until the token and the privilege expire.
    /// @returns The token.
    #[napi(catch_unwind)]
    pub fn build_user_token(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string | number")] user_id: JsUnknown,
        #[napi(ts_arg_type = "number")] expire: JsUnknown,
    ) -> Result<String> {
        Args(env).user_token(
            [app_id, app_certificate, user_id, expire],
            "userId",
            chat::user_token_unchecked,
        )
    }

    /// Builds a Chat app token (for the Chat REST API).
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param expire Seconds until the token and the privilege expire.
    /// @returns The token.
    #[napi(catch_unwind)]
    pub fn build_app_token(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "number")] expire: JsUnknown,
    ) -> Result<String> {
        Args(env).app_token([app_id, app_certificate, expire], chat::app_token)
    }
}
