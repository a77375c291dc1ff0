//! ConvoAI (conversational AI engine) tokens (ConvoAITokenBuilder of npm `agora-token` 2.0.6).

use super::rtc::{self, RtcRtmParams};
use crate::error::Result;
use crate::service::ConvoAi;
use crate::v007::AccessToken2;

/// The RTC + RTM token of [`rtc::with_rtm2`] plus an empty ConvoAi service;
/// `buildToken`.
pub fn token(app_id: &str, params: &RtcRtmParams<'_>) -> Result<AccessToken2> {
    let mut t = rtc::with_rtm2(app_id, params)?;
    t.add_service(ConvoAi::default());
    Ok(t)
}

/// [`token`] without input checks, as the official builder.
pub fn token_unchecked(app_id: &str, params: &RtcRtmParams<'_>) -> AccessToken2 {
    let mut t = rtc::with_rtm2_unchecked(app_id, params);
    t.add_service(ConvoAi::default());
    t
}
