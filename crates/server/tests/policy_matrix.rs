//! The authorization matrix, tried as an attacker would: every token route,
//! with requests of every shape, against every policy dimension (one API key
//! per policy) and a set of JWT claim sets.
//!
//! The oracle is the check engine, not the server's own reading of a token:
//! each token a request returns is probed with `token_core::check` (join
//! these channels as these users and publish, log in to RTM, Chat as a user
//! or the app, FPA, APaaS) and the admitted probes say what the token really
//! grants. Two sides are asserted for every (request, policy):
//!
//! - a token the server returns is admitted only within the policy (no probe
//!   outside it succeeds, now or after the policy's longest expiry);
//! - the server refuses only what is outside the policy: the same request
//!   made by an unrestricted key gives a token, and if that token is within
//!   the policy the restricted caller gets one too.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use agora_token_server::auth::{
    glob_match, hash_key, sign_hs256, ApiKey, JwtAlgorithm, JwtConfig, Kind, Operation, Policy,
};
use agora_token_server::config::Secret;
use common::{config, Server, CERT};
use serde_json::{json, Value};
use token_core::builder::apaas::chat_user_id;
use token_core::builder::rtc::Role;
use token_core::check::{check, Action, Publish, Request};
use token_core::service::{Rtm2Permissions, Service};

const ADMIN: &str = "atk_matrix-admin-0000000000000000000000000000";
const JWT_SECRET: &str = "matrix test secret, 32 bytes or more";

/// A user no request names: a token that admits it admits any user.
const STRANGER: &str = "31337";
const CHANNELS: [&str; 6] = ["room-1", "room-2", "lobby", "??????", "abcdef", "stream-1"];
const USERS: [&str; 8] = ["42", "7", "0", "alice", "bob", "u1", "room-user", STRANGER];

