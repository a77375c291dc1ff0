//! The Pythonic builders: keyword-only arguments, strict types, token-core's
//! checked builders, exceptions for every bad input.
//!
//! Each function is `convert the arguments -> token-core builder -> build`,
//! with the GIL released while token-core works. `issue_ts` and `salt` (007)
//! or `expire_ts` and `salt` (006) pin what is otherwise the current time and
//! a random salt, for reproducible tokens.

use pyo3::prelude::*;
use token_core::builder::rtc::{self, PrivilegeExpires, Role, RtcRtmParams};
use token_core::builder::{apaas, chat, convoai, fpa, rtm, stt};
use token_core::v006;
use token_core::v007::AccessToken2;
use token_core::Result;

use crate::convert;
use crate::error;
use crate::services::{self, Rules};

/// Python names of token-core fields that the Pythonic API spells otherwise.
const RENAMES: &[(&str, &str)] = &[("channel_name", "channel")];

fn py_err(e: token_core::Error) -> PyErr {
    error::to_py_renamed(e, RENAMES)
}

/// Pinned issue time and salt, read before the GIL is released.
struct Issue {
    issue_ts: Option<u32>,
    salt: Option<u32>,
}

impl Issue {
    fn read(
        issue_ts: Option<&Bound<'_, PyAny>>,
        salt: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(Issue {
            issue_ts: convert::optional(issue_ts, "issue_ts", convert::timestamp)?,
            salt: convert::optional(salt, "salt", convert::u32_int)?,
        })
    }

    fn apply(&self, t: AccessToken2) -> AccessToken2 {
        t.pin(self.issue_ts, self.salt)
    }
}

/// Builds and signs with the GIL released.
fn sign(
    py: Python<'_>,
    issue: Issue,
    cert: &str,
    make: impl FnOnce() -> Result<AccessToken2> + Send,
) -> PyResult<String> {
    py.detach(|| make().and_then(|t| issue.apply(t).build(cert)))
        .map_err(py_err)
}

fn role(obj: &Bound<'_, PyAny>) -> PyResult<Role> {
    Role::try_from(convert::i64_int(obj, "role")?).map_err(py_err)
}

/// The four RTC privilege expires, each defaulting to `default`.
fn privilege_expires(
    join: Option<&Bound<'_, PyAny>>,
    audio: Option<&Bound<'_, PyAny>>,
    video: Option<&Bound<'_, PyAny>>,
    data: Option<&Bound<'_, PyAny>>,
    default: u32,
) -> PyResult<PrivilegeExpires> {
    Ok(PrivilegeExpires {
        join_channel: convert::seconds_or(join, "join_channel_expire", default)?,
        publish_audio_stream: convert::seconds_or(audio, "publish_audio_stream_expire", default)?,
        publish_video_stream: convert::seconds_or(video, "publish_video_stream_expire", default)?,
        publish_data_stream: convert::seconds_or(data, "publish_data_stream_expire", default)?,
    })
}

/// Build an RTC (007) token for a uid or a user account.
///
/// Keyword arguments: `app_id`, `app_certificate` (32 hex characters each);
/// `channel`; exactly one of `uid` (int, 0 for any user) or `account` (str);
/// `role` (`Role.PUBLISHER`, the default, or `Role.SUBSCRIBER`); `expire`,
/// the token lifetime (seconds or `timedelta`); `privilege_expire` (default:
/// `expire`; 0 means limited by the token only); `issue_ts` (Unix seconds or
/// aware `datetime`, default now) and `salt` (default random) to make the
/// token reproducible. Returns the token; raises `InvalidInputError` naming
/// the argument and the rule it broke.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, channel, uid=None, account=None, role=None, expire, privilege_expire=None, issue_ts=None, salt=None))]
#[allow(clippy::too_many_arguments)]
pub fn build_rtc_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel: String,
    uid: Option<Bound<'_, PyAny>>,
    account: Option<String>,
    role: Option<Bound<'_, PyAny>>,
    expire: Bound<'_, PyAny>,
    privilege_expire: Option<Bound<'_, PyAny>>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let user = convert::user(uid.as_ref(), account.as_deref())?;
    let role = role.as_ref().map_or(Ok(Role::Publisher), self::role)?;
    let expire = convert::seconds(&expire, "expire")?;
    let privilege_expire =
        convert::seconds_or(privilege_expire.as_ref(), "privilege_expire", expire)?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    sign(py, issue, &app_certificate, || {
        rtc::with_user(&app_id, &channel, user, role, expire, privilege_expire)
    })
}

