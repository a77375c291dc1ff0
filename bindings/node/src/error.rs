//! The one place where errors cross into JavaScript.
//!
//! - A token-core error becomes an `Error` whose `code` is the core's stable
//!   kind name (`invalid_input`, `no_service`, `wrong_version`, `malformed`,
//!   `signature_mismatch`), the same names the C, Python and CLI surfaces
//!   use. Its message names the argument in its JavaScript spelling
//!   (`appId`, not `app_id`) and the rule; an invalid-input error also has a
//!   `field` property with that name.
//! - A value of the wrong JavaScript type becomes a `TypeError` with code
//!   `ERR_INVALID_ARG_TYPE`, as Node's own APIs do.
//!
//! Both are built as JS error objects and handed to napi-rs as the error to
//! throw, so nothing is left pending on the environment.

use napi::{Env, JsError, JsObject, JsTypeError, JsUnknown, Status, ValueType};

/// `code` of a wrong-type `TypeError` (Node's own name for it).
pub(crate) const WRONG_TYPE: &str = "ERR_INVALID_ARG_TYPE";

/// A token-core error as a JS `Error` with `code` (and `field`).
pub(crate) fn core(env: Env, err: token_core::Error) -> napi::Error {
    let code = err.kind().as_str();
    match err {
        token_core::Error::InvalidInput { field, rule } => {
            invalid_input(env, &token_core::json::camel_case(field), &rule)
        }
        other => coded(env, code, other.to_string(), None),
    }
}

/// An `invalid_input` error for argument `field` (JS spelling) breaking `rule`.
pub(crate) fn invalid_input(env: Env, field: &str, rule: &str) -> napi::Error {
    coded(
        env,
        token_core::ErrorKind::InvalidInput.as_str(),
        format!("{field}: {rule}"),
        Some(field),
    )
}

/// A `TypeError`: argument `field` should be `expected` but is `got`.
pub(crate) fn wrong_type(env: Env, field: &str, expected: &str, got: ValueType) -> napi::Error {
    let message = format!("{field}: expected {expected}, got {}", type_name(got));
    let error = JsTypeError::from(napi::Error::new(WRONG_TYPE, message));
    into_thrown(env, error.into_unknown(env), Some(field))
}

fn coded(env: Env, code: &str, message: String, field: Option<&str>) -> napi::Error {
    let error = JsError::from(napi::Error::new(code, message));
    into_thrown(env, error.into_unknown(env), field)
}

/// Adds `field` to the JS error and wraps it for napi-rs to throw as is.
fn into_thrown(env: Env, error: JsUnknown, field: Option<&str>) -> napi::Error {
    if let Some(field) = field {
        let set = error.coerce_to_object().and_then(|mut obj: JsObject| {
            obj.set_named_property("field", env.create_string(field)?)?;
            Ok(obj.into_unknown())
        });
        return match set {
            Ok(obj) => napi::Error::from(obj),
            Err(e) => napi::Error::new(Status::GenericFailure, e.reason),
        };
    }
    napi::Error::from(error)
}

/// The name `typeof` would give, with `null` told apart from objects.
fn type_name(t: ValueType) -> &'static str {
    match t {
        ValueType::Undefined => "undefined",
        ValueType::Null => "null",
        ValueType::Boolean => "boolean",
        ValueType::Number => "number",
        ValueType::String => "string",
        ValueType::Symbol => "symbol",
        ValueType::Object => "object",
        ValueType::Function => "function",
        ValueType::External => "external",
        ValueType::BigInt => "bigint",
        _ => "an unknown type",
    }
}
