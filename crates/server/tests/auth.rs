//! Caller authentication and policies over real HTTP: no key, wrong key, a
//! key outside its policy, expired / forged / misbound JWTs are refused with
//! each route's error shape; good ones are served. Also the rate limits.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use agora_token_server::auth::{
    hash_key, sign_hs256, ApiKey, JwtAlgorithm, JwtConfig, Kind, Policy,
};
use agora_token_server::config::{Rate, Secret};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use common::{config, info, Server};
use serde_json::{json, Value};
use token_core::builder::rtc::Role;

const ADMIN_KEY: &str = "atk_admin-key-for-tests-0000000000000000000000";
const WEB_KEY: &str = "atk_web-key-for-tests-00000000000000000000000000";
const JWT_SECRET: &str = "a shared secret of at least 32 bytes!";

fn web_policy() -> Arc<Policy> {
    Arc::new(Policy {
        kinds: Some(vec![Kind::Rtc, Kind::Rtm]),
        channels: Some(vec!["room-*".into()]),
        roles: Some(vec![Role::Subscriber]),
        max_expire: Some(600),
        ..Default::default()
    })
}

fn key(name: &str, text: &str, policy: Arc<Policy>) -> ApiKey {
    ApiKey {
        name: name.into(),
        sha256: hash_key(text),
        policy,
    }
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn hs256_server_config() -> agora_token_server::Config {
    let mut c = config();
    let mut policies = BTreeMap::new();
    policies.insert("web".to_string(), web_policy());
    c.auth.policies = policies;
    c.auth.api_keys = vec![
        key("admin", ADMIN_KEY, Arc::new(Policy::default())),
        key("web", WEB_KEY, web_policy()),
    ];
    c.auth.jwt = Some(
        JwtConfig::new(
            JwtAlgorithm::Hs256,
            Some(Secret::new(JWT_SECRET)),
            None,
            Some("auth.test".into()),
            Some("agora".into()),
            Duration::from_secs(5),
            Arc::new(Policy::default()),
        )
        .unwrap(),
    );
    c
}

fn rtc(channel: &str, uid: u32) -> Value {
    json!({"kind": "rtc", "channel_name": channel, "uid": uid, "role": "subscriber", "expire": 600})
}

#[tokio::test]
async fn api_keys_and_policies() {
    let s = Server::start(hs256_server_config()).await;
    // No credentials: 401 in every route's own shape.
    let (status, body) = s.post("/v1/tokens", &rtc("room-1", 1)).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("unauthenticated")),
        "{body}"
    );
    let r = s
        .client
        .post(s.url("/v1/tokens"))
        .json(&rtc("room-1", 1))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers().get("www-authenticate").unwrap(), "Bearer");
    let (status, body) = s
        .post("/token/generate", &json!({"serviceFpa": {"enable": true}}))
        .await;
    assert_eq!((status, body["code"].as_i64()), (401, Some(-1)), "{body}");
    let (status, body) = s
        .post(
            "/fetch_rtc_token",
            &json!({"uid": 1, "ChannelName": "room-1"}),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("401")),
        "{body}"
    );
    let (status, body) = s.get("/rtc/room-1/subscriber/uid/1/").await;
    assert_eq!(
        (status, body["status"].as_u64()),
        (401, Some(401)),
        "{body}"
    );
    let (status, text) = s
        .post_raw("/getToken", "application/json", r#"{"tokenType":"chat"}"#)
        .await;
    assert_eq!(status, 401, "{text}");
    // Operations routes stay open.
    for path in ["/healthz", "/readyz", "/metrics", "/openapi.json", "/ping"] {
        let r = s.client.get(s.url(path)).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 200, "{path}");
    }

    // Wrong key, wrong scheme.
    let (status, body) = s
        .post_auth("/v1/tokens", "atk_wrong", &rtc("room-1", 1))
        .await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["message"], "unknown API key");
    let r = s
        .client
        .post(s.url("/v1/tokens"))
        .header("authorization", format!("Basic {ADMIN_KEY}"))
        .json(&rtc("room-1", 1))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);

    // A good key within its policy.
    let (status, body) = s
        .post_auth(
            "/v1/tokens",
            ADMIN_KEY,
            &json!({"kind": "chat", "app": true}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = s.post_auth("/v1/tokens", WEB_KEY, &rtc("room-1", 1)).await;
    assert_eq!(status, 200, "{body}");
    info(body["token"].as_str().unwrap());

    // The web key outside its policy: 403 with the reason.
    for (req, needle) in [
        (json!({"kind": "chat", "app": true}), "token kind \"chat\""),
        (rtc("lobby", 1), "channel \"lobby\""),
        (
            json!({"kind": "rtc", "channel_name": "room-1", "uid": 1, "role": "publisher", "expire": 600}),
            "role \"publisher\"",
        ),
        (
            json!({"kind": "rtc", "channel_name": "room-1", "uid": 1, "role": "subscriber", "expire": 3600}),
            "3600 s",
        ),
        (
            json!({"kind": "rtc", "channel_name": "room-1", "uid": 1, "role": "subscriber", "expire": 0}),
            "never expires",
        ),
        (
            // No token expiry: the privilege's 6000 s is how long it admits.
            json!({"kind": "rtc", "channel_name": "room-1", "uid": 1, "role": "subscriber", "expire": 0, "privilege_expire": 6000}),
            "6000 s",
        ),
    ] {
        let (status, body) = s.post_auth("/v1/tokens", WEB_KEY, &req).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (403, Some("forbidden")),
            "{req} -> {body}"
        );
        assert!(
            body["error"]["message"].as_str().unwrap().contains(needle),
            "{body}"
        );
    }
    // The compatible routes obey the same policy.
    let get = |path: &str| s.client.get(s.url(path)).bearer_auth(WEB_KEY).send();
    let r = get("/rtc/room-1/subscriber/uid/1/?expiry=600")
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let r = get("/rtc/lobby/subscriber/uid/1/?expiry=600")
        .await
        .unwrap();
    let (status, body) = common::status_json(r).await;
    assert_eq!(
        (status, body["status"].as_u64()),
        (403, Some(403)),
        "{body}"
    );
    assert!(body["message"].as_str().unwrap().contains("lobby"));
    let (status, body) = s
        .post_auth(
            "/token/generate",
            WEB_KEY,
            &json!({"channelName": "room-2", "uid": "5", "tokenExpireTs": 600, "privilegeExpireTs": 600,
                    "serviceRtc": {"enable": true, "role": 2}, "serviceChat": {"enableApp": true}}),
        )
        .await;
    assert_eq!((status, body["code"].as_i64()), (403, Some(-1)), "{body}");
    assert!(body["message"].as_str().unwrap().contains("chat"));
    s.assert_alive().await;
    s.stop().await;
}

