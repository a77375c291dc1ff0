//! The build commands: map arguments to a token-core builder, sign, return
//! the token text.
//!
//! Each function picks the builder that matches the official variant the
//! options select, applies `--issue-ts`/`--salt`, and signs. Every rule about
//! the values themselves (app ID, certificate, channel name, account lengths)
//! is token-core's; this module only refuses combinations of options that
//! have no meaning.

use token_core::builder::rtc::{self as rtc007, PrivilegeExpires, RtcRtmParams};
use token_core::builder::{self, User};
use token_core::service::Rtm2Permissions;
use token_core::v006;
use token_core::v007::AccessToken2;

use crate::fail::{Failure, Outcome};
use crate::{
    ApaasArgs, ChatArgs, Fixed, Format, FpaArgs, RtcArgs, RtcCommon, RtcRole, RtcRtmArgs, RtcUser,
    RtmArgs,
};

/// Default token lifetime of the build commands, seconds.
pub const DEFAULT_EXPIRE: u32 = 3600;

/// Signs a 007 token after applying `--issue-ts` and `--salt`.
fn sign007(token: AccessToken2, fixed: &Fixed, app_certificate: &str) -> Outcome<String> {
    Ok(token
        .pin(fixed.issue_ts, fixed.salt)
        .build(app_certificate)?)
}

/// "Now" for a 006 token: `--issue-ts` or the clock.
fn now006(fixed: &Fixed) -> u32 {
    fixed.issue_ts.unwrap_or_else(token_core::codec::now)
}

/// Signs a 006 token whose "now" is `now`: its ts is `now` + 24 h, as the
/// official builders set it.
fn sign006(
    token: v006::AccessToken,
    now: u32,
    fixed: &Fixed,
    app_certificate: &str,
) -> Outcome<String> {
    let ts = now.saturating_add(v006::DEFAULT_VALIDITY);
    Ok(token.pin(fixed.salt, Some(ts)).build(app_certificate)?)
}

/// A 006 absolute expiry: `now + seconds`, or 0 (never) for 0 seconds.
fn absolute(now: u32, seconds: u32, option: &str) -> Outcome<u32> {
    if seconds == 0 {
        return Ok(0);
    }
    now.checked_add(seconds).ok_or_else(|| {
        Failure::usage(format!(
            "{option}: now + {seconds} s is past 2106-02-07, the last time a 006 token can hold"
        ))
    })
}

impl RtcUser {
    /// The uid or account (clap guarantees exactly one).
    fn user(&self) -> User<'_> {
        match (&self.account, self.uid) {
            (Some(account), _) => User::Account(account),
            (None, uid) => User::Uid(uid.unwrap_or(0)),
        }
    }
}

impl RtcRole {
    /// The 007 role; attendee and admin exist only in 006.
    fn v007(self) -> Outcome<rtc007::Role> {
        match self {
            RtcRole::Rtc(role) => Ok(role),
            RtcRole::Attendee | RtcRole::Admin => Err(Failure::usage(
                "--role: attendee and admin exist only in 006 tokens (--format 006); use publisher or subscriber",
            )),
        }
    }

    /// The 006 role.
    fn v006(self) -> v006::rtc::Role {
        match self {
            RtcRole::Rtc(rtc007::Role::Publisher) => v006::rtc::Role::Publisher,
            RtcRole::Rtc(rtc007::Role::Subscriber) => v006::rtc::Role::Subscriber,
            RtcRole::Attendee => v006::rtc::Role::Attendee,
            RtcRole::Admin => v006::rtc::Role::Admin,
        }
    }
}

impl RtcCommon {
    fn role(&self) -> RtcRole {
        self.role.unwrap_or(RtcRole::Rtc(rtc007::Role::Publisher))
    }

    fn expire(&self) -> u32 {
        self.expire.unwrap_or(DEFAULT_EXPIRE)
    }

    fn privilege_expire(&self) -> u32 {
        self.privilege_expire.unwrap_or_else(|| self.expire())
    }

    /// True when any per-privilege expire is given.
    fn per_privilege(&self) -> bool {
        self.join_expire.is_some()
            || self.audio_expire.is_some()
            || self.video_expire.is_some()
            || self.data_expire.is_some()
    }

