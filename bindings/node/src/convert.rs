//! JavaScript arguments to Rust values.
//!
//! Each function takes the argument's name as JavaScript callers know it, so
//! that both kinds of failure name it: a value of the wrong type throws a
//! `TypeError`, a value of the right type that no token can hold (a negative
//! expire, a uid above 2^32 - 1) throws an `invalid_input` error.
//!
//! Types follow the official `agora-token` declarations: strings for IDs and
//! names, numbers for roles and expires, and a number or a string wherever a
//! user is meant. A number there is a uid: `0` becomes the empty string (any
//! user), any other the decimal text, as the official RTC service does.

use napi::{sys, Env, JsObject, JsString, JsUnknown, NapiRaw, Result, Status, ValueType};
use token_core::builder::rtc::{PrivilegeExpires, Role, RtcRtmParams};
use token_core::builder::User;
use token_core::service::Rtm2Permissions;
use token_core::v007::AccessToken2;
use token_core::validate::uid_to_account;

use crate::error;

/// A user argument: a uid (number) or an account (string).
#[allow(clippy::large_enum_variant)] // on the stack on purpose, as `Text`
pub(crate) enum UserArg {
    Uid(u32),
    Account(Text),
}

impl UserArg {
    pub(crate) fn user(&self) -> User<'_> {
        match self {
            UserArg::Uid(uid) => User::Uid(*uid),
            UserArg::Account(account) => User::Account(account),
        }
    }
}

/// The owned arguments of the RTC + RTM builders (`buildTokenWithRtm2`,
/// ConvoAI, STT), in the official order.
pub(crate) struct RtcRtmArgs {
    pub(crate) channel_name: Text,
    pub(crate) rtc_user: UserArg,
    pub(crate) rtc_role: Role,
    pub(crate) rtc_token_expire: u32,
    pub(crate) privileges: PrivilegeExpires,
    pub(crate) rtm_user_id: Text,
    pub(crate) rtm_token_expire: u32,
}

impl RtcRtmArgs {
    pub(crate) fn params(&self) -> RtcRtmParams<'_> {
        RtcRtmParams {
            channel_name: &self.channel_name,
            rtc_user: self.rtc_user.user(),
            rtc_role: self.rtc_role,
            rtc_token_expire: self.rtc_token_expire,
            privileges: self.privileges,
            rtm_user_id: &self.rtm_user_id,
            rtm_token_expire: self.rtm_token_expire,
        }
    }
}

/// Converts the arguments of one call; holds the environment errors are
/// created in.
#[derive(Clone, Copy)]
pub(crate) struct Args(pub(crate) Env);

/// Strings up to this many UTF-8 bytes (less one) are read in one N-API call
/// into a buffer on the stack: app IDs, certificates, channel names, tokens
/// of a few services. Longer ones take two calls and a heap buffer.
const INLINE: usize = 512;

/// A string argument as UTF-8 text (see [`INLINE`]).
#[allow(clippy::large_enum_variant)] // on the stack on purpose: no allocation per argument
pub(crate) enum Text {
    Inline { buf: [u8; INLINE], len: usize },
    Heap(String),
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            // SAFETY: `Args::string` checked these bytes with `from_utf8`.
            Text::Inline { buf, len } => unsafe { std::str::from_utf8_unchecked(&buf[..*len]) },
            Text::Heap(s) => s,
        }
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        match text {
            Text::Heap(s) => s,
            inline => inline.to_owned(),
        }
    }
}