fn claims(extra: Value) -> Value {
    let mut c = json!({"iss": "auth.test", "aud": "agora", "exp": now() + 300, "sub": "user-42"});
    for (k, v) in extra.as_object().unwrap() {
        c[k] = v.clone();
    }
    c
}

#[tokio::test]
async fn jwt_hs256() {
    let s = Server::start(hs256_server_config()).await;
    let good = sign_hs256(
        JWT_SECRET.as_bytes(),
        &claims(json!({"channel": "room-1", "uid": 42})),
    );
    let (status, body) = s.post_auth("/v1/tokens", &good, &rtc("room-1", 42)).await;
    assert_eq!(status, 200, "{body}");
    let r = s
        .client
        .get(s.url("/rtc/room-1/publisher/uid/42/"))
        .bearer_auth(&good)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    // Bound to its claims.
    for (req, needle) in [
        (rtc("room-2", 42), "channel \"room-2\""),
        (rtc("room-1", 43), "user \"43\""),
    ] {
        let (status, body) = s.post_auth("/v1/tokens", &good, &req).await;
        assert_eq!(status, 403, "{body}");
        assert!(
            body["error"]["message"].as_str().unwrap().contains(needle),
            "{body}"
        );
    }
    let no_channel = sign_hs256(JWT_SECRET.as_bytes(), &claims(json!({"uid": 42})));
    let (status, body) = s
        .post_auth("/v1/tokens", &no_channel, &rtc("room-1", 42))
        .await;
    assert_eq!(status, 403, "{body}");
    // A JWT without bindings may still get unbound tokens (FPA, Chat app).
    let (status, body) = s
        .post_auth("/v1/tokens", &no_channel, &json!({"kind": "fpa"}))
        .await;
    assert_eq!(status, 200, "{body}");

    // Refused JWTs: 401.
    let expired = sign_hs256(
        JWT_SECRET.as_bytes(),
        &claims(json!({"channel": "room-1", "uid": 42, "exp": now() - 60})),
    );
    let forged = sign_hs256(
        b"not the server's secret, but long enough",
        &claims(json!({"channel": "room-1", "uid": 42})),
    );
    let wrong_issuer = sign_hs256(JWT_SECRET.as_bytes(), &claims(json!({"iss": "evil"})));
    let wrong_audience = sign_hs256(JWT_SECRET.as_bytes(), &claims(json!({"aud": "other"})));
    let unsigned = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(claims(json!({"channel": "room-1", "uid": 42})).to_string())
    );
    let mut tampered = good.clone();
    tampered.replace_range(tampered.len() - 3.., "AAA");
    for (jwt, needle) in [
        (&expired, "expired"),
        (&forged, "signature"),
        (&wrong_issuer, "iss"),
        (&wrong_audience, "aud"),
        (&unsigned, "algorithm"),
        (&tampered, "signature"),
    ] {
        let (status, body) = s.post_auth("/v1/tokens", jwt, &rtc("room-1", 42)).await;
        assert_eq!(status, 401, "{needle}: {body}");
        assert!(
            body["error"]["message"].as_str().unwrap().contains(needle),
            "{body}"
        );
    }
    s.stop().await;
}

