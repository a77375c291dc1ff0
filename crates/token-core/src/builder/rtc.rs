//! RTC tokens (RtcTokenBuilder2): join a channel, publish streams, and
//! optionally log in to RTM with the same token.

use super::User;
use crate::error::{Error, Result};
use crate::service::{Rtc, Rtm};
use crate::v007::AccessToken2;
use crate::validate;

/// The RTC role of a 007 token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u16)]
pub enum Role {
    /// May join and publish audio, video and data streams.
    Publisher = 1,
    /// May join only (publishing needs co-host authentication enabled).
    Subscriber = 2,
}

impl TryFrom<i64> for Role {
    type Error = Error;

    /// `1` is publisher, `2` subscriber, as `RtcRole` of the official builders.
    fn try_from(v: i64) -> Result<Self> {
        match v {
            1 => Ok(Role::Publisher),
            2 => Ok(Role::Subscriber),
            _ => Err(Error::invalid(
                "role",
                format!("must be 1 (publisher) or 2 (subscriber), got {v}"),
            )),
        }
    }
}

impl Role {
    /// Every role, publisher first.
    pub const ALL: [Role; 2] = [Role::Publisher, Role::Subscriber];

    /// The role's name: `"publisher"` or `"subscriber"`, as the native API,
    /// the CLI and server policies spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Publisher => "publisher",
            Role::Subscriber => "subscriber",
        }
    }

    /// The role of a name (`"publisher"` or `"subscriber"`); the error names
    /// the field `role`.
    ///
    /// ```
    /// use token_core::builder::rtc::Role;
    /// assert_eq!(Role::from_name("subscriber").unwrap(), Role::Subscriber);
    /// assert_eq!(
    ///     Role::from_name("host").unwrap_err().to_string(),
    ///     "role: unknown role \"host\" (publisher or subscriber)"
    /// );
    /// ```
    pub fn from_name(name: &str) -> Result<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == name)
            .ok_or_else(|| {
                Error::invalid(
                    "role",
                    format!("unknown role {name:?} (publisher or subscriber)"),
                )
            })
    }

    /// The role the official builders act on for any integer: `1` is
    /// publisher and every other value gives the join privilege only (they
    /// test `role == Role.PUBLISHER`). For drop-in layers; checked code should
    /// use `Role::try_from`, which refuses other values.
    ///
    /// ```
    /// use token_core::builder::rtc::Role;
    /// assert_eq!(Role::from_official(1), Role::Publisher);
    /// assert_eq!(Role::from_official(0), Role::Subscriber);
    /// ```
    pub fn from_official(v: i64) -> Role {
        if v == 1 {
            Role::Publisher
        } else {
            Role::Subscriber
        }
    }
}

/// Expire of each RTC privilege, in seconds after issue (`0`: no own limit).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PrivilegeExpires {
    /// Join channel.
    pub join_channel: u32,
    /// Publish audio.
    pub publish_audio_stream: u32,
    /// Publish video.
    pub publish_video_stream: u32,
    /// Publish data streams.
    pub publish_data_stream: u32,
}

impl PrivilegeExpires {
    /// The same expire for every privilege.
    pub fn all(expire: u32) -> Self {
        PrivilegeExpires {
            join_channel: expire,
            publish_audio_stream: expire,
            publish_video_stream: expire,
            publish_data_stream: expire,
        }
    }
}

/// The RTC service for `role`: join always, the three publish privileges for a
/// publisher only.
fn rtc_service(channel_name: &str, user: User<'_>, role: Role, expires: &PrivilegeExpires) -> Rtc {
    let mut rtc = Rtc {
        channel_name: channel_name.to_string(),
        uid: user.account(),
        ..Default::default()
    };
    rtc.privileges.add(Rtc::JOIN_CHANNEL, expires.join_channel);
    if role == Role::Publisher {
        rtc.privileges
            .add(Rtc::PUBLISH_AUDIO_STREAM, expires.publish_audio_stream)
            .add(Rtc::PUBLISH_VIDEO_STREAM, expires.publish_video_stream)
            .add(Rtc::PUBLISH_DATA_STREAM, expires.publish_data_stream);
    }
    rtc
}

fn check(channel_name: &str, user: User<'_>) -> Result<()> {
    validate::channel_name(channel_name)?;
    user.check("account")
}

/// An RTC token for a uid (`0`: any user); `BuildTokenWithUid`.
///
/// ```
/// use token_core::builder::rtc::{self, Role};
/// let token = rtc::with_uid("970CA35de60c44645bbae8a215061b33", "demo", 42, Role::Publisher, 3600, 3600)
///     .unwrap()
///     .build("5CFd2fd1755d40ecb72977518be15d3b")
///     .unwrap();
/// assert!(token.starts_with("007"));
/// ```
pub fn with_uid(
    app_id: &str,
    channel_name: &str,
    uid: u32,
    role: Role,
    token_expire: u32,
    privilege_expire: u32,
) -> Result<AccessToken2> {
    with_user(
        app_id,
        channel_name,
        User::Uid(uid),
        role,
        token_expire,
        privilege_expire,
    )
}

/// An RTC token for a user account; `BuildTokenWithUserAccount`.
pub fn with_user_account(
    app_id: &str,
    channel_name: &str,
    account: &str,
    role: Role,
    token_expire: u32,
    privilege_expire: u32,
) -> Result<AccessToken2> {
    with_user(
        app_id,
        channel_name,
        User::Account(account),
        role,
        token_expire,
        privilege_expire,
    )
}

