//! The check engine: would Agora let this request in with this token, and if
//! not, why not?
//!
//! [`check`] takes a token, the app certificate, what the client asks for (a
//! [`Request`]: join RTC channel C as uid U and publish audio, log in to RTM
//! as X, ...) and a time, and returns a [`Report`] with every [`Reason`] for
//! a denial, not just the first one. The rules, as the official AccessToken
//! sources and Agora's token documentation state them:
//!
//! - The signature covers the app ID, the times, the salt and every service,
//!   so a token signed with another certificate, or altered, is refused.
//! - A token is for one app ID; a client of another app is refused.
//! - 007 times are relative: the token expires `expire` seconds after its
//!   issue time, each privilege `expire` seconds after the issue time. 006
//!   times are absolute Unix timestamps. In both, `0` means "no limit" (the
//!   official FPA builder relies on it for its login privilege). A time `T` is
//!   past once `now >= T`.
//! - RTC: the channel name must match exactly. A token built for uid 0 (the
//!   builders write it as an empty uid) admits any user; otherwise the uid or
//!   user account must be the same text. A client that joins with uid 0 lets
//!   Agora assign a uid, so only such a wildcard token admits it (or a token
//!   for the user account `"0"`). Joining
//!   needs `join_channel`; each stream the client publishes needs its publish
//!   privilege.
//! - RTM, Chat and APaaS: the user (and APaaS room) must match exactly; there
//!   is no wildcard user.
//! - A 006 token holds only the CRC32 of its channel name and uid, so a
//!   mismatch there is reported as such, and the signature can only be
//!   checked once both are known (else it is [`Signature::Unchecked`]).
//!
//! ```
//! use token_core::builder::rtc::{self, Role};
//! use token_core::check::{check, Action, Request};
//!
//! let cert = "5CFd2fd1755d40ecb72977518be15d3b";
//! let token = rtc::with_uid("970CA35de60c44645bbae8a215061b33", "demo", 42, Role::Subscriber, 600, 600)?
//!     .with_issue(1_700_000_000, 1)
//!     .build(cert)?;
//! let join = |channel: &str| Request::new(Action::rtc_join(channel, "42"));
//! assert!(check(&token, cert, &join("demo"), 1_700_000_100)?.allowed());
//!
//! let report = check(&token, cert, &join("other"), 1_700_000_700)?;
//! let codes: Vec<_> = report.reasons.iter().map(|r| r.code()).collect();
//! assert_eq!(codes, ["token_expired", "channel_mismatch", "privilege_expired"]);
//! # Ok::<(), token_core::Error>(())
//! ```

use std::fmt;

use crate::error::{Error, Result};
use crate::service::{self, service_type, Apaas, Chat, Fpa, Rtc, Rtm, Service};
use crate::time::utc;
use crate::v006::{self, ParsedAccessToken};
use crate::v007::ParsedToken;
use crate::{validate, AnyToken, ErrorKind};

/// What a client asks Agora for, and (optionally) the app ID it uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The app ID the client was initialised with; `None` to skip that check.
    pub app_id: Option<String>,
    /// What the client does.
    pub action: Action,
}

impl Request {
    /// A request without an app ID check.
    pub fn new(action: Action) -> Self {
        Request {
            app_id: None,
            action,
        }
    }

    /// Also checks that the token is for `app_id`.
    pub fn with_app_id(mut self, app_id: impl Into<String>) -> Self {
        self.app_id = Some(app_id.into());
        self
    }
}

