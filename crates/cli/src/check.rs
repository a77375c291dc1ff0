//! `check`: would Agora admit this client with this token? The options map
//! one to one onto the keys of token-core's JSON check request, so the CLI,
//! the server and the bindings read a request by the same rules.

use serde_json::{json, Map, Value};
use token_core::check::PrivilegeStatus;
use token_core::json::{report_json, request_from_json};
use token_core::time::utc;

use crate::fail::Outcome;
use crate::{certificate, read_token, CheckArgs};

/// Exit status of a denied request.
pub const DENIED: u8 = 1;

/// Runs `check`; the report is printed on stdout either way, and a denial
/// exits with [`DENIED`].
pub fn run(a: &CheckArgs) -> Outcome<(String, bool)> {
    let token = read_token(&a.checked.token)?;
    let cert = certificate(&a.checked.app_certificate)?;
    let request = request_from_json(&request_json(a))?;
    let now = a.now.unwrap_or_else(|| u64::from(token_core::codec::now()));
    let report = token_core::check::check(&token, cert, &request, now)?;
    let allowed = report.allowed();
    if a.json {
        return Ok((report_json(&report).to_string(), allowed));
    }
    let mut out = String::new();
    if allowed {
        out.push_str("allowed");
    } else {
        out.push_str("denied:");
        for r in &report.reasons {
            out.push_str(&format!("\n  - {r}"));
        }
    }
    if let (Some(version), Some(app_id)) = (report.version, &report.app_id) {
        let expiry = report.expires_at.map_or_else(|| "never".to_string(), utc);
        out.push_str(&format!(
            "\ntoken: {version} for app {app_id}, signature {}, expires {expiry}",
            report.signature.as_str(),
        ));
    }
    for p in &report.privileges {
        let until = match (p.status, p.expires_at) {
            (PrivilegeStatus::Missing, _) => "-".to_string(),
            (_, None) => "no limit".to_string(),
            (_, Some(at)) => utc(at),
        };
        out.push_str(&format!(
            "\n  {} {:<22} {:<8} {until}",
            p.service,
            p.privilege,
            p.status.as_str()
        ));
    }
    Ok((out, allowed))
}

/// The JSON request of the options (absent options are absent keys).
fn request_json(a: &CheckArgs) -> Value {
    let mut m = Map::new();
    m.insert("service".into(), json!(a.service.as_str()));
    let mut put = |key: &str, v: &Option<String>| {
        if let Some(v) = v {
            m.insert(key.into(), json!(v));
        }
    };
    put("app_id", &a.app_id);
    put("channel_name", &a.channel);
    put("uid", &a.uid.map(|u| u.to_string()).or(a.account.clone()));
    put("user_id", &a.user_id);
    put("room_uuid", &a.room_uuid);
    put("user_uuid", &a.user_uuid);
    if !a.publish.is_empty() {
        m.insert("publish".into(), json!(a.publish));
    }
    Value::Object(m)
}