impl Args {
    /// A string argument, read without asking its type first: N-API says
    /// when it is not a string, and only then is its type looked up for the
    /// error.
    pub(crate) fn string(self, value: JsUnknown, name: &str) -> Result<Text> {
        let (env, raw) = (self.0.raw(), unsafe { value.raw() });
        let mut buf = [0u8; INLINE];
        let mut len = 0usize;
        // SAFETY: `buf` has INLINE bytes; N-API writes at most INLINE - 1 of
        // them and a NUL, and the length written to `len`.
        let status = unsafe {
            sys::napi_get_value_string_utf8(env, raw, buf.as_mut_ptr().cast(), INLINE, &mut len)
        };
        match status {
            // N-API writes whole characters only: a string cut short may
            // have left up to 4 bytes (less the NUL) unused.
            sys::Status::napi_ok if len + 4 < INLINE - 1 => {
                match std::str::from_utf8(&buf[..len]) {
                    Ok(_) => Ok(Text::Inline { buf, len }),
                    Err(e) => Err(napi::Error::from_reason(format!("{name}: {e}"))),
                }
            }
            // It may not have fit: read it again, with its length.
            sys::Status::napi_ok => Ok(Text::Heap(
                JsString::try_from(value)?.into_utf8()?.into_owned()?,
            )),
            sys::Status::napi_string_expected => Err(error::wrong_type(
                self.0,
                name,
                "a string",
                value.get_type()?,
            )),
            _ => Err(napi::Error::from_status(Status::from(status))),
        }
    }

    /// A number argument, read in one N-API call (as [`Args::string`]).
    fn number(self, value: JsUnknown, name: &str, expected: &str) -> Result<f64> {
        let mut n = 0f64;
        // SAFETY: `n` is where N-API writes the number.
        let status = unsafe { sys::napi_get_value_double(self.0.raw(), value.raw(), &mut n) };
        match status {
            sys::Status::napi_ok => Ok(n),
            sys::Status::napi_number_expected => {
                Err(error::wrong_type(self.0, name, expected, value.get_type()?))
            }
            _ => Err(napi::Error::from_status(Status::from(status))),
        }
    }

    /// An integer number in `[min, max]`.
    fn integer(self, value: JsUnknown, name: &str, min: f64, max: f64) -> Result<f64> {
        self.in_range(self.number(value, name, "a number")?, name, min, max)
    }

    /// `n` if it is an integer in `[min, max]`.
    fn in_range(self, n: f64, name: &str, min: f64, max: f64) -> Result<f64> {
        if n.fract() == 0.0 && n >= min && n <= max {
            Ok(n)
        } else {
            Err(error::invalid_input(
                self.0,
                name,
                &format!(
                    "must be an integer from {min} to {max} (got {})",
                    js_number(n)
                ),
            ))
        }
    }

    /// Seconds, a uid or a timestamp: an integer from 0 to 2^32 - 1.
    pub(crate) fn u32(self, value: JsUnknown, name: &str) -> Result<u32> {
        Ok(self.integer(value, name, 0.0, u32::MAX as f64)? as u32)
    }

    /// Like [`Args::u32`], `0` when the argument is left out (or `null`), as
    /// the official `privilegeExpire = 0` default.
    pub(crate) fn u32_or_zero(self, value: Option<JsUnknown>, name: &str) -> Result<u32> {
        value.map_or(Ok(0), |v| self.u32(v, name))
    }

    /// A time in seconds since 1970: an integer from 0 to 2^53 - 1
    /// (token-core's `check::MAX_NOW`, the largest a JS number holds exactly).
    pub(crate) fn timestamp(self, value: JsUnknown, name: &str) -> Result<u64> {
        let max = token_core::check::MAX_NOW as f64;
        Ok(self.integer(value, name, 0.0, max)? as u64)
    }

    pub(crate) fn u16(self, value: JsUnknown, name: &str) -> Result<u16> {
        Ok(self.integer(value, name, 0.0, u16::MAX as f64)? as u16)
    }

    pub(crate) fn i16(self, value: JsUnknown, name: &str) -> Result<i16> {
        Ok(self.integer(value, name, i16::MIN as f64, i16::MAX as f64)? as i16)
    }

    /// An RTC role number, read as the official builders read it
    /// ([`Role::from_official`]: `1` publishes, anything else joins only).
    pub(crate) fn rtc_role(self, value: JsUnknown, name: &str) -> Result<Role> {
        Ok(Role::from_official(self.role_number(value, name)?))
    }

