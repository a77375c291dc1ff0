//! `agora_token._agora_token`: the native half of the Python package
//! `agora-token`. It holds no token logic: each function converts Python
//! arguments, calls token-core, and converts the result or the error
//! (`error.rs`, the one place errors cross). The Python package
//! (`python/agora_token/`) builds the public surfaces on top:
//!
//! - the Pythonic API (the `build_*` functions; `parse`, `verify` and
//!   `check` in `token.rs`): keyword arguments, strict types, typed
//!   results, exceptions;
//! - the drop-in modules for `agoraiotools` 0.3.4 users (the `official_*`
//!   functions): the official names and their leniency.
//!
//! One module per product, as token-core's `builder/` (`rtc`, `rtm`, `chat`,
//! `fpa`, `apaas` with Education, `convoai` with STT), holds both surfaces'
//! builders of that product side by side; `v007` builds from explicit
//! services and `v006` holds the 006 builders. What each surface's builders
//! share (how they sign, their error names) is in `pythonic.rs` and
//! `official.rs`.
//!
//! No function releases the GIL: a build, parse, verify or check takes one
//! or two microseconds, and releasing the GIL and taking it back costs about
//! a tenth of a build with no other thread waiting (measured with
//! `bench/bench_rtc.py`: 1.49-1.56 µs held, 1.60-1.64 µs released), and a
//! hand-over to a waiting thread far more. No function shares mutable
//! state, so the module declares itself safe without the GIL on
//! free-threaded Python.

use pyo3::prelude::*;

mod apaas;
mod chat;
mod convert;
mod convoai;
mod error;
mod fpa;
mod official;
mod parse;
mod pythonic;
mod rtc;
mod rtm;
mod services;
mod token;
mod v006;
mod v007;

#[pymodule(gil_used = false)]
fn _agora_token(m: &Bound<'_, PyModule>) -> PyResult<()> {
    error::register(m)?;

    m.add_function(wrap_pyfunction!(rtc::build_rtc_token, m)?)?;
    m.add_function(wrap_pyfunction!(rtc::build_rtc_token_with_privileges, m)?)?;
    m.add_function(wrap_pyfunction!(rtc::build_rtc_token_with_rtm, m)?)?;
    m.add_function(wrap_pyfunction!(rtc::build_rtc_token_with_rtm2, m)?)?;
    m.add_function(wrap_pyfunction!(convoai::build_convoai_token, m)?)?;
    m.add_function(wrap_pyfunction!(convoai::build_stt_token, m)?)?;
    m.add_function(wrap_pyfunction!(rtm::build_rtm_token, m)?)?;
    m.add_function(wrap_pyfunction!(rtm::build_rtm_token_with_permissions, m)?)?;
    m.add_function(wrap_pyfunction!(chat::build_chat_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(chat::build_chat_app_token, m)?)?;
    m.add_function(wrap_pyfunction!(fpa::build_fpa_token, m)?)?;
    m.add_function(wrap_pyfunction!(apaas::build_apaas_room_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(apaas::build_apaas_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(apaas::build_apaas_app_token, m)?)?;
    m.add_function(wrap_pyfunction!(v007::build_token, m)?)?;
    m.add_function(wrap_pyfunction!(v006::build_rtc_token_006, m)?)?;
    m.add_function(wrap_pyfunction!(v006::build_rtm_token_006, m)?)?;
    m.add_function(wrap_pyfunction!(apaas::chat_user_id, m)?)?;

    m.add_class::<token::Token>()?;
    m.add_class::<token::CheckReport>()?;
    m.add_function(wrap_pyfunction!(token::parse, m)?)?;
    m.add_function(wrap_pyfunction!(token::verify, m)?)?;
    m.add_function(wrap_pyfunction!(token::check, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_007, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_006, m)?)?;

    m.add_function(wrap_pyfunction!(v007::official_user, m)?)?;
    m.add_function(wrap_pyfunction!(v007::issue_now, m)?)?;
    m.add_function(wrap_pyfunction!(v006::issue_now_006, m)?)?;
    m.add_function(wrap_pyfunction!(rtc::official_rtc_token, m)?)?;
    m.add_function(wrap_pyfunction!(
        rtc::official_rtc_token_with_privileges,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(rtc::official_rtc_token_with_rtm, m)?)?;
    m.add_function(wrap_pyfunction!(rtc::official_rtc_rtm_token, m)?)?;
    m.add_function(wrap_pyfunction!(rtm::official_rtm_token, m)?)?;
    m.add_function(wrap_pyfunction!(
        rtm::official_rtm_token_with_permissions,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(chat::official_chat_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(chat::official_chat_app_token, m)?)?;
    m.add_function(wrap_pyfunction!(fpa::official_fpa_token, m)?)?;
    m.add_function(wrap_pyfunction!(apaas::official_apaas_room_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(apaas::official_apaas_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(apaas::official_apaas_app_token, m)?)?;
    m.add_function(wrap_pyfunction!(v007::official_build_access_token2, m)?)?;
    m.add_function(wrap_pyfunction!(v006::official_rtc_token_006, m)?)?;
    m.add_function(wrap_pyfunction!(v006::official_rtm_token_006, m)?)?;
    m.add_function(wrap_pyfunction!(v006::official_build_access_token, m)?)?;

    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
