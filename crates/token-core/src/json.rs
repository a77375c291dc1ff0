//! The JSON form of a parsed token, shared by every surface that prints one
//! (the CLI's `inspect --json`, the C ABI's parse, the server's inspect
//! endpoint), so they all give the same keys. Enabled by the `json` feature.
//!
//! 007: `{version, app_id, issue_ts, expire, expires_at, salt,
//! unknown_service_type, services: [{type, type_id, privileges: {"<id>":
//! seconds}, privilege_names: {"<id>": name}, privilege_expires_at: {"<id>":
//! unix seconds or null}, <the service's own fields>}]}`; RTM2 permissions as
//! `[{resource_type, permission_type, resources}]` with the types by name (or
//! number when unknown). 006: `{version, app_id, salt, ts, expires_at,
//! crc_channel_name, crc_uid, privileges, privilege_names,
//! privilege_expires_at}`. Every `expires_at` is absolute (Unix seconds), or
//! `null` for an expire of `0` (no limit).
//!
//! The [`check`] engine's JSON form is here too: a request object in, a
//! report object out, for the CLI, the C ABI, Node and the server.
//!
//! ```
//! let token = token_core::builder::rtm::token("970CA35de60c44645bbae8a215061b33", "alice", 60)
//!     .unwrap()
//!     .build("5CFd2fd1755d40ecb72977518be15d3b")
//!     .unwrap();
//! let v = token_core::json::to_json(&token_core::parse(&token).unwrap());
//! assert_eq!(v["services"][0]["user_id"], "alice");
//! assert_eq!(v["services"][0]["privileges"]["1"], 60);
//! ```

use serde_json::{json, Map, Value};

use crate::check::{self as engine, Action, Publish, Report, Request};
use crate::service::{self, Privileges, Rtm2Permissions, Service};
use crate::v006::{self, ParsedAccessToken};
use crate::v007::ParsedToken;
use crate::{AnyToken, Error, Result};

/// The JSON form of a parsed 007 or 006 token.
pub fn to_json(token: &AnyToken) -> Value {
    match token {
        AnyToken::V007(t) => json007(t),
        AnyToken::V006(t) => json006(t),
    }
}

/// `{"<id>": expire}`, `{"<id>": name}` (known names only) and `{"<id>":
/// expires_at}` (`base + expire`, or null for `0`).
fn privileges_json(
    privileges: &Privileges,
    name: impl Fn(u16) -> Option<&'static str>,
    base: u64,
) -> [Value; 3] {
    let mut values = Map::new();
    let mut names = Map::new();
    let mut expires_at = Map::new();
    for (id, expire) in privileges.iter() {
        values.insert(id.to_string(), json!(expire));
        if let Some(n) = name(id) {
            names.insert(id.to_string(), json!(n));
        }
        let at = (expire != 0).then_some(base + expire as u64);
        expires_at.insert(id.to_string(), json!(at));
    }
    [values, names, expires_at].map(Value::Object)
}

fn json_name_or_number(name: Option<&str>, n: u16) -> Value {
    name.map_or_else(|| json!(n), |s| json!(s))
}

/// The JSON form of one 007 service of a token issued at `issue_ts`.
pub fn service_json(s: &Service, issue_ts: u32) -> Value {
    let t = s.service_type();
    let [privileges, names, expires_at] = privileges_json(
        s.privileges(),
        |id| service::privilege_name(t, id),
        issue_ts as u64,
    );
    let mut m = Map::new();
    m.insert("type".into(), json!(s.name()));
    m.insert("type_id".into(), json!(t));
    m.insert("privileges".into(), privileges);
    m.insert("privilege_names".into(), names);
    m.insert("privilege_expires_at".into(), expires_at);
    let mut field = |k: &str, v: Value| {
        m.insert(k.to_string(), v);
    };
    match s {
        Service::Rtc(r) => {
            field("channel_name", json!(r.channel_name));
            field("uid", json!(r.uid));
        }
        Service::Rtm(r) => field("user_id", json!(r.user_id)),
        Service::Chat(c) => field("user_id", json!(c.user_id)),
        Service::Streaming(s) => {
            field("channel_name", json!(s.channel_name));
            field("account", json!(s.account));
        }
        Service::Fcdn(s) => {
            field("channel_name", json!(s.channel_name));
            field("account", json!(s.account));
        }
        Service::Apaas(a) => {
            field("room_uuid", json!(a.room_uuid));
            field("user_uuid", json!(a.user_uuid));
            field("role", json!(a.role));
        }
        Service::Rtm2(r) => {
            field("user_id", json!(r.user_id));
            let permissions: Vec<Value> = r
                .permissions
                .iter()
                .map(|(resource, permission, names)| {
                    json!({
                        "resource_type": json_name_or_number(
                            Rtm2Permissions::resource_type_name(resource), resource),
                        "permission_type": json_name_or_number(
                            Rtm2Permissions::permission_type_name(permission), permission),
                        "resources": names,
                    })
                })
                .collect();
            field("permissions", Value::Array(permissions));
        }
        _ => {}
    }
    Value::Object(m)
}