/// Build an RTC (007) token with its own expire for each privilege (join
/// channel and the three publish privileges, all set whatever the role).
///
/// Keyword arguments as `build_rtc_token` (without `role`), plus
/// `join_channel_expire`, `publish_audio_stream_expire`,
/// `publish_video_stream_expire`, `publish_data_stream_expire` (seconds or
/// `timedelta`, each defaulting to `expire`).
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, channel, uid=None, account=None, expire, join_channel_expire=None, publish_audio_stream_expire=None, publish_video_stream_expire=None, publish_data_stream_expire=None, issue_ts=None, salt=None))]
#[allow(clippy::too_many_arguments)]
pub fn build_rtc_token_with_privileges(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel: String,
    uid: Option<Bound<'_, PyAny>>,
    account: Option<String>,
    expire: Bound<'_, PyAny>,
    join_channel_expire: Option<Bound<'_, PyAny>>,
    publish_audio_stream_expire: Option<Bound<'_, PyAny>>,
    publish_video_stream_expire: Option<Bound<'_, PyAny>>,
    publish_data_stream_expire: Option<Bound<'_, PyAny>>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let user = convert::user(uid.as_ref(), account.as_deref())?;
    let expire = convert::seconds(&expire, "expire")?;
    let expires = privilege_expires(
        join_channel_expire.as_ref(),
        publish_audio_stream_expire.as_ref(),
        publish_video_stream_expire.as_ref(),
        publish_data_stream_expire.as_ref(),
        expire,
    )?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    sign(py, issue, &app_certificate, || {
        rtc::with_privileges(&app_id, &channel, user, expire, &expires)
    })
}

/// Build an RTC (007) token that also logs the same account in to RTM
/// (`BuildTokenWithRtm`); the RTM login lasts as long as the token.
///
/// Keyword arguments: `app_id`, `app_certificate`, `channel`, `account`,
/// `role` (default `Role.PUBLISHER`), `expire`, `privilege_expire` (default
/// `expire`), `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, channel, account, role=None, expire, privilege_expire=None, issue_ts=None, salt=None))]
#[allow(clippy::too_many_arguments)]
pub fn build_rtc_token_with_rtm(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel: String,
    account: String,
    role: Option<Bound<'_, PyAny>>,
    expire: Bound<'_, PyAny>,
    privilege_expire: Option<Bound<'_, PyAny>>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let role = role.as_ref().map_or(Ok(Role::Publisher), self::role)?;
    let expire = convert::seconds(&expire, "expire")?;
    let privilege_expire =
        convert::seconds_or(privilege_expire.as_ref(), "privilege_expire", expire)?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    sign(py, issue, &app_certificate, || {
        rtc::with_rtm(&app_id, &channel, &account, role, expire, privilege_expire)
    })
}

/// Which token the RTC + RTM (2) arguments build.
#[derive(Clone, Copy)]
enum RtcRtmKind {
    Rtc,
    ConvoAi,
    Stt,
}

