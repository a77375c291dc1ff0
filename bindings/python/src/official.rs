//! The drop-in layer's builders: what the `agoraiotools` 0.3.4 modules (and
//! the services npm `agora-token` 2.0.6 adds) do, with their leniency.
//!
//! The package's drop-in modules (`RtcTokenBuilder2.py`, ...) keep the
//! official names, argument order and defaults and call these. Arguments are
//! converted as the official builders convert them (see `convert.rs`), the
//! `_unchecked` token-core builders build, and a bad app ID or certificate
//! gives `''` like the official 007 builders (`error::official_007`).

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use token_core::builder::rtc::{self, PrivilegeExpires, Role, RtcRtmParams};
use token_core::builder::{apaas, chat, convoai, fpa, rtm, stt, User};
use token_core::service::Privileges;
use token_core::v006;
use token_core::v007::AccessToken2;
use token_core::{codec, Result};

use crate::convert::{self, official_account, official_role, official_u32};
use crate::error;
use crate::services::{self, Rules};

/// Signs with the GIL released; `''` where the official 007 builders give it.
fn sign(
    py: Python<'_>,
    cert: &str,
    make: impl FnOnce() -> AccessToken2 + Send,
) -> PyResult<String> {
    error::official_007(py.detach(|| make().build(cert)))
}

/// The 007 RTC role: the official builders test `role == Role_Publisher`.
fn role_007(role: &Bound<'_, PyAny>) -> PyResult<Role> {
    Ok(Role::from_official(official_role(role, &[1])?))
}

/// `'' if uid == 0 else str(uid)`, the text the official builders pack for a
/// uid or account. Used by the drop-in service classes.
#[pyfunction]
pub fn official_user(uid: Bound<'_, PyAny>) -> PyResult<String> {
    official_account(&uid)
}

/// A fresh issue time and random salt, as a new official `AccessToken` draws.
#[pyfunction]
pub fn issue_now() -> (u32, u32) {
    (codec::now(), codec::random_salt())
}

/// A fresh 006 salt and token expiry timestamp (24 h from now), as a new
/// official 006 `AccessToken` draws: `(salt, ts)`.
#[pyfunction]
pub fn issue_now_006() -> (u32, u32) {
    let t = v006::AccessToken::new("", "", "");
    (t.salt, t.ts)
}

/// `RtcTokenBuilder.build_token_with_uid` / `build_token_with_user_account`.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn official_rtc_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel_name: String,
    account: Bound<'_, PyAny>,
    role: Bound<'_, PyAny>,
    token_expire: Bound<'_, PyAny>,
    privilege_expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let account = official_account(&account)?;
    let role = role_007(&role)?;
    let token_expire = official_u32(&token_expire, "token_expire")?;
    let privilege_expire = official_u32(&privilege_expire, "privilege_expire")?;
    sign(py, &app_certificate, || {
        rtc::with_user_unchecked(
            &app_id,
            &channel_name,
            User::Account(&account),
            role,
            token_expire,
            privilege_expire,
        )
    })
}

fn official_expires(
    join: &Bound<'_, PyAny>,
    audio: &Bound<'_, PyAny>,
    video: &Bound<'_, PyAny>,
    data: &Bound<'_, PyAny>,
) -> PyResult<PrivilegeExpires> {
    Ok(PrivilegeExpires {
        join_channel: official_u32(join, "join_channel_privilege_expire")?,
        publish_audio_stream: official_u32(audio, "pub_audio_privilege_expire")?,
        publish_video_stream: official_u32(video, "pub_video_privilege_expire")?,
        publish_data_stream: official_u32(data, "pub_data_stream_privilege_expire")?,
    })
}

/// `RtcTokenBuilder2.build_token_with_uid_and_privilege` /
/// `build_token_with_user_account_and_privilege`.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn official_rtc_token_with_privileges(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel_name: String,
    account: Bound<'_, PyAny>,
    token_expire: Bound<'_, PyAny>,
    join_channel_privilege_expire: Bound<'_, PyAny>,
    pub_audio_privilege_expire: Bound<'_, PyAny>,
    pub_video_privilege_expire: Bound<'_, PyAny>,
    pub_data_stream_privilege_expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let account = official_account(&account)?;
    let token_expire = official_u32(&token_expire, "token_expire")?;
    let expires = official_expires(
        &join_channel_privilege_expire,
        &pub_audio_privilege_expire,
        &pub_video_privilege_expire,
        &pub_data_stream_privilege_expire,
    )?;
    sign(py, &app_certificate, || {
        rtc::with_privileges_unchecked(
            &app_id,
            &channel_name,
            User::Account(&account),
            token_expire,
            &expires,
        )
    })
}

