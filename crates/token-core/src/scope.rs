//! What a 007 token grants, read from the token itself: the services it
//! carries, the channels and users it is bound to, whether it lets its holder
//! publish, whether it acts for the whole app, and how long it lasts.
//!
//! A token server decides whether a caller may have a token by judging its
//! [`Scope`], computed from the unsigned token just before signing it. The
//! scope is never written from the request a second time, so what a policy
//! judges is exactly what gets signed (a request that asks for "an RTM token"
//! but builds one with an RTC service is judged as carrying RTC).
//!
//! The rules, as the check engine ([`crate::check`]) applies them:
//!
//! - An RTC (or Streaming, FCDN) service with an empty uid admits any user:
//!   it is [`Subject::Any`], never the text `"0"` (which is the user account
//!   "0"). RTM, RTM2, Chat and APaaS users have no wildcard.
//! - An RTC service's role is publisher when it carries any publish
//!   privilege (audio, video or data), else subscriber.
//! - App-level access is a Chat `app` or APaaS `app` privilege: the holder
//!   acts for the whole app, not as a user.
//! - Channels are the RTC, Streaming and FCDN channel names and the RTM2
//!   resources of the message, stream and group channel types.
//! - The Chat user of an APaaS token is the MD5 of the APaaS user UUID
//!   ([`crate::builder::apaas::chat_user_id`]): the same person, so it is
//!   reported as that user.
//!
//! ```
//! use token_core::builder::rtc::{self, Role};
//! use token_core::scope::{Scope, Subject};
//!
//! let t = rtc::with_uid("970CA35de60c44645bbae8a215061b33", "demo", 0, Role::Publisher, 600, 600)?;
//! let scope = Scope::of(&t);
//! assert_eq!(scope.services, ["rtc"]);
//! assert_eq!(scope.channels, ["demo"]);
//! assert_eq!(scope.users, [Subject::Any]);
//! assert!(scope.roles == [Role::Publisher] && !scope.app_level);
//! assert_eq!(scope.longest_expire(), Some(600));
//! # Ok::<(), token_core::Error>(())
//! ```

use std::fmt;

use crate::builder::apaas::chat_user_id;
use crate::builder::rtc::Role;
use crate::service::{Apaas, Chat, Rtc, Rtm2Permissions, Service};
use crate::v007::AccessToken2;

/// Who a service of a token is for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    /// Any user: an RTC, Streaming or FCDN service built for uid 0 (packed
    /// as an empty uid).
    Any,
    /// One user: a uid as decimal text, a user account or a user ID.
    User(String),
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Any => f.write_str("any user (uid 0)"),
            Subject::User(u) => write!(f, "{u:?}"),
        }
    }
}

/// What one or more tokens grant (see the [module](self) documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// The service names (`"rtc"`, `"rtm"`, `"rtm2"`, `"chat"`, ...), each
    /// once, in the order first met.
    pub services: Vec<&'static str>,
    /// Channel names the tokens are bound to, each once.
    pub channels: Vec<String>,
    /// Users the tokens are for, each once.
    pub users: Vec<Subject>,
    /// The RTC role of each RTC service, each once: publisher when it
    /// carries any publish privilege, else subscriber.
    pub roles: Vec<Role>,
    /// A Chat or APaaS `app` privilege: access for the whole app.
    pub app_level: bool,
    /// How long each token admits anything, in seconds after its issue
    /// time: its expire, which bounds every privilege; for a token with
    /// expire `0` (no limit), its longest privilege expire. `None`: the token
    /// never stops admitting (expire `0` and a privilege of expire `0`).
    pub lifetimes: Vec<Option<u32>>,
}

impl Scope {
    /// The scope of one token.
    pub fn of(token: &AccessToken2) -> Scope {
        let mut scope = Scope::default();
        scope.add(token);
        scope
    }

