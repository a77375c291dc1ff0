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

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{json, Map, Value};

use crate::check::{self as engine, Report, Request, RequestFields};
use crate::service::{self, Privileges, Rtm2Permissions, Service};
use crate::v006;
use crate::{AnyToken, Error, Result};

/// How the keys of the JSON form are spelt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// As in token-core and the official sources: `app_id`, `issue_ts`, ...
    Snake,
    /// For JavaScript: `appId`, `issueTs`, ...
    Camel,
}

impl Keys {
    /// The spelling of a key of this module's JSON forms: `snake` itself, or
    /// [`camel_case`] of it. The camelCase names are listed (a cache: no
    /// allocation per key on Node's parse path); a test holds each equal to
    /// [`camel_case`].
    fn name(self, snake: &'static str) -> &'static str {
        match self {
            Keys::Snake => snake,
            Keys::Camel => CAMEL
                .iter()
                .find(|(s, _)| *s == snake)
                .map_or(snake, |(_, c)| c),
        }
    }

    /// `value` with every object key, at every depth, in this spelling
    /// (keys written in the other one are converted; see [`camel_case`] and
    /// [`snake_case`]).
    ///
    /// ```
    /// use serde_json::json;
    /// use token_core::json::Keys;
    /// let v = json!({"channelName": "c", "publish": [{"appId": 1}]});
    /// assert_eq!(Keys::Snake.respell(v), json!({"channel_name": "c", "publish": [{"app_id": 1}]}));
    /// ```
    pub fn respell(self, value: Value) -> Value {
        match value {
            Value::Array(items) => {
                Value::Array(items.into_iter().map(|v| self.respell(v)).collect())
            }
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| (self.key(&k), self.respell(v)))
                    .collect(),
            ),
            other => other,
        }
    }

    /// One key in this spelling.
    ///
    /// ```
    /// use token_core::json::Keys;
    /// assert_eq!(Keys::Camel.key("app_certificate"), "appCertificate");
    /// assert_eq!(Keys::Snake.key("appCertificate"), "app_certificate");
    /// ```
    pub fn key(self, name: &str) -> String {
        match self {
            Keys::Snake => snake_case(name),
            Keys::Camel => camel_case(name),
        }
    }
}

/// The camelCase names of the snake_case keys this module writes.
const CAMEL: &[(&str, &str)] = &[
    ("app_id", "appId"),
    ("channel_name", "channelName"),
    ("crc_channel_name", "crcChannelName"),
    ("crc_uid", "crcUid"),
    ("expires_at", "expiresAt"),
    ("issue_ts", "issueTs"),
    ("permission_type", "permissionType"),
    ("privilege_expires_at", "privilegeExpiresAt"),
    ("privilege_names", "privilegeNames"),
    ("resource_type", "resourceType"),
    ("room_uuid", "roomUuid"),
    ("type_id", "typeId"),
    ("unknown_service_type", "unknownServiceType"),
    ("user_id", "userId"),
    ("user_uuid", "userUuid"),
];

/// `app_certificate` -> `appCertificate`: token-core names fields as the
/// official builders' Go/Python arguments, JavaScript callers know them in
/// camelCase. An underscore starts a capital except at the start.
///
/// ```
/// assert_eq!(token_core::json::camel_case("privilege_expires_at"), "privilegeExpiresAt");
/// assert_eq!(token_core::json::camel_case("salt"), "salt");
/// ```
pub fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `channelName` -> `channel_name`: the inverse of [`camel_case`] for the
/// names token-core uses (lowercase ASCII words).
///
/// ```
/// assert_eq!(token_core::json::snake_case("appId"), "app_id");
/// assert_eq!(token_core::json::snake_case("app_id"), "app_id");
/// ```
pub fn snake_case(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The JSON form of a parsed 007 or 006 token.
pub fn to_json(token: &AnyToken) -> Value {
    // Serialising these maps of string keys cannot fail.
    serde_json::to_value(TokenJson(token, Keys::Snake)).unwrap_or(Value::Null)
}

/// The JSON form of a parsed token as text, written straight from the token
/// (no [`Value`] in between, which allocates a map per object: for callers
/// that hand text on, such as the Node addon, whose users want
/// [`Keys::Camel`]).
///
/// ```
/// use token_core::json::{to_json, to_json_string, Keys};
/// let token = token_core::builder::chat::app_token("970CA35de60c44645bbae8a215061b33", 60)?
///     .build("5CFd2fd1755d40ecb72977518be15d3b")?;
/// let parsed = token_core::parse(&token)?;
/// let text = to_json_string(&parsed, Keys::Snake);
/// assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), to_json(&parsed));
/// assert!(to_json_string(&parsed, Keys::Camel).contains("\"issueTs\""));
/// # Ok::<(), token_core::Error>(())
/// ```
pub fn to_json_string(token: &AnyToken, keys: Keys) -> String {
    serde_json::to_string(&TokenJson(token, keys)).unwrap_or_default()
}

/// The JSON form of a parsed token as a [`Serialize`] value, written straight
/// from the token: for callers with a serializer of their own (the Node addon
/// encodes it in a compact form that its JavaScript side turns into objects).
///
/// ```
/// use token_core::json::{serializable, to_json, Keys};
/// let token = token_core::builder::fpa::token("970CA35de60c44645bbae8a215061b33")?
///     .build("5CFd2fd1755d40ecb72977518be15d3b")?;
/// let parsed = token_core::parse(&token)?;
/// assert_eq!(serde_json::to_value(serializable(&parsed, Keys::Snake)).unwrap(), to_json(&parsed));
/// # Ok::<(), token_core::Error>(())
/// ```
pub fn serializable(token: &AnyToken, keys: Keys) -> impl Serialize + '_ {
    TokenJson(token, keys)
}

