//! ConvoAI and STT (007), token-core's `builder::convoai` and
//! `builder::stt`: the token of `BuildTokenWithRtm2` plus one service. The
//! Pythonic `build_convoai_token` and `build_stt_token` are here; the drop-in
//! builders share `rtc::official_rtc_rtm_token` (kinds 1 and 2) with
//! `build_token_with_rtm2`, which takes the same arguments.

use pyo3::prelude::*;

use crate::rtc::{rtc_rtm_pyfunction, RtcRtmKind};

rtc_rtm_pyfunction!(
    /// Build a ConvoAI (conversational AI engine) token: the token of
    /// `build_rtc_token_with_rtm2` plus the ConvoAI service. Same keyword
    /// arguments.
    build_convoai_token,
    RtcRtmKind::ConvoAi
);

rtc_rtm_pyfunction!(
    /// Build an STT (speech-to-text) token: the token of
    /// `build_rtc_token_with_rtm2` plus the STT service. Same keyword arguments.
    build_stt_token,
    RtcRtmKind::Stt
);
