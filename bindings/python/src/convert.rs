//! Python values to token-core arguments.
//!
//! Two sets of rules. The Pythonic API is strict: integers must be `int`
//! (or `timedelta` / aware `datetime` where a duration or a time is meant),
//! strings must be `str`, and a value out of range raises
//! `InvalidInputError` naming the argument. The drop-in (`official_*`)
//! conversions accept what `agoraiotools` 0.3.4 accepts: it packs numbers
//! with `struct.pack('<I', int(x))` and uids with `'' if uid == 0 else
//! str(uid)`, and compares roles with `==`.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyInt, PyString, PyType};
use token_core::builder::User;

use crate::error;

static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TIMEDELTA: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `obj` as a `str`.
pub fn string(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(error::type_error(field, "str", obj)),
    }
}

/// An `int` that must fit `T` (`range` is how the rule reads).
fn int_in<'py, T>(obj: &Bound<'py, PyAny>, field: &str, range: &str) -> PyResult<T>
where
    T: FromPyObjectOwned<'py>,
{
    if !obj.is_instance_of::<PyInt>() {
        return Err(error::type_error(field, "int", obj));
    }
    obj.extract::<T>()
        .map_err(|_| error::invalid(field, format!("must be an integer from {range}, got {obj}")))
}

const U32_RANGE: &str = "0 to 4294967295";

/// An `int` from 0 to 2^32 - 1.
pub fn u32_int(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<u32> {
    int_in(obj, field, U32_RANGE)
}

/// An `int` from -32768 to 32767.
pub fn i16_int(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<i16> {
    int_in(obj, field, "-32768 to 32767")
}

/// An `int` from 0 to 65535.
pub fn u16_int(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<u16> {
    int_in(obj, field, "0 to 65535")
}

/// Any `int` (for enum-like values checked by token-core, e.g. roles).
pub fn i64_int(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<i64> {
    if !obj.is_instance_of::<PyInt>() {
        return Err(error::type_error(field, "int", obj));
    }
    // Far out of range is as wrong as just out of range: let token-core say
    // which values it takes.
    Ok(obj.extract::<i64>().unwrap_or(i64::MIN))
}

/// Whole seconds from a non-negative float, for `timedelta` / `datetime`.
fn whole_seconds(secs: f64, field: &str, what: &str) -> PyResult<u32> {
    let floor = secs.floor();
    if floor.is_finite() && (0.0..=u32::MAX as f64).contains(&floor) {
        Ok(floor as u32)
    } else {
        Err(error::invalid(
            field,
            format!("{what} must be from 0 to 4294967295 seconds, got {secs}"),
        ))
    }
}

/// A duration in seconds: an `int`, or a `datetime.timedelta` (fractions of a
/// second are dropped).
pub fn seconds(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<u32> {
    if obj.is_instance_of::<PyInt>() {
        return u32_int(obj, field);
    }
    let timedelta = TIMEDELTA.import(obj.py(), "datetime", "timedelta")?;
    if obj.is_instance(timedelta)? {
        let secs: f64 = obj.call_method0("total_seconds")?.extract()?;
        return whole_seconds(secs, field, "a timedelta");
    }
    Err(error::type_error(
        field,
        "int (seconds) or datetime.timedelta",
        obj,
    ))
}

/// A point in time, in seconds since the Unix epoch: an `int`, or a
/// timezone-aware `datetime.datetime` (fractions of a second are dropped).
pub fn timestamp(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<u32> {
    if obj.is_instance_of::<PyInt>() {
        return u32_int(obj, field);
    }
    let datetime = DATETIME.import(obj.py(), "datetime", "datetime")?;
    if obj.is_instance(datetime)? {
        if obj.call_method0("utcoffset")?.is_none() {
            return Err(error::invalid(
                field,
                "a datetime must be timezone-aware (e.g. tzinfo=timezone.utc)",
            ));
        }
        let secs: f64 = obj.call_method0("timestamp")?.extract()?;
        return whole_seconds(secs, field, "a datetime");
    }
    Err(error::type_error(
        field,
        "int (Unix seconds) or timezone-aware datetime.datetime",
        obj,
    ))
}

/// `convert(obj)` for an optional argument; `None` when it is absent or `None`.
pub fn optional<'py, T>(
    obj: Option<&Bound<'py, PyAny>>,
    field: &str,
    convert: impl FnOnce(&Bound<'py, PyAny>, &str) -> PyResult<T>,
) -> PyResult<Option<T>> {
    obj.filter(|o| !o.is_none())
        .map(|o| convert(o, field))
        .transpose()
}

/// `seconds(obj)` for an optional argument, `default` when it is `None`.
pub fn seconds_or(obj: Option<&Bound<'_, PyAny>>, field: &str, default: u32) -> PyResult<u32> {
    Ok(optional(obj, field, seconds)?.unwrap_or(default))
}

/// The user of an RTC token from the keyword arguments `uid` and `account`:
/// exactly one must be given.
pub fn user<'a>(uid: Option<&Bound<'_, PyAny>>, account: Option<&'a str>) -> PyResult<User<'a>> {
    let uid = uid.filter(|u| !u.is_none());
    match (uid, account) {
        (Some(uid), None) => Ok(User::Uid(u32_int(uid, "uid")?)),
        (None, Some(account)) => Ok(User::Account(account)),
        (Some(_), Some(_)) => Err(error::bad_call(
            "pass either uid (an int) or account (a str), not both",
        )),
        (None, None) => Err(error::bad_call(
            "pass uid (an int, 0 for any user) or account (a str)",
        )),
    }
}

// ---------------------------------------------------------------------------
// Drop-in (official-compatible) conversions.
// ---------------------------------------------------------------------------

/// `int(obj)` as the official builders apply it before packing, then the
/// range of the packed type (where the official `struct.pack` fails, we raise
/// `InvalidInputError`).
fn official_int_in<'py, T>(obj: &Bound<'py, PyAny>, field: &str, range: &str) -> PyResult<T>
where
    T: FromPyObjectOwned<'py>,
{
    let int = if obj.is_instance_of::<PyInt>() {
        obj.clone()
    } else {
        obj.py().get_type::<PyInt>().call1((obj,))?
    };
    int.extract::<T>()
        .map_err(|_| error::invalid(field, format!("must be an integer from {range}, got {int}")))
}

/// A number packed as `u32` by the official builders.
pub fn official_u32(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<u32> {
    official_int_in(obj, field, U32_RANGE)
}

/// A number packed as `u16` by the official builders.
pub fn official_u16(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<u16> {
    official_int_in(obj, field, "0 to 65535")
}

/// A number packed as `i16` by the official builders.
pub fn official_i16(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<i16> {
    official_int_in(obj, field, "-32768 to 32767")
}

/// The account text the official builders pack for a uid or account:
/// `'' if uid == 0 else str(uid)`.
pub fn official_account(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if obj.eq(0)? {
        Ok(String::new())
    } else {
        Ok(obj.str()?.to_cow()?.into_owned())
    }
}

/// The integer role the official builders act on: they compare the role with
/// `==` against their constants, so an `int` is itself and any other object
/// is the first of `known` it equals (or none of them).
pub fn official_role(obj: &Bound<'_, PyAny>, known: &[i64]) -> PyResult<i64> {
    const NONE_OF_THEM: i64 = i64::MIN;
    if obj.is_instance_of::<PyInt>() {
        return Ok(obj.extract::<i64>().unwrap_or(NONE_OF_THEM));
    }
    for &k in known {
        if obj.eq(k)? {
            return Ok(k);
        }
    }
    Ok(NONE_OF_THEM)
}