/// One request: how to send it, the kind of token it names (the policy's
/// `kinds` must allow it even when the token carries other kinds too), and
/// the reply fields that hold tokens.
struct Call {
    name: &'static str,
    get: Option<&'static str>,
    post: Option<(&'static str, Value)>,
    kind: Option<Kind>,
}

fn calls() -> Vec<Call> {
    let get = |name, path, kind| Call {
        name,
        get: Some(path),
        post: None,
        kind: Some(kind),
    };
    let post = |name, path, body: Value, kind| Call {
        name,
        get: None,
        post: Some((path, body)),
        kind,
    };
    let native = |name, body: Value, kind| post(name, "/v1/tokens", body, Some(kind));
    vec![
        native(
            "native rtc publisher",
            json!({"kind": "rtc", "channel_name": "room-1", "uid": 42, "expire": 600}),
            Kind::Rtc,
        ),
        native(
            "native rtc subscriber",
            json!({"kind": "rtc", "channel_name": "room-1", "uid": 42, "role": "subscriber", "expire": 600}),
            Kind::Rtc,
        ),
        native(
            "native rtc uid 0",
            json!({"kind": "rtc", "channel_name": "room-1", "uid": 0, "role": "subscriber", "expire": 600}),
            Kind::Rtc,
        ),
        native(
            "native rtc account 0",
            json!({"kind": "rtc", "channel_name": "room-1", "account": "0", "role": "subscriber", "expire": 600}),
            Kind::Rtc,
        ),
        native(
            "native rtc long privilege",
            json!({"kind": "rtc", "channel_name": "room-1", "uid": 42, "expire": 200, "privilege_expire": 900}),
            Kind::Rtc,
        ),
        native(
            "native rtc privileges",
            json!({"kind": "rtc", "channel_name": "room-2", "uid": 7, "expire": 600, "privileges": {"join_channel": 600, "publish_audio_stream": 0}}),
            Kind::Rtc,
        ),
        native(
            "native rtc + rtm",
            json!({"kind": "rtc", "channel_name": "room-1", "uid": 42, "role": "subscriber", "expire": 600, "rtm_user_id": "alice"}),
            Kind::Rtc,
        ),
        native(
            "native rtm",
            json!({"kind": "rtm", "user_id": "alice", "expire": 600}),
            Kind::Rtm,
        ),
        native(
            "native rtm forever",
            json!({"kind": "rtm", "user_id": "alice", "expire": 0}),
            Kind::Rtm,
        ),
        native(
            "native rtm2",
            json!({"kind": "rtm", "user_id": "alice", "expire": 600, "permissions": [{"resource_type": "message_channels", "permission_type": "write", "resources": ["lobby"]}]}),
            Kind::Rtm,
        ),
        native(
            "native chat user",
            json!({"kind": "chat", "user_id": "bob", "expire": 600}),
            Kind::Chat,
        ),
        native(
            "native chat app",
            json!({"kind": "chat", "app": true, "expire": 600}),
            Kind::Chat,
        ),
        native("native fpa", json!({"kind": "fpa"}), Kind::Fpa),
        native(
            "native apaas room user",
            json!({"kind": "apaas", "room_uuid": "r1", "user_uuid": "u1", "role": 1, "expire": 600}),
            Kind::Apaas,
        ),
        native(
            "native apaas app",
            json!({"kind": "apaas", "app": true, "expire": 600}),
            Kind::Apaas,
        ),
        native(
            "native education user",
            json!({"kind": "education", "user_uuid": "u1", "expire": 600}),
            Kind::Education,
        ),
        native(
            "native convoai",
            json!({"kind": "convoai", "channel_name": "room-1", "uid": 7, "rtm_user_id": "alice", "expire": 600}),
            Kind::Convoai,
        ),
        native(
            "native stt",
            json!({"kind": "stt", "channel_name": "room-2", "uid": 7, "role": "subscriber", "rtm_user_id": "bob", "expire": 600}),
            Kind::Stt,
        ),
        post(
            "official rtc + rtm",
            "/token/generate",
            json!({"channelName": "room-1", "uid": "42", "tokenExpireTs": 600, "privilegeExpireTs": 600, "serviceRtc": {"enable": true, "role": 2}, "serviceRtm": {"enable": true}}),
            None,
        ),
        post(
            "official everything",
            "/token/generate",
            json!({"channelName": "room-2", "uid": "alice", "tokenExpireTs": 600, "privilegeExpireTs": 900, "serviceRtc": {"enable": true, "role": 1}, "serviceRtm": {"enable": true}, "serviceFpa": {"enable": true}, "serviceChat": {"enableUser": true, "enableApp": true, "userUuid": "bob"}, "serviceApaas": {"enableUser": true, "userUuid": "u1"}}),
            None,
        ),
        post(
            "official any user",
            "/token/generate",
            json!({"channelName": "room-1", "tokenExpireTs": 600, "serviceRtc": {"enable": true, "role": 2}}),
            None,
        ),
        post(
            "official apaas app",
            "/token/generate",
            json!({"tokenExpireTs": 600, "serviceApaas": {"enableApp": true}}),
            None,
        ),
        post(
            "sample",
            "/fetch_rtc_token",
            json!({"uid": 42, "ChannelName": "room-1", "role": 1}),
            Some(Kind::Rtc),
        ),
        get(
            "community rtc uid",
            "/rtc/room-1/subscriber/uid/42/?expiry=600",
            Kind::Rtc,
        ),
        get(
            "community rtc uid 0",
            "/rtc/room-1/publisher/uid/0/?expiry=600",
            Kind::Rtc,
        ),
        get(
            "community rtc account 0",
            "/rtc/room-1/subscriber/userAccount/0/?expiry=600",
            Kind::Rtc,
        ),
        get("community rtm", "/rtm/alice/?expiry=600", Kind::Rtm),
        get(
            "community rte",
            "/rte/room-2/subscriber/uid/7/?expiry=600",
            Kind::Rtc,
        ),
        get(
            "community rte rtm user",
            "/rte/room-1/publisher/uid/42/alice/?expiry=600",
            Kind::Rtc,
        ),
        get("community chat app", "/chat/app/?expiry=600", Kind::Chat),
        get(
            "community chat user",
            "/chat/account/bob/?expiry=600",
            Kind::Chat,
        ),
        post(
            "getToken rtc",
            "/getToken",
            json!({"tokenType": "rtc", "channel": "room-1", "role": "subscriber", "uid": "42", "expire": 600}),
            Some(Kind::Rtc),
        ),
        post(
            "getToken rtm stream channel",
            "/getToken",
            json!({"tokenType": "rtm", "channel": "stream-1", "uid": "alice", "expire": 600}),
            Some(Kind::Rtm),
        ),
        post(
            "getToken chat app",
            "/getToken",
            json!({"tokenType": "chat", "expire": 600}),
            Some(Kind::Chat),
        ),
    ]
}

/// What the check engine admits with one token, probed now and at a later
/// time.
#[derive(Debug, Default)]
struct Admitted {
    /// (channel, user, publishes) of admitted RTC joins.
    rtc: Vec<(String, String, bool)>,
    rtm: Vec<String>,
    chat_users: Vec<String>,
    chat_app: bool,
    fpa: bool,
    apaas_users: Vec<String>,
    apaas_app: bool,
    /// Channels named by RTM2 permissions (no check action covers them; read
    /// from the parsed token).
    rtm2_channels: Vec<String>,
    /// Services the check engine has no action for (ConvoAI, STT).
    other_services: Vec<&'static str>,
}

impl Admitted {
    fn any(&self) -> bool {
        !(self.rtc.is_empty()
            && self.rtm.is_empty()
            && self.chat_users.is_empty()
            && !self.chat_app
            && !self.fpa
            && self.apaas_users.is_empty()
            && !self.apaas_app)
    }