    /// Any integer: the official builders compare roles with `==`, so every
    /// integer is a role (most of them meaning "join only").
    pub(crate) fn role_number(self, value: JsUnknown, name: &str) -> Result<i64> {
        let n = self.number(value, name, "a number")?;
        if n.fract() == 0.0 {
            // `as` saturates; integers beyond i64 are no role either way.
            Ok(n as i64)
        } else {
            Err(error::invalid_input(
                self.0,
                name,
                &format!("must be an integer role number (got {})", js_number(n)),
            ))
        }
    }

    /// A uid (number) or a user account (string).
    pub(crate) fn user(self, value: JsUnknown, name: &str) -> Result<UserArg> {
        // A number is read in one N-API call; anything else has its type
        // asked.
        let mut n = 0f64;
        // SAFETY: `n` is where N-API writes the number.
        if unsafe { sys::napi_get_value_double(self.0.raw(), value.raw(), &mut n) }
            == sys::Status::napi_ok
        {
            let uid = self.in_range(n, name, 0.0, u32::MAX as f64)?;
            return Ok(UserArg::Uid(uid as u32));
        }
        match value.get_type()? {
            ValueType::String => Ok(UserArg::Account(self.string(value, name)?)),
            other => Err(error::wrong_type(
                self.0,
                name,
                "a number or a string",
                other,
            )),
        }
    }

    /// A user ID or account where the token packs text (RTM, Chat, APaaS):
    /// a string, or a number read as a uid.
    pub(crate) fn user_text(self, value: JsUnknown, name: &str) -> Result<Text> {
        Ok(match self.user(value, name)? {
            UserArg::Uid(uid) => Text::Heap(uid_to_account(uid)),
            UserArg::Account(account) => account,
        })
    }

    /// The four RTC privilege expires, in the official argument order.
    pub(crate) fn privilege_expires(
        self,
        [join, audio, video, data]: [JsUnknown; 4],
    ) -> Result<PrivilegeExpires> {
        Ok(PrivilegeExpires {
            join_channel: self.u32(join, "joinChannelPrivilegeExpire")?,
            publish_audio_stream: self.u32(audio, "pubAudioPrivilegeExpire")?,
            publish_video_stream: self.u32(video, "pubVideoPrivilegeExpire")?,
            publish_data_stream: self.u32(data, "pubDataStreamPrivilegeExpire")?,
        })
    }