fn sign_rs256(private_pem: &str, claims: &Value) -> String {
    use rsa::pkcs1v15::SigningKey;
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::signature::{SignatureEncoding, Signer};
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(private_pem).unwrap();
    let signer = SigningKey::<sha2::Sha256>::new(key);
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signed = format!("{header}.{payload}");
    let sig = signer.sign(signed.as_bytes()).to_bytes();
    format!("{signed}.{}", URL_SAFE_NO_PAD.encode(sig))
}

#[tokio::test]
async fn jwt_rs256() {
    let public = include_str!("fixtures/rs256-test-public.pem");
    let mut c = config();
    c.auth.jwt = Some(
        JwtConfig::new(
            JwtAlgorithm::Rs256,
            None,
            Some(public.to_string()),
            None,
            None,
            Duration::from_secs(5),
            Arc::new(Policy::default()),
        )
        .unwrap(),
    );
    let s = Server::start(c).await;
    let bound = claims(json!({"channel_pattern": "room-*", "account": "alice"}));
    let good = sign_rs256(include_str!("fixtures/rs256-test-private.pem"), &bound);
    let req = json!({"kind": "rtc", "channel_name": "room-9", "account": "alice"});
    let (status, body) = s.post_auth("/v1/tokens", &good, &req).await;
    assert_eq!(status, 200, "{body}");
    let forged = sign_rs256(include_str!("fixtures/rs256-other-private.pem"), &bound);
    let (status, _) = s.post_auth("/v1/tokens", &forged, &req).await;
    assert_eq!(status, 401);
    // Algorithm confusion: an HS256 token keyed with the public key.
    let confused = sign_hs256(public.as_bytes(), &bound);
    let (status, body) = s.post_auth("/v1/tokens", &confused, &req).await;
    assert_eq!(status, 401, "{body}");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("algorithm"));
    // API keys are not configured here, so a non-JWT credential is unknown.
    let (status, _) = s.post_auth("/v1/tokens", ADMIN_KEY, &req).await;
    assert_eq!(status, 401);
    s.stop().await;
}

#[tokio::test]
async fn rate_limits() {
    // Per IP: a burst of 3, then 429 with Retry-After, in each route's shape.
    let mut c = config();
    c.rate_limits.per_ip = Some(Rate {
        rate: 0.5,
        burst: 3,
    });
    let s = Server::start(c).await;
    for _ in 0..3 {
        let (status, _) = s.get("/rtc/c/publisher/uid/1/").await;
        assert_eq!(status, 200);
    }
    let r = s
        .client
        .get(s.url("/rtc/c/publisher/uid/1/"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 429);
    assert!(r.headers().get("retry-after").is_some());
    let (_, body) = common::status_json(r).await;
    assert_eq!(body["status"], 429);
    let (status, body) = s.post("/v1/tokens", &json!({"kind": "fpa"})).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (429, Some("rate_limited"))
    );
    // Operations routes are not limited.
    s.assert_alive().await;
    let metrics = s.metrics().await;
    assert!(
        metrics.contains("agora_token_rejections_total{reason=\"rate_limited\"} 2"),
        "{metrics}"
    );
    s.stop().await;

    // Per caller: each key has its own bucket.
    let mut c = config();
    c.rate_limits.per_caller = Some(Rate {
        rate: 0.5,
        burst: 1,
    });
    c.auth.api_keys = vec![
        key("a", ADMIN_KEY, Arc::new(Policy::default())),
        key("b", WEB_KEY, Arc::new(Policy::default())),
    ];
    let s = Server::start(c).await;
    let fpa = json!({"kind": "fpa"});
    assert_eq!(s.post_auth("/v1/tokens", ADMIN_KEY, &fpa).await.0, 200);
    assert_eq!(s.post_auth("/v1/tokens", ADMIN_KEY, &fpa).await.0, 429);
    assert_eq!(s.post_auth("/v1/tokens", WEB_KEY, &fpa).await.0, 200);
    s.stop().await;
}
