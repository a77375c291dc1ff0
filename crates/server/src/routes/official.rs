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

use crate::auth::{Grant, Kind, RoleName};
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

    fn grant(&self) -> Grant {
        let mut g = Grant {
            expire: self.token_expire,
            ..Default::default()
        };
        // An empty uid is the "any user" uid 0 of the other routes.
        let uid = if self.uid.is_empty() {
            "0".to_string()
        } else {
            self.uid.clone()
        };
        if self.rtc {
            g.kinds.push(Kind::Rtc);
            g.channels.push(self.channel_name.clone());
            g.users.push(uid.clone());
            g.roles.push(RoleName::from(self.role()));
            g.privilege_expires.push(self.privilege_expire);
        }
        if self.rtm {
            g.kinds.push(Kind::Rtm);
            if !g.users.contains(&uid) {
                g.users.push(uid);
            }
        }
        if self.fpa {
            g.kinds.push(Kind::Fpa);
        }
        if self.chat_user || self.chat_app {
            g.kinds.push(Kind::Chat);
        }
        if self.chat_user {
            g.users.push(self.chat_user_uuid.clone());
        }
        if self.apaas_user || self.apaas_app {
            g.kinds.push(Kind::Apaas);
        }
        if self.apaas_user {
            g.users.push(self.apaas_user_uuid.clone());
        }
        g
    }

    fn token(&self, app_id: &str) -> AccessToken2 {
        // The uid string is packed as given, so it goes in as an account.
        let mut t = if self.rtc {
            rtc::with_user_unchecked(
                app_id,
                &self.channel_name,
                User::Account(&self.uid),
                self.role(),
                self.token_expire,
                self.privilege_expire,
            )
        } else {
            AccessToken2::new(app_id, self.token_expire)
        };
        if self.rtm {
            let mut s = Rtm {
                user_id: self.uid.clone(),
                ..Default::default()
            };
            s.privileges.add(Rtm::LOGIN, self.token_expire);
            t.add_service(s);
        }
        if self.fpa {
            let mut s = Fpa::default();
            s.privileges.add(Fpa::LOGIN, 0);
            t.add_service(s);
        }
        if self.chat_user {
            let mut s = Chat {
                user_id: self.chat_user_uuid.clone(),
                ..Default::default()
            };
            s.privileges.add(Chat::USER, self.token_expire);
            t.add_service(s);
        }
        if self.chat_app {
            let mut s = Chat::default();
            s.privileges.add(Chat::APP, self.token_expire);
            t.add_service(s);
        }
        if self.apaas_user {
            let mut s = Apaas {
                user_uuid: self.apaas_user_uuid.clone(),
                ..Default::default()
            };
            s.privileges.add(Apaas::USER, self.token_expire);
            t.add_service(s);
        }
        if self.apaas_app {
            let mut s = Apaas::default();
            s.privileges.add(Apaas::APP, self.token_expire);
            t.add_service(s);
        }
        t
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
    let grant = req.grant();
    state.authorize(&caller, &grant)?;
    let token = state
        .sign(req.token(state.app_id()))
        .map_err(|e| Rejection::new(Reason::GenerateFailed, e.to_string()))?;
    for &k in &grant.kinds {
        state.issued(k);
    }
    let body = json!({"code": 0, "message": "Success", "data": {"token": token}});
    Ok(note(
        json_response(StatusCode::OK, &body),
        &caller,
        grant.kinds.first().copied(),
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
        let g = r.grant();
        assert_eq!(g.kinds, [Kind::Rtc, Kind::Rtm]);
        assert_eq!(g.users, ["12345678"]);
        let t = r.token("970CA35de60c44645bbae8a215061b33");
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
