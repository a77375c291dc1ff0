//! Policies: what a caller may ask for.

use serde::Deserialize;

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

/// An RTC role, as named in policies and the native API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleName {
    /// Join and publish.
    Publisher,
    /// Join only.
    Subscriber,
}

impl RoleName {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            RoleName::Publisher => "publisher",
            RoleName::Subscriber => "subscriber",
        }
    }
}

impl From<token_core::builder::rtc::Role> for RoleName {
    fn from(r: token_core::builder::rtc::Role) -> Self {
        match r {
            token_core::builder::rtc::Role::Publisher => RoleName::Publisher,
            token_core::builder::rtc::Role::Subscriber => RoleName::Subscriber,
        }
    }
}

/// What a request asks for, in the terms policies and JWT claims speak of.
/// Every route turns its request into one before any token is built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grant {
    /// Token kinds the reply would carry (the official `/token/generate` can
    /// combine several).
    pub kinds: Vec<Kind>,
    /// Channel names the token would be bound to.
    pub channels: Vec<String>,
    /// Users (uid as decimal text, or account / user ID) the token would be
    /// for. `"0"` is the uid 0, meaning any user.
    pub users: Vec<String>,
    /// RTC roles asked for.
    pub roles: Vec<RoleName>,
    /// Token lifetime in seconds (0: no expiry).
    pub expire: u32,
    /// Privilege expires in seconds (0: bounded by the token's).
    pub privilege_expires: Vec<u32>,
}

/// A policy: which token kinds, channel-name patterns and roles a caller may
/// ask for, and the longest expiry. An absent field does not restrict.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Allowed token kinds.
    pub kinds: Option<Vec<Kind>>,
    /// Allowed channel names: patterns where `*` matches any run of
    /// characters and `?` one character.
    pub channels: Option<Vec<String>>,
    /// Allowed RTC roles.
    pub roles: Option<Vec<RoleName>>,
    /// Longest token lifetime and privilege expire, seconds. A token that
    /// never expires (expire 0) is refused when this is set.
    pub max_expire: Option<u32>,
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

    /// `Ok` when the grant is within this policy, else the reason (fit for a
    /// 403 reply: it names the rule, not the caller's secrets).
    pub fn allows(&self, grant: &Grant) -> Result<(), String> {
        if let Some(kinds) = &self.kinds {
            if let Some(k) = grant.kinds.iter().find(|k| !kinds.contains(k)) {
                return Err(format!(
                    "token kind {:?} is not allowed by this caller's policy",
                    k.as_str()
                ));
            }
        }
        if let Some(patterns) = &self.channels {
            if let Some(c) = grant
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
            if let Some(r) = grant.roles.iter().find(|r| !roles.contains(r)) {
                return Err(format!(
                    "role {:?} is not allowed by this caller's policy",
                    r.as_str()
                ));
            }
        }
        if let Some(max) = self.max_expire {
            if grant.expire == 0 {
                return Err(format!(
                    "a token that never expires (expire 0) is not allowed; at most {max} s"
                ));
            }
            let longest = grant
                .privilege_expires
                .iter()
                .copied()
                .chain([grant.expire])
                .max()
                .unwrap_or(0);
            if longest > max {
                return Err(format!(
                    "expiry of {longest} s is longer than this caller's maximum of {max} s"
                ));
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

    fn grant() -> Grant {
        Grant {
            kinds: vec![Kind::Rtc],
            channels: vec!["room-1".into()],
            users: vec!["42".into()],
            roles: vec![RoleName::Publisher],
            expire: 600,
            privilege_expires: vec![600],
        }
    }

    #[test]
    fn policy_rules() {
        assert!(Policy::default().allows(&grant()).is_ok());
        let p = Policy {
            kinds: Some(vec![Kind::Rtm]),
            ..Default::default()
        };
        assert!(p.allows(&grant()).unwrap_err().contains("\"rtc\""));
        let p = Policy {
            channels: Some(vec!["lobby".into()]),
            ..Default::default()
        };
        assert!(p.allows(&grant()).unwrap_err().contains("room-1"));
        let p = Policy {
            roles: Some(vec![RoleName::Subscriber]),
            ..Default::default()
        };
        assert!(p.allows(&grant()).unwrap_err().contains("publisher"));
        let p = Policy {
            max_expire: Some(300),
            ..Default::default()
        };
        assert!(p.allows(&grant()).unwrap_err().contains("600 s"));
        let forever = Grant {
            expire: 0,
            ..grant()
        };
        assert!(p.allows(&forever).unwrap_err().contains("never expires"));
        assert!(Policy {
            max_expire: Some(0),
            ..Default::default()
        }
        .check()
        .is_err());
    }
}
