//! The builder names and inputs of `tests/vectors/*.json` as token-core
//! calls, in one place: the conformance core runner (main.rs) and
//! token-core's own vector test (`crates/token-core/tests/vectors.rs`, which
//! includes this file by path) use the same mapping. A missing or mistyped
//! input is an `invalid_input` error naming it, never a panic.

use serde_json::Value;
use token_core::builder::rtc::{PrivilegeExpires, Role, RtcRtmParams};
use token_core::builder::{self, User};
use token_core::legacy::{dynamic_key3, dynamic_key4, dynamic_key5, signaling};
use token_core::service::{self, Field, Rtm2Permissions, Service, ServiceSpec};
use token_core::v006;
use token_core::v007::AccessToken2;
use token_core::{Error, Result};

/// A request's inputs, read leniently: a missing or mistyped input is an
/// `invalid_input` error naming it, never a panic.
pub struct Inputs<'a>(pub &'a Value);

pub fn bad(field: &str, rule: &str) -> Error {
    Error::InvalidInput {
        field: "request",
        rule: format!("{field}: {rule}"),
    }
}

impl<'a> Inputs<'a> {
    pub fn str(&self, key: &str) -> Result<&'a str> {
        self.0[key]
            .as_str()
            .ok_or_else(|| bad(key, "missing or not a string"))
    }

    pub fn u32(&self, key: &str) -> Result<u32> {
        self.0[key]
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| bad(key, "missing or not a u32"))
    }

    pub fn i64(&self, key: &str) -> Result<i64> {
        self.0[key]
            .as_i64()
            .ok_or_else(|| bad(key, "missing or not an integer"))
    }

    /// A role by number, or by name (token-core's names; a bad-input case
    /// of the surfaces that take names), refused as token-core refuses it.
    pub fn role(&self, key: &str) -> Result<Role> {
        match self.0[key].as_str() {
            Some(name) => Role::from_name(name),
            None => Role::try_from(self.i64(key)?).map_err(|_| bad(key, "not an RTC role")),
        }
    }

    /// `uid` (number) or `account` (string), whichever the case has.
    pub fn user(&self, uid_key: &str, account_key: &str) -> Result<User<'a>> {
        if self.0[uid_key].is_number() {
            return Ok(User::Uid(self.u32(uid_key)?));
        }
        if self.0[account_key].is_number() {
            return Ok(User::Uid(self.u32(account_key)?));
        }
        Ok(User::Account(self.str(account_key)?))
    }

    pub fn expires(&self) -> Result<PrivilegeExpires> {
        Ok(PrivilegeExpires {
            join_channel: self.u32("join_channel_privilege_expire")?,
            publish_audio_stream: self.u32("pub_audio_privilege_expire")?,
            publish_video_stream: self.u32("pub_video_privilege_expire")?,
            publish_data_stream: self.u32("pub_data_stream_privilege_expire")?,
        })
    }

    pub fn rtc_rtm(&self) -> Result<RtcRtmParams<'a>> {
        Ok(RtcRtmParams {
            channel_name: self.str("channel_name")?,
            rtc_user: self.user("rtc_uid", "rtc_account")?,
            rtc_role: self.role("rtc_role")?,
            rtc_token_expire: self.u32("rtc_token_expire")?,
            privileges: self.expires()?,
            rtm_user_id: self.str("rtm_user_id")?,
            rtm_token_expire: self.u32("rtm_token_expire")?,
        })
    }
}

pub fn permissions(v: &Value) -> Result<Rtm2Permissions> {
    let mut p = Rtm2Permissions::default();
    for entry in v
        .as_array()
        .ok_or_else(|| bad("permissions", "not a list"))?
    {
        let resources: Vec<&str> = entry["resources"]
            .as_array()
            .ok_or_else(|| bad("resources", "not a list"))?
            .iter()
            .filter_map(Value::as_str)
            .collect();
        // A type by number, or by name (token-core's names).
        let number = |key: &str, from_name: fn(&str) -> Result<u16>| match entry[key].as_str() {
            Some(name) => from_name(name),
            None => entry[key]
                .as_u64()
                .and_then(|n| u16::try_from(n).ok())
                .ok_or_else(|| bad(key, "not a u16")),
        };
        p.add(
            number("resource_type", Rtm2Permissions::resource_type_from_name)?,
            number(
                "permission_type",
                Rtm2Permissions::permission_type_from_name,
            )?,
            resources,
        );
    }
    Ok(p)
}

