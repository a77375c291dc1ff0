//! The Pythonic API: keyword-only arguments, strict types, token-core's
//! checked builders, exceptions for every bad input.
//!
//! Each `build_*` function is `convert the arguments -> token-core builder
//! -> build`, with the GIL held (see `lib.rs`). `issue_ts` and
//! `salt` (007) or `expire_ts` and `salt` (006) pin what is otherwise the
//! current time and a random salt, for reproducible tokens.
//!
//! This module holds what the `build_*` functions of every product module
//! share: the pinned issue time and salt, signing, and the Python names of
//! token-core's fields in errors.

use pyo3::prelude::*;
use token_core::v006;
use token_core::v007::AccessToken2;
use token_core::Result;

use crate::convert;
use crate::error;

/// Python names of token-core fields that the Pythonic API spells otherwise.
const RENAMES: &[(&str, &str)] = &[("channel_name", "channel")];

pub(crate) fn py_err(e: token_core::Error) -> PyErr {
    error::to_py_renamed(e, RENAMES)
}

/// Pinned issue time and salt.
pub(crate) struct Issue {
    issue_ts: Option<u32>,
    salt: Option<u32>,
}

impl Issue {
    pub(crate) fn read(
        issue_ts: Option<&Bound<'_, PyAny>>,
        salt: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(Issue {
            issue_ts: convert::optional(issue_ts, "issue_ts", convert::timestamp)?,
            salt: convert::optional(salt, "salt", convert::u32_int)?,
        })
    }

    pub(crate) fn apply(&self, t: AccessToken2) -> AccessToken2 {
        t.pin(self.issue_ts, self.salt)
    }
}

/// Builds and signs.
pub(crate) fn sign(
    issue: Issue,
    cert: &str,
    make: impl FnOnce() -> Result<AccessToken2>,
) -> PyResult<String> {
    make()
        .and_then(|t| issue.apply(t).build(cert))
        .map_err(py_err)
}

/// Pinned 006 salt and token expiry timestamp.
pub(crate) fn sign_006(
    expire_ts: Option<&Bound<'_, PyAny>>,
    salt: Option<&Bound<'_, PyAny>>,
    cert: &str,
    make: impl FnOnce() -> Result<v006::AccessToken>,
) -> PyResult<String> {
    let ts = convert::optional(expire_ts, "expire_ts", convert::timestamp)?;
    let salt = convert::optional(salt, "salt", convert::u32_int)?;
    make()
        .and_then(|t| t.pin(salt, ts).build(cert))
        .map_err(py_err)
}