#[allow(clippy::too_many_arguments)]
fn rtc_rtm(
    py: Python<'_>,
    kind: RtcRtmKind,
    app_id: String,
    app_certificate: String,
    channel: String,
    uid: Option<Bound<'_, PyAny>>,
    account: Option<String>,
    role: Option<Bound<'_, PyAny>>,
    expire: Bound<'_, PyAny>,
    expires: [Option<Bound<'_, PyAny>>; 4],
    rtm_user_id: String,
    rtm_expire: Option<Bound<'_, PyAny>>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let rtc_user = convert::user(uid.as_ref(), account.as_deref())?;
    let rtc_role = role.as_ref().map_or(Ok(Role::Publisher), self::role)?;
    let expire = convert::seconds(&expire, "expire")?;
    let [join, audio, video, data] = &expires;
    let privileges = privilege_expires(
        join.as_ref(),
        audio.as_ref(),
        video.as_ref(),
        data.as_ref(),
        expire,
    )?;
    let rtm_token_expire = convert::seconds_or(rtm_expire.as_ref(), "rtm_expire", expire)?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    let params = RtcRtmParams {
        channel_name: &channel,
        rtc_user,
        rtc_role,
        rtc_token_expire: expire,
        privileges,
        rtm_user_id: &rtm_user_id,
        rtm_token_expire,
    };
    sign(py, issue, &app_certificate, || match kind {
        RtcRtmKind::Rtc => rtc::with_rtm2(&app_id, &params),
        RtcRtmKind::ConvoAi => convoai::token(&app_id, &params),
        RtcRtmKind::Stt => stt::token(&app_id, &params),
    })
}

/// Defines a pyfunction for one kind of RTC + RTM token: the three share
/// their keyword arguments and are [`rtc_rtm`] with their kind.
macro_rules! rtc_rtm_pyfunction {
    ($(#[$doc:meta])* $name:ident, $kind:expr) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = (*, app_id, app_certificate, channel, uid=None, account=None, role=None, expire, join_channel_expire=None, publish_audio_stream_expire=None, publish_video_stream_expire=None, publish_data_stream_expire=None, rtm_user_id, rtm_expire=None, issue_ts=None, salt=None))]
        #[allow(clippy::too_many_arguments)]
        pub fn $name(
            py: Python<'_>,
            app_id: String,
            app_certificate: String,
            channel: String,
            uid: Option<Bound<'_, PyAny>>,
            account: Option<String>,
            role: Option<Bound<'_, PyAny>>,
            expire: Bound<'_, PyAny>,
            join_channel_expire: Option<Bound<'_, PyAny>>,
            publish_audio_stream_expire: Option<Bound<'_, PyAny>>,
            publish_video_stream_expire: Option<Bound<'_, PyAny>>,
            publish_data_stream_expire: Option<Bound<'_, PyAny>>,
            rtm_user_id: String,
            rtm_expire: Option<Bound<'_, PyAny>>,
            issue_ts: Option<Bound<'_, PyAny>>,
            salt: Option<Bound<'_, PyAny>>,
        ) -> PyResult<String> {
            rtc_rtm(
                py,
                $kind,
                app_id,
                app_certificate,
                channel,
                uid,
                account,
                role,
                expire,
                [
                    join_channel_expire,
                    publish_audio_stream_expire,
                    publish_video_stream_expire,
                    publish_data_stream_expire,
                ],
                rtm_user_id,
                rtm_expire,
                issue_ts,
                salt,
            )
        }
    };
}

rtc_rtm_pyfunction!(
    /// Build an RTC (007) token plus an RTM login for a possibly different user,
    /// each with its own expiry (`BuildTokenWithRtm2`).
    ///
    /// Keyword arguments: `app_id`, `app_certificate`, `channel`, exactly one of
    /// `uid` or `account` (the RTC user), `role` (default `Role.PUBLISHER`),
    /// `expire` (the token lifetime), the four privilege expires of
    /// `build_rtc_token_with_privileges` (default `expire`; the publish ones
    /// apply to publishers only), `rtm_user_id`, `rtm_expire` (the RTM login
    /// privilege, default `expire`), `issue_ts`, `salt`.
    build_rtc_token_with_rtm2,
    RtcRtmKind::Rtc
);

rtc_rtm_pyfunction!(
    /// Build a ConvoAI (conversational AI engine) token: the token of
    /// `build_rtc_token_with_rtm2` plus the ConvoAI service. Same keyword
    /// arguments.
    build_convoai_token,
    RtcRtmKind::ConvoAi
);

rtc_rtm_pyfunction!(
    /// Build an STT (speech-to-text) token: the token of
    /// `build_rtc_token_with_rtm2` plus the STT service. Same keyword arguments.
    build_stt_token,
    RtcRtmKind::Stt
);

/// Build an RTM login token for `user_id`, valid `expire` (seconds or
/// `timedelta`). Keyword arguments: `app_id`, `app_certificate`, `user_id`,
/// `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, user_id, expire, issue_ts=None, salt=None))]
pub fn build_rtm_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    user_id: String,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    sign(py, issue, &app_certificate, || {
        rtm::token(&app_id, &user_id, expire)
    })
}

/// Build an RTM 2.x token with resource permissions (the RTM2 service).
///
/// `permissions` is an iterable of `Rtm2Permission(resource_type,
/// permission_type, resources)` (or plain 3-tuples); a later entry for the
/// same resource and permission type replaces an earlier one. Other keyword
/// arguments as `build_rtm_token`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, user_id, permissions, expire, issue_ts=None, salt=None))]
#[allow(clippy::too_many_arguments)]
pub fn build_rtm_token_with_permissions(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    user_id: String,
    permissions: Bound<'_, PyAny>,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let permissions = services::permissions(&permissions, Rules::Strict)?;
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    sign(py, issue, &app_certificate, || {
        rtm::token_with_permissions(&app_id, &user_id, permissions, expire)
    })
}

/// Build a Chat user token. Keyword arguments: `app_id`, `app_certificate`,
/// `user_id`, `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, user_id, expire, issue_ts=None, salt=None))]
pub fn build_chat_user_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    user_id: String,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    sign(py, issue, &app_certificate, || {
        chat::user_token(&app_id, &user_id, expire)
    })
}

/// Build a Chat app token (server-side REST calls). Keyword arguments:
/// `app_id`, `app_certificate`, `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, expire, issue_ts=None, salt=None))]
pub fn build_chat_app_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    sign(py, issue, &app_certificate, || {
        chat::app_token(&app_id, expire)
    })
}

/// Build an FPA (full-path acceleration) login token, valid 24 hours.
/// Keyword arguments: `app_id`, `app_certificate`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, issue_ts=None, salt=None))]
pub fn build_fpa_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    sign(py, issue, &app_certificate, || fpa::token(&app_id))
}

