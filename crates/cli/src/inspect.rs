//! `inspect`: a readable or JSON breakdown of a parsed 007 or 006 token.
//!
//! Parsing is token-core's ([`token_core::parse`]); this module only lays the
//! fields out. The JSON keys are documented in `agora-token inspect --help`.

use serde_json::Value;
use token_core::service::{self, Field, Rtm2Permissions, Service, ServiceSpec, TextField};
use token_core::v006::{self, ParsedAccessToken};
use token_core::v007::ParsedToken;
use token_core::AnyToken;

use crate::fail::Outcome;
use token_core::time::utc;

/// Parses `token` and renders it as text or pretty JSON.
pub fn run(token: &str, as_json: bool) -> Outcome<String> {
    let parsed = token_core::parse(token)?;
    Ok(match (&parsed, as_json) {
        (AnyToken::V007(t), false) => text007(t),
        (_, true) => pretty(&token_core::json::to_json(&parsed)),
        (AnyToken::V006(t), false) => text006(t),
    })
}

fn pretty(v: &Value) -> String {
    // Serializing a `Value` cannot fail.
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// `key: value` lines, indented by depth; all lines of one depth align
/// their values.
#[derive(Default)]
struct Lines(Vec<(usize, String, String)>);

impl Lines {
    fn add(&mut self, depth: usize, key: impl Into<String>, value: impl Into<String>) {
        self.0.push((depth, key.into(), value.into()));
    }

    fn render(&self) -> String {
        let depths = self.0.iter().map(|(d, _, _)| d + 1).max().unwrap_or(0);
        let mut width = vec![0; depths];
        for (d, key, value) in &self.0 {
            if !value.is_empty() {
                width[*d] = width[*d].max(key.chars().count());
            }
        }
        let lines: Vec<String> = self
            .0
            .iter()
            .map(|(d, key, value)| {
                let indent = "  ".repeat(*d);
                if value.is_empty() {
                    format!("{indent}{key}:")
                } else {
                    let pad = " ".repeat(width[*d].saturating_sub(key.chars().count()));
                    format!("{indent}{key}:{pad} {value}")
                }
            })
            .collect();
        lines.join("\n")
    }
}

/// A string field, quoted and escaped so odd bytes cannot break the layout.
fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// `N s (date)` for a time relative to `issue_ts`, or `0 (<zero>)`.
fn relative(issue_ts: u32, seconds: u32, zero: &str) -> String {
    if seconds == 0 {
        format!("0 ({zero})")
    } else {
        format!(
            "{seconds} s ({})",
            utc(u64::from(issue_ts) + u64::from(seconds))
        )
    }
}

/// `TS (date)` for an absolute time, or `0 (<zero>)`.
fn absolute(ts: u32, zero: &str) -> String {
    if ts == 0 {
        format!("0 ({zero})")
    } else {
        format!("{ts} ({})", utc(u64::from(ts)))
    }
}

fn text007(p: &ParsedToken) -> String {
    let t = &p.token;
    let mut l = Lines::default();
    l.add(0, "version", "007");
    l.add(0, "app_id", t.app_id.clone());
    l.add(0, "issue_ts", absolute(t.issue_ts, "1970-01-01T00:00:00Z"));
    l.add(0, "expire", relative(t.issue_ts, t.expire, "no expiry"));
    l.add(0, "salt", t.salt.to_string());
    l.add(0, "services", t.services.len().to_string());
    if let Some(unknown) = p.unknown_service_type {
        l.add(
            0,
            "unknown_service_type",
            format!("{unknown} (layout unknown: services after it are not read)"),
        );
    }
    for (i, s) in t.services.iter().enumerate() {
        l.add(
            0,
            format!("service {}", i + 1),
            format!("{} (type {})", s.name(), s.service_type()),
        );
        service_fields_text(&mut l, s);
        let privileges = s.privileges();
        if privileges.is_empty() {
            l.add(1, "privileges", "none");
            continue;
        }
        l.add(1, "privileges", "");
        for (id, expire) in privileges.iter() {
            l.add(
                2,
                privilege_label(service::privilege_name(s.service_type(), id), id),
                relative(t.issue_ts, expire, "no own limit"),
            );
        }
    }
    l.render()
}

fn privilege_label(name: Option<&str>, id: u16) -> String {
    match name {
        Some(name) => format!("{name} ({id})"),
        None => format!("privilege {id}"),
    }
}

/// The fields of a service (token-core's `service::fields`, in wire order),
/// with what an empty or `-1` value means.
fn service_fields_text(l: &mut Lines, s: &Service) {
    let spec = ServiceSpec::from(s);
    for &f in spec.fields() {
        match f {
            Field::Text(t) => {
                let value = spec.text(t).unwrap_or_default();
                let meaning = match t {
                    TextField::Uid if value.is_empty() => " (any user)",
                    TextField::UserId if value.is_empty() && matches!(s, Service::Chat(_)) => {
                        " (app)"
                    }
                    _ => "",
                };
                l.add(1, t.name(), format!("{}{meaning}", quoted(value)));
            }
            Field::Role => {
                let role = spec.role.unwrap_or(-1);
                let none = if role == -1 { " (none)" } else { "" };
                l.add(1, "role", format!("{role}{none}"));
            }
            Field::Permissions => permissions_text(l, spec.permissions.as_ref()),
        }
    }
}

fn permissions_text(l: &mut Lines, permissions: Option<&Rtm2Permissions>) {
    let Some(p) = permissions.filter(|p| !p.is_empty()) else {
        l.add(1, "permissions", "none");
        return;
    };
    l.add(1, "permissions", "");
    for (resource, permission, names) in p.iter() {
        let key = format!(
            "{}/{}",
            name_or_number(Rtm2Permissions::resource_type_name(resource), resource),
            name_or_number(
                Rtm2Permissions::permission_type_name(permission),
                permission
            )
        );
        let value: Vec<String> = names.iter().map(|n| quoted(n)).collect();
        l.add(2, key, value.join(", "));
    }
}

fn name_or_number(name: Option<&str>, n: u16) -> String {
    name.map_or_else(|| n.to_string(), str::to_string)
}

fn text006(p: &ParsedAccessToken) -> String {
    let mut l = Lines::default();
    l.add(0, "version", "006");
    l.add(0, "app_id", p.app_id.clone());
    l.add(0, "salt", p.salt.to_string());
    l.add(
        0,
        "ts",
        format!("{}, when the token expires", absolute(p.ts, "none")),
    );
    l.add(0, "crc_channel_name", p.crc_channel_name.to_string());
    l.add(0, "crc_uid", p.crc_uid.to_string());
    if p.privileges.is_empty() {
        l.add(0, "privileges", "none");
    } else {
        l.add(0, "privileges", "");
        for (id, ts) in p.privileges.iter() {
            l.add(
                1,
                privilege_label(v006::privilege::name(id), id),
                absolute(ts, "no expiry"),
            );
        }
    }
    l.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_align_per_depth() {
        let mut l = Lines::default();
        l.add(0, "a", "1");
        l.add(0, "long_key", "2");
        l.add(1, "x", "3");
        l.add(1, "header", "");
        l.add(0, "b", "4");
        assert_eq!(
            l.render(),
            "a:        1\nlong_key: 2\n  x: 3\n  header:\nb:        4"
        );
    }
}
