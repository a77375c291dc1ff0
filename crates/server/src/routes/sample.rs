//! `POST /fetch_rtc_token`: the Go sample token server of Agora's
//! authentication guide.
//!
//! Request: `{"uid": uint32, "ChannelName": string, "role": uint32}` (Go
//! `encoding/json` rules: `channelName` matches too). Role 1 is publisher;
//! any other value gives the join privilege only, as the official
//! `RtcTokenBuilder2` does. The token and its privileges last the server's
//! `default_expire` (the sample hard-codes 40 s for its demo).
//!
//! Reply: `{"token": "007...", "code": "200"}`; on error `{"token": <message>,
//! "code": "<HTTP status>"}` with that status (the sample's `code` is a
//! string).

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;
use token_core::builder::rtc::{self, Role};
use token_core::builder::User;

use crate::auth::Kind;
use crate::gojson::{parse_body, GoObject};
use crate::state::{json_response, note, Reason, Rejection, SharedState};

/// `POST /fetch_rtc_token`.
pub async fn fetch_rtc_token(State(state): State<SharedState>, request: Request) -> Response {
    match handle(&state, request).await {
        Ok(r) => r,
        Err(rej) => {
            let status = rej.status();
            let body = json!({"token": rej.message, "code": status.as_u16().to_string()});
            rej.finish(&state, json_response(status, &body))
        }
    }
}

async fn handle(state: &SharedState, request: Request) -> Result<Response, Rejection> {
    let (parts, body) = request.into_parts();
    let caller = state.admit(&parts)?;
    let bytes = state.read_body(&parts, body).await?;
    let bad = |m: String| Rejection::bad_request(format!("Bad request. {m}"));
    let value = parse_body(&bytes).map_err(bad)?;
    let o = GoObject::root(&value, "main.rtc_int_token_struct").map_err(bad)?;
    let uid = o.uint("uid", u32::MAX as u64, "uint32").map_err(bad)? as u32;
    let channel = o.string("ChannelName").map_err(bad)?;
    let role = Role::from_official(o.uint("role", u32::MAX as u64, "uint32").map_err(bad)? as i64);
    let expire = state.default_expire;
    let generate_failed =
        |e: token_core::Error| Rejection::new(Reason::GenerateFailed, format!("Bad request. {e}"));
    let token = rtc::with_user(
        state.app_id(),
        &channel,
        User::Uid(uid),
        role,
        expire,
        expire,
    )
    .map_err(generate_failed)?;
    let issued = state.issue(&caller, Some(Kind::Rtc), vec![token])?;
    let token = issued.text();
    Ok(note(
        json_response(StatusCode::OK, &json!({"token": token, "code": "200"})),
        &caller,
        Some(Kind::Rtc),
    ))
}