    /// True when an RTC join of `channel` admits the stranger (a wildcard
    /// token).
    fn wildcard(&self) -> bool {
        self.rtc.iter().any(|(_, u, _)| u == STRANGER)
    }
}

fn probe(token: &str, now: u64) -> Admitted {
    let ok = |action: Action| {
        check(token, CERT, &Request::new(action), now)
            .unwrap()
            .allowed()
    };
    let mut a = Admitted::default();
    let mut users: Vec<String> = USERS.iter().map(|u| u.to_string()).collect();
    users.push(chat_user_id("u1"));
    for c in CHANNELS {
        for u in USERS {
            if !ok(Action::rtc_join(c, u)) {
                continue;
            }
            let publishes = [
                (true, false, false),
                (false, true, false),
                (false, false, true),
            ]
            .into_iter()
            .any(|(audio, video, data)| {
                ok(Action::RtcJoin {
                    channel_name: c.into(),
                    uid: u.into(),
                    publish: Publish { audio, video, data },
                })
            });
            a.rtc.push((c.into(), u.into(), publishes));
        }
    }
    for u in &users {
        if ok(Action::RtmLogin { user_id: u.clone() }) {
            a.rtm.push(u.clone());
        }
        if ok(Action::ChatUser { user_id: u.clone() }) {
            // The Chat user of an APaaS token is the MD5 of its user UUID.
            a.chat_users.push(if *u == chat_user_id("u1") {
                "u1".into()
            } else {
                u.clone()
            });
        }
        if ok(Action::ApaasUser {
            user_uuid: u.clone(),
        }) || ok(Action::ApaasRoomUser {
            room_uuid: "r1".into(),
            user_uuid: u.clone(),
        }) {
            a.apaas_users.push(u.clone());
        }
    }
    a.chat_app = ok(Action::ChatApp);
    a.apaas_app = ok(Action::ApaasApp);
    a.fpa = ok(Action::FpaLogin);
    let parsed = token_core::v007::verify(token, CERT).unwrap();
    for s in &parsed.token.services {
        match s {
            Service::Rtm2(r) => {
                for (rt, _, resources) in r.permissions.iter() {
                    if Rtm2Permissions::is_channel_type(rt) {
                        a.rtm2_channels.extend(resources.iter().cloned());
                    }
                }
            }
            Service::ConvoAi(_) => a.other_services.push("convoai"),
            Service::Stt(_) => a.other_services.push("stt"),
            _ => {}
        }
    }
    a
}

/// The kinds the admitted probes use.
fn kinds_used(a: &Admitted) -> Vec<&'static str> {
    let mut k = Vec::new();
    if !a.rtc.is_empty() {
        k.push("rtc");
    }
    if !a.rtm.is_empty() || !a.rtm2_channels.is_empty() {
        k.push("rtm");
    }
    if !a.chat_users.is_empty() || a.chat_app {
        k.push("chat");
    }
    if a.fpa {
        k.push("fpa");
    }
    if !a.apaas_users.is_empty() || a.apaas_app {
        k.push("apaas");
    }
    k.extend(&a.other_services);
    k
}