/// A request as named fields, the form every surface takes it in (a JSON
/// object, keyword arguments, an options object). [`RequestFields::to_request`]
/// holds the rules, once: which fields each service takes and needs, and the
/// stream names of `publish`.
///
/// ```
/// use token_core::check::{Action, RequestFields};
/// let fields = RequestFields { service: "rtc", channel_name: Some("demo"), uid: Some("42"), ..Default::default() };
/// assert_eq!(fields.to_request()?.action, Action::rtc_join("demo", "42"));
///
/// let e = RequestFields { service: "rtm", channel_name: Some("demo"), ..Default::default() }.to_request().unwrap_err();
/// assert_eq!(e.to_string(), "request: unknown field \"channel_name\" for service \"rtm\"");
/// # Ok::<(), token_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RequestFields<'a> {
    /// `"rtc"`, `"rtm"`, `"chat"`, `"fpa"` or `"apaas"`.
    pub service: &'a str,
    /// The app ID the client uses (checked when given).
    pub app_id: Option<&'a str>,
    /// RTC: the channel name (required).
    pub channel_name: Option<&'a str>,
    /// RTC: the uid as decimal text or the user account (`""` or `"0"`:
    /// Agora assigns one; the default).
    pub uid: Option<&'a str>,
    /// RTC: the streams published, each `"audio"`, `"video"` or `"data"`.
    pub publish: Option<&'a [&'a str]>,
    /// RTM (required) and Chat (a user; none for the app): the user ID.
    pub user_id: Option<&'a str>,
    /// APaaS: the room, with `user_uuid`.
    pub room_uuid: Option<&'a str>,
    /// APaaS: the user (none for the app).
    pub user_uuid: Option<&'a str>,
}

impl RequestFields<'_> {
    /// The request these fields describe, or an
    /// [`ErrorKind::InvalidInput`] naming the field and the rule.
    pub fn to_request(&self) -> Result<Request> {
        let given = [
            ("channel_name", self.channel_name.is_some()),
            ("uid", self.uid.is_some()),
            ("publish", self.publish.is_some()),
            ("user_id", self.user_id.is_some()),
            ("room_uuid", self.room_uuid.is_some()),
            ("user_uuid", self.user_uuid.is_some()),
        ];
        let takes: &[&str] = match self.service {
            "rtc" => &["channel_name", "uid", "publish"],
            "rtm" | "chat" => &["user_id"],
            "apaas" => &["room_uuid", "user_uuid"],
            "fpa" => &[],
            "" => {
                return Err(Error::invalid(
                    "service",
                    "is required: rtc, rtm, chat, fpa or apaas",
                ))
            }
            other => {
                return Err(Error::invalid(
                    "service",
                    format!("{other:?} is not one of rtc, rtm, chat, fpa, apaas"),
                ))
            }
        };
        if let Some((k, _)) = given.iter().find(|(k, set)| *set && !takes.contains(k)) {
            return Err(Error::invalid(
                "request",
                format!("unknown field {k:?} for service {:?}", self.service),
            ));
        }
        let required = |field: &'static str, v: Option<&str>| {
            v.map(str::to_owned)
                .ok_or_else(|| Error::invalid(field, "is required for this service"))
        };
        let action = match self.service {
            "rtc" => Action::RtcJoin {
                channel_name: required("channel_name", self.channel_name)?,
                uid: self.uid.unwrap_or_default().to_owned(),
                publish: Publish::from_names(self.publish.unwrap_or_default())?,
            },
            "rtm" => Action::RtmLogin {
                user_id: required("user_id", self.user_id)?,
            },
            "chat" => match self.user_id {
                Some(user_id) => Action::ChatUser {
                    user_id: user_id.to_owned(),
                },
                None => Action::ChatApp,
            },
            "fpa" => Action::FpaLogin,
            _ => match (self.room_uuid, self.user_uuid) {
                (Some(room_uuid), Some(user_uuid)) => Action::ApaasRoomUser {
                    room_uuid: room_uuid.to_owned(),
                    user_uuid: user_uuid.to_owned(),
                },
                (None, Some(user_uuid)) => Action::ApaasUser {
                    user_uuid: user_uuid.to_owned(),
                },
                (None, None) => Action::ApaasApp,
                (Some(_), None) => {
                    return Err(Error::invalid("user_uuid", "is required with room_uuid"))
                }
            },
        };
        Ok(Request {
            app_id: self.app_id.map(str::to_owned),
            action,
        })
    }
}

/// The streams an RTC client publishes once joined.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Publish {
    /// Publishes audio (needs `publish_audio_stream`).
    pub audio: bool,
    /// Publishes video (needs `publish_video_stream`).
    pub video: bool,
    /// Publishes data streams (needs `publish_data_stream`).
    pub data: bool,
}

