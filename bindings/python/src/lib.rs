//! `agora_token._agora_token`: the native half of the Python package
//! `agora-token`. It holds no token logic: each function converts Python
//! arguments, calls token-core, and converts the result or the error
//! (`error.rs`, the one place errors cross). The Python package
//! (`python/agora_token/`) builds the public surfaces on top:
//!
//! - the Pythonic API (`pythonic.rs`, `parse.rs`): keyword arguments, strict
//!   types, typed results, exceptions;
//! - the drop-in modules for `agoraiotools` 0.3.4 users (`official.rs`):
//!   the official names and their leniency.
//!
//! Every function releases the GIL while token-core works and shares no
//! mutable state, so the module declares itself safe without the GIL on
//! free-threaded Python.

use pyo3::prelude::*;

mod convert;
mod error;
mod official;
mod parse;
mod pythonic;
mod services;

#[pymodule(gil_used = false)]
fn _agora_token(m: &Bound<'_, PyModule>) -> PyResult<()> {
    error::register(m)?;

    m.add_function(wrap_pyfunction!(pythonic::build_rtc_token, m)?)?;
    m.add_function(wrap_pyfunction!(
        pythonic::build_rtc_token_with_privileges,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_rtc_token_with_rtm, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_rtc_token_with_rtm2, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_convoai_token, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_stt_token, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_rtm_token, m)?)?;
    m.add_function(wrap_pyfunction!(
        pythonic::build_rtm_token_with_permissions,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_chat_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_chat_app_token, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_fpa_token, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_apaas_room_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_apaas_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_apaas_app_token, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_token, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_rtc_token_006, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::build_rtm_token_006, m)?)?;
    m.add_function(wrap_pyfunction!(pythonic::chat_user_id, m)?)?;

    m.add_function(wrap_pyfunction!(parse::parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_007, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_006, m)?)?;
    m.add_function(wrap_pyfunction!(parse::verify, m)?)?;
    m.add_function(wrap_pyfunction!(parse::check, m)?)?;

    m.add_function(wrap_pyfunction!(official::official_user, m)?)?;
    m.add_function(wrap_pyfunction!(official::issue_now, m)?)?;
    m.add_function(wrap_pyfunction!(official::issue_now_006, m)?)?;
    m.add_function(wrap_pyfunction!(official::official_rtc_token, m)?)?;
    m.add_function(wrap_pyfunction!(
        official::official_rtc_token_with_privileges,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(official::official_rtc_token_with_rtm, m)?)?;
    m.add_function(wrap_pyfunction!(official::official_rtc_rtm_token, m)?)?;
    m.add_function(wrap_pyfunction!(official::official_rtm_token, m)?)?;
    m.add_function(wrap_pyfunction!(
        official::official_rtm_token_with_permissions,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(official::official_chat_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(official::official_chat_app_token, m)?)?;
    m.add_function(wrap_pyfunction!(official::official_fpa_token, m)?)?;
    m.add_function(wrap_pyfunction!(
        official::official_apaas_room_user_token,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(official::official_apaas_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(official::official_apaas_app_token, m)?)?;
    m.add_function(wrap_pyfunction!(official::official_build_access_token2, m)?)?;
    m.add_function(wrap_pyfunction!(official::official_rtc_token_006, m)?)?;
    m.add_function(wrap_pyfunction!(official::official_rtm_token_006, m)?)?;
    m.add_function(wrap_pyfunction!(official::official_build_access_token, m)?)?;

    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