/// `RtcTokenBuilder2.build_token_with_rtm`.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn official_rtc_token_with_rtm(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel_name: String,
    account: Bound<'_, PyAny>,
    role: Bound<'_, PyAny>,
    token_expire: Bound<'_, PyAny>,
    privilege_expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let account = official_account(&account)?;
    let role = role_007(&role)?;
    let token_expire = official_u32(&token_expire, "token_expire")?;
    let privilege_expire = official_u32(&privilege_expire, "privilege_expire")?;
    sign(py, &app_certificate, || {
        rtc::with_rtm_unchecked(
            &app_id,
            &channel_name,
            &account,
            role,
            token_expire,
            privilege_expire,
        )
    })
}

/// `RtcTokenBuilder2.build_token_with_rtm2` (`kind` 0), and the ConvoAI (1)
/// and STT (2) builders, which take the same arguments.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn official_rtc_rtm_token(
    py: Python<'_>,
    kind: u8,
    app_id: String,
    app_certificate: String,
    channel_name: String,
    rtc_account: Bound<'_, PyAny>,
    rtc_role: Bound<'_, PyAny>,
    rtc_token_expire: Bound<'_, PyAny>,
    join_channel_privilege_expire: Bound<'_, PyAny>,
    pub_audio_privilege_expire: Bound<'_, PyAny>,
    pub_video_privilege_expire: Bound<'_, PyAny>,
    pub_data_stream_privilege_expire: Bound<'_, PyAny>,
    rtm_user_id: String,
    rtm_token_expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let rtc_account = official_account(&rtc_account)?;
    let params = RtcRtmParams {
        channel_name: &channel_name,
        rtc_user: User::Account(&rtc_account),
        rtc_role: role_007(&rtc_role)?,
        rtc_token_expire: official_u32(&rtc_token_expire, "rtc_token_expire")?,
        privileges: official_expires(
            &join_channel_privilege_expire,
            &pub_audio_privilege_expire,
            &pub_video_privilege_expire,
            &pub_data_stream_privilege_expire,
        )?,
        rtm_user_id: &rtm_user_id,
        rtm_token_expire: official_u32(&rtm_token_expire, "rtm_token_expire")?,
    };
    sign(py, &app_certificate, || match kind {
        1 => convoai::token_unchecked(&app_id, &params),
        2 => stt::token_unchecked(&app_id, &params),
        _ => rtc::with_rtm2_unchecked(&app_id, &params),
    })
}

/// `RtmTokenBuilder2.RtmTokenBuilder.build_token`.
#[pyfunction]
pub fn official_rtm_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    user_id: String,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let expire = official_u32(&expire, "expire")?;
    sign(py, &app_certificate, || {
        rtm::token_unchecked(&app_id, &user_id, expire)
    })
}

/// `RtmTokenBuilder2.RtmTokenBuilder.build_token_with_permissions`;
/// `permissions` as `(resource_type, permission_type, resources)` entries.
#[pyfunction]
pub fn official_rtm_token_with_permissions(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    user_id: String,
    permissions: Bound<'_, PyAny>,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let permissions = services::permissions(&permissions, Rules::Official)?;
    let expire = official_u32(&expire, "expire")?;
    sign(py, &app_certificate, || {
        rtm::token_with_permissions_unchecked(&app_id, &user_id, permissions, expire)
    })
}

/// `ChatTokenBuilder2.ChatTokenBuilder.build_user_token`.
#[pyfunction]
pub fn official_chat_user_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    user_id: String,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let expire = official_u32(&expire, "expire")?;
    sign(py, &app_certificate, || {
        chat::user_token_unchecked(&app_id, &user_id, expire)
    })
}

/// Builders with no input rule of their own return `Result` only for a
/// uniform API; they cannot fail.
fn infallible(r: Result<AccessToken2>) -> PyResult<AccessToken2> {
    r.map_err(error::to_py)
}

/// `ChatTokenBuilder2.ChatTokenBuilder.build_app_token`.
#[pyfunction]
pub fn official_chat_app_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let expire = official_u32(&expire, "expire")?;
    let t = infallible(chat::app_token(&app_id, expire))?;
    sign(py, &app_certificate, || t)
}

/// `fpa_token_builder.FpaTokenBuilder.build_token`.
#[pyfunction]
pub fn official_fpa_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
) -> PyResult<String> {
    let t = infallible(fpa::token(&app_id))?;
    sign(py, &app_certificate, || t)
}