impl Publish {
    /// The streams named `"audio"`, `"video"` and `"data"`.
    pub fn from_names(names: &[&str]) -> Result<Publish> {
        let mut p = Publish::default();
        for name in names {
            match *name {
                "audio" => p.audio = true,
                "video" => p.video = true,
                "data" => p.data = true,
                _ => {
                    return Err(Error::invalid(
                        "publish",
                        "must be a list of \"audio\", \"video\", \"data\"",
                    ))
                }
            }
        }
        Ok(p)
    }
}

/// What the client does.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Action {
    /// Join an RTC channel (and publish).
    RtcJoin {
        /// The channel name.
        channel_name: String,
        /// The uid as decimal text or the user account; `"0"` or `""` lets
        /// Agora assign a uid.
        uid: String,
        /// What it publishes.
        publish: Publish,
    },
    /// Log in to RTM (a 007 RTM or RTM2 service, or a 006 RTM token).
    RtmLogin {
        /// The RTM user ID.
        user_id: String,
    },
    /// Use Chat as a user.
    ChatUser {
        /// The Chat user ID.
        user_id: String,
    },
    /// Use Chat as the app (server-side REST calls).
    ChatApp,
    /// Log in to FPA.
    FpaLogin,
    /// Enter an APaaS (Flexible Classroom) room as a user.
    ApaasRoomUser {
        /// The room UUID.
        room_uuid: String,
        /// The user UUID.
        user_uuid: String,
    },
    /// Use APaaS as a user.
    ApaasUser {
        /// The user UUID.
        user_uuid: String,
    },
    /// Use APaaS as the app.
    ApaasApp,
}

impl Action {
    /// Joining `channel_name` as `uid` without publishing.
    pub fn rtc_join(channel_name: impl Into<String>, uid: impl Into<String>) -> Self {
        Action::RtcJoin {
            channel_name: channel_name.into(),
            uid: uid.into(),
            publish: Publish::default(),
        }
    }

    /// The service the action needs, by name (`"rtc"`, `"rtm"`, ...).
    pub fn service_name(&self) -> &'static str {
        match self {
            Action::RtcJoin { .. } => "rtc",
            Action::RtmLogin { .. } => "rtm",
            Action::ChatUser { .. } | Action::ChatApp => "chat",
            Action::FpaLogin => "fpa",
            Action::ApaasRoomUser { .. } | Action::ApaasUser { .. } | Action::ApaasApp => "apaas",
        }
    }
}

/// Whether the signature was checked, and how it came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signature {
    /// It matches the app certificate.
    Valid,
    /// It does not: another certificate, or an altered token.
    Invalid,
    /// Not checked: the token is malformed, or it is a 006 token whose channel
    /// or uid (covered by the signature, but held only as CRC32) is not the
    /// requested one.
    Unchecked,
}

impl Signature {
    /// `"valid"`, `"invalid"` or `"unchecked"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Signature::Valid => "valid",
            Signature::Invalid => "invalid",
            Signature::Unchecked => "unchecked",
        }
    }
}

/// One reason for a denial.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// The token cannot be read (wrong version prefix, bad base64, ...).
    Malformed {
        /// What is wrong, from the parser.
        message: String,
    },
    /// The token is for another app ID.
    WrongAppId {
        /// The token's app ID.
        token: String,
        /// The request's app ID.
        requested: String,
    },
    /// The signature does not match the app certificate.
    BadSignature,
    /// The token expired.
    TokenExpired {
        /// When (Unix seconds).
        at: u64,
    },
    /// A needed privilege expired.
    PrivilegeExpired {
        /// The service name.
        service: &'static str,
        /// The privilege name.
        privilege: &'static str,
        /// When (Unix seconds).
        at: u64,
    },
    /// The token is for another channel.
    ChannelMismatch {
        /// The token's channel name (`None` for a 006 token: it holds a CRC32).
        token: Option<String>,
        /// The requested channel name.
        requested: String,
    },
    /// The token is for another uid, user account or user ID.
    UserMismatch {
        /// The token's user (`None` for a 006 token: it holds a CRC32).
        token: Option<String>,
        /// The requested user (`""` or `"0"`: Agora assigns the RTC uid).
        requested: String,
    },
    /// The token is for another APaaS room.
    RoomMismatch {
        /// The token's room UUID.
        token: String,
        /// The requested room UUID.
        requested: String,
    },
    /// The token has no service of the needed kind.
    ServiceMissing {
        /// The needed service.
        service: &'static str,
    },
    /// The service is there, without a needed privilege.
    PrivilegeMissing {
        /// The service name.
        service: &'static str,
        /// The privilege name.
        privilege: &'static str,
    },
}

