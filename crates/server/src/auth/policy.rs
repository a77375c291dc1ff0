//! Policies: what a caller may ask for.

use serde::Deserialize;
use token_core::builder::rtc::Role;
use token_core::scope::{Scope, Subject};
use token_core::v007::AccessToken2;

/// A token kind, as named in the native API and in policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// RTC (RtcTokenBuilder2), possibly with an RTM login.
    Rtc,
    /// RTM login or RTM 2.x with permissions.
    Rtm,
    /// Chat user or app.
    Chat,
    /// FPA.
    Fpa,
    /// APaaS (Flexible Classroom).
    Apaas,
    /// Education (the same tokens as APaaS).
    Education,
    /// Conversational AI engine.
    Convoai,
    /// Speech-to-text.
    Stt,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 8] = [
        Kind::Rtc,
        Kind::Rtm,
        Kind::Chat,
        Kind::Fpa,
        Kind::Apaas,
        Kind::Education,
        Kind::Convoai,
        Kind::Stt,
    ];

    /// The lowercase name (`"rtc"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Rtc => "rtc",
            Kind::Rtm => "rtm",
            Kind::Chat => "chat",
            Kind::Fpa => "fpa",
            Kind::Apaas => "apaas",
            Kind::Education => "education",
            Kind::Convoai => "convoai",
            Kind::Stt => "stt",
        }
    }
}

impl Kind {
    /// The kind of access a token service gives (`"rtc"` -> RTC, `"rtm"` and
    /// `"rtm2"` -> RTM, ...); `None` for services no route issues
    /// (Streaming, FCDN). An APaaS service is [`Kind::Apaas`] (an Education
    /// token carries the same service: see [`Grant::kinds`]).
    pub fn of_service(name: &str) -> Option<Kind> {
        Some(match name {
            "rtc" => Kind::Rtc,
            "rtm" | "rtm2" => Kind::Rtm,
            "chat" => Kind::Chat,
            "fpa" => Kind::Fpa,
            "apaas" => Kind::Apaas,
            "convoai" => Kind::Convoai,
            "stt" => Kind::Stt,
            _ => return None,
        })
    }
}

/// What a caller does with the server, as named in policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Operation {
    /// Get a token (every token route).
    Issue,
    /// `POST /v1/tokens/inspect`.
    Inspect,
    /// `POST /v1/tokens/verify`.
    Verify,
    /// `POST /v1/tokens/check`.
    Check,
}

impl Operation {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Issue => "issue",
            Operation::Inspect => "inspect",
            Operation::Verify => "verify",
            Operation::Check => "check",
        }
    }
}

/// What a reply would grant, read from the unsigned tokens just before they
/// are signed ([`Scope`]), and the kind of request that asked for them.
/// Policies and JWT claims judge this, so they judge exactly what is signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// The kind of token the route or request names (`None` where the
    /// request only lists services: `POST /token/generate`).
    pub kind: Option<Kind>,
    /// What the tokens grant.
    pub scope: Scope,
}

impl Grant {
    /// The grant of the tokens one reply carries.
    pub fn of<'a>(kind: Option<Kind>, tokens: impl IntoIterator<Item = &'a AccessToken2>) -> Grant {
        Grant {
            kind,
            scope: Scope::of_all(tokens),
        }
    }

    /// Every kind of access the tokens carry (each service's kind, an APaaS
    /// service counting as Education in an Education token), after the
    /// requested kind.
    pub fn kinds(&self) -> Vec<Kind> {
        let mut kinds: Vec<Kind> = self.kind.into_iter().collect();
        for service in &self.scope.services {
            let kind = match (Kind::of_service(service), self.kind) {
                (Some(Kind::Apaas), Some(Kind::Education)) => Some(Kind::Education),
                (k, _) => k,
            };
            if let Some(k) = kind.filter(|k| !kinds.contains(k)) {
                kinds.push(k);
            }
        }
        kinds
    }
}

