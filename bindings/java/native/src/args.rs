//! Reading Java arguments: strings (the one `null` check), `int[]` and
//! `String[]` arrays, RTM 2.x permissions, and the options of a builder.

use jni::objects::{JIntArray, JObjectArray, JString};
use jni::sys::jint;
use jni::JNIEnv;
use token_core::builder::User;
use token_core::service::Rtm2Permissions;
use token_core::{v006, v007};

use crate::error::{JavaError, JavaResult};

/// Option flag: take the issue time and salt (007) or the salt and ts (006)
/// from the arguments instead of the clock and the OS random source.
pub const FIXED_ISSUE: jint = 1;

/// Option flag: accept what the official builders accept (the `_unchecked`
/// builders of token-core, official role semantics). App ID and
/// certificate are still checked.
pub const LENIENT: jint = 2;

/// Reads a Java string; `null` is an error naming `field`.
pub fn string(env: &mut JNIEnv, s: &JString, field: &str) -> JavaResult<String> {
    optional_string(env, s)?.ok_or_else(|| JavaError::Null(field.to_string()))
}

/// Reads a Java string that may be `null`.
pub fn optional_string(env: &mut JNIEnv, s: &JString) -> JavaResult<Option<String>> {
    if s.is_null() {
        return Ok(None);
    }
    Ok(Some(crate::text::read(env, s)?))
}

/// The user of an RTC builder: the account, or the uid when it is `null`
/// (the `int` is read as the unsigned 32-bit uid, as `AccessToken2.getUidStr`
/// of the official jar reads it).
pub fn user<'a>(account: &'a Option<String>, uid: jint) -> User<'a> {
    match account {
        Some(a) => User::Account(a),
        None => User::Uid(uid as u32),
    }
}

/// Reads an `int[]` (`null`: empty).
pub fn ints(env: &mut JNIEnv, a: &JIntArray) -> JavaResult<Vec<jint>> {
    if a.is_null() {
        return Ok(Vec::new());
    }
    let mut out = vec![0; env.get_array_length(a)? as usize];
    env.get_int_array_region(a, 0, &mut out)?;
    Ok(out)
}

/// Reads a `String[]` whose elements may be `null`.
pub fn strings(env: &mut JNIEnv, a: &JObjectArray) -> JavaResult<Vec<Option<String>>> {
    if a.is_null() {
        return Ok(Vec::new());
    }
    let n = env.get_array_length(a)?;
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n {
        let s = JString::from(env.get_object_array_element(a, i)?);
        out.push(optional_string(env, &s)?);
        env.delete_local_ref(s)?;
    }
    Ok(out)
}

/// RTM 2.x permissions from `(resource type, permission type, resource
/// count)` triples and the resources of all of them, in order.
pub fn permissions(
    header: &[jint],
    resources: &mut impl Iterator<Item = Option<String>>,
) -> JavaResult<Rtm2Permissions> {
    let mut out = Rtm2Permissions::default();
    for (i, t) in header.chunks(3).enumerate() {
        let [rt, pt, n] = *t else {
            return Err(JavaError::Internal(
                "permissions: a triple per entry".into(),
            ));
        };
        let list = (0..n)
            .map(|j| {
                resources
                    .next()
                    .flatten()
                    .ok_or_else(|| JavaError::Null(format!("permissions[{i}].resources[{j}]")))
            })
            .collect::<JavaResult<Vec<String>>>()?;
        out.add(rt as u16, pt as u16, list);
    }
    Ok(out)
}

/// The options of a builder.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    fixed: bool,
    /// 007: issue time; 006: salt.
    first: u32,
    /// 007: salt; 006: ts.
    second: u32,
    /// Use the `_unchecked` builders and official role semantics.
    pub lenient: bool,
}

impl Options {
    /// Options from `flags` and their two numbers.
    pub fn new(flags: jint, first: jint, second: jint) -> Options {
        Options {
            fixed: flags & FIXED_ISSUE != 0,
            first: first as u32,
            second: second as u32,
            lenient: flags & LENIENT != 0,
        }
    }

    /// A 007 role: 1 or 2, or any value the official way when lenient.
    pub fn rtc_role(
        &self,
        field: &'static str,
        role: jint,
    ) -> JavaResult<token_core::builder::rtc::Role> {
        use token_core::builder::rtc::Role;
        if self.lenient {
            return Ok(Role::from_official(role.into()));
        }
        Ok(Role::try_from(i64::from(role)).map_err(|e| e.for_field(field))?)
    }

    /// A 006 role: 0, 1, 2 or 101, or any value the official way when lenient.
    pub fn rtc006_role(&self, role: jint) -> JavaResult<v006::rtc::Role> {
        if self.lenient {
            return Ok(v006::rtc::Role::from_official(role.into()));
        }
        Ok(v006::rtc::Role::try_from(i64::from(role))?)
    }

    /// Pins the issue time and salt if asked, then signs a 007 token.
    pub fn sign007(&self, t: v007::AccessToken2, cert: &str) -> JavaResult<Option<String>> {
        let (ts, salt) = (
            self.fixed.then_some(self.first),
            self.fixed.then_some(self.second),
        );
        Ok(Some(t.pin(ts, salt).build(cert)?))
    }

    /// Pins the salt and ts if asked, then signs a 006 token.
    pub fn sign006(&self, t: v006::AccessToken, cert: &str) -> JavaResult<Option<String>> {
        let (salt, ts) = (
            self.fixed.then_some(self.first),
            self.fixed.then_some(self.second),
        );
        Ok(Some(t.pin(salt, ts).build(cert)?))
    }
}

/// `pick!(options.lenient, checked, unchecked)`: the checked builder's
/// result, or the `_unchecked` twin's token when lenient.
macro_rules! pick {
    ($lenient:expr, $checked:expr, $unchecked:expr) => {
        if $lenient {
            $unchecked
        } else {
            $checked?
        }
    };
}
pub(crate) use pick;