fn field(v: &Value, key: &str) -> String {
    match &v[key] {
        Value::String(s) => s.clone(),
        Value::Number(n) if n.as_u64() == Some(0) => String::new(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// A service described in `services007.json`: the fields of its type
/// (token-core's `service::fields`) under their names.
pub fn service(v: &Value) -> Result<Service> {
    let service_type = v["type"].as_u64().unwrap_or(0) as u16;
    let own =
        service::fields(service_type).ok_or_else(|| bad("services", "unknown service type"))?;
    let mut spec = ServiceSpec::new(service_type);
    for &f in own {
        match f {
            Field::Text(t) => *spec.text_mut(t) = Some(field(v, t.name())),
            Field::Role => spec.role = Some(v["role"].as_i64().unwrap_or(-1) as i16),
            Field::Permissions => spec.permissions = Some(permissions(&v["permissions"])?),
        }
    }
    if let Some(map) = v["privileges"].as_object() {
        for (id, expire) in map {
            let id = id.parse().map_err(|_| bad("privileges", "bad id"))?;
            let expire = expire.as_u64().unwrap_or(0) as u32;
            spec.privileges.add(id, expire);
        }
    }
    Service::try_from(spec)
}

/// `$checked`, or its `_unchecked` twin when `checked` is false.
macro_rules! pick {
    ($checked:expr, $c:expr, $u:expr) => {
        if $checked {
            $c
        } else {
            Ok($u)
        }
    };
}

/// The unsigned 007 token of a request (without its issue ts and salt).
pub fn build007(b: &str, i: &Inputs<'_>, checked: bool) -> Result<AccessToken2> {
    let app_id = i.str("app_id")?;
    match b {
        "rtc.with_uid" | "rtc.with_user_account" => {
            let (ch, user, role) = (
                i.str("channel_name")?,
                i.user("uid", "account")?,
                i.role("role")?,
            );
            let (te, pe) = (i.u32("token_expire")?, i.u32("privilege_expire")?);
            pick!(
                checked,
                builder::rtc::with_user(app_id, ch, user, role, te, pe),
                builder::rtc::with_user_unchecked(app_id, ch, user, role, te, pe)
            )
        }
        "rtc.with_uid_and_privilege" | "rtc.with_user_account_and_privilege" => {
            let (ch, user) = (i.str("channel_name")?, i.user("uid", "account")?);
            let (te, ex) = (i.u32("token_expire")?, i.expires()?);
            pick!(
                checked,
                builder::rtc::with_privileges(app_id, ch, user, te, &ex),
                builder::rtc::with_privileges_unchecked(app_id, ch, user, te, &ex)
            )
        }
        "rtc.with_rtm" => {
            let (ch, account, role) = (i.str("channel_name")?, i.str("account")?, i.role("role")?);
            let (te, pe) = (i.u32("token_expire")?, i.u32("privilege_expire")?);
            pick!(
                checked,
                builder::rtc::with_rtm(app_id, ch, account, role, te, pe),
                builder::rtc::with_rtm_unchecked(app_id, ch, account, role, te, pe)
            )
        }
        "rtc.with_rtm2" => {
            let p = i.rtc_rtm()?;
            pick!(
                checked,
                builder::rtc::with_rtm2(app_id, &p),
                builder::rtc::with_rtm2_unchecked(app_id, &p)
            )
        }
        "convoai.token" => {
            let p = i.rtc_rtm()?;
            pick!(
                checked,
                builder::convoai::token(app_id, &p),
                builder::convoai::token_unchecked(app_id, &p)
            )
        }
        "stt.token" => {
            let p = i.rtc_rtm()?;
            pick!(
                checked,
                builder::stt::token(app_id, &p),
                builder::stt::token_unchecked(app_id, &p)
            )
        }
        "rtm.token" => {
            let (user_id, expire) = (i.str("user_id")?, i.u32("expire")?);
            pick!(
                checked,
                builder::rtm::token(app_id, user_id, expire),
                builder::rtm::token_unchecked(app_id, user_id, expire)
            )
        }
        "rtm.token_with_permissions" => {
            let p = permissions(&i.0["permissions"])?;
            let (user_id, expire) = (i.str("user_id")?, i.u32("expire")?);
            pick!(
                checked,
                builder::rtm::token_with_permissions(app_id, user_id, p.clone(), expire),
                builder::rtm::token_with_permissions_unchecked(app_id, user_id, p, expire)
            )
        }
        "chat.user" => {
            let (user_id, expire) = (i.str("user_id")?, i.u32("expire")?);
            pick!(
                checked,
                builder::chat::user_token(app_id, user_id, expire),
                builder::chat::user_token_unchecked(app_id, user_id, expire)
            )
        }
        "chat.app" => builder::chat::app_token(app_id, i.u32("expire")?),
        "fpa.token" => builder::fpa::token(app_id),
        "apaas.room_user" | "education.room_user" => {
            let (room, user) = (i.str("room_uuid")?, i.str("user_uuid")?);
            let (role, expire) = (i.i64("role")? as i16, i.u32("expire")?);
            pick!(
                checked,
                builder::education::room_user_token(app_id, room, user, role, expire),
                builder::apaas::room_user_token_unchecked(app_id, room, user, role, expire)
            )
        }
        "apaas.user" | "education.user" => {
            let (user, expire) = (i.str("user_uuid")?, i.u32("expire")?);
            pick!(
                checked,
                builder::education::user_token(app_id, user, expire),
                builder::apaas::user_token_unchecked(app_id, user, expire)
            )
        }
        "apaas.app" => builder::apaas::app_token(app_id, i.u32("expire")?),
        "education.app" => builder::education::app_token(app_id, i.u32("expire")?),
        "access_token2.services" => {
            let mut t = AccessToken2::new(app_id, i.u32("expire")?);
            for s in i.0["services"].as_array().into_iter().flatten() {
                t.add_service(service(s)?);
            }
            Ok(t)
        }
        other => Err(bad("builder", &format!("no 007 builder {other}"))),
    }
}

/// The 006 token of a request with its salt and ts (unsigned), and the
/// channel name and uid text its signature covers.
pub fn build006(b: &str, i: &Inputs<'_>) -> Result<(v006::AccessToken, String, String)> {
    let app_id = i.str("app_id")?;
    let (token, channel, uid) = match b {
        "rtc006.with_uid" | "rtc006.with_user_account" => {
            let role = v006::rtc::Role::try_from(i.i64("role")?)
                .map_err(|_| bad("role", "not a 006 role"))?;
            let (channel, user) = (i.str("channel_name")?, i.user("uid", "account")?);
            let t =
                v006::rtc::with_user(app_id, channel, user, role, i.u32("privilege_expired_ts")?)?;
            (t, channel.to_string(), user.account())
        }
        "rtm006.token" => {
            let account = i.str("user_account")?;
            let t = v006::rtm::token(app_id, account, i.u32("privilege_expired_ts")?)?;
            (t, account.to_string(), String::new())
        }
        other => return Err(bad("builder", &format!("no 006 builder {other}"))),
    };
    Ok((
        token.with_salt_and_ts(i.u32("salt")?, i.u32("ts")?),
        channel,
        uid,
    ))
}

/// A legacy key's family (`dk3`, `dk4`, `dk5`, `signaling`), DynamicKey 4
/// and 5 kinds, channel name and uid, from its builder name and inputs.
fn legacy_parts<'a>(
    b: &'a str,
    i: &Inputs<'a>,
) -> (
    &'a str,
    dynamic_key4::Kind,
    dynamic_key5::Kind,
    &'a str,
    u32,
) {
    let (family, kind) = b.split_once('.').unwrap_or((b, ""));
    let kind4 = match kind {
        "public_sharing" => dynamic_key4::Kind::PublicSharing,
        "recording" => dynamic_key4::Kind::Recording,
        _ => dynamic_key4::Kind::MediaChannel,
    };
    let kind5 = match kind {
        "public_sharing" => dynamic_key5::Kind::PublicSharing,
        "recording" => dynamic_key5::Kind::Recording,
        "in_channel_permission" => dynamic_key5::Kind::InChannelPermission,
        _ => dynamic_key5::Kind::MediaChannel,
    };
    let channel = i.0["channel_name"].as_str().unwrap_or("");
    let uid = i.0["uid"].as_u64().unwrap_or(0) as u32;
    (family, kind4, kind5, channel, uid)
}

/// The legacy key (DynamicKey 3/4/5, Signaling) of a request.
pub fn legacy(b: &str, i: &Inputs<'_>) -> Result<String> {
    let (app_id, cert) = (i.str("app_id")?, i.str("app_certificate")?);
    let (family, kind4, kind5, channel, uid) = legacy_parts(b, i);
    match family {
        "dk3" => dynamic_key3::generate(
            app_id,
            cert,
            channel,
            i.u32("unix_ts")?,
            i.u32("random_int")?,
            uid,
            i.u32("expired_ts")?,
        ),
        "dk4" => dynamic_key4::generate(
            kind4,
            app_id,
            cert,
            channel,
            i.u32("unix_ts")?,
            i.u32("random_int")?,
            uid,
            i.u32("expired_ts")?,
        ),
        "dk5" => dynamic_key5::generate(
            kind5,
            app_id,
            cert,
            channel,
            i.u32("unix_ts")?,
            i.u32("random_int")?,
            uid,
            i.u32("expired_ts")?,
            i.0["permission"].as_str(),
        ),
        "signaling" => signaling::token(i.str("account")?, app_id, cert, i.u32("expired_ts")?),
        other => Err(bad("builder", &format!("no legacy builder {other}"))),
    }
}

/// Verifies the legacy key `key` of a request with `cert`.
pub fn legacy_verify(b: &str, i: &Inputs<'_>, key: &str, cert: &str) -> Result<()> {
    let (family, kind4, _, channel, uid) = legacy_parts(b, i);
    match family {
        "dk3" => dynamic_key3::verify(key, cert, channel).map(drop),
        "dk4" => dynamic_key4::verify(key, kind4, cert, channel, uid).map(drop),
        "dk5" => dynamic_key5::verify(key, cert, channel, uid).map(drop),
        _ => signaling::verify(key, i.str("account")?, cert).map(drop),
    }
}