/// Build an APaaS (Flexible Classroom) room-user token: APaaS room user, RTM
/// login as `user_uuid`, and Chat user `chat_user_id(user_uuid)`.
/// Keyword arguments: `app_id`, `app_certificate`, `room_uuid`, `user_uuid`,
/// `role` (int, -32768 to 32767), `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, room_uuid, user_uuid, role, expire, issue_ts=None, salt=None))]
#[allow(clippy::too_many_arguments)]
pub fn build_apaas_room_user_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    room_uuid: String,
    user_uuid: String,
    role: Bound<'_, PyAny>,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let role = convert::i16_int(&role, "role")?;
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    sign(py, issue, &app_certificate, || {
        apaas::room_user_token(&app_id, &room_uuid, &user_uuid, role, expire)
    })
}

/// Build an APaaS (Flexible Classroom) user token. Keyword arguments:
/// `app_id`, `app_certificate`, `user_uuid`, `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, user_uuid, expire, issue_ts=None, salt=None))]
pub fn build_apaas_user_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    user_uuid: String,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    sign(py, issue, &app_certificate, || {
        apaas::user_token(&app_id, &user_uuid, expire)
    })
}

/// Build an APaaS (Flexible Classroom) app token. Keyword arguments:
/// `app_id`, `app_certificate`, `expire`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, expire, issue_ts=None, salt=None))]
pub fn build_apaas_app_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    expire: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let expire = convert::seconds(&expire, "expire")?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    sign(py, issue, &app_certificate, || {
        apaas::app_token(&app_id, expire)
    })
}

/// Build a 007 token from service descriptions (see `services.rs`); the
/// package's `build_token` passes its service objects in that shape.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, expire, services, issue_ts=None, salt=None))]
pub fn build_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    expire: Bound<'_, PyAny>,
    services: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let expire = convert::seconds(&expire, "expire")?;
    let services = services::services(&services, Rules::Strict)?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    // The service objects name their fields as token-core does
    // (`channel_name`): no renaming here.
    py.detach(move || {
        let mut t = AccessToken2::new(app_id, expire);
        t.services = services;
        issue.apply(t).build(&app_certificate)
    })
    .map_err(error::to_py)
}

/// Pinned 006 salt and token expiry timestamp.
fn sign_006(
    py: Python<'_>,
    expire_ts: Option<&Bound<'_, PyAny>>,
    salt: Option<&Bound<'_, PyAny>>,
    cert: &str,
    make: impl FnOnce() -> Result<v006::AccessToken> + Send,
) -> PyResult<String> {
    let ts = convert::optional(expire_ts, "expire_ts", convert::timestamp)?;
    let salt = convert::optional(salt, "salt", convert::u32_int)?;
    py.detach(|| make().and_then(|t| t.pin(salt, ts).build(cert)))
        .map_err(py_err)
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
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel: String,
    uid: Option<Bound<'_, PyAny>>,
    account: Option<String>,
    role: Option<Bound<'_, PyAny>>,
    privilege_expire_ts: Bound<'_, PyAny>,
    expire_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let user = convert::user(uid.as_ref(), account.as_deref())?;
    let role = match &role {
        Some(r) => v006::rtc::Role::try_from(convert::i64_int(r, "role")?).map_err(py_err)?,
        None => v006::rtc::Role::Publisher,
    };
    let privilege_expire_ts = convert::timestamp(&privilege_expire_ts, "privilege_expire_ts")?;
    sign_006(
        py,
        expire_ts.as_ref(),
        salt.as_ref(),
        &app_certificate,
        || v006::rtc::with_user(&app_id, &channel, user, role, privilege_expire_ts),
    )
}

/// Build an RTM AccessToken ("006"). Keyword arguments: `app_id`,
/// `app_certificate`, `user_account`, `privilege_expire_ts` (absolute; 0
/// never expires), `expire_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, user_account, privilege_expire_ts, expire_ts=None, salt=None))]
pub fn build_rtm_token_006(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    user_account: String,
    privilege_expire_ts: Bound<'_, PyAny>,
    expire_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let privilege_expire_ts = convert::timestamp(&privilege_expire_ts, "privilege_expire_ts")?;
    sign_006(
        py,
        expire_ts.as_ref(),
        salt.as_ref(),
        &app_certificate,
        || v006::rtm::token(&app_id, &user_account, privilege_expire_ts),
    )
}

/// The Chat user ID of an APaaS user: lowercase hex MD5 of `user_uuid`.
#[pyfunction]
pub fn chat_user_id(user_uuid: String) -> String {
    apaas::chat_user_id(&user_uuid)
}
