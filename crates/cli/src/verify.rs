//! `verify`: signature (token-core) and expiry of a 007 or 006 token.
//!
//! Order of checks, so each failure has one exit status: the certificate is
//! present and well formed (64), the token parses (2), the 006 target is
//! given (64), the signature holds (1), the token has not expired (3).

use token_core::builder::User;
use token_core::AnyToken;

use crate::fail::{exit, Failure, Outcome};
use crate::{certificate, read_token, VerifyArgs};
use token_core::time::utc;

/// Runs `verify`; `Ok` is the `valid ...` line.
pub fn run(a: &VerifyArgs) -> Outcome<String> {
    let token = read_token(&a.checked.token)?;
    let cert = certificate(&a.checked.app_certificate)?;
    token_core::validate::app_certificate(cert)?;
    let now = a.now.unwrap_or_else(|| u64::from(token_core::codec::now()));

    let parsed = token_core::parse(&token).map_err(|e| Failure::from(e).into_verdict())?;
    match &parsed {
        AnyToken::V007(p) => {
            if a.channel.is_some() || a.user_id.is_some() {
                return Err(Failure::usage(
                    "--channel, --uid, --account and --user-id are for 006 tokens only; \
                     a 007 token carries its own channel and user",
                ));
            }
            p.verify(cert)
                .map_err(|e| Failure::from(e).into_verdict())?;
        }
        AnyToken::V006(p) => {
            let (channel, uid) = target006(a)?;
            p.verify(cert, channel, &uid)
                .map_err(|e| Failure::from(e).into_verdict())?;
        }
    }
    if let Some(at) = parsed.expired_at(now) {
        return Err(Failure {
            code: exit::EXPIRED,
            prefix: "invalid",
            message: format!("expired at {} (now {})", utc(at), utc(now)),
        });
    }
    Ok(match parsed.expiry() {
        Some(at) => format!("valid until {}", utc(at)),
        None => "valid (no expiry)".to_string(),
    })
}

/// The channel name and uid text a 006 token is checked against.
fn target006(a: &VerifyArgs) -> Outcome<(&str, String)> {
    if let Some(user_id) = &a.user_id {
        // A 006 RTM token puts the account where the channel name goes.
        return Ok((user_id, String::new()));
    }
    let user = match (&a.account, a.uid) {
        (Some(account), _) => Some(User::Account(account)),
        (None, Some(uid)) => Some(User::Uid(uid)),
        (None, None) => None,
    };
    match (&a.channel, user) {
        (Some(channel), Some(user)) => Ok((channel, user.account())),
        _ => Err(Failure::usage(
            "a 006 token does not carry its channel name and uid: pass --channel with --uid or \
             --account (or --user-id for a 006 RTM token)",
        )),
    }
}
