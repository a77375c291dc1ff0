//! FPA (007), token-core's `builder::fpa`: the drop-in
//! `fpa_token_builder.FpaTokenBuilder.build_token` (`official_fpa_token`)
//! and the Pythonic `build_fpa_token`.

use pyo3::prelude::*;
use token_core::builder::fpa;

use crate::official;
use crate::pythonic::{self, Issue};

/// `fpa_token_builder.FpaTokenBuilder.build_token`.
#[pyfunction]
pub fn official_fpa_token(app_id: &str, app_certificate: &str) -> PyResult<String> {
    let t = official::infallible(fpa::token(app_id))?;
    official::sign(app_certificate, || t)
}

/// Build an FPA (full-path acceleration) login token, valid 24 hours.
/// Keyword arguments: `app_id`, `app_certificate`, `issue_ts`, `salt`.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, issue_ts=None, salt=None))]
pub fn build_fpa_token(
    app_id: &str,
    app_certificate: &str,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    pythonic::sign(issue, app_certificate, || fpa::token(app_id))
}