/// The JSON form of a parsed 007 token.
pub fn json007(p: &ParsedToken) -> Value {
    let t = &p.token;
    json!({
        "version": "007",
        "app_id": t.app_id,
        "issue_ts": t.issue_ts,
        "expire": t.expire,
        "expires_at": t.expiry(),
        "salt": t.salt,
        "services": t.services.iter().map(|s| service_json(s, t.issue_ts)).collect::<Vec<_>>(),
        "unknown_service_type": p.unknown_service_type,
    })
}

/// The JSON form of a parsed 006 token.
pub fn json006(p: &ParsedAccessToken) -> Value {
    // 006 privilege values are absolute already.
    let [privileges, names, expires_at] = privileges_json(&p.privileges, v006::privilege::name, 0);
    json!({
        "version": "006",
        "app_id": p.app_id,
        "salt": p.salt,
        "ts": p.ts,
        "expires_at": p.expiry(),
        "privilege_expires_at": expires_at,
        "crc_channel_name": p.crc_channel_name,
        "crc_uid": p.crc_uid,
        "privileges": privileges,
        "privilege_names": names,
    })
}

/// Reads a check request object:
///
/// - `{"service": "rtc", "channel_name": "c", "uid": "42" | 42, "publish": ["audio", "video", "data"]}`
///   (`uid` 0, `"0"` or absent: Agora assigns the uid; `publish` optional)
/// - `{"service": "rtm", "user_id": "alice"}`
/// - `{"service": "chat", "user_id": "u"}` for a Chat user, `{"service": "chat"}` for the app
/// - `{"service": "fpa"}`
/// - `{"service": "apaas", "room_uuid": "r", "user_uuid": "u"}` (room user),
///   `{"service": "apaas", "user_uuid": "u"}` (user), `{"service": "apaas"}` (app)
///
/// Each may also have `"app_id"`: the app ID the client uses. Unknown keys
/// are errors, so a misspelt field is not silently ignored.
pub fn request_from_json(v: &Value) -> Result<Request> {
    let obj = v
        .as_object()
        .ok_or_else(|| Error::invalid("request", "must be a JSON object"))?;
    let text = |key: &'static str| -> Result<Option<String>> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(Error::invalid(key, "must be a string")),
        }
    };
    let required = |key: &'static str| -> Result<String> {
        text(key)?.ok_or_else(|| Error::invalid(key, "is required for this service"))
    };
    let service = text("service")?
        .ok_or_else(|| Error::invalid("service", "is required: rtc, rtm, chat, fpa or apaas"))?;
    let allowed: &[&str] = match service.as_str() {
        "rtc" => &["channel_name", "uid", "publish"],
        "rtm" | "chat" => &["user_id"],
        "apaas" => &["room_uuid", "user_uuid"],
        _ => &[],
    };
    if let Some(k) = obj
        .keys()
        .find(|k| !["service", "app_id"].contains(&k.as_str()) && !allowed.contains(&k.as_str()))
    {
        return Err(Error::invalid(
            "request",
            format!("unknown field {k:?} for service {service:?}"),
        ));
    }
    let action = match service.as_str() {
        "rtc" => Action::RtcJoin {
            channel_name: required("channel_name")?,
            uid: match obj.get("uid") {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) if n.as_u64().is_some_and(|u| u <= u32::MAX as u64) => {
                    n.to_string()
                }
                Some(_) => {
                    return Err(Error::invalid(
                        "uid",
                        "must be a user account string or an integer in [0, 4294967295]",
                    ))
                }
            },
            publish: publish_from_json(obj.get("publish"))?,
        },
        "rtm" => Action::RtmLogin {
            user_id: required("user_id")?,
        },
        "chat" => match text("user_id")? {
            Some(user_id) => Action::ChatUser { user_id },
            None => Action::ChatApp,
        },
        "fpa" => Action::FpaLogin,
        "apaas" => match (text("room_uuid")?, text("user_uuid")?) {
            (Some(room_uuid), Some(user_uuid)) => Action::ApaasRoomUser {
                room_uuid,
                user_uuid,
            },
            (None, Some(user_uuid)) => Action::ApaasUser { user_uuid },
            (None, None) => Action::ApaasApp,
            (Some(_), None) => {
                return Err(Error::invalid("user_uuid", "is required with room_uuid"))
            }
        },
        other => {
            return Err(Error::invalid(
                "service",
                format!("{other:?} is not one of rtc, rtm, chat, fpa, apaas"),
            ))
        }
    };
    Ok(Request {
        app_id: text("app_id")?,
        action,
    })
}

fn publish_from_json(v: Option<&Value>) -> Result<Publish> {
    let mut p = Publish::default();
    let rule = "must be a list of \"audio\", \"video\", \"data\"";
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Ok(p);
    };
    for item in v
        .as_array()
        .ok_or_else(|| Error::invalid("publish", rule))?
    {
        match item.as_str() {
            Some("audio") => p.audio = true,
            Some("video") => p.video = true,
            Some("data") => p.data = true,
            _ => return Err(Error::invalid("publish", rule)),
        }
    }
    Ok(p)
}

