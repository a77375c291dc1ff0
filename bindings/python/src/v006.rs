//! AccessToken ("006"), token-core's `v006`: the drop-in
//! `RtcTokenBuilder`, `RtmTokenBuilder` and `AccessToken` of `agoraiotools`
//! (`official_*`, `issue_now_006`) and the Pythonic `build_rtc_token_006`
//! and `build_rtm_token_006`.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use token_core::builder::User;
use token_core::service::Privileges;
use token_core::v006;

use crate::convert::{self, official_account, official_role, official_u32};
use crate::error;
use crate::official;
use crate::pythonic;

/// A fresh 006 salt and token expiry timestamp (24 h from now), as a new
/// official 006 `AccessToken` draws: `(salt, ts)`.
#[pyfunction]
pub fn issue_now_006() -> (u32, u32) {
    let t = v006::AccessToken::new("", "", "");
    (t.salt, t.ts)
}

/// `RtcTokenBuilder.RtcTokenBuilder.buildTokenWithUid` / `buildTokenWithAccount` (006).
#[pyfunction]
pub fn official_rtc_token_006(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    account: Bound<'_, PyAny>,
    role: Bound<'_, PyAny>,
    privilege_expired_ts: Bound<'_, PyAny>,
) -> PyResult<String> {
    let account = official_account(&account)?;
    let role = v006::rtc::Role::from_official(official_role(&role, &[0, 1, 2, 101])?);
    let ts = official_u32(&privilege_expired_ts, "privilegeExpiredTs")?;
    let t = v006::rtc::with_user_unchecked(app_id, channel_name, User::Account(&account), role, ts);
    official::sign_006(app_certificate, t)
}

/// `RtmTokenBuilder.RtmTokenBuilder.buildToken` (006).
#[pyfunction]
pub fn official_rtm_token_006(
    app_id: &str,
    app_certificate: &str,
    user_account: &str,
    privilege_expired_ts: Bound<'_, PyAny>,
) -> PyResult<String> {
    let ts = official_u32(&privilege_expired_ts, "privilegeExpiredTs")?;
    official::sign_006(
        app_certificate,
        v006::rtm::token_unchecked(app_id, user_account, ts),
    )
}

/// `AccessToken.AccessToken.build` (006): the token's fields, with
/// `privileges` as `(privilege, expire_ts)` pairs.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn official_build_access_token(
    app_id: String,
    app_certificate: &str,
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
    official::sign_006(app_certificate, t)
}

/// Build an RTC AccessToken ("006"), for services that still expect one.
///
/// Keyword arguments: `app_id`, `app_certificate`, `channel`, exactly one of
/// `uid` or `account`, `role` (`Role006`, default `PUBLISHER`),
/// `privilege_expire_ts` (absolute: Unix seconds or aware `datetime`; 0
/// never expires), `expire_ts` (when the token itself expires; default 24 h
/// from now) and `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, channel, uid=None, account=None, role=None, privilege_expire_ts, expire_ts=None, salt=None))]
#[allow(clippy::too_many_arguments)]
pub fn build_rtc_token_006(
    app_id: &str,
    app_certificate: &str,
    channel: &str,
    uid: Option<Bound<'_, PyAny>>,
    account: Option<&str>,
    role: Option<Bound<'_, PyAny>>,
    privilege_expire_ts: Bound<'_, PyAny>,
    expire_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let user = convert::user(uid.as_ref(), account)?;
    let role = match &role {
        Some(r) => {
            v006::rtc::Role::try_from(convert::i64_int(r, "role")?).map_err(pythonic::py_err)?
        }
        None => v006::rtc::Role::Publisher,
    };
    let privilege_expire_ts = convert::timestamp(&privilege_expire_ts, "privilege_expire_ts")?;
    pythonic::sign_006(expire_ts.as_ref(), salt.as_ref(), app_certificate, || {
        v006::rtc::with_user(app_id, channel, user, role, privilege_expire_ts)
    })
}

/// Build an RTM AccessToken ("006"). Keyword arguments: `app_id`,
/// `app_certificate`, `user_account`, `privilege_expire_ts` (absolute; 0
/// never expires), `expire_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, user_account, privilege_expire_ts, expire_ts=None, salt=None))]
pub fn build_rtm_token_006(
    app_id: &str,
    app_certificate: &str,
    user_account: &str,
    privilege_expire_ts: Bound<'_, PyAny>,
    expire_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let privilege_expire_ts = convert::timestamp(&privilege_expire_ts, "privilege_expire_ts")?;
    pythonic::sign_006(expire_ts.as_ref(), salt.as_ref(), app_certificate, || {
        v006::rtm::token(app_id, user_account, privilege_expire_ts)
    })
}