impl Reason {
    /// A stable, machine-readable code (`"channel_mismatch"`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Malformed { .. } => "malformed",
            Reason::WrongAppId { .. } => "wrong_app_id",
            Reason::BadSignature => "bad_signature",
            Reason::TokenExpired { .. } => "token_expired",
            Reason::PrivilegeExpired { .. } => "privilege_expired",
            Reason::ChannelMismatch { .. } => "channel_mismatch",
            Reason::UserMismatch { .. } => "user_mismatch",
            Reason::RoomMismatch { .. } => "room_mismatch",
            Reason::ServiceMissing { .. } => "service_missing",
            Reason::PrivilegeMissing { .. } => "privilege_missing",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Malformed { message } => write!(f, "malformed token: {message}"),
            Reason::WrongAppId { token, requested } => write!(
                f,
                "wrong app ID: the token is for app {token}, the client uses app {requested}"
            ),
            Reason::BadSignature => f.write_str(
                "bad signature: the token was not signed with this app certificate, or was altered",
            ),
            Reason::TokenExpired { at } => write!(f, "token expired at {}", utc(*at)),
            Reason::PrivilegeExpired {
                service,
                privilege,
                at,
            } => write!(f, "{service} privilege {privilege} expired at {}", utc(*at)),
            Reason::ChannelMismatch {
                token: Some(t),
                requested,
            } => write!(
                f,
                "wrong channel: the token is for channel {t:?}, the client joins {requested:?}"
            ),
            Reason::ChannelMismatch {
                token: None,
                requested,
            } => write!(
                f,
                "wrong channel: the token was not built for channel {requested:?} \
                 (a 006 token holds only a CRC32 of its channel name)"
            ),
            Reason::UserMismatch { token, requested } => {
                f.write_str("wrong user: ")?;
                match token {
                    Some(t) => write!(f, "the token is for {t:?}, ")?,
                    None => f.write_str("the token holds only a CRC32 of its user, ")?,
                }
                if requested.is_empty() || requested == "0" {
                    f.write_str(
                        "and a client that joins with uid 0 (Agora assigns one) needs a token \
                         built for uid 0",
                    )
                } else {
                    write!(f, "the client is {requested:?}")
                }
            }
            Reason::RoomMismatch { token, requested } => write!(
                f,
                "wrong room: the token is for room {token:?}, the client enters {requested:?}"
            ),
            Reason::ServiceMissing { service } => {
                write!(f, "the token has no {service} service")
            }
            Reason::PrivilegeMissing { service, privilege } => {
                write!(
                    f,
                    "the token's {service} service lacks the {privilege} privilege"
                )
            }
        }
    }
}

/// The state of one privilege the request needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivilegeStatus {
    /// Present and not expired.
    Ok,
    /// Present and expired.
    Expired,
    /// Not in the token.
    Missing,
}

impl PrivilegeStatus {
    /// `"ok"`, `"expired"` or `"missing"`.
    pub fn as_str(self) -> &'static str {
        match self {
            PrivilegeStatus::Ok => "ok",
            PrivilegeStatus::Expired => "expired",
            PrivilegeStatus::Missing => "missing",
        }
    }
}