    /// Builds and signs the token of `buildTokenWithRtm2`, ConvoAI or STT
    /// (`build`) from the twelve arguments, in the official order.
    pub(crate) fn rtc_rtm_token(
        self,
        [app_id, app_certificate]: [JsUnknown; 2],
        [channel_name, rtc_account, rtc_role, rtc_token_expire]: [JsUnknown; 4],
        privilege_expires: [JsUnknown; 4],
        [rtm_user_id, rtm_token_expire]: [JsUnknown; 2],
        build: fn(&str, &RtcRtmParams<'_>) -> AccessToken2,
    ) -> Result<String> {
        let app_id = self.string(app_id, "appId")?;
        let app_certificate = self.string(app_certificate, "appCertificate")?;
        let args = RtcRtmArgs {
            channel_name: self.string(channel_name, "channelName")?,
            rtc_user: self.user(rtc_account, "rtcAccount")?,
            rtc_role: self.rtc_role(rtc_role, "rtcRole")?,
            rtc_token_expire: self.u32(rtc_token_expire, "rtcTokenExpire")?,
            privileges: self.privilege_expires(privilege_expires)?,
            rtm_user_id: self.user_text(rtm_user_id, "rtmUserId")?,
            rtm_token_expire: self.u32(rtm_token_expire, "rtmTokenExpire")?,
        };
        self.sign(build(&app_id, &args.params()), &app_certificate)
    }

    /// Builds and signs a token for one user ID (RTM, Chat user, APaaS
    /// user) with `build`; `user_name` names the user argument in errors.
    pub(crate) fn user_token(
        self,
        [app_id, app_certificate, user_id, expire]: [JsUnknown; 4],
        user_name: &str,
        build: fn(&str, &str, u32) -> AccessToken2,
    ) -> Result<String> {
        let app_id = self.string(app_id, "appId")?;
        let app_certificate = self.string(app_certificate, "appCertificate")?;
        let token = build(
            &app_id,
            &self.user_text(user_id, user_name)?,
            self.u32(expire, "expire")?,
        );
        self.sign(token, &app_certificate)
    }

    /// Builds and signs an app token (Chat, APaaS) with `build`.
    pub(crate) fn app_token(
        self,
        [app_id, app_certificate, expire]: [JsUnknown; 3],
        build: fn(&str, u32) -> token_core::Result<AccessToken2>,
    ) -> Result<String> {
        let app_id = self.string(app_id, "appId")?;
        let app_certificate = self.string(app_certificate, "appCertificate")?;
        let token = self.core(build(&app_id, self.u32(expire, "expire")?))?;
        self.sign(token, &app_certificate)
    }

    pub(crate) fn object(self, value: JsUnknown, name: &str, expected: &str) -> Result<JsObject> {
        match value.get_type()? {
            ValueType::Object => JsObject::try_from(value),
            other => Err(error::wrong_type(self.0, name, expected, other)),
        }
    }

    /// An array of strings (RTM 2 resources).
    pub(crate) fn strings(self, value: JsUnknown, name: &str) -> Result<Vec<String>> {
        let array = self.object(value, name, "an array of strings")?;
        if !array.is_array()? {
            return Err(error::wrong_type(
                self.0,
                name,
                "an array of strings",
                ValueType::Object,
            ));
        }
        let len = array.get_array_length_unchecked()?;
        (0..len)
            .map(|i| {
                Ok(self
                    .string(array.get_element(i)?, &format!("{name}[{i}]"))?
                    .into())
            })
            .collect()
    }

    /// RTM 2 permissions: anything with the `details` map of the official
    /// `Rtm2Permissions` (this package's class, or the official one), or
    /// nothing (`null`/`undefined`: no permission, as the official builder).
    pub(crate) fn permissions(self, value: Option<JsUnknown>) -> Result<Rtm2Permissions> {
        let mut out = Rtm2Permissions::default();
        let Some(value) = value else {
            return Ok(out);
        };
        let holder = self.object(value, "permissions", "an Rtm2Permissions")?;
        let details = self.object(
            holder.get_named_property("details")?,
            "permissions.details",
            "an object",
        )?;
        for (resource_key, resource_type) in self.numeric_keys(&details, "permissions.details")? {
            let name = format!("permissions.details[{resource_key}]");
            let by_permission = self.object(
                details.get_named_property(&resource_key)?,
                &name,
                "an object",
            )?;
            for (permission_key, permission_type) in self.numeric_keys(&by_permission, &name)? {
                let name = format!("{name}[{permission_key}]");
                let resources =
                    self.strings(by_permission.get_named_property(&permission_key)?, &name)?;
                out.add(resource_type, permission_type, resources);
            }
        }
        Ok(out)
    }

    /// Own enumerable keys of `obj`, each with its value as a `u16`.
    fn numeric_keys(self, obj: &JsObject, name: &str) -> Result<Vec<(String, u16)>> {
        let keys = obj.get_property_names()?;
        let len = keys.get_array_length_unchecked()?;
        let mut out = Vec::with_capacity(len as usize);
        for i in 0..len {
            let key: String = self.string(keys.get_element(i)?, name)?.into();
            let Ok(n) = key.parse::<u16>() else {
                return Err(error::invalid_input(
                    self.0,
                    name,
                    &format!("key {key:?} is not a type number from 0 to 65535"),
                ));
            };
            out.push((key, n));
        }
        Ok(out)
    }

    /// Signs `token`; the app ID and certificate checks happen here.
    pub(crate) fn sign(self, token: AccessToken2, app_certificate: &str) -> Result<String> {
        self.core(token.build(app_certificate))
    }

    /// A token-core result, its error as a JS error (see [`error::core`]).
    pub(crate) fn core<T>(self, result: token_core::Result<T>) -> Result<T> {
        result.map_err(|e| error::core(self.0, e))
    }
}

/// A number as JavaScript prints it, for messages.
fn js_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".into()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        n.to_string()
    }
}
