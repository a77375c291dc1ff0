//! AccessToken2 ("007") from explicit services, token-core's `v007`: the
//! drop-in `AccessToken2.AccessToken.build` with its helpers
//! (`official_user`, `issue_now`) and the Pythonic `build_token`, both from
//! service descriptions (`services.rs`). The builders of each product are in
//! the module named after it, as in token-core's `builder/`.

use pyo3::prelude::*;
use token_core::codec;
use token_core::v007::AccessToken2;

use crate::convert::{self, official_account, official_u32};
use crate::error;
use crate::official;
use crate::pythonic::Issue;
use crate::services::{self, Rules};

/// `'' if uid == 0 else str(uid)`, the text the official builders pack for a
/// uid or account. Used by the drop-in service classes.
#[pyfunction]
pub fn official_user(uid: Bound<'_, PyAny>) -> PyResult<String> {
    official_account(&uid)
}

/// A fresh issue time and random salt, as a new official `AccessToken` draws.
#[pyfunction]
pub fn issue_now() -> (u32, u32) {
    (codec::now(), codec::random_salt())
}

/// `AccessToken2.AccessToken.build`: the token's own fields and its services
/// as descriptions (see `services.rs`).
#[pyfunction]
pub fn official_build_access_token2(
    app_id: &str,
    app_certificate: &str,
    issue_ts: Bound<'_, PyAny>,
    expire: Bound<'_, PyAny>,
    salt: Bound<'_, PyAny>,
    services: Bound<'_, PyAny>,
) -> PyResult<String> {
    // The class's issue time and salt are its own (drawn by the class, or
    // set by the caller as the official tests do): a reproducible token.
    let mut token = AccessToken2::new(app_id, official_u32(&expire, "expire")?).with_issue(
        official_u32(&issue_ts, "issue_ts")?,
        official_u32(&salt, "salt")?,
    );
    token.services = services::services(&services, Rules::Official)?;
    official::sign(app_certificate, || token)
}

/// Build a 007 token from service descriptions (see `services.rs`); the
/// package's `build_token` passes its service objects in that shape.
#[pyfunction]
#[pyo3(signature = (*, app_id, app_certificate, expire, services, issue_ts=None, salt=None))]
pub fn build_token(
    app_id: &str,
    app_certificate: &str,
    expire: Bound<'_, PyAny>,
    services: Bound<'_, PyAny>,
    issue_ts: Option<Bound<'_, PyAny>>,
    salt: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let expire = convert::seconds(&expire, "expire")?;
    let services = services::services(&services, Rules::Strict)?;
    let issue = Issue::read(issue_ts.as_ref(), salt.as_ref())?;
    // The service objects name their fields as token-core does
    // (`channel_name`): no renaming here.
    let mut t = AccessToken2::new(app_id, expire);
    t.services = services;
    issue.apply(t).build(app_certificate).map_err(error::to_py)
}