/// One privilege the request needs, as found in the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrivilegeCheck {
    /// The service name.
    pub service: &'static str,
    /// The privilege name.
    pub privilege: &'static str,
    /// When it expires (Unix seconds); `None` for no limit or when missing.
    pub expires_at: Option<u64>,
    /// Its state at the report's `now`.
    pub status: PrivilegeStatus,
}

/// The answer of [`check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// `"007"` or `"006"`; `None` when the token is malformed.
    pub version: Option<&'static str>,
    /// The token's app ID, when it could be read.
    pub app_id: Option<String>,
    /// The time the check was made for (Unix seconds).
    pub now: u64,
    /// The 007 issue time (006 tokens carry none).
    pub issued_at: Option<u64>,
    /// When the token expires; `None` for no limit or when malformed.
    pub expires_at: Option<u64>,
    /// The signature's state.
    pub signature: Signature,
    /// Every reason for a denial, in a fixed order: token, then request.
    pub reasons: Vec<Reason>,
    /// The privileges the request needs.
    pub privileges: Vec<PrivilegeCheck>,
}

impl Report {
    /// True when Agora would let the request in.
    pub fn allowed(&self) -> bool {
        self.reasons.is_empty()
    }
}

/// The latest `now` a check takes: 2^53 - 1 Unix seconds, the largest integer
/// every JSON reader reads exactly (a JavaScript number holds no larger one
/// without rounding), since the report gives `now` back.
pub const MAX_NOW: u64 = (1 << 53) - 1;

/// Checks `token` against `app_certificate` for `request` at `now` (Unix
/// seconds, at most [`MAX_NOW`]).
///
/// A bad token is an answer (a denied [`Report`]), not an error; the only
/// errors are a malformed certificate and a `now` after [`MAX_NOW`]
/// ([`ErrorKind::InvalidInput`] on `app_certificate` or `now`). Request
/// fields are compared, not validated: the official builders accept empty
/// users and rooms, so a request may too.
pub fn check(token: &str, app_certificate: &str, request: &Request, now: u64) -> Result<Report> {
    validate::app_certificate(app_certificate)?;
    if now > MAX_NOW {
        return Err(Error::invalid(
            "now",
            format!("must be at most {MAX_NOW} (2^53 - 1) Unix seconds, got {now}"),
        ));
    }
    let mut report = Report {
        version: None,
        app_id: None,
        now,
        issued_at: None,
        expires_at: None,
        signature: Signature::Unchecked,
        reasons: Vec::new(),
        privileges: Vec::new(),
    };
    let parsed = match crate::parse(token) {
        Ok(p) => p,
        Err(e) => {
            debug_assert!(matches!(
                e.kind(),
                ErrorKind::Malformed | ErrorKind::WrongVersion
            ));
            report.reasons.push(Reason::Malformed {
                message: e.to_string(),
            });
            return Ok(report);
        }
    };
    let app_id = match &parsed {
        AnyToken::V007(t) => &t.token.app_id,
        AnyToken::V006(t) => &t.app_id,
    };
    report.app_id = Some(app_id.clone());
    if let Some(requested) = request.app_id.as_ref().filter(|a| *a != app_id) {
        report.reasons.push(Reason::WrongAppId {
            token: app_id.clone(),
            requested: requested.clone(),
        });
    }
    match &parsed {
        AnyToken::V007(t) => check007(t, app_certificate, &request.action, &mut report),
        AnyToken::V006(t) => check006(t, app_certificate, &request.action, &mut report),
    }
    Ok(report)
}

/// Pushes a token-expired reason when `expires_at` is past.
fn check_token_expiry(report: &mut Report) {
    if let Some(at) = report.expires_at.filter(|&at| report.now >= at) {
        report.reasons.push(Reason::TokenExpired { at });
    }
}

/// Records a needed privilege (`expires_at`: `None` when missing, `Some(None)`
/// for no limit) and pushes its reason if it is missing or expired.
fn need_privilege(
    report: &mut Report,
    service: &'static str,
    privilege: &'static str,
    expires_at: Option<Option<u64>>,
) {
    let status = match expires_at {
        None => {
            report
                .reasons
                .push(Reason::PrivilegeMissing { service, privilege });
            PrivilegeStatus::Missing
        }
        Some(Some(at)) if report.now >= at => {
            report.reasons.push(Reason::PrivilegeExpired {
                service,
                privilege,
                at,
            });
            PrivilegeStatus::Expired
        }
        Some(_) => PrivilegeStatus::Ok,
    };
    report.privileges.push(PrivilegeCheck {
        service,
        privilege,
        expires_at: expires_at.flatten(),
        status,
    });
}

