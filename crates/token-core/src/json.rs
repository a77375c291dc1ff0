//! The JSON form of a parsed token, shared by every surface that prints one
//! (the CLI's `inspect --json`, the C ABI's parse, the server's inspect
//! endpoint), so they all give the same keys. Enabled by the `json` feature.
//!
//! 007: `{version, app_id, issue_ts, expire, salt, unknown_service_type,
//! services: [{type, type_id, privileges: {"<id>": seconds}, privilege_names:
//! {"<id>": name}, <the service's own fields>}]}`; RTM2 permissions as
//! `[{resource_type, permission_type, resources}]` with the types by name (or
//! number when unknown). 006: `{version, app_id, salt, ts, crc_channel_name,
//! crc_uid, privileges, privilege_names}`.
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

use crate::service::{self, Privileges, Rtm2Permissions, Service};
use crate::v006::{self, ParsedAccessToken};
use crate::v007::ParsedToken;
use crate::AnyToken;

/// The JSON form of a parsed 007 or 006 token.
pub fn to_json(token: &AnyToken) -> Value {
    match token {
        AnyToken::V007(t) => json007(t),
        AnyToken::V006(t) => json006(t),
    }
}

/// `{"<id>": expire}` and `{"<id>": name}` (known names only).
fn privileges_json(
    privileges: &Privileges,
    name: impl Fn(u16) -> Option<&'static str>,
) -> (Value, Value) {
    let mut values = Map::new();
    let mut names = Map::new();
    for (id, expire) in privileges.iter() {
        values.insert(id.to_string(), json!(expire));
        if let Some(n) = name(id) {
            names.insert(id.to_string(), json!(n));
        }
    }
    (Value::Object(values), Value::Object(names))
}

fn json_name_or_number(name: Option<&str>, n: u16) -> Value {
    name.map_or_else(|| json!(n), |s| json!(s))
}

/// The JSON form of one 007 service.
pub fn service_json(s: &Service) -> Value {
    let t = s.service_type();
    let (privileges, names) = privileges_json(s.privileges(), |id| service::privilege_name(t, id));
    let mut m = Map::new();
    m.insert("type".into(), json!(s.name()));
    m.insert("type_id".into(), json!(t));
    m.insert("privileges".into(), privileges);
    m.insert("privilege_names".into(), names);
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
        "salt": t.salt,
        "services": t.services.iter().map(service_json).collect::<Vec<_>>(),
        "unknown_service_type": p.unknown_service_type,
    })
}

/// The JSON form of a parsed 006 token.
pub fn json006(p: &ParsedAccessToken) -> Value {
    let (privileges, names) = privileges_json(&p.privileges, v006::privilege::name);
    json!({
        "version": "006",
        "app_id": p.app_id,
        "salt": p.salt,
        "ts": p.ts,
        "crc_channel_name": p.crc_channel_name,
        "crc_uid": p.crc_uid,
        "privileges": privileges,
        "privilege_names": names,
    })
}
