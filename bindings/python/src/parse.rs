//! Parsing and verifying tokens.
//!
//! The extension returns token-core's JSON form of a parsed token
//! (`token_core::json`, shared with the CLI and the C ABI so the surfaces
//! cannot drift apart) as plain Python dicts and lists; the package's
//! `_types.py` turns it into typed objects.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::Value;
use token_core::builder::User;
use token_core::{v006, v007, AnyToken};

use crate::convert;
use crate::error;

/// A JSON value as the equivalent Python object.
fn to_python<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

fn any_to_python(py: Python<'_>, token: &AnyToken) -> PyResult<Py<PyAny>> {
    Ok(to_python(py, &token_core::json::to_json(token))?.unbind())
}

/// Parses a 007 or 006 token (chosen by its prefix) without verifying it;
/// returns its JSON form.
#[pyfunction]
pub fn parse(py: Python<'_>, token: String) -> PyResult<Py<PyAny>> {
    let parsed = py
        .detach(|| token_core::parse(&token))
        .map_err(error::to_py)?;
    any_to_python(py, &parsed)
}

/// Parses a 007 token only (a 006 token raises `WrongVersionError`).
#[pyfunction]
pub fn parse_007(py: Python<'_>, token: String) -> PyResult<Py<PyAny>> {
    let parsed = py.detach(|| v007::parse(&token)).map_err(error::to_py)?;
    any_to_python(py, &AnyToken::V007(parsed))
}

/// Parses a 006 token only (a 007 token raises `WrongVersionError`).
#[pyfunction]
pub fn parse_006(py: Python<'_>, token: String) -> PyResult<Py<PyAny>> {
    let parsed = py.detach(|| v006::parse(&token)).map_err(error::to_py)?;
    any_to_python(py, &AnyToken::V006(parsed))
}

/// Parses and verifies a token. A 007 token needs only the certificate; a
/// 006 token also the channel name and the uid or account it was built for
/// (its body carries only their CRC32).
#[pyfunction]
#[pyo3(signature = (token, app_certificate, channel=None, uid=None, account=None))]
pub fn verify(
    py: Python<'_>,
    token: String,
    app_certificate: String,
    channel: Option<String>,
    uid: Option<Bound<'_, PyAny>>,
    account: Option<String>,
) -> PyResult<Py<PyAny>> {
    // A 006 token for uid 0 was built for the empty uid: default to it.
    let user = if uid.as_ref().is_some_and(|u| !u.is_none()) || account.is_some() {
        convert::user(uid.as_ref(), account.as_deref())?
    } else {
        User::Uid(0)
    };
    let uid_text = user.account();
    let parsed = py
        .detach(|| token_core::verify(&token, &app_certificate, channel.as_deref(), &uid_text))
        .map_err(|e| error::to_py_renamed(e, &[("channel_name", "channel")]))?;
    any_to_python(py, &parsed)
}

/// The check engine: `request` is the JSON request of token-core's
/// `json::request_from_json`; returns the JSON report. `now` defaults to the
/// clock.
#[pyfunction]
#[pyo3(signature = (token, app_certificate, request, now=None))]
pub fn check(
    py: Python<'_>,
    token: String,
    app_certificate: String,
    request: String,
    now: Option<u64>,
) -> PyResult<Py<PyAny>> {
    let report = py
        .detach(|| {
            let now = now.unwrap_or_else(|| u64::from(token_core::codec::now()));
            token_core::json::check_str(&token, &app_certificate, &request, now)
        })
        .map_err(error::to_py)?;
    Ok(to_python(py, &report)?.unbind())
}