/// An RTC token for a uid or an account.
pub fn with_user(
    app_id: &str,
    channel_name: &str,
    user: User<'_>,
    role: Role,
    token_expire: u32,
    privilege_expire: u32,
) -> Result<AccessToken2> {
    check(channel_name, user)?;
    Ok(with_user_unchecked(
        app_id,
        channel_name,
        user,
        role,
        token_expire,
        privilege_expire,
    ))
}

/// [`with_user`] without input checks, as the official builder.
pub fn with_user_unchecked(
    app_id: &str,
    channel_name: &str,
    user: User<'_>,
    role: Role,
    token_expire: u32,
    privilege_expire: u32,
) -> AccessToken2 {
    let mut token = AccessToken2::new(app_id, token_expire);
    token.add_service(rtc_service(
        channel_name,
        user,
        role,
        &PrivilegeExpires::all(privilege_expire),
    ));
    token
}

/// An RTC token with an expire per privilege (all four privileges are set,
/// whatever the role); `BuildTokenWithUidAndPrivilege` /
/// `BuildTokenWithUserAccountAndPrivilege`.
pub fn with_privileges(
    app_id: &str,
    channel_name: &str,
    user: User<'_>,
    token_expire: u32,
    expires: &PrivilegeExpires,
) -> Result<AccessToken2> {
    check(channel_name, user)?;
    Ok(with_privileges_unchecked(
        app_id,
        channel_name,
        user,
        token_expire,
        expires,
    ))
}

/// [`with_privileges`] without input checks, as the official builder.
pub fn with_privileges_unchecked(
    app_id: &str,
    channel_name: &str,
    user: User<'_>,
    token_expire: u32,
    expires: &PrivilegeExpires,
) -> AccessToken2 {
    let mut token = AccessToken2::new(app_id, token_expire);
    token.add_service(rtc_service(channel_name, user, Role::Publisher, expires));
    token
}

/// An RTC token that also logs the same account in to RTM, whose login
/// privilege lasts `token_expire`; `BuildTokenWithRtm`.
pub fn with_rtm(
    app_id: &str,
    channel_name: &str,
    account: &str,
    role: Role,
    token_expire: u32,
    privilege_expire: u32,
) -> Result<AccessToken2> {
    check(channel_name, User::Account(account))?;
    Ok(with_rtm_unchecked(
        app_id,
        channel_name,
        account,
        role,
        token_expire,
        privilege_expire,
    ))
}

/// [`with_rtm`] without input checks, as the official builder.
pub fn with_rtm_unchecked(
    app_id: &str,
    channel_name: &str,
    account: &str,
    role: Role,
    token_expire: u32,
    privilege_expire: u32,
) -> AccessToken2 {
    let mut token = with_user_unchecked(
        app_id,
        channel_name,
        User::Account(account),
        role,
        token_expire,
        privilege_expire,
    );
    token.add_service(Rtm::login(account, token_expire));
    token
}

/// Inputs of [`with_rtm2`] (also used by the ConvoAI and STT builders).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RtcRtmParams<'a> {
    /// Channel name.
    pub channel_name: &'a str,
    /// RTC uid or account.
    pub rtc_user: User<'a>,
    /// RTC role.
    pub rtc_role: Role,
    /// Token lifetime, seconds.
    pub rtc_token_expire: u32,
    /// RTC privilege expires (publish ones apply to publishers only).
    pub privileges: PrivilegeExpires,
    /// RTM user ID.
    pub rtm_user_id: &'a str,
    /// RTM login privilege expire.
    pub rtm_token_expire: u32,
}

/// An RTC token plus an RTM login for a possibly different user, each with its
/// own expiry; `BuildTokenWithRtm2`.
pub fn with_rtm2(app_id: &str, p: &RtcRtmParams<'_>) -> Result<AccessToken2> {
    check(p.channel_name, p.rtc_user)?;
    validate::account("rtm_user_id", p.rtm_user_id)?;
    Ok(with_rtm2_unchecked(app_id, p))
}

/// [`with_rtm2`] without input checks, as the official builder.
pub fn with_rtm2_unchecked(app_id: &str, p: &RtcRtmParams<'_>) -> AccessToken2 {
    let mut token = AccessToken2::new(app_id, p.rtc_token_expire);
    token
        .add_service(rtc_service(
            p.channel_name,
            p.rtc_user,
            p.rtc_role,
            &p.privileges,
        ))
        .add_service(Rtm::login(p.rtm_user_id, p.rtm_token_expire));
    token
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::Service;

    const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";

    #[test]
    fn subscriber_gets_join_only() {
        let t = with_uid(APP_ID, "c", 0, Role::Subscriber, 10, 5).unwrap();
        let Service::Rtc(rtc) = &t.services[0] else {
            panic!()
        };
        assert_eq!(rtc.uid, "");
        assert_eq!(rtc.privileges.iter().collect::<Vec<_>>(), vec![(1, 5)]);
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let e = with_user_account(APP_ID, "c", "", Role::Publisher, 1, 1).unwrap_err();
        assert_eq!(e.to_string(), "account: must not be empty");
        let e = with_uid(APP_ID, "a/b", 1, Role::Publisher, 1, 1).unwrap_err();
        assert!(e.to_string().starts_with("channel_name: character '/'"));
        assert!(Role::try_from(3)
            .unwrap_err()
            .to_string()
            .starts_with("role: must be 1"));
    }
}