    /// The four privilege expires, each defaulting to --privilege-expire.
    fn privileges(&self) -> PrivilegeExpires {
        let all = self.privilege_expire();
        PrivilegeExpires {
            join_channel: self.join_expire.unwrap_or(all),
            publish_audio_stream: self.audio_expire.unwrap_or(all),
            publish_video_stream: self.video_expire.unwrap_or(all),
            publish_data_stream: self.data_expire.unwrap_or(all),
        }
    }

    /// Refuses --role with per-privilege expiries where they set all four
    /// privileges whatever the role.
    fn check_role_with_per_privilege(&self) -> Outcome<()> {
        if self.per_privilege() && self.role.is_some() {
            return Err(Failure::usage(
                "--role does not apply with --join/--audio/--video/--data-expire: they set all four privileges",
            ));
        }
        Ok(())
    }

    /// The RTC + RTM2 parameters shared by `rtc --rtm-user-id`, `convoai`
    /// and `stt`.
    fn rtm_params<'a>(
        &'a self,
        rtm_user_id: &'a str,
        rtm_expire: Option<u32>,
    ) -> Outcome<RtcRtmParams<'a>> {
        Ok(RtcRtmParams {
            channel_name: &self.channel,
            rtc_user: self.user.user(),
            rtc_role: self.role().v007()?,
            rtc_token_expire: self.expire(),
            privileges: self.privileges(),
            rtm_user_id,
            rtm_token_expire: rtm_expire.unwrap_or_else(|| self.expire()),
        })
    }
}

/// `rtc`.
pub fn rtc(a: &RtcArgs) -> Outcome<String> {
    let (app_id, cert) = a.creds.get()?;
    let r = &a.rtc;
    if a.format == Format::V006 {
        return rtc006(a, app_id, cert);
    }
    let token = if let Some(rtm_user_id) = &a.rtm_user_id {
        rtc007::with_rtm2(app_id, &r.rtm_params(rtm_user_id, a.rtm_expire)?)?
    } else if a.with_rtm {
        let account = r.user.account.as_deref().ok_or_else(|| {
            Failure::usage("--with-rtm needs --account: the account is also the RTM user ID")
        })?;
        rtc007::with_rtm(
            app_id,
            &r.channel,
            account,
            r.role().v007()?,
            r.expire(),
            r.privilege_expire(),
        )?
    } else if r.per_privilege() {
        r.check_role_with_per_privilege()?;
        rtc007::with_privileges(
            app_id,
            &r.channel,
            r.user.user(),
            r.expire(),
            &r.privileges(),
        )?
    } else {
        rtc007::with_user(
            app_id,
            &r.channel,
            r.user.user(),
            r.role().v007()?,
            r.expire(),
            r.privilege_expire(),
        )?
    };
    sign007(token, &a.fixed, cert)
}

/// `rtc --format 006`.
fn rtc006(a: &RtcArgs, app_id: &str, cert: &str) -> Outcome<String> {
    let r = &a.rtc;
    if a.with_rtm || a.rtm_user_id.is_some() {
        return Err(Failure::usage(
            "--with-rtm and --rtm-user-id need a 007 token (a 006 RTM token is `agora-token rtm --format 006`)",
        ));
    }
    if r.expire.is_some() {
        return Err(Failure::usage(
            "--expire does not apply to 006 tokens, which last 24 hours; use --privilege-expire",
        ));
    }
    let now = now006(&a.fixed);
    let token = if r.per_privilege() {
        r.check_role_with_per_privilege()?;
        let p = r.privileges();
        let privileges = [
            (
                v006::privilege::JOIN_CHANNEL,
                absolute(now, p.join_channel, "--join-expire")?,
            ),
            (
                v006::privilege::PUBLISH_AUDIO_STREAM,
                absolute(now, p.publish_audio_stream, "--audio-expire")?,
            ),
            (
                v006::privilege::PUBLISH_VIDEO_STREAM,
                absolute(now, p.publish_video_stream, "--video-expire")?,
            ),
            (
                v006::privilege::PUBLISH_DATA_STREAM,
                absolute(now, p.publish_data_stream, "--data-expire")?,
            ),
        ];
        v006::rtc::with_privileges(app_id, &r.channel, r.user.user(), &privileges)?
    } else {
        let expire_ts = absolute(now, r.privilege_expire(), "--privilege-expire")?;
        v006::rtc::with_user(
            app_id,
            &r.channel,
            r.user.user(),
            r.role().v006(),
            expire_ts,
        )?
    };
    sign006(token, now, &a.fixed, cert)
}