/// A policy: which operations, token kinds, channel-name patterns and roles
/// a caller may ask for, whether its tokens may admit any user or act for
/// the whole app, and the longest expiry. An absent field does not restrict.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Allowed operations (`issue`, `inspect`, `verify`, `check`).
    pub operations: Option<Vec<Operation>>,
    /// Allowed kinds: the kind a request names must be listed, and so must
    /// the kind of every service of the token (an APaaS service is covered
    /// by `apaas` or `education`). So an RTM token that also joins a stream
    /// channel needs `rtc` too, an APaaS room-user token `apaas`, `rtm` and
    /// `chat`, a ConvoAI or STT token `rtc`, `rtm` and its own kind.
    pub kinds: Option<Vec<Kind>>,
    /// Allowed channel names: patterns where `*` matches any run of
    /// characters and `?` one character.
    pub channels: Option<Vec<String>>,
    /// Allowed RTC roles (`publisher`: any publish privilege; `subscriber`:
    /// join only).
    #[serde(default, deserialize_with = "roles")]
    pub roles: Option<Vec<Role>>,
    /// `false`: refuse tokens for uid 0, which admit any user.
    pub any_user: Option<bool>,
    /// `false`: refuse app-level tokens (Chat app, APaaS app), which act for
    /// the whole app rather than a user.
    pub app_tokens: Option<bool>,
    /// Longest time a token may admit anything, seconds: its expire, which
    /// bounds its privileges (a privilege expire past the token's adds
    /// nothing). A token that never expires (expire 0 with a privilege of
    /// expire 0) is refused when this is set.
    pub max_expire: Option<u32>,
}

fn roles<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<Role>>, D::Error> {
    let names: Option<Vec<String>> = Option::deserialize(d)?;
    names
        .map(|list| {
            list.iter()
                .map(|n| Role::from_name(n).map_err(serde::de::Error::custom))
                .collect()
        })
        .transpose()
}

impl Policy {
    /// Checks the policy itself (used when loading the configuration).
    pub fn check(&self) -> Result<(), String> {
        if let Some(c) = &self.channels {
            if c.iter().any(|p| p.is_empty() || p.len() > 255) {
                return Err("channel patterns must be 1 to 255 characters".into());
            }
        }
        if self.max_expire == Some(0) {
            return Err("max_expire must be at least 1 (omit it for no limit)".into());
        }
        Ok(())
    }

    /// `Ok` when the policy allows the operation.
    pub fn allows_operation(&self, op: Operation) -> Result<(), String> {
        match &self.operations {
            Some(ops) if !ops.contains(&op) => Err(format!(
                "operation {:?} is not allowed by this caller's policy",
                op.as_str()
            )),
            _ => Ok(()),
        }
    }