/// `ApaasTokenBuilder.build_room_user_token` (and the education one).
#[pyfunction]
pub fn official_apaas_room_user_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    room_uuid: String,
    user_uuid: String,
    role: Bound<'_, PyAny>,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let role = convert::official_i16(&role, "role")?;
    let expire = official_u32(&expire, "expire")?;
    sign(py, &app_certificate, || {
        apaas::room_user_token_unchecked(&app_id, &room_uuid, &user_uuid, role, expire)
    })
}

/// `ApaasTokenBuilder.build_user_token` (and the education one).
#[pyfunction]
pub fn official_apaas_user_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    user_uuid: String,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let expire = official_u32(&expire, "expire")?;
    sign(py, &app_certificate, || {
        apaas::user_token_unchecked(&app_id, &user_uuid, expire)
    })
}

/// `ApaasTokenBuilder.build_app_token` (and the education one).
#[pyfunction]
pub fn official_apaas_app_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let expire = official_u32(&expire, "expire")?;
    let t = infallible(apaas::app_token(&app_id, expire))?;
    sign(py, &app_certificate, || t)
}

/// `AccessToken2.AccessToken.build`: the token's own fields and its services
/// as descriptions (see `services.rs`).
#[pyfunction]
pub fn official_build_access_token2(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    issue_ts: Bound<'_, PyAny>,
    expire: Bound<'_, PyAny>,
    salt: Bound<'_, PyAny>,
    services: Bound<'_, PyAny>,
) -> PyResult<String> {
    let token = AccessToken2 {
        app_id,
        issue_ts: official_u32(&issue_ts, "issue_ts")?,
        expire: official_u32(&expire, "expire")?,
        salt: official_u32(&salt, "salt")?,
        services: services::services(&services, Rules::Official)?,
    };
    sign(py, &app_certificate, || token)
}

/// The 006 builders never return `''`: the official ones sign whatever they
/// are given, even an app ID that makes the token unusable. token-core
/// refuses such an app ID or certificate, so these raise
/// `InvalidInputError` there.
fn sign_006(py: Python<'_>, cert: &str, t: v006::AccessToken) -> PyResult<String> {
    py.detach(|| t.build(cert)).map_err(error::to_py)
}

/// `RtcTokenBuilder.RtcTokenBuilder.buildTokenWithUid` / `buildTokenWithAccount` (006).
#[pyfunction]
pub fn official_rtc_token_006(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel_name: String,
    account: Bound<'_, PyAny>,
    role: Bound<'_, PyAny>,
    privilege_expired_ts: Bound<'_, PyAny>,
) -> PyResult<String> {
    let account = official_account(&account)?;
    let role = v006::rtc::Role::from_official(official_role(&role, &[0, 1, 2, 101])?);
    let ts = official_u32(&privilege_expired_ts, "privilegeExpiredTs")?;
    let t =
        v006::rtc::with_user_unchecked(&app_id, &channel_name, User::Account(&account), role, ts);
    sign_006(py, &app_certificate, t)
}

/// `RtmTokenBuilder.RtmTokenBuilder.buildToken` (006).
#[pyfunction]
pub fn official_rtm_token_006(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    user_account: String,
    privilege_expired_ts: Bound<'_, PyAny>,
) -> PyResult<String> {
    let ts = official_u32(&privilege_expired_ts, "privilegeExpiredTs")?;
    sign_006(
        py,
        &app_certificate,
        v006::rtm::token_unchecked(&app_id, &user_account, ts),
    )
}

/// `AccessToken.AccessToken.build` (006): the token's fields, with
/// `privileges` as `(privilege, expire_ts)` pairs.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn official_build_access_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel_name: String,
    uid: String,
    salt: Bound<'_, PyAny>,
    ts: Bound<'_, PyAny>,
    privileges: Bound<'_, PyAny>,
) -> PyResult<String> {
    let mut map = Privileges::default();
    for pair in privileges.try_iter()? {
        let pair = pair?;
        let pair = pair
            .cast::<PyTuple>()
            .map_err(|_| error::type_error("privileges", "(privilege, expire_ts) tuples", &pair))?;
        map.add(
            convert::official_u16(&pair.get_item(0)?, "privilege")?,
            official_u32(&pair.get_item(1)?, "expireTimestamp")?,
        );
    }
    let t = v006::AccessToken {
        app_id,
        channel_name,
        uid,
        salt: official_u32(&salt, "salt")?,
        ts: official_u32(&ts, "ts")?,
        privileges: map,
    };
    sign_006(py, &app_certificate, t)
}
