//! Parsing and verifying tokens.
//!
//! The drop-in modules read token-core's JSON form of a parsed token
//! (`token_core::json`, shared with the CLI and the C ABI so the surfaces
//! cannot drift apart) as plain Python dicts and lists; `token.rs` makes the
//! Pythonic API's typed results.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::Value;
use token_core::{v006, v007, AnyToken};

use crate::error;

/// A JSON value as the equivalent Python object.
pub fn to_python<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
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

/// Parses a 007 token only (a 006 token raises `WrongVersionError`).
#[pyfunction]
pub fn parse_007(py: Python<'_>, token: &str) -> PyResult<Py<PyAny>> {
    let parsed = v007::parse(token).map_err(error::to_py)?;
    any_to_python(py, &AnyToken::V007(parsed))
}

/// Parses a 006 token only (a 007 token raises `WrongVersionError`).
#[pyfunction]
pub fn parse_006(py: Python<'_>, token: &str) -> PyResult<Py<PyAny>> {
    let parsed = v006::parse(token).map_err(error::to_py)?;
    any_to_python(py, &AnyToken::V006(parsed))
}