/// The JSON form of a check report: `{allowed, version, app_id, now,
/// issued_at, expires_at, signature, reasons: [{code, message}], privileges:
/// [{service, privilege, expires_at, status}]}`.
pub fn report_json(r: &Report) -> Value {
    json!({
        "allowed": r.allowed(),
        "version": r.version,
        "app_id": r.app_id,
        "now": r.now,
        "issued_at": r.issued_at,
        "expires_at": r.expires_at,
        "signature": r.signature.as_str(),
        "reasons": r.reasons.iter().map(|x| json!({
            "code": x.code(),
            "message": x.to_string(),
        })).collect::<Vec<_>>(),
        "privileges": r.privileges.iter().map(|p| json!({
            "service": p.service,
            "privilege": p.privilege,
            "expires_at": p.expires_at,
            "status": p.status.as_str(),
        })).collect::<Vec<_>>(),
    })
}

/// [`engine::check`] with a JSON request (see [`request_from_json`]) and a
/// JSON report (see [`report_json`]).
///
/// ```
/// use serde_json::json;
/// let cert = "5CFd2fd1755d40ecb72977518be15d3b";
/// let token = token_core::builder::rtm::token("970CA35de60c44645bbae8a215061b33", "alice", 60)?
///     .with_issue(1_700_000_000, 1)
///     .build(cert)?;
/// let report = token_core::json::check(&token, cert, &json!({"service": "rtm", "user_id": "bob"}), 1_700_000_001)?;
/// assert_eq!(report["allowed"], false);
/// assert_eq!(report["reasons"][0]["code"], "user_mismatch");
/// # Ok::<(), token_core::Error>(())
/// ```
pub fn check(token: &str, app_certificate: &str, request: &Value, now: u64) -> Result<Value> {
    let request = request_from_json(request)?;
    engine::check(token, app_certificate, &request, now).map(|r| report_json(&r))
}

/// [`check`] with the request as JSON text, for callers that hold text (the
/// C ABI, Python): a request that is not JSON is an
/// [`crate::ErrorKind::InvalidInput`] error on `request`.
pub fn check_str(token: &str, app_certificate: &str, request: &str, now: u64) -> Result<Value> {
    let request: Value = serde_json::from_str(request)
        .map_err(|e| Error::invalid("request", format!("is not valid JSON: {e}")))?;
    check(token, app_certificate, &request, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_of_every_service() {
        let r = |v: Value| request_from_json(&v).unwrap();
        assert_eq!(
            r(
                json!({"service": "rtc", "channel_name": "c", "uid": 42, "publish": ["video"], "app_id": "a"})
            ),
            Request {
                app_id: Some("a".into()),
                action: Action::RtcJoin {
                    channel_name: "c".into(),
                    uid: "42".into(),
                    publish: Publish {
                        video: true,
                        ..Publish::default()
                    },
                },
            }
        );
        assert_eq!(
            r(json!({"service": "rtc", "channel_name": "c"})).action,
            Action::rtc_join("c", "")
        );
        assert_eq!(r(json!({"service": "chat"})).action, Action::ChatApp);
        assert_eq!(r(json!({"service": "fpa"})).action, Action::FpaLogin);
        assert_eq!(
            r(json!({"service": "apaas", "user_uuid": "u"})).action,
            Action::ApaasUser {
                user_uuid: "u".into()
            }
        );
    }

    #[test]
    fn bad_requests_name_the_field() {
        for (v, field) in [
            (json!([]), "request"),
            (json!({}), "service"),
            (json!({"service": "mail"}), "service"),
            (json!({"service": "rtc"}), "channel_name"),
            (
                json!({"service": "rtc", "channel_name": "c", "uid": -1}),
                "uid",
            ),
            (
                json!({"service": "rtc", "channel_name": "c", "uid": 4294967296u64}),
                "uid",
            ),
            (
                json!({"service": "rtc", "channel_name": "c", "publish": ["screen"]}),
                "publish",
            ),
            (
                json!({"service": "rtc", "channel_name": "c", "chanel": "x"}),
                "request",
            ),
            (json!({"service": "rtm"}), "user_id"),
            (json!({"service": "rtm", "user_id": 5}), "user_id"),
            (json!({"service": "apaas", "room_uuid": "r"}), "user_uuid"),
        ] {
            let e = request_from_json(&v).unwrap_err();
            assert!(e.to_string().starts_with(field), "{v}: {e}");
        }
    }

    #[test]
    fn inspect_gives_absolute_expiry_times() {
        let token = crate::builder::rtc::with_uid(
            "970CA35de60c44645bbae8a215061b33",
            "c",
            1,
            crate::builder::rtc::Role::Subscriber,
            600,
            300,
        )
        .unwrap()
        .with_issue(1000, 1)
        .build("5CFd2fd1755d40ecb72977518be15d3b")
        .unwrap();
        let v = to_json(&crate::parse(&token).unwrap());
        assert_eq!(v["expires_at"], 1600);
        assert_eq!(v["services"][0]["privilege_expires_at"]["1"], 1300);
    }
}