/// The oracle: is what the tokens of one reply admit within `policy`?
/// `Err` names the first probe outside it.
fn within_policy(policy: &Policy, call: &Call, tokens: &[String]) -> Result<(), String> {
    if policy
        .operations
        .as_ref()
        .is_some_and(|o| !o.contains(&Operation::Issue))
    {
        return Err("issue is not an allowed operation".into());
    }
    for token in tokens {
        let issue_ts = u64::from(token_core::v007::parse(token).unwrap().token.issue_ts);
        let a = probe(token, issue_ts);
        if let Some(allowed) = &policy.kinds {
            let names: Vec<&str> = allowed.iter().map(|k| k.as_str()).collect();
            if let Some(k) = call.kind.filter(|k| !allowed.contains(k)) {
                return Err(format!("the request names kind {}", k.as_str()));
            }
            for k in kinds_used(&a) {
                let ok = names.contains(&k) || (k == "apaas" && names.contains(&"education"));
                if !ok {
                    return Err(format!("admits {k}"));
                }
            }
        }
        if let Some(patterns) = &policy.channels {
            let channels = a.rtc.iter().map(|(c, _, _)| c).chain(&a.rtm2_channels);
            for c in channels {
                if !patterns.iter().any(|p| glob_match(p, c)) {
                    return Err(format!("admits channel {c:?}"));
                }
            }
        }
        if let Some(roles) = &policy.roles {
            for (c, u, publishes) in &a.rtc {
                let role = if *publishes {
                    Role::Publisher
                } else {
                    Role::Subscriber
                };
                if !roles.contains(&role) {
                    return Err(format!("admits {c}/{u} as {}", role.as_str()));
                }
            }
        }
        if policy.any_user == Some(false) && a.wildcard() {
            return Err("admits any user".into());
        }
        if policy.app_tokens == Some(false) && (a.chat_app || a.apaas_app) {
            return Err("admits the app".into());
        }
        if let Some(max) = policy.max_expire {
            let later = probe(token, issue_ts + u64::from(max) + 1);
            if later.any() {
                return Err(format!("still admits after {max} s: {later:?}"));
            }
        }
    }
    Ok(())
}

/// The oracle for a JWT's claims.
fn within_claims(claims: &Value, tokens: &[String]) -> Result<(), String> {
    let channel = claims["channel"].as_str();
    let pattern = claims["channel_pattern"].as_str();
    let mut users: Vec<String> = claims["account"]
        .as_str()
        .map(String::from)
        .into_iter()
        .collect();
    if let Some(uid) = claims["uid"].as_u64() {
        users.push(uid.to_string());
    }
    let any_user = claims["any_user"] == json!(true);
    let app = claims["app"] == json!(true);
    for token in tokens {
        let issue_ts = u64::from(token_core::v007::parse(token).unwrap().token.issue_ts);
        let a = probe(token, issue_ts);
        for c in a.rtc.iter().map(|(c, _, _)| c).chain(&a.rtm2_channels) {
            let bound = channel == Some(c.as_str()) || pattern.is_some_and(|p| glob_match(p, c));
            if !bound {
                return Err(format!("admits channel {c:?}"));
            }
        }
        if a.wildcard() && !any_user {
            return Err("admits any user without an any_user claim".into());
        }
        let named = a.rtc.iter().filter(|_| !a.wildcard()).map(|(_, u, _)| u);
        for u in named
            .chain(&a.rtm)
            .chain(&a.chat_users)
            .chain(&a.apaas_users)
        {
            if !users.contains(u) {
                return Err(format!("admits user {u:?}"));
            }
        }
        if (a.chat_app || a.apaas_app) && !app {
            return Err("admits the app without an app claim".into());
        }
    }
    Ok(())
}

fn token_fields(body: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for v in [
        &body["token"],
        &body["rtcToken"],
        &body["rtmToken"],
        &body["chatToken"],
        &body["data"]["token"],
    ] {
        if let Some(t) = v.as_str() {
            out.push(t.to_string());
        }
    }
    out
}

