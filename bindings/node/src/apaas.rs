//! `ApaasTokenBuilder` and `EducationTokenBuilder` of npm `agora-token`
//! 2.0.6 (Flexible Classroom). The official education builders make exactly
//! the APaaS tokens, and so do these.
//!
//! Room-user tokens follow token-core, which follows the official Go, C++
//! and Python builders: the APaaS service carries the room-user privilege
//! and the role as given. npm agora-token 2.0.6 leaves the privilege out and
//! packs role `0` as `-1` (see README.md, "Differences").

use napi::{Env, JsUnknown, Result};
use napi_derive::napi;
use token_core::builder::apaas;

use crate::convert::Args;

/// `buildRoomUserToken` of both classes.
fn room_user_token(
    a: Args,
    [app_id, app_certificate, room_uuid, user_uuid, role, expire]: [JsUnknown; 6],
) -> Result<String> {
    let app_id = a.string(app_id, "appId")?;
    let app_certificate = a.string(app_certificate, "appCertificate")?;
    let token = apaas::room_user_token_unchecked(
        &app_id,
        &a.string(room_uuid, "roomUuid")?,
        &a.user_text(user_uuid, "userUuid")?,
        a.i16(role, "role")?,
        a.u32(expire, "expire")?,
    );
    a.sign(token, &app_certificate)
}

/// The methods of a Flexible Classroom builder class; `ApaasTokenBuilder` and
/// `EducationTokenBuilder` have the same methods, building the same tokens.
macro_rules! classroom_builder {
    ($name:ident) => {
        #[napi]
        impl $name {
            /// An instance has no methods (the official builders are classes with
            /// static methods only, constructible like this one).
            #[napi(constructor)]
            pub fn new() -> Self {
                Self {}
            }

            /// Builds a room-user token: the APaaS room user, an RTM login as the
            /// user UUID, and a Chat user (the MD5 of the user UUID).
            ///
            /// @param appId The App ID (32 hexadecimal characters).
            /// @param appCertificate The App Certificate (32 hexadecimal characters).
            /// @param roomUuid The room ID.
            /// @param userUuid The user ID (a number is taken as a uid: `0` is `''`).
            /// @param role The user's role in the room (-32768 to 32767).
            /// @param expire Seconds until the token and the privileges expire.
            /// @returns The token.
            #[napi(catch_unwind)]
            pub fn build_room_user_token(
                env: Env,
                #[napi(ts_arg_type = "string")] app_id: JsUnknown,
                #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
                #[napi(ts_arg_type = "string")] room_uuid: JsUnknown,
                #[napi(ts_arg_type = "string | number")] user_uuid: JsUnknown,
                #[napi(ts_arg_type = "number")] role: JsUnknown,
                #[napi(ts_arg_type = "number")] expire: JsUnknown,
            ) -> Result<String> {
                room_user_token(
                    Args(env),
                    [app_id, app_certificate, room_uuid, user_uuid, role, expire],
                )
            }

            /// Builds a user token (no room).
            ///
            /// @param appId The App ID (32 hexadecimal characters).
            /// @param appCertificate The App Certificate (32 hexadecimal characters).
            /// @param userUuid The user ID (a number is taken as a uid: `0` is `''`).
            /// @param expire Seconds until the token and the privilege expire.
            /// @returns The token.
            #[napi(catch_unwind)]
            pub fn build_user_token(
                env: Env,
                #[napi(ts_arg_type = "string")] app_id: JsUnknown,
                #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
                #[napi(ts_arg_type = "string | number")] user_uuid: JsUnknown,
                #[napi(ts_arg_type = "number")] expire: JsUnknown,
            ) -> Result<String> {
                Args(env).user_token(
                    [app_id, app_certificate, user_uuid, expire],
                    "userUuid",
                    apaas::user_token_unchecked,
                )
            }

            /// Builds an app token (no room, no user).
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
                Args(env).app_token([app_id, app_certificate, expire], apaas::app_token)
            }
        }
    };
}

/// Builds Flexible Classroom (APaaS) tokens (AccessToken2, "007"); the
/// static methods of agora-token's `ApaasTokenBuilder`.
#[napi]
#[derive(Default)]
pub struct ApaasTokenBuilder {}

classroom_builder!(ApaasTokenBuilder);

/// Builds Flexible Classroom tokens (AccessToken2, "007"); the static
/// methods of agora-token's `EducationTokenBuilder`, identical to
/// `ApaasTokenBuilder`.
#[napi]
#[derive(Default)]
pub struct EducationTokenBuilder {}

classroom_builder!(EducationTokenBuilder);