    /// The scope of several tokens issued together (one reply).
    pub fn of_all<'a>(tokens: impl IntoIterator<Item = &'a AccessToken2>) -> Scope {
        let mut scope = Scope::default();
        for t in tokens {
            scope.add(t);
        }
        scope
    }

    /// The longest of [`Scope::lifetimes`], or `None` when a token never
    /// expires.
    pub fn longest_expire(&self) -> Option<u32> {
        self.lifetimes
            .iter()
            .copied()
            .try_fold(0, |longest, t| t.map(|t| longest.max(t)))
    }

    fn add(&mut self, token: &AccessToken2) {
        self.lifetimes.push(match token.expire {
            0 => token
                .services
                .iter()
                .flat_map(|s| s.privileges().iter().map(|(_, e)| e))
                .try_fold(0, |longest, e| (e != 0).then(|| longest.max(e))),
            expire => Some(expire),
        });
        let apaas_users: Vec<&str> = token
            .services
            .iter()
            .filter_map(|s| match s {
                Service::Apaas(a) if !a.user_uuid.is_empty() => Some(a.user_uuid.as_str()),
                _ => None,
            })
            .collect();
        for service in &token.services {
            push_once(&mut self.services, service.name());
            match service {
                Service::Rtc(s) => {
                    let publishes = [
                        Rtc::PUBLISH_AUDIO_STREAM,
                        Rtc::PUBLISH_VIDEO_STREAM,
                        Rtc::PUBLISH_DATA_STREAM,
                    ]
                    .iter()
                    .any(|&p| s.privileges.get(p).is_some());
                    let role = if publishes {
                        Role::Publisher
                    } else {
                        Role::Subscriber
                    };
                    push_once(&mut self.roles, role);
                    self.channel(&s.channel_name);
                    self.wildcard_user(&s.uid);
                }
                Service::Streaming(s) => {
                    self.channel(&s.channel_name);
                    self.wildcard_user(&s.account);
                }
                Service::Fcdn(s) => {
                    self.channel(&s.channel_name);
                    self.wildcard_user(&s.account);
                }
                Service::Rtm(s) => self.user(&s.user_id),
                Service::Rtm2(s) => {
                    self.user(&s.user_id);
                    for (resource_type, _, resources) in s.permissions.iter() {
                        if Rtm2Permissions::is_channel_type(resource_type) {
                            resources.iter().for_each(|c| self.channel(c));
                        }
                    }
                }
                Service::Chat(s) => {
                    self.app_level |= s.privileges.get(Chat::APP).is_some();
                    if s.privileges.get(Chat::USER).is_some() || !s.user_id.is_empty() {
                        match apaas_users.iter().find(|u| chat_user_id(u) == s.user_id) {
                            Some(u) => self.user(u),
                            None => self.user(&s.user_id),
                        }
                    }
                }
                Service::Apaas(s) => {
                    self.app_level |= s.privileges.get(Apaas::APP).is_some();
                    if !s.user_uuid.is_empty() || s.privileges.get(Apaas::APP).is_none() {
                        self.user(&s.user_uuid);
                    }
                }
                Service::Fpa(_) | Service::ConvoAi(_) | Service::Stt(_) => {}
            }
        }
    }

    fn channel(&mut self, name: &str) {
        if !self.channels.iter().any(|c| c == name) {
            self.channels.push(name.to_string());
        }
    }

    fn user(&mut self, id: &str) {
        push_once(&mut self.users, Subject::User(id.to_string()));
    }

    /// An RTC-style user field: empty is any user.
    fn wildcard_user(&mut self, uid: &str) {
        if uid.is_empty() {
            push_once(&mut self.users, Subject::Any);
        } else {
            self.user(uid);
        }
    }
}