/// Keys are written in sorted (snake_case) order, so the text matches the
/// [`Value`] form, whose maps sort their keys.
struct TokenJson<'a>(&'a AnyToken, Keys);

impl Serialize for TokenJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let k = self.1;
        let mut m = s.serialize_map(None)?;
        match self.0 {
            AnyToken::V007(p) => {
                let t = &p.token;
                m.serialize_entry(k.name("app_id"), &t.app_id)?;
                m.serialize_entry("expire", &t.expire)?;
                m.serialize_entry(k.name("expires_at"), &t.expiry())?;
                m.serialize_entry(k.name("issue_ts"), &t.issue_ts)?;
                m.serialize_entry("salt", &t.salt)?;
                m.serialize_entry("services", &ServicesJson(&t.services, t.issue_ts as u64, k))?;
                m.serialize_entry(k.name("unknown_service_type"), &p.unknown_service_type)?;
                m.serialize_entry("version", "007")?;
            }
            AnyToken::V006(p) => {
                m.serialize_entry(k.name("app_id"), &p.app_id)?;
                m.serialize_entry(k.name("crc_channel_name"), &p.crc_channel_name)?;
                m.serialize_entry(k.name("crc_uid"), &p.crc_uid)?;
                m.serialize_entry(k.name("expires_at"), &p.expiry())?;
                // 006 privilege values are absolute already.
                let privileges = PrivilegesJson(&p.privileges, v006::privilege::name, 0);
                privileges.entries(&mut m, k)?;
                m.serialize_entry("salt", &p.salt)?;
                m.serialize_entry("ts", &p.ts)?;
                m.serialize_entry("version", "006")?;
            }
        }
        m.end()
    }
}

/// The three privilege maps of a service: `privilege_expires_at`
/// (`{"<id>": base + expire, or null for 0}`), `privilege_names` (known names
/// only) and `privileges` (`{"<id>": expire}`).
struct PrivilegesJson<'a, F>(&'a Privileges, F, u64);

impl<F: Fn(u16) -> Option<&'static str>> PrivilegesJson<'_, F> {
    fn entries<M: SerializeMap>(&self, m: &mut M, k: Keys) -> std::result::Result<(), M::Error> {
        let column = |c| PrivilegeColumn(self.0, c, &self.1, self.2);
        m.serialize_entry(k.name("privilege_expires_at"), &column(Column::ExpiresAt))?;
        m.serialize_entry(k.name("privilege_names"), &column(Column::Names))?;
        m.serialize_entry("privileges", &column(Column::Expire))
    }
}

#[derive(Clone, Copy)]
enum Column {
    ExpiresAt,
    Names,
    Expire,
}

/// One privilege map, keyed by privilege id (serde_json writes integer keys
/// as strings).
struct PrivilegeColumn<'a, F>(&'a Privileges, Column, &'a F, u64);

impl<F: Fn(u16) -> Option<&'static str>> Serialize for PrivilegeColumn<'_, F> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (id, expire) in self.0.iter() {
            match self.1 {
                Column::ExpiresAt => {
                    m.serialize_entry(&id, &service::expires_at(self.3, expire))?
                }
                Column::Names => {
                    if let Some(name) = (self.2)(id) {
                        m.serialize_entry(&id, name)?;
                    }
                }
                Column::Expire => m.serialize_entry(&id, &expire)?,
            }
        }
        m.end()
    }
}

struct ServiceJson<'a>(&'a Service, u64, Keys);

/// The services as a sequence of [`ServiceJson`] (written as they are
/// read: no vector of them).
struct ServicesJson<'a>(&'a [Service], u64, Keys);

impl Serialize for ServicesJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|svc| ServiceJson(svc, self.1, self.2)))
    }
}

