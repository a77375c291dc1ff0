//! The one place errors cross into Java: token-core's error becomes an
//! `AgoraTokenException(kind, field, rule, message)`, a `null` argument a
//! `NullPointerException`, and a panic an `AgoraTokenException` of kind
//! `internal`.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use jni::objects::{JObject, JThrowable, JValue};
use jni::sys::jstring;
use jni::JNIEnv;

/// The exception class thrown for every error but a `null` argument.
const EXCEPTION: &str = "io/github/agoratoken/AgoraTokenException";

/// An error on its way to Java.
#[derive(Debug)]
pub enum JavaError {
    /// An error of token-core: its kind, field and rule travel as they are.
    Core(token_core::Error),
    /// A `null` where a value is required; the field's name.
    Null(String),
    /// A JNI call failed (a Java exception may already be pending).
    Jni(jni::errors::Error),
    /// A bug in this library: a caught panic.
    Internal(String),
}

impl From<token_core::Error> for JavaError {
    fn from(e: token_core::Error) -> Self {
        JavaError::Core(e)
    }
}

impl From<jni::errors::Error> for JavaError {
    fn from(e: jni::errors::Error) -> Self {
        JavaError::Jni(e)
    }
}

/// Result of the body of a native method.
pub type JavaResult<T> = Result<T, JavaError>;

/// `(kind, field, rule, message)` of an error for `AgoraTokenException`.
fn parts(e: &JavaError) -> (&'static str, Option<String>, String, String) {
    match e {
        JavaError::Core(core) => {
            let message = core.to_string();
            match core {
                token_core::Error::InvalidInput { field, rule } => (
                    core.kind().as_str(),
                    Some(field.to_string()),
                    rule.clone(),
                    message,
                ),
                _ => (core.kind().as_str(), None, message.clone(), message),
            }
        }
        JavaError::Internal(m) | JavaError::Null(m) => ("internal", None, m.clone(), m.clone()),
        JavaError::Jni(j) => {
            let m = format!("JNI call failed: {j}");
            ("internal", None, m.clone(), m)
        }
    }
}

/// Throws `e` in the JVM (unless a Java exception is already pending).
fn throw(env: &mut JNIEnv, e: &JavaError) {
    if env.exception_check().unwrap_or(true) {
        return; // the pending exception says what went wrong
    }
    if let JavaError::Null(field) = e {
        let _ = env.throw_new(
            "java/lang/NullPointerException",
            format!("{field}: must not be null"),
        );
        return;
    }
    let (kind, field, rule, message) = parts(e);
    let made = (|| -> jni::errors::Result<JObject> {
        let kind = env.new_string(kind)?;
        let field = match field {
            Some(f) => JObject::from(env.new_string(f)?),
            None => JObject::null(),
        };
        let rule = env.new_string(rule)?;
        let message = env.new_string(&message)?;
        env.new_object(
            EXCEPTION,
            "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V",
            &[
                JValue::Object(&kind),
                JValue::Object(&field),
                JValue::Object(&rule),
                JValue::Object(&message),
            ],
        )
    })();
    match made {
        Ok(obj) => {
            let _ = env.throw(JThrowable::from(obj));
        }
        Err(_) if env.exception_check().unwrap_or(true) => {}
        Err(_) => {
            let _ = env.throw_new("java/lang/RuntimeException", message);
        }
    }
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message")
}

/// Runs the body of a native method: its string result goes back to Java;
/// its error, or a panic, is thrown and `null` returned.
pub fn guard<'local>(
    env: &mut JNIEnv<'local>,
    body: impl FnOnce(&mut JNIEnv<'local>) -> JavaResult<Option<String>>,
) -> jstring {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        body(env).and_then(|out| match out {
            Some(s) => crate::text::make(env, &s),
            None => Ok(std::ptr::null_mut()),
        })
    }))
    .unwrap_or_else(|payload| {
        Err(JavaError::Internal(format!(
            "internal error: a panic was caught at the JNI boundary ({}); please report this bug",
            panic_message(&*payload)
        )))
    });
    match outcome {
        Ok(s) => s,
        Err(e) => {
            // Throwing allocates; keep even that inside the boundary.
            let _ = catch_unwind(AssertUnwindSafe(|| throw(env, &e)));
            std::ptr::null_mut()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_keep_kind_field_and_rule() {
        let e = JavaError::from(token_core::validate::account("user_id", "").unwrap_err());
        let (kind, field, rule, message) = parts(&e);
        assert_eq!((kind, field.as_deref()), ("invalid_input", Some("user_id")));
        assert_eq!(rule, "must not be empty");
        assert_eq!(message, "user_id: must not be empty");
        let e = JavaError::from(token_core::parse("005x").unwrap_err());
        assert_eq!(parts(&e).0, "wrong_version");
        assert_eq!(parts(&e).1, None);
    }
}
