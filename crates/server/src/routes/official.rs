//! `POST /token/generate`: the official Docker token service
//! (`agoracn/token`, `DynamicKey/AgoraDynamicKey/go/docker/server.go`).
//!
//! Request (every field optional, Go `encoding/json` rules, see
//! [`crate::gojson`]): `channelName` string, `uid` string, `tokenExpireTs`
//! and `privilegeExpireTs` uint32 seconds, `serviceRtc {enable, role}`,
//! `serviceRtm {enable}`, `serviceFpa {enable}`, `serviceChat {enableUser,
//! enableApp, userUuid}`, `serviceApaas {enableUser, enableApp, userUuid}`.
//!
//! Reply: HTTP 200 `{"code":0,"message":"Success","data":{"token":"007..."}}`;
//! on error `{"code":-1|-2,"message":...,"data":""}` with HTTP 400 (-1: the
//! request could not be read; -2: no token could be built, e.g. no service
//! enabled). Refusals this server adds (401, 403, 413, 429) use code -1 with
//! their own HTTP status.
//!
//! The token is built exactly as the original builds it: the uid string is
//! packed as given (`"0"` stays `"0"`), RTM logs in the same uid for
//! `tokenExpireTs`, FPA's login privilege has expire 0, Chat and APaaS
//! privileges last `tokenExpireTs`, APaaS user/app services have role -1.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;
use token_core::builder::rtc::{self, Role};
use token_core::builder::User;
use token_core::service::{Apaas, Chat, Fpa, Rtm};
use token_core::v007::AccessToken2;
use token_core::validate;

use crate::gojson::{parse_body, GoObject};
use crate::state::{json_response, note, Reason, Rejection, SharedState};

/// The request, as the Go struct holds it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct GenerateRequest {
    channel_name: String,
    uid: String,
    token_expire: u32,
    privilege_expire: u32,
    rtc: bool,
    rtc_role: u16,
    rtm: bool,
    fpa: bool,
    chat_user: bool,
    chat_app: bool,
    chat_user_uuid: String,
    apaas_user: bool,
    apaas_app: bool,
    apaas_user_uuid: String,
}

const U32: u64 = u32::MAX as u64;

impl GenerateRequest {
    fn read(value: &serde_json::Value) -> Result<GenerateRequest, String> {
        let o = GoObject::root(value, "main.Request")?;
        let rtc = o.object("serviceRtc", "serviceRtc")?;
        let rtm = o.object("serviceRtm", "serviceRtm")?;
        let fpa = o.object("serviceFpa", "serviceFpa")?;
        let chat = o.object("serviceChat", "serviceChat")?;
        let apaas = o.object("serviceApaas", "serviceApaas")?;
        Ok(GenerateRequest {
            channel_name: o.string("channelName")?,
            uid: o.string("uid")?,
            token_expire: o.uint("tokenExpireTs", U32, "uint32")? as u32,
            privilege_expire: o.uint("privilegeExpireTs", U32, "uint32")? as u32,
            rtc: rtc.bool("enable")?,
            rtc_role: rtc.uint("role", u16::MAX as u64, "rtctokenbuilder.Role")? as u16,
            rtm: rtm.bool("enable")?,
            fpa: fpa.bool("enable")?,
            chat_user: chat.bool("enableUser")?,
            chat_app: chat.bool("enableApp")?,
            chat_user_uuid: chat.string("userUuid")?,
            apaas_user: apaas.bool("enableUser")?,
            apaas_app: apaas.bool("enableApp")?,
            apaas_user_uuid: apaas.string("userUuid")?,
        })
    }

    /// The official builders give publish privileges for role 1 only.
    fn role(&self) -> Role {
        Role::from_official(self.rtc_role as i64)
    }

    /// The token, built as the original builds it, with the input checks
    /// the original lacks (a 400 with code -2 instead of a token for an
    /// invalid channel name or an empty user).
    fn token(&self, app_id: &str) -> token_core::Result<AccessToken2> {
        let mut t = if self.rtc {
            // The uid string is packed as given, so it goes in as an
            // account; an empty one is the "any user" uid 0.
            let user = if self.uid.is_empty() {
                User::Uid(0)
            } else {
                User::Account(&self.uid)
            };
            rtc::with_user(
                app_id,
                &self.channel_name,
                user,
                self.role(),
                self.token_expire,
                self.privilege_expire,
            )?
        } else {
            AccessToken2::new(app_id, self.token_expire)
        };
        if self.rtm {
            validate::account("uid", &self.uid)?;
            t.add_service(Rtm::login(&self.uid, self.token_expire));
        }
        if self.fpa {
            t.add_service(Fpa::login());
        }
        if self.chat_user {
            validate::account("serviceChat.userUuid", &self.chat_user_uuid)?;
            t.add_service(Chat::user(&self.chat_user_uuid, self.token_expire));
        }
        if self.chat_app {
            t.add_service(Chat::app(self.token_expire));
        }
        if self.apaas_user {
            validate::account("serviceApaas.userUuid", &self.apaas_user_uuid)?;
            t.add_service(Apaas::user(&self.apaas_user_uuid, self.token_expire));
        }
        if self.apaas_app {
            t.add_service(Apaas::app(self.token_expire));
        }
        Ok(t)
    }
}

/// `POST /token/generate`.
pub async fn generate(State(state): State<SharedState>, request: Request) -> Response {
    match handle(&state, request).await {
        Ok(r) => r,
        Err(rej) => {
            let code = if rej.reason == Reason::GenerateFailed {
                -2
            } else {
                -1
            };
            let body = json!({"code": code, "message": rej.message, "data": ""});
            rej.finish(&state, json_response(rej.status(), &body))
        }
    }
}

async fn handle(state: &SharedState, request: Request) -> Result<Response, Rejection> {
    let (parts, body) = request.into_parts();
    let caller = state.admit(&parts)?;
    let bytes = state.read_body(&parts, body).await?;
    let value = parse_body(&bytes).map_err(Rejection::bad_request)?;
    let req = GenerateRequest::read(&value).map_err(Rejection::bad_request)?;
    let token = req
        .token(state.app_id())
        .map_err(|e| Rejection::new(Reason::GenerateFailed, e.to_string()))?;
    let issued = state.issue(&caller, None, vec![token])?;
    let body = json!({"code": 0, "message": "Success", "data": {"token": issued.text()}});
    Ok(note(
        json_response(StatusCode::OK, &body),
        &caller,
        issued.kinds.first().copied(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_official_example() {
        let v = serde_json::json!({
            "channelName": "channel_name_test", "uid": "12345678",
            "tokenExpireTs": 3600, "privilegeExpireTs": 3600,
            "serviceRtc": {"enable": true, "role": 1}, "serviceRtm": {"enable": true}
        });
        let r = GenerateRequest::read(&v).unwrap();
        assert!(r.rtc && r.rtm && !r.fpa);
        assert_eq!(r.role(), Role::Publisher);
        let t = r.token("970CA35de60c44645bbae8a215061b33").unwrap();
        assert_eq!(t.services.len(), 2);
    }

    #[test]
    fn go_type_errors() {
        let v = serde_json::json!({"uid": 42});
        assert!(GenerateRequest::read(&v)
            .unwrap_err()
            .contains("uid of type string"));
        let v = serde_json::json!({"serviceRtc": {"role": 70000}});
        assert!(GenerateRequest::read(&v).is_err());
        let v = serde_json::json!({"serviceRtc": true});
        assert!(GenerateRequest::read(&v).is_err());
    }
}