impl Serialize for ServiceJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (svc, k) = (self.0, self.2);
        let t = svc.service_type();
        // The service's own fields; written in their sorted place below.
        let (mut account, mut channel_name, mut uid, mut user_id) = (None, None, None, None);
        let (mut room_uuid, mut user_uuid, mut role, mut permissions) = (None, None, None, None);
        match svc {
            Service::Rtc(r) => (channel_name, uid) = (Some(&r.channel_name), Some(&r.uid)),
            Service::Rtm(r) => user_id = Some(&r.user_id),
            Service::Chat(c) => user_id = Some(&c.user_id),
            Service::Streaming(r) => {
                (channel_name, account) = (Some(&r.channel_name), Some(&r.account))
            }
            Service::Fcdn(r) => (channel_name, account) = (Some(&r.channel_name), Some(&r.account)),
            Service::Apaas(a) => {
                (room_uuid, user_uuid, role) =
                    (Some(&a.room_uuid), Some(&a.user_uuid), Some(a.role))
            }
            Service::Rtm2(r) => (user_id, permissions) = (Some(&r.user_id), Some(&r.permissions)),
            Service::Fpa(_) | Service::ConvoAi(_) | Service::Stt(_) => {}
        }
        let mut m = s.serialize_map(None)?;
        if let Some(v) = account {
            m.serialize_entry("account", v)?;
        }
        if let Some(v) = channel_name {
            m.serialize_entry(k.name("channel_name"), v)?;
        }
        if let Some(p) = permissions {
            let list: Vec<Value> = p
                .iter()
                .map(|(resource, permission, names)| {
                    let mut e = Map::new();
                    e.insert(
                        k.name("permission_type").into(),
                        name_or_number(
                            Rtm2Permissions::permission_type_name(permission),
                            permission,
                        ),
                    );
                    e.insert(
                        k.name("resource_type").into(),
                        name_or_number(Rtm2Permissions::resource_type_name(resource), resource),
                    );
                    e.insert("resources".into(), json!(names));
                    Value::Object(e)
                })
                .collect();
            m.serialize_entry("permissions", &list)?;
        }
        PrivilegesJson(
            svc.privileges(),
            |id| service::privilege_name(t, id),
            self.1,
        )
        .entries(&mut m, k)?;
        if let Some(v) = role {
            m.serialize_entry("role", &v)?;
        }
        if let Some(v) = room_uuid {
            m.serialize_entry(k.name("room_uuid"), v)?;
        }
        m.serialize_entry("type", svc.name())?;
        m.serialize_entry(k.name("type_id"), &t)?;
        if let Some(v) = uid {
            m.serialize_entry("uid", v)?;
        }
        if let Some(v) = user_id {
            m.serialize_entry(k.name("user_id"), v)?;
        }
        if let Some(v) = user_uuid {
            m.serialize_entry(k.name("user_uuid"), v)?;
        }
        m.end()
    }
}

fn name_or_number(name: Option<&str>, n: u16) -> Value {
    name.map_or_else(|| json!(n), |s| json!(s))
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
    // A null is an absent field.
    let text = |key: &'static str| -> Result<Option<&str>> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(Error::invalid(key, "must be a string")),
        }
    };
    let service = text("service")?.unwrap_or_default();
    const KEYS: [&str; 8] = [
        "service",
        "app_id",
        "channel_name",
        "uid",
        "publish",
        "user_id",
        "room_uuid",
        "user_uuid",
    ];
    if let Some(k) = obj.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(Error::invalid(
            "request",
            format!("unknown field {k:?} for service {service:?}"),
        ));
    }
    let uid = match obj.get("uid") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) if n.as_u64().is_some_and(|u| u <= u32::MAX as u64) => {
            Some(n.to_string())
        }
        Some(_) => {
            return Err(Error::invalid(
                "uid",
                "must be a user account string or an integer in [0, 4294967295]",
            ))
        }
    };
    let publish = match obj.get("publish") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => Some(
            items
                .iter()
                // Not a string: a name no stream has, refused below.
                .map(|i| i.as_str().unwrap_or("?"))
                .collect::<Vec<_>>(),
        ),
        Some(_) => Some(vec!["?"]),
    };
    RequestFields {
        service,
        app_id: text("app_id")?,
        channel_name: text("channel_name")?,
        uid: uid.as_deref(),
        publish: publish.as_deref(),
        user_id: text("user_id")?,
        room_uuid: text("room_uuid")?,
        user_uuid: text("user_uuid")?,
    }
    .to_request()
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
    use crate::check::{Action, Publish};

    #[test]
    fn key_spellings_follow_one_rule() {
        for (snake, camel) in CAMEL {
            assert_eq!(camel_case(snake), *camel);
            assert_eq!(snake_case(camel), *snake);
            assert_eq!(Keys::Camel.name(snake), *camel);
            assert_eq!(Keys::Snake.name(snake), *snake);
        }
        assert_eq!(camel_case("_private_key"), "privateKey");
        assert_eq!(
            Keys::Camel.respell(json!([{"a_b": {"c_d": 1}}])),
            json!([{"aB": {"cD": 1}}])
        );
        // A key already in the asked spelling stays as it is.
        assert_eq!(Keys::Camel.key("appId"), "appId");
    }

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