/// `rtm`.
pub fn rtm(a: &RtmArgs) -> Outcome<String> {
    let (app_id, cert) = a.creds.get()?;
    let expire = a.expire.unwrap_or(DEFAULT_EXPIRE);
    match a.format {
        Format::V006 => {
            if !a.permission.is_empty() {
                return Err(Failure::usage(
                    "--permission needs a 007 token: 006 RTM tokens carry no permissions",
                ));
            }
            let now = now006(&a.fixed);
            let token = v006::rtm::token(app_id, &a.user_id, absolute(now, expire, "--expire")?)?;
            sign006(token, now, &a.fixed, cert)
        }
        Format::V007 if a.permission.is_empty() => sign007(
            builder::rtm::token(app_id, &a.user_id, expire)?,
            &a.fixed,
            cert,
        ),
        Format::V007 => {
            let mut permissions = Rtm2Permissions::default();
            for p in &a.permission {
                // A repeated pair adds names (token-core's `add` replaces).
                permissions.extend(
                    p.resource_type,
                    p.permission_type,
                    p.resources.iter().cloned(),
                );
            }
            let token =
                builder::rtm::token_with_permissions(app_id, &a.user_id, permissions, expire)?;
            sign007(token, &a.fixed, cert)
        }
    }
}

/// `chat`.
pub fn chat(a: &ChatArgs) -> Outcome<String> {
    let (app_id, cert) = a.creds.get()?;
    let token = match &a.user_id {
        Some(user_id) => builder::chat::user_token(app_id, user_id, a.expire)?,
        None => builder::chat::app_token(app_id, a.expire)?,
    };
    sign007(token, &a.fixed, cert)
}

/// `fpa`.
pub fn fpa(a: &FpaArgs) -> Outcome<String> {
    let (app_id, cert) = a.creds.get()?;
    sign007(builder::fpa::token(app_id)?, &a.fixed, cert)
}

/// Which classroom builder family a command uses (they build the same tokens).
#[derive(Debug, Clone, Copy)]
pub enum Classroom {
    /// ApaasTokenBuilder.
    Apaas,
    /// EducationTokenBuilder2.
    Education,
}

/// `apaas` and `education`.
pub fn apaas(a: &ApaasArgs, family: Classroom) -> Outcome<String> {
    use builder::{apaas, education};
    let (app_id, cert) = a.creds.get()?;
    // clap guarantees: --room-uuid comes with --user-uuid and --role; --app
    // comes alone; one of --user-uuid and --app is given.
    let token = match (&a.room_uuid, &a.user_uuid, a.role) {
        (Some(room), Some(user), Some(role)) => match family {
            Classroom::Apaas => apaas::room_user_token(app_id, room, user, role, a.expire)?,
            Classroom::Education => education::room_user_token(app_id, room, user, role, a.expire)?,
        },
        (None, Some(user), None) => match family {
            Classroom::Apaas => apaas::user_token(app_id, user, a.expire)?,
            Classroom::Education => education::user_token(app_id, user, a.expire)?,
        },
        (None, None, None) if a.app => match family {
            Classroom::Apaas => apaas::app_token(app_id, a.expire)?,
            Classroom::Education => education::app_token(app_id, a.expire)?,
        },
        _ => {
            return Err(Failure::usage(
                "give --room-uuid, --user-uuid and --role (room user), --user-uuid alone (user), or --app",
            ))
        }
    };
    sign007(token, &a.fixed, cert)
}

/// Which RTC + RTM2 product a command builds.
#[derive(Debug, Clone, Copy)]
pub enum RtcRtm {
    /// ConvoAITokenBuilder.
    ConvoAi,
    /// SttTokenBuilder.
    Stt,
}

/// `convoai` and `stt`.
pub fn rtc_rtm(a: &RtcRtmArgs, product: RtcRtm) -> Outcome<String> {
    let (app_id, cert) = a.creds.get()?;
    let params = a.rtc.rtm_params(&a.rtm_user_id, a.rtm_expire)?;
    let token = match product {
        RtcRtm::ConvoAi => builder::convoai::token(app_id, &params)?,
        RtcRtm::Stt => builder::stt::token(app_id, &params)?,
    };
    sign007(token, &a.fixed, cert)
}