async fn send(s: &Server, call: &Call, bearer: &str) -> (u16, Vec<String>) {
    let request = match (&call.get, &call.post) {
        (Some(path), _) => s.client.get(s.url(path)),
        (None, Some((path, body))) => s.client.post(s.url(path)).json(body),
        _ => unreachable!(),
    };
    let r = request.bearer_auth(bearer).send().await.unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    let tokens = serde_json::from_str::<Value>(&text)
        .map(|b| token_fields(&b))
        .unwrap_or_default();
    if status == 200 {
        assert!(
            !tokens.is_empty(),
            "{}: 200 without a token: {text}",
            call.name
        );
    }
    (status, tokens)
}

fn policies() -> Vec<(String, Policy)> {
    let mut out = Vec::new();
    for k in Kind::ALL {
        out.push((
            format!("kinds={}", k.as_str()),
            Policy {
                kinds: Some(vec![k]),
                ..Default::default()
            },
        ));
    }
    let p = |name: &str, policy: Policy| (name.to_string(), policy);
    out.extend([
        p(
            "kinds=rtc,rtm",
            Policy {
                kinds: Some(vec![Kind::Rtc, Kind::Rtm]),
                ..Default::default()
            },
        ),
        p(
            "kinds=apaas,rtm,chat",
            Policy {
                kinds: Some(vec![Kind::Apaas, Kind::Rtm, Kind::Chat]),
                ..Default::default()
            },
        ),
        p(
            "kinds=rtc,rtm,convoai",
            Policy {
                kinds: Some(vec![Kind::Rtc, Kind::Rtm, Kind::Convoai]),
                ..Default::default()
            },
        ),
        p(
            "channels=room-*",
            Policy {
                channels: Some(vec!["room-*".into()]),
                ..Default::default()
            },
        ),
        p(
            "channels=room-1",
            Policy {
                channels: Some(vec!["room-1".into()]),
                ..Default::default()
            },
        ),
        p(
            "roles=subscriber",
            Policy {
                roles: Some(vec![Role::Subscriber]),
                ..Default::default()
            },
        ),
        p(
            "roles=publisher",
            Policy {
                roles: Some(vec![Role::Publisher]),
                ..Default::default()
            },
        ),
        p(
            "any_user=false",
            Policy {
                any_user: Some(false),
                ..Default::default()
            },
        ),
        p(
            "app_tokens=false",
            Policy {
                app_tokens: Some(false),
                ..Default::default()
            },
        ),
        p(
            "max_expire=600",
            Policy {
                max_expire: Some(600),
                ..Default::default()
            },
        ),
        p(
            "max_expire=300",
            Policy {
                max_expire: Some(300),
                ..Default::default()
            },
        ),
        p(
            "operations=check",
            Policy {
                operations: Some(vec![Operation::Check]),
                ..Default::default()
            },
        ),
        p(
            "web",
            Policy {
                kinds: Some(vec![Kind::Rtc, Kind::Rtm]),
                channels: Some(vec!["room-*".into()]),
                roles: Some(vec![Role::Subscriber]),
                any_user: Some(false),
                app_tokens: Some(false),
                max_expire: Some(600),
                ..Default::default()
            },
        ),
    ]);
    out
}

fn key_text(i: usize) -> String {
    format!("atk_matrix-key-{i:032}")
}

#[tokio::test]
async fn every_route_against_every_policy() {
    let policies = policies();
    let mut c = config();
    c.auth.api_keys = vec![ApiKey {
        name: "admin".into(),
        sha256: hash_key(ADMIN),
        policy: Arc::new(Policy::default()),
    }];
    for (i, (name, policy)) in policies.iter().enumerate() {
        c.auth.api_keys.push(ApiKey {
            name: name.as_str().into(),
            sha256: hash_key(&key_text(i)),
            policy: Arc::new(policy.clone()),
        });
    }
    let s = Server::start(c).await;
    let (mut allowed, mut refused) = (0, 0);
    for call in calls() {
        let (status, reference) = send(&s, &call, ADMIN).await;
        assert_eq!(
            status, 200,
            "{}: the unrestricted key is refused",
            call.name
        );
        for (i, (name, policy)) in policies.iter().enumerate() {
            let expected = within_policy(policy, &call, &reference);
            let (status, tokens) = send(&s, &call, &key_text(i)).await;
            match status {
                200 => {
                    allowed += 1;
                    if let Err(why) = within_policy(policy, &call, &tokens) {
                        panic!(
                            "{} under {name}: issued a token outside the policy: {why}",
                            call.name
                        );
                    }
                }
                403 => {
                    refused += 1;
                    assert!(
                        expected.is_err(),
                        "{} under {name}: refused although its token is within the policy",
                        call.name
                    );
                }
                other => panic!("{} under {name}: status {other}", call.name),
            }
        }
    }
    // Both sides were exercised.
    assert!(
        allowed > 100 && refused > 100,
        "allowed {allowed}, refused {refused}"
    );
    s.stop().await;
}

