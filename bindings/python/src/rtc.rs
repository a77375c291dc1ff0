//! RTC (007), token-core's `builder::rtc`: the drop-in `RtcTokenBuilder2`
//! builders of `agoraiotools` 0.3.4 (`official_*`) and the Pythonic
//! `build_rtc_token*` functions, side by side. The RTC + RTM body of
//! `BuildTokenWithRtm2` also builds the ConvoAI and STT tokens (`convoai.rs`).

use pyo3::prelude::*;
use token_core::builder::rtc::{self, PrivilegeExpires, Role, RtcRtmParams};
use token_core::builder::{convoai, stt, User};

use crate::convert::{self, official_account, official_role, official_u32};
use crate::official;
use crate::pythonic::{self, Issue};

/// The 007 RTC role: the official builders test `role == Role_Publisher`.
fn role_007(role: &Bound<'_, PyAny>) -> PyResult<Role> {
    Ok(Role::from_official(official_role(role, &[1])?))
}

/// `RtcTokenBuilder.build_token_with_uid` / `build_token_with_user_account`.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn official_rtc_token(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    account: Bound<'_, PyAny>,
    role: Bound<'_, PyAny>,
    token_expire: Bound<'_, PyAny>,
    privilege_expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let account = official_account(&account)?;
    let role = role_007(&role)?;
    let token_expire = official_u32(&token_expire, "token_expire")?;
    let privilege_expire = official_u32(&privilege_expire, "privilege_expire")?;
    official::sign(app_certificate, || {
        rtc::with_user_unchecked(
            app_id,
            channel_name,
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
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
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
    official::sign(app_certificate, || {
        rtc::with_privileges_unchecked(
            app_id,
            channel_name,
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
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    account: Bound<'_, PyAny>,
    role: Bound<'_, PyAny>,
    token_expire: Bound<'_, PyAny>,
    privilege_expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let account = official_account(&account)?;
    let role = role_007(&role)?;
    let token_expire = official_u32(&token_expire, "token_expire")?;
    let privilege_expire = official_u32(&privilege_expire, "privilege_expire")?;
    official::sign(app_certificate, || {
        rtc::with_rtm_unchecked(
            app_id,
            channel_name,
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
    kind: u8,
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    rtc_account: Bound<'_, PyAny>,
    rtc_role: Bound<'_, PyAny>,
    rtc_token_expire: Bound<'_, PyAny>,
    join_channel_privilege_expire: Bound<'_, PyAny>,
    pub_audio_privilege_expire: Bound<'_, PyAny>,
    pub_video_privilege_expire: Bound<'_, PyAny>,
    pub_data_stream_privilege_expire: Bound<'_, PyAny>,
    rtm_user_id: &str,
    rtm_token_expire: Bound<'_, PyAny>,
) -> PyResult<String> {
    let rtc_account = official_account(&rtc_account)?;
    let params = RtcRtmParams {
        channel_name,
        rtc_user: User::Account(&rtc_account),
        rtc_role: role_007(&rtc_role)?,
        rtc_token_expire: official_u32(&rtc_token_expire, "rtc_token_expire")?,
        privileges: official_expires(
            &join_channel_privilege_expire,
            &pub_audio_privilege_expire,
            &pub_video_privilege_expire,
            &pub_data_stream_privilege_expire,
        )?,
        rtm_user_id,
        rtm_token_expire: official_u32(&rtm_token_expire, "rtm_token_expire")?,
    };
    official::sign(app_certificate, || match kind {
        1 => convoai::token_unchecked(app_id, &params),
        2 => stt::token_unchecked(app_id, &params),
        _ => rtc::with_rtm2_unchecked(app_id, &params),
    })
}

fn role(obj: &Bound<'_, PyAny>) -> PyResult<Role> {
    Role::try_from(convert::i64_int(obj, "role")?).map_err(pythonic::py_err)
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
    app_id: &str,
    app_certificate: &str,
    channel: &str,
    uid: Option<Bound<'_, PyAny>>,
    account: Option<&str>,
    role: Option<Bound<'_, PyAny>>,
    expire: Bound<'_, PyAny>,
    privilege_expire: Option<Bound<'_, PyAny>>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let user = convert::user(uid.as_ref(), account)?;
    let role = role.as_ref().map_or(Ok(Role::Publisher), self::role)?;
    let expire = convert::seconds(&expire, "expire")?;
    let privilege_expire =
        convert::seconds_or(privilege_expire.as_ref(), "privilege_expire", expire)?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    pythonic::sign(issue, app_certificate, || {
        rtc::with_user(app_id, channel, user, role, expire, privilege_expire)
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
    app_id: &str,
    app_certificate: &str,
    channel: &str,
    uid: Option<Bound<'_, PyAny>>,
    account: Option<&str>,
    expire: Bound<'_, PyAny>,
    join_channel_expire: Option<Bound<'_, PyAny>>,
    publish_audio_stream_expire: Option<Bound<'_, PyAny>>,
    publish_video_stream_expire: Option<Bound<'_, PyAny>>,
    publish_data_stream_expire: Option<Bound<'_, PyAny>>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let user = convert::user(uid.as_ref(), account)?;
    let expire = convert::seconds(&expire, "expire")?;
    let expires = privilege_expires(
        join_channel_expire.as_ref(),
        publish_audio_stream_expire.as_ref(),
        publish_video_stream_expire.as_ref(),
        publish_data_stream_expire.as_ref(),
        expire,
    )?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    pythonic::sign(issue, app_certificate, || {
        rtc::with_privileges(app_id, channel, user, expire, &expires)
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
    app_id: &str,
    app_certificate: &str,
    channel: &str,
    account: &str,
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
    pythonic::sign(issue, app_certificate, || {
        rtc::with_rtm(app_id, channel, account, role, expire, privilege_expire)
    })
}

/// Which token the RTC + RTM (2) arguments build.
#[derive(Clone, Copy)]
pub(crate) enum RtcRtmKind {
    Rtc,
    ConvoAi,
    Stt,
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn rtc_rtm(
    kind: RtcRtmKind,
    app_id: &str,
    app_certificate: &str,
    channel: &str,
    uid: Option<Bound<'_, PyAny>>,
    account: Option<&str>,
    role: Option<Bound<'_, PyAny>>,
    expire: Bound<'_, PyAny>,
    expires: [Option<Bound<'_, PyAny>>; 4],
    rtm_user_id: &str,
    rtm_expire: Option<Bound<'_, PyAny>>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let rtc_user = convert::user(uid.as_ref(), account)?;
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
        channel_name: channel,
        rtc_user,
        rtc_role,
        rtc_token_expire: expire,
        privileges,
        rtm_user_id,
        rtm_token_expire,
    };
    pythonic::sign(issue, app_certificate, || match kind {
        RtcRtmKind::Rtc => rtc::with_rtm2(app_id, &params),
        RtcRtmKind::ConvoAi => convoai::token(app_id, &params),
        RtcRtmKind::Stt => stt::token(app_id, &params),
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
            app_id: &str,
            app_certificate: &str,
            channel: &str,
            uid: Option<Bound<'_, PyAny>>,
            account: Option<&str>,
            role: Option<Bound<'_, PyAny>>,
            expire: Bound<'_, PyAny>,
            join_channel_expire: Option<Bound<'_, PyAny>>,
            publish_audio_stream_expire: Option<Bound<'_, PyAny>>,
            publish_video_stream_expire: Option<Bound<'_, PyAny>>,
            publish_data_stream_expire: Option<Bound<'_, PyAny>>,
            rtm_user_id: &str,
            rtm_expire: Option<Bound<'_, PyAny>>,
            issue_ts: Option<Bound<'_, PyAny>>,
            salt: Option<Bound<'_, PyAny>>,
        ) -> PyResult<String> {
            $crate::rtc::rtc_rtm(
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
pub(crate) use rtc_rtm_pyfunction;

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