    /// `Ok` when the grant is within this policy, else the reason (fit for a
    /// 403 reply: it names the rule, not the caller's secrets).
    pub fn allows(&self, grant: &Grant) -> Result<(), String> {
        self.allows_operation(Operation::Issue)?;
        let scope = &grant.scope;
        if let Some(kinds) = &self.kinds {
            if let Some(k) = grant.kind.filter(|k| !kinds.contains(k)) {
                return Err(format!(
                    "token kind {:?} is not allowed by this caller's policy",
                    k.as_str()
                ));
            }
            for service in &scope.services {
                let covered = match Kind::of_service(service) {
                    // Education tokens are APaaS tokens.
                    Some(Kind::Apaas) => {
                        kinds.contains(&Kind::Apaas) || kinds.contains(&Kind::Education)
                    }
                    Some(k) => kinds.contains(&k),
                    None => false,
                };
                if !covered {
                    return Err(format!(
                        "the token would carry {service} access, which this caller's policy kinds do not allow"
                    ));
                }
            }
        }
        if let Some(patterns) = &self.channels {
            if let Some(c) = scope
                .channels
                .iter()
                .find(|c| !patterns.iter().any(|p| glob_match(p, c)))
            {
                return Err(format!(
                    "channel {c:?} does not match this caller's channel patterns"
                ));
            }
        }
        if let Some(roles) = &self.roles {
            if let Some(role) = scope.roles.iter().find(|r| !roles.contains(r)) {
                return Err(format!(
                    "role {:?} is not allowed by this caller's policy",
                    role.as_str()
                ));
            }
        }
        if self.any_user == Some(false) && scope.users.contains(&Subject::Any) {
            return Err(
                "a token for uid 0 (any user) is not allowed by this caller's policy".into(),
            );
        }
        if self.app_tokens == Some(false) && scope.app_level {
            return Err(
                "an app-level token (Chat or APaaS app) is not allowed by this caller's policy"
                    .into(),
            );
        }
        if let Some(max) = self.max_expire {
            match scope.longest_expire() {
                None => {
                    return Err(format!(
                        "a token that never expires (expire 0) is not allowed; at most {max} s"
                    ))
                }
                Some(longest) if longest > max => {
                    return Err(format!(
                        "expiry of {longest} s is longer than this caller's maximum of {max} s"
                    ))
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

/// Matches `text` against a pattern where `*` is any run of characters and
/// `?` is one character. Linear time (greedy with one backtrack point).
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("*", ""));
        assert!(glob_match("room-*", "room-42"));
        assert!(!glob_match("room-*", "lobby"));
        assert!(glob_match("a?c", "abc"));
        assert!(!glob_match("a?c", "ac"));
        assert!(glob_match("*x*y", "aaxbby"));
        assert!(!glob_match("*x*y", "aaxbb"));
        assert!(glob_match("exact", "exact"));
        assert!(!glob_match("exact", "exactly"));
    }

    const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";

    fn publisher() -> AccessToken2 {
        token_core::builder::rtc::with_uid(APP_ID, "room-1", 42, Role::Publisher, 600, 600).unwrap()
    }

    fn grant() -> Grant {
        Grant::of(Some(Kind::Rtc), [&publisher()])
    }

    #[test]
    fn policy_rules() {
        assert!(Policy::default().allows(&grant()).is_ok());
        let p = Policy {
            kinds: Some(vec![Kind::Rtm]),
            ..Default::default()
        };
        assert!(p.allows(&grant()).unwrap_err().contains("kind \"rtc\""));
        let p = Policy {
            channels: Some(vec!["lobby".into()]),
            ..Default::default()
        };
        assert!(p.allows(&grant()).unwrap_err().contains("room-1"));
        let p = Policy {
            roles: Some(vec![Role::Subscriber]),
            ..Default::default()
        };
        assert!(p.allows(&grant()).unwrap_err().contains("publisher"));
        let p = Policy {
            max_expire: Some(300),
            ..Default::default()
        };
        assert!(p.allows(&grant()).unwrap_err().contains("600 s"));
        let never = token_core::builder::rtm::token(APP_ID, "a", 0).unwrap();
        let forever = Grant::of(Some(Kind::Rtm), [&never]);
        assert!(p.allows(&forever).unwrap_err().contains("never expires"));
        assert!(Policy {
            max_expire: Some(0),
            ..Default::default()
        }
        .check()
        .is_err());
        let p = Policy {
            operations: Some(vec![Operation::Check]),
            ..Default::default()
        };
        assert!(p.allows(&grant()).unwrap_err().contains("\"issue\""));
        assert!(p.allows_operation(Operation::Check).is_ok());
        assert!(p.allows_operation(Operation::Inspect).is_err());
    }

    #[test]
    fn the_token_decides_not_the_request() {
        // An RTM request whose token also joins an RTC stream channel with
        // publish data: an RTM-only or subscriber-only policy refuses it.
        let mut t = token_core::builder::rtm::token(APP_ID, "alice", 60).unwrap();
        let mut rtc = token_core::service::Rtc {
            channel_name: "stream".into(),
            uid: "alice".into(),
            ..Default::default()
        };
        rtc.privileges.add(1, 60).add(4, 60);
        t.add_service(rtc);
        let g = Grant::of(Some(Kind::Rtm), [&t]);
        assert_eq!(g.kinds(), [Kind::Rtm, Kind::Rtc]);
        let rtm_only = Policy {
            kinds: Some(vec![Kind::Rtm]),
            ..Default::default()
        };
        assert!(rtm_only.allows(&g).unwrap_err().contains("would carry rtc"));
        let subscriber = Policy {
            roles: Some(vec![Role::Subscriber]),
            ..Default::default()
        };
        assert!(subscriber.allows(&g).is_err());
        // uid 0 and app tokens have their own switches.
        let any = token_core::builder::rtc::with_uid(APP_ID, "c", 0, Role::Subscriber, 60, 60);
        let g = Grant::of(Some(Kind::Rtc), [&any.unwrap()]);
        let no_any = Policy {
            any_user: Some(false),
            ..Default::default()
        };
        assert!(no_any.allows(&g).unwrap_err().contains("any user"));
        let app = token_core::builder::chat::app_token(APP_ID, 60).unwrap();
        let g = Grant::of(Some(Kind::Chat), [&app]);
        let no_app = Policy {
            app_tokens: Some(false),
            ..Default::default()
        };
        assert!(no_app.allows(&g).unwrap_err().contains("app-level"));
        // An Education token's APaaS service is Education.
        let edu = token_core::builder::apaas::user_token(APP_ID, "u", 60).unwrap();
        assert_eq!(
            Grant::of(Some(Kind::Education), [&edu]).kinds(),
            [Kind::Education]
        );
    }
}