/// The RTC uid rule: a token uid of `""` (uid 0) admits anyone; otherwise the
/// request's uid or account must be the same text. So a client that joins
/// with uid 0 (Agora assigns one) needs a uid-0 token, unless the token is for
/// the user account `"0"`.
fn rtc_user_matches(token_uid: &str, requested: &str) -> bool {
    token_uid.is_empty() || token_uid == requested
}

/// The 007 service types an action can use and the privileges it needs.
struct Need {
    types: &'static [u16],
    privileges: Vec<u16>,
}

fn need(action: &Action) -> Need {
    use service_type::*;
    let (types, privileges): (&'static [u16], Vec<u16>) = match action {
        Action::RtcJoin { publish, .. } => {
            let mut p = vec![Rtc::JOIN_CHANNEL];
            for (wanted, id) in [
                (publish.audio, Rtc::PUBLISH_AUDIO_STREAM),
                (publish.video, Rtc::PUBLISH_VIDEO_STREAM),
                (publish.data, Rtc::PUBLISH_DATA_STREAM),
            ] {
                if wanted {
                    p.push(id);
                }
            }
            (&[RTC], p)
        }
        Action::RtmLogin { .. } => (&[RTM, RTM2], vec![Rtm::LOGIN]),
        Action::ChatUser { .. } => (&[CHAT], vec![Chat::USER]),
        Action::ChatApp => (&[CHAT], vec![Chat::APP]),
        Action::FpaLogin => (&[FPA], vec![Fpa::LOGIN]),
        Action::ApaasRoomUser { .. } => (&[APAAS], vec![Apaas::ROOM_USER]),
        Action::ApaasUser { .. } => (&[APAAS], vec![Apaas::USER]),
        Action::ApaasApp => (&[APAAS], vec![Apaas::APP]),
    };
    Need { types, privileges }
}

/// Why a 007 service does not fit the action's channel, room or user.
fn mismatches(action: &Action, service: &Service) -> Vec<Reason> {
    let mut out = Vec::new();
    let mut user = |token: &str, requested: &str| {
        if token != requested {
            out.push(Reason::UserMismatch {
                token: Some(token.to_string()),
                requested: requested.to_string(),
            });
        }
    };
    match (action, service) {
        (
            Action::RtcJoin {
                channel_name, uid, ..
            },
            Service::Rtc(s),
        ) => {
            if s.channel_name != *channel_name {
                out.push(Reason::ChannelMismatch {
                    token: Some(s.channel_name.clone()),
                    requested: channel_name.clone(),
                });
            }
            if !rtc_user_matches(&s.uid, uid) {
                out.push(Reason::UserMismatch {
                    token: Some(s.uid.clone()),
                    requested: uid.clone(),
                });
            }
        }
        (Action::RtmLogin { user_id }, Service::Rtm(s)) => user(&s.user_id, user_id),
        (Action::RtmLogin { user_id }, Service::Rtm2(s)) => user(&s.user_id, user_id),
        (Action::ChatUser { user_id }, Service::Chat(s)) => user(&s.user_id, user_id),
        (
            Action::ApaasRoomUser {
                room_uuid,
                user_uuid,
            },
            Service::Apaas(s),
        ) => {
            if s.room_uuid != *room_uuid {
                out.push(Reason::RoomMismatch {
                    token: s.room_uuid.clone(),
                    requested: room_uuid.clone(),
                });
            }
            if s.user_uuid != *user_uuid {
                out.push(Reason::UserMismatch {
                    token: Some(s.user_uuid.clone()),
                    requested: user_uuid.clone(),
                });
            }
        }
        (Action::ApaasUser { user_uuid }, Service::Apaas(s)) => user(&s.user_uuid, user_uuid),
        _ => {}
    }
    out
}