fn push_once<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::rtc::{self, PrivilegeExpires, Role, RtcRtmParams};
    use crate::builder::{apaas, chat, convoai, fpa, rtm, User};

    const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";

    fn user(u: &str) -> Subject {
        Subject::User(u.into())
    }

    #[test]
    fn rtc_roles_and_wildcard() {
        let sub = rtc::with_user(APP_ID, "c", User::Uid(7), Role::Subscriber, 60, 300).unwrap();
        let s = Scope::of(&sub);
        assert_eq!(s.roles, [Role::Subscriber]);
        assert_eq!(s.users, [user("7")]);
        assert_eq!(s.longest_expire(), Some(60));
        // The account "0" is a user; uid 0 is any user.
        let zero = rtc::with_user(APP_ID, "c", User::Account("0"), Role::Publisher, 60, 60);
        assert_eq!(Scope::of(&zero.unwrap()).users, [user("0")]);
        let any = rtc::with_user(APP_ID, "c", User::Uid(0), Role::Publisher, 60, 60);
        assert_eq!(Scope::of(&any.unwrap()).users, [Subject::Any]);
    }

    #[test]
    fn rtm_with_a_stream_channel_is_rtc_too() {
        // What the community service's RTM token carries: an RTC service for
        // the stream channel, with publish data. The scope says so.
        let mut t = rtm::token(APP_ID, "alice", 60).unwrap();
        let mut s = Rtc {
            channel_name: "stream".into(),
            uid: "alice".into(),
            ..Default::default()
        };
        s.privileges
            .add(Rtc::JOIN_CHANNEL, 60)
            .add(Rtc::PUBLISH_DATA_STREAM, 60);
        t.services.insert(0, s.into());
        let scope = Scope::of(&t);
        assert_eq!(scope.services, ["rtc", "rtm"]);
        assert_eq!(scope.channels, ["stream"]);
        assert_eq!(scope.roles, [Role::Publisher]);
    }

    #[test]
    fn app_level_and_apaas_chat_user() {
        let app = chat::app_token(APP_ID, 60).unwrap();
        let s = Scope::of(&app);
        assert!(s.app_level && s.users.is_empty());
        let room = apaas::room_user_token(APP_ID, "room", "u1", 1, 60).unwrap();
        let s = Scope::of(&room);
        assert!(!s.app_level);
        assert_eq!(s.services, ["apaas", "rtm", "chat"]);
        assert_eq!(s.users, [user("u1")]);
        assert!(Scope::of(&apaas::app_token(APP_ID, 60).unwrap()).app_level);
    }

    #[test]
    fn rtm2_channels_expiry_and_many_tokens() {
        let mut p = Rtm2Permissions::default();
        p.add(
            Rtm2Permissions::MESSAGE_CHANNELS,
            Rtm2Permissions::READ,
            ["m"],
        )
        .add(Rtm2Permissions::USERS, Rtm2Permissions::READ, ["bob"]);
        let t = rtm::token_with_permissions(APP_ID, "alice", p, 60).unwrap();
        assert_eq!(Scope::of(&t).channels, ["m"]);
        let f = fpa::token(APP_ID).unwrap();
        let s = Scope::of_all([&t, &f]);
        assert_eq!(s.services, ["rtm2", "fpa"]);
        assert_eq!(s.longest_expire(), Some(fpa::TOKEN_EXPIRE));
        let forever = rtm::token(APP_ID, "a", 0).unwrap();
        assert_eq!(Scope::of(&forever).longest_expire(), None);
        let params = RtcRtmParams {
            channel_name: "c",
            rtc_user: User::Uid(1),
            rtc_role: Role::Publisher,
            rtc_token_expire: 60,
            privileges: PrivilegeExpires::all(90),
            rtm_user_id: "r",
            rtm_token_expire: 120,
        };
        let s = Scope::of(&convoai::token(APP_ID, &params).unwrap());
        assert_eq!(s.services, ["rtc", "rtm", "convoai"]);
        assert_eq!(s.users, [user("1"), user("r")]);
        // The token's expire bounds its privileges.
        assert_eq!(s.longest_expire(), Some(60));
        let mut t = rtm::token(APP_ID, "a", 0).unwrap();
        t.services[0].privileges_mut().add(1, 90);
        assert_eq!(Scope::of(&t).longest_expire(), Some(90));
    }
}
