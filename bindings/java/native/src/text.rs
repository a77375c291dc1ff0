//! Java strings in and out, by UTF-16 copies into stack buffers.
//!
//! `JNIEnv::get_string` of the `jni` crate costs more than it reads: it
//! looks up `java/lang/String` with `FindClass` (a symbol-table lookup and a
//! walk of the caller's stack for its class loader) and checks the class of
//! the argument on every call, then `GetStringUTFChars` mallocs a modified
//! UTF-8 copy that is decoded and copied again into a `String`. A build
//! reads three strings, and the JNI profile of one RTC 007 build had
//! `FindClass` alone at ~13 % of its samples. The native methods declare
//! `String` parameters (and `String[]`, whose elements the JVM's array store
//! check keeps `String`), so the class check proves nothing here.
//!
//! Here a string is read with `GetStringLength` and `GetStringRegion` into a
//! stack buffer of UTF-16 units (no JVM allocation, no modified UTF-8): an
//! ASCII string, as app IDs, certificates, channels and tokens are, is
//! narrowed byte by byte; any other is decoded as UTF-16 (an unpaired
//! surrogate becomes one U+FFFD; the `jni` crate's lossy decoding also
//! replaced it). A result is made with `NewString` from UTF-16 units in a
//! stack buffer, instead of `new_string`'s CESU-8 check, `CString` copy and
//! `NewStringUTF` (which measures the modified UTF-8 again).

use jni::objects::JString;
use jni::sys::{jchar, jsize, jstring};
use jni::JNIEnv;

use crate::error::{JavaError, JavaResult};

/// Strings up to this many UTF-16 units go through a stack buffer; longer
/// ones through a `Vec`. Tokens of the common builders are 150–400 units,
/// the JSON form of a parsed token 300–1500.
const STACK_UNITS: usize = 2048;

/// The function table of `env`, checked once.
fn table<'e>(
    env: &'e JNIEnv,
) -> JavaResult<(*mut jni::sys::JNIEnv, &'e jni::sys::JNINativeInterface_)> {
    let raw = env.get_raw();
    // SAFETY: `raw` is the JNIEnv pointer the JVM passed to this native
    // method, valid for this thread during the call; its table lives as long
    // as the JVM.
    let table = unsafe { raw.as_ref().and_then(|t| t.as_ref()) };
    table
        .map(|t| (raw, t))
        .ok_or_else(|| JavaError::Internal("JNIEnv without a function table".into()))
}

fn missing(name: &str) -> JavaError {
    JavaError::Internal(format!("JNI function {name} is missing"))
}

/// Reads a non-`null` Java string.
pub fn read(env: &JNIEnv, s: &JString) -> JavaResult<String> {
    let (raw, t) = table(env)?;
    let length = t
        .GetStringLength
        .ok_or_else(|| missing("GetStringLength"))?;
    let region = t
        .GetStringRegion
        .ok_or_else(|| missing("GetStringRegion"))?;
    // SAFETY: `s` is a live, non-null local reference to a java.lang.String
    // (the caller checks null; the method signatures guarantee the class).
    let n = unsafe { length(raw, s.as_raw()) }.max(0);
    let mut stack = [0 as jchar; STACK_UNITS];
    let mut heap = Vec::new();
    let units: &mut [jchar] = if n as usize <= STACK_UNITS {
        &mut stack[..n as usize]
    } else {
        heap.resize(n as usize, 0);
        &mut heap
    };
    // SAFETY: `units` holds exactly `n` units, the string's length, so the
    // region [0, n) is in bounds and no exception can be raised.
    unsafe { region(raw, s.as_raw(), 0, n, units.as_mut_ptr()) };
    if units.iter().all(|&u| u < 0x80) {
        Ok(units.iter().map(|&u| char::from(u as u8)).collect())
    } else {
        Ok(String::from_utf16_lossy(units))
    }
}

/// Makes a Java string of `s` (a local reference for the caller to return).
pub fn make(env: &JNIEnv, s: &str) -> JavaResult<jstring> {
    let (raw, t) = table(env)?;
    let new_string = t.NewString.ok_or_else(|| missing("NewString"))?;
    let mut stack = [0 as jchar; STACK_UNITS];
    let units: Vec<jchar>;
    let units: &[jchar] = if s.is_ascii() && s.len() <= STACK_UNITS {
        for (d, b) in stack.iter_mut().zip(s.bytes()) {
            *d = jchar::from(b);
        }
        &stack[..s.len()]
    } else {
        units = s.encode_utf16().collect();
        &units
    };
    let n = jsize::try_from(units.len())
        .map_err(|_| JavaError::Internal("string too long for Java".into()))?;
    // SAFETY: `units` holds `n` UTF-16 units; the JVM copies them.
    let out = unsafe { new_string(raw, units.as_ptr(), n) };
    if out.is_null() {
        // NewString throws (OutOfMemoryError) when it returns null.
        return Err(JavaError::Jni(jni::errors::Error::NullPtr("NewString")));
    }
    Ok(out)
}
