//! The one place where token-core errors become Python exceptions.
//!
//! Every exception class subclasses `agora_token.TokenError`, itself a
//! `ValueError`, and mirrors one `token_core::ErrorKind`. Each raised
//! exception carries `kind` (the stable `ErrorKind` name), and for invalid
//! input `field` and `rule`, so callers can branch without parsing messages.
//! Wrong Python types are not token errors: they raise the built-in
//! `TypeError` (see [`type_error`]).

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use token_core::{Error, ErrorKind};

create_exception!(
    agora_token,
    TokenError,
    PyValueError,
    "Base class of every error agora_token raises for a bad value or token.\n\n\
     Subclasses `ValueError`. Attributes: `kind` (stable name: \"invalid_input\", \
     \"no_service\", \"wrong_version\", \"malformed\", \"signature_mismatch\"); \
     `field` and `rule` (for invalid input, else None)."
);
create_exception!(
    agora_token,
    InvalidInputError,
    TokenError,
    "An argument broke a documented rule (length, alphabet, range).\n\n\
     `field` names the argument and `rule` states the rule; the message is \
     \"field: rule\". Never contains the app certificate."
);
create_exception!(
    agora_token,
    NoServiceError,
    TokenError,
    "A token was built without any service."
);
create_exception!(
    agora_token,
    WrongVersionError,
    TokenError,
    "The token does not start with the expected version prefix (\"007\" or \"006\")."
);
create_exception!(
    agora_token,
    MalformedTokenError,
    TokenError,
    "The token text, or its decoded bytes, are not a valid token."
);
create_exception!(
    agora_token,
    SignatureMismatchError,
    TokenError,
    "The signature does not match the app certificate (or, for 006 tokens, \
     the channel name and uid)."
);

/// Registers the exception classes on the extension module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("TokenError", py.get_type::<TokenError>())?;
    m.add("InvalidInputError", py.get_type::<InvalidInputError>())?;
    m.add("NoServiceError", py.get_type::<NoServiceError>())?;
    m.add("WrongVersionError", py.get_type::<WrongVersionError>())?;
    m.add("MalformedTokenError", py.get_type::<MalformedTokenError>())?;
    m.add(
        "SignatureMismatchError",
        py.get_type::<SignatureMismatchError>(),
    )?;
    Ok(())
}

/// Builds the exception for `kind` with its attributes set.
fn raise(
    py: Python<'_>,
    kind: ErrorKind,
    message: String,
    field: Option<&str>,
    rule: Option<&str>,
) -> PyErr {
    let err = match kind {
        ErrorKind::InvalidInput => InvalidInputError::new_err(message),
        ErrorKind::NoService => NoServiceError::new_err(message),
        ErrorKind::WrongVersion => WrongVersionError::new_err(message),
        ErrorKind::Malformed => MalformedTokenError::new_err(message),
        ErrorKind::SignatureMismatch => SignatureMismatchError::new_err(message),
        // ErrorKind is non-exhaustive: a kind added later is still a TokenError.
        _ => TokenError::new_err(message),
    };
    let value = err.value(py);
    // Setting attributes on a fresh exception instance cannot fail in
    // practice; if it ever did, the exception is still right without them.
    let _ = value.setattr("kind", kind.as_str());
    let _ = value.setattr("field", field);
    let _ = value.setattr("rule", rule);
    err
}

/// A token-core error as a Python exception.
pub fn to_py(err: Error) -> PyErr {
    to_py_renamed(err, &[])
}

/// Like [`to_py`], for functions whose Python parameter has another name
/// than the token-core field (`channel` for `channel_name`): the message and
/// `field` use the Python name, so they name what the caller wrote.
pub fn to_py_renamed(err: Error, renames: &[(&str, &'static str)]) -> PyErr {
    Python::attach(|py| match &err {
        Error::InvalidInput { field, rule } => {
            let field = renames
                .iter()
                .find(|(core, _)| core == field)
                .map_or(*field, |&(_, py_name)| py_name);
            raise(
                py,
                ErrorKind::InvalidInput,
                format!("{field}: {rule}"),
                Some(field),
                Some(rule),
            )
        }
        other => raise(py, other.kind(), other.to_string(), None, None),
    })
}

/// An input rule the binding checks itself while converting a Python value
/// (a number out of range, a naive datetime, ...), raised exactly like
/// token-core's own invalid-input errors.
pub fn invalid(field: &str, rule: impl Into<String>) -> PyErr {
    let rule = rule.into();
    Python::attach(|py| {
        raise(
            py,
            ErrorKind::InvalidInput,
            format!("{field}: {rule}"),
            Some(field),
            Some(&rule),
        )
    })
}

/// A value of the wrong Python type: `TypeError`, naming the argument and
/// the types it takes.
pub fn type_error(field: &str, expected: &str, got: &Bound<'_, PyAny>) -> PyErr {
    let got = got
        .get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string());
    PyTypeError::new_err(format!("{field}: expected {expected}, got {got}"))
}

/// A call with a wrong combination of arguments (`uid` and `account` both or
/// neither): `TypeError`, as Python does for a bad call.
pub fn bad_call(message: impl Into<String>) -> PyErr {
    PyTypeError::new_err(message.into())
}

/// The drop-in (official-compatible) result of building a 007 token: the
/// official builders return `''` when the app ID or certificate is not 32
/// hex characters or the token has no service, so those errors become `''`.
/// Any other error (a field longer than the wire format allows, where the
/// official builders fail inside `struct.pack`) raises.
pub fn official_007(result: token_core::Result<String>) -> PyResult<String> {
    match result {
        Ok(token) => Ok(token),
        Err(Error::NoService) => Ok(String::new()),
        Err(Error::InvalidInput { field, .. })
            if field == "app_id" || field == "app_certificate" =>
        {
            Ok(String::new())
        }
        Err(e) => Err(to_py(e)),
    }
}