fn check007(t: &ParsedToken, app_certificate: &str, action: &Action, report: &mut Report) {
    let token = &t.token;
    report.version = Some("007");
    report.issued_at = Some(token.issue_ts as u64);
    report.expires_at = token.expiry();
    report.signature = match t.verify(app_certificate) {
        Ok(()) => Signature::Valid,
        Err(_) => {
            report.reasons.push(Reason::BadSignature);
            Signature::Invalid
        }
    };
    check_token_expiry(report);

    let need = need(action);
    let service_name = action.service_name();
    // Of the services of a fitting type, the one that fits the request best:
    // fewest mismatches, then fewest missing privileges (a token with a Chat
    // user service and a Chat app service admits the app), the first of
    // equals.
    let missing = |s: &Service| {
        need.privileges
            .iter()
            .filter(|&&id| s.privileges().get(id).is_none())
            .count()
    };
    let best = token
        .services
        .iter()
        .filter(|s| need.types.contains(&s.service_type()))
        .map(|s| (mismatches(action, s), s))
        .min_by_key(|(m, s)| (m.len(), missing(s)));
    let Some((mismatched, s)) = best else {
        report.reasons.push(Reason::ServiceMissing {
            service: service_name,
        });
        return;
    };
    report.reasons.extend(mismatched);
    let issue_ts = token.issue_ts as u64;
    for id in need.privileges {
        let name = service::privilege_name(s.service_type(), id).unwrap_or("unknown");
        let expires_at = s
            .privileges()
            .get(id)
            .map(|e| service::expires_at(issue_ts, e));
        need_privilege(report, service_name, name, expires_at);
    }
}

fn check006(t: &ParsedAccessToken, app_certificate: &str, action: &Action, report: &mut Report) {
    report.version = Some("006");
    report.expires_at = t.expiry();
    check_token_expiry(report);

    // 006 carries RTC and RTM privileges only; an RTM token is signed for the
    // user account as its channel name and an empty uid.
    let (channel, uid, privileges): (&str, &str, Vec<u16>) = match action {
        // The 006 RTC privilege ids are those of the 007 RTC service.
        Action::RtcJoin {
            channel_name, uid, ..
        } => (channel_name, uid, need(action).privileges),
        Action::RtmLogin { user_id } => (user_id, "", vec![v006::privilege::RTM_LOGIN]),
        _ => {
            report.reasons.push(Reason::ServiceMissing {
                service: action.service_name(),
            });
            return;
        }
    };
    let service = action.service_name();
    let is_rtm = matches!(action, Action::RtmLogin { .. });
    let crc = |s: &str| crc32fast::hash(s.as_bytes());

    let channel_ok = crc(channel) == t.crc_channel_name;
    if !channel_ok {
        report.reasons.push(if is_rtm {
            Reason::UserMismatch {
                token: None,
                requested: channel.to_string(),
            }
        } else {
            Reason::ChannelMismatch {
                token: None,
                requested: channel.to_string(),
            }
        });
    }
    // The uid the token was signed for: "" (uid 0, any user) or the request's.
    let signed_uid = if t.crc_uid == crc("") {
        Some("")
    } else if !uid.is_empty() && t.crc_uid == crc(uid) {
        Some(uid)
    } else {
        report.reasons.push(Reason::UserMismatch {
            token: None,
            requested: uid.to_string(),
        });
        None
    };
    if let (true, Some(signed_uid)) = (channel_ok, signed_uid) {
        report.signature = match t.verify(app_certificate, channel, signed_uid) {
            Ok(()) => Signature::Valid,
            Err(_) => {
                report.reasons.push(Reason::BadSignature);
                Signature::Invalid
            }
        };
    }
    for id in privileges {
        let name = v006::privilege::name(id).unwrap_or("unknown");
        let expires_at = t.privileges.get(id).map(|ts| service::expires_at(0, ts));
        need_privilege(report, service, name, expires_at);
    }
}

#[cfg(test)]
mod tests;