#[tokio::test]
async fn every_route_against_jwt_claims() {
    let mut c = config();
    c.auth.jwt = Some(
        JwtConfig::new(
            JwtAlgorithm::Hs256,
            Some(Secret::new(JWT_SECRET)),
            None,
            None,
            None,
            Duration::from_secs(5),
            Arc::new(Policy::default()),
        )
        .unwrap(),
    );
    let s = Server::start(c).await;
    let exp = token_core::codec::now() as u64 + 3600;
    let claim_sets = [
        json!({"channel": "room-1", "uid": 42}),
        json!({"channel": "room-1", "account": "alice"}),
        json!({"channel_pattern": "room-*", "account": "alice"}),
        json!({"channel": "??????", "uid": 0}),
        json!({"channel": "room-1", "account": "0"}),
        json!({"channel": "room-1", "account": "bob", "app": true}),
        json!({"channel": "room-1", "any_user": true}),
        json!({"account": "u1"}),
        json!({"channel": "stream-1", "account": "alice"}),
        json!({}),
    ];
    let mut admitted = BTreeMap::new();
    for claims in &claim_sets {
        let mut full = claims.clone();
        full["exp"] = json!(exp);
        full["sub"] = json!("matrix");
        let jwt = sign_hs256(JWT_SECRET.as_bytes(), &full);
        for call in calls() {
            let (status, tokens) = send(&s, &call, &jwt).await;
            match status {
                200 => {
                    if let Err(why) = within_claims(claims, &tokens) {
                        panic!(
                            "{} with JWT {claims}: a token outside the claims: {why}",
                            call.name
                        );
                    }
                    *admitted.entry(claims.to_string()).or_insert(0) += 1;
                }
                403 => {}
                other => panic!("{} with JWT {claims}: status {other}", call.name),
            }
        }
    }
    // Each narrow claim set is served for what it binds (fpa needs no
    // binding, so even the empty claim set gets that one).
    for claims in &claim_sets {
        assert!(
            admitted.get(&claims.to_string()).is_some_and(|&n| n >= 1),
            "{claims}: {admitted:?}"
        );
    }
    // The findings: account "0" gets no any-user token, "??????" opens no
    // other six-character channel, and only an app claim gets an app token.
    let zero = sign_hs256(
        JWT_SECRET.as_bytes(),
        &json!({"exp": exp, "channel": "room-1", "account": "0"}),
    );
    let (status, _) = s.get_auth("/rtc/room-1/publisher/uid/0/", &zero).await;
    assert_eq!(status, 403);
    let (status, _) = s
        .get_auth("/rtc/room-1/publisher/userAccount//", &zero)
        .await;
    assert_eq!(status, 400, "an empty account is refused, not a wildcard");
    let glob = sign_hs256(
        JWT_SECRET.as_bytes(),
        &json!({"exp": exp, "channel": "??????", "uid": 42}),
    );
    assert_eq!(
        s.get_auth("/rtc/abcdef/publisher/uid/42/", &glob).await.0,
        403
    );
    assert_eq!(
        s.get_auth("/rtc/%3F%3F%3F%3F%3F%3F/publisher/uid/42/", &glob)
            .await
            .0,
        200
    );
    let user = sign_hs256(
        JWT_SECRET.as_bytes(),
        &json!({"exp": exp, "channel": "room-1", "uid": 42}),
    );
    assert_eq!(s.get_auth("/chat/app/", &user).await.0, 403);
    s.stop().await;
}
