//! The native API (`/v1`), over real HTTP.

mod common;

use common::{config, info, Server, APP_ID};
use serde_json::{json, Value};

async fn token(s: &Server, body: Value) -> Value {
    let (status, reply) = s.post("/v1/tokens", &body).await;
    assert_eq!(status, 200, "{body} -> {reply}");
    assert_eq!(reply["app_id"], APP_ID);
    assert_eq!(reply["kind"], body["kind"]);
    let t = info(reply["token"].as_str().unwrap());
    assert_eq!(t["issue_ts"], reply["issue_ts"]);
    assert_eq!(t["expire"], reply["expire"]);
    t
}

fn types(t: &Value) -> Vec<String> {
    t["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["type"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn every_kind() {
    let s = Server::start(config()).await;
    let t = token(
        &s,
        json!({"kind": "rtc", "channel_name": "demo", "uid": 42}),
    )
    .await;
    assert_eq!(t["expire"], 3600, "default_expire");
    assert_eq!(t["services"][0]["uid"], "42");
    assert_eq!(t["services"][0]["privileges"].as_object().unwrap().len(), 4);
    let t = token(
        &s,
        json!({"kind": "rtc", "channel_name": "demo", "account": "alice", "role": "subscriber",
               "expire": 600, "privilege_expire": 300}),
    )
    .await;
    assert_eq!(t["services"][0]["privileges"], json!({"1": 300}));
    let t = token(
        &s,
        json!({"kind": "rtc", "channel_name": "demo", "uid": 1, "expire": 600,
               "privileges": {"join_channel": 600, "publish_audio_stream": 60}}),
    )
    .await;
    assert_eq!(
        t["services"][0]["privileges"],
        json!({"1": 600, "2": 60, "3": 600, "4": 600})
    );
    let t = token(
        &s,
        json!({"kind": "rtc", "channel_name": "demo", "uid": 1, "rtm_user_id": "bot", "rtm_expire": 60}),
    )
    .await;
    assert_eq!(types(&t), ["rtc", "rtm"]);
    assert_eq!(t["services"][1]["privileges"], json!({"1": 60}));

    let t = token(&s, json!({"kind": "rtm", "user_id": "alice", "expire": 60})).await;
    assert_eq!(types(&t), ["rtm"]);
    let t = token(
        &s,
        json!({"kind": "rtm", "user_id": "alice", "permissions": [
            {"resource_type": "message_channels", "permission_type": "read", "resources": ["news"]},
            {"resource_type": "message_channels", "permission_type": "read", "resources": ["chat"]},
            {"resource_type": "users", "permission_type": "write", "resources": ["bob"]}]}),
    )
    .await;
    assert_eq!(types(&t), ["rtm2"]);
    assert_eq!(
        t["services"][0]["permissions"][0]["resources"],
        json!(["news", "chat"])
    );

    let t = token(&s, json!({"kind": "chat", "user_id": "bob"})).await;
    assert_eq!(t["services"][0]["privileges"], json!({"1": 3600}));
    let t = token(&s, json!({"kind": "chat", "app": true, "expire": 60})).await;
    assert_eq!(t["services"][0]["privileges"], json!({"2": 60}));

    let t = token(&s, json!({"kind": "fpa"})).await;
    assert_eq!(t["expire"], 86400);

    for kind in ["apaas", "education"] {
        let t = token(
            &s,
            json!({"kind": kind, "room_uuid": "room", "user_uuid": "u", "role": 2, "expire": 60}),
        )
        .await;
        assert_eq!(types(&t), ["rtm", "chat", "apaas"]);
        let t = token(&s, json!({"kind": kind, "user_uuid": "u"})).await;
        assert_eq!(types(&t), ["apaas"]);
        let t = token(&s, json!({"kind": kind, "app": true})).await;
        assert_eq!(t["services"][0]["privileges"], json!({"3": 3600}));
    }
    let t = token(
        &s,
        json!({"kind": "convoai", "channel_name": "demo", "uid": 1000, "rtm_user_id": "agent"}),
    )
    .await;
    assert_eq!(types(&t), ["rtc", "rtm", "convoai"]);
    let t = token(
        &s,
        json!({"kind": "stt", "channel_name": "demo", "account": "a", "rtm_user_id": "stt-bot", "role": "subscriber"}),
    )
    .await;
    assert_eq!(types(&t), ["rtc", "rtm", "stt"]);
    s.stop().await;
}

#[tokio::test]
async fn bad_requests() {
    let s = Server::start(config()).await;
    for (body, status, code, needle) in [
        (json!({}), 400, "bad_request", "kind"),
        (json!({"kind": "video"}), 400, "bad_request", "unknown kind"),
        (
            json!({"kind": "rtc", "uid": 1}),
            400,
            "bad_request",
            "channel_name",
        ),
        (
            json!({"kind": "rtc", "channel_name": "c", "uid": -1}),
            400,
            "bad_request",
            "uid",
        ),
        (
            json!({"kind": "rtc", "channel_name": "c", "uid": "1"}),
            400,
            "bad_request",
            "uid",
        ),
        (
            json!({"kind": "rtc", "channel_name": "c", "uid": 1, "colour": 1}),
            400,
            "bad_request",
            "unknown field",
        ),
        (
            // A role name token-core does not know: its invalid_input.
            json!({"kind": "rtc", "channel_name": "c", "uid": 1, "role": "admin"}),
            400,
            "invalid_input",
            "role: unknown role \"admin\"",
        ),
        (
            json!({"kind": "rtc", "channel_name": "c"}),
            400,
            "invalid_input",
            "exactly one of uid and account",
        ),
        (
            json!({"kind": "rtc", "channel_name": "c", "uid": 1, "account": "a"}),
            400,
            "invalid_input",
            "exactly one",
        ),
        (
            json!({"kind": "rtc", "channel_name": "a/b", "uid": 1}),
            400,
            "invalid_input",
            "channel_name",
        ),
        (
            json!({"kind": "rtc", "channel_name": "x".repeat(64), "uid": 1}),
            400,
            "invalid_input",
            "64 bytes",
        ),
        (
            json!({"kind": "rtc", "channel_name": "c", "account": ""}),
            400,
            "invalid_input",
            "account",
        ),
        (
            json!({"kind": "rtc", "channel_name": "c", "uid": 1, "role": "publisher", "privileges": {}}),
            400,
            "invalid_input",
            "role",
        ),
        (
            json!({"kind": "rtc", "channel_name": "c", "uid": 1, "rtm_expire": 5}),
            400,
            "invalid_input",
            "rtm_user_id",
        ),
        (
            json!({"kind": "rtm", "user_id": ""}),
            400,
            "invalid_input",
            "user_id",
        ),
        (
            json!({"kind": "rtm", "user_id": "a", "permissions": [{"resource_type": "rooms", "permission_type": "read", "resources": ["x"]}]}),
            400,
            "invalid_input",
            "rooms",
        ),
        (
            json!({"kind": "rtm", "user_id": "a", "permissions": [{"resource_type": "users", "permission_type": "read", "resources": []}]}),
            400,
            "invalid_input",
            "resources",
        ),
        (json!({"kind": "chat"}), 400, "invalid_input", "exactly one"),
        (
            json!({"kind": "chat", "user_id": "a", "app": true}),
            400,
            "invalid_input",
            "exactly one",
        ),
        (
            json!({"kind": "fpa", "expire": 5}),
            400,
            "bad_request",
            "unknown field",
        ),
        (
            json!({"kind": "apaas", "room_uuid": "r"}),
            400,
            "invalid_input",
            "room_uuid",
        ),
        (
            json!({"kind": "apaas", "user_uuid": "u", "role": 1}),
            400,
            "invalid_input",
            "room_uuid",
        ),
        (
            json!({"kind": "stt", "channel_name": "c", "uid": 1}),
            400,
            "bad_request",
            "rtm_user_id",
        ),
        (json!([1]), 400, "bad_request", "JSON object"),
        (json!({"kind": 1}), 400, "bad_request", "kind"),
        (
            json!({"kind": "rtc", "channel_name": "c", "uid": 1, "role": null}),
            400,
            "bad_request",
            "role: null is not allowed",
        ),
    ] {
        let (got, reply) = s.post("/v1/tokens", &body).await;
        assert_eq!(got, status, "{body} -> {reply}");
        assert_eq!(reply["error"]["code"], code, "{body} -> {reply}");
        let message = reply["error"]["message"].as_str().unwrap();
        assert!(message.contains(needle), "{body} -> {message}");
    }
    let (status, text) = s
        .post_raw("/v1/tokens", "text/plain", r#"{"kind":"fpa"}"#)
        .await;
    assert_eq!(status, 415, "{text}");
    let (status, text) = s.post_raw("/v1/tokens", "application/json", "{").await;
    assert_eq!(status, 400, "{text}");
    let (status, text) = s
        .post_raw("/v1/tokens", "application/json", vec![b' '; 20_000])
        .await;
    assert_eq!(status, 413, "{text}");
    s.assert_alive().await;
    s.stop().await;
}

#[tokio::test]
async fn inspect_and_verify() {
    let s = Server::start(config()).await;
    let (_, reply) = s
        .post(
            "/v1/tokens",
            &json!({"kind": "rtc", "channel_name": "demo", "uid": 42, "expire": 600}),
        )
        .await;
    let tok = reply["token"].as_str().unwrap().to_string();

    let (status, body) = s.post("/v1/tokens/inspect", &json!({"token": tok})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_info"]["services"][0]["channel_name"], "demo");
    let (status, body) = s
        .post("/v1/tokens/inspect", &json!({"token": "007garbage"}))
        .await;
    assert_eq!(
        (
            status,
            body["error"]["code"].as_str(),
            body["error"]["kind"].as_str()
        ),
        (400, Some("invalid_input"), Some("malformed")),
        "{body}"
    );
    let (_, body) = s
        .post("/v1/tokens/inspect", &json!({"token": "005abc"}))
        .await;
    assert_eq!(body["error"]["kind"], "wrong_version", "{body}");

    let (status, body) = s.post("/v1/tokens/verify", &json!({"token": tok})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["valid"].as_bool(), body["expired"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(body["expires_at"], reply["expires_at"]);

    // A token signed with another certificate.
    let foreign = token_core::builder::rtm::token(APP_ID, "x", 60)
        .unwrap()
        .build("00000000000000000000000000000000")
        .unwrap();
    let (_, body) = s
        .post("/v1/tokens/verify", &json!({"token": foreign}))
        .await;
    assert_eq!(
        (body["valid"].as_bool(), body["reason"].as_str()),
        (Some(false), Some("signature_mismatch"))
    );
    // An expired one (issued long ago).
    let old = token_core::builder::rtm::token(APP_ID, "x", 60)
        .unwrap()
        .with_issue(1_000_000, 1)
        .build(common::CERT)
        .unwrap();
    let (_, body) = s.post("/v1/tokens/verify", &json!({"token": old})).await;
    assert_eq!(
        (body["valid"].as_bool(), body["reason"].as_str()),
        (Some(false), Some("expired"))
    );
    let (_, body) = s
        .post("/v1/tokens/verify", &json!({"token": "nonsense"}))
        .await;
    assert_eq!(
        (body["valid"].as_bool(), body["reason"].as_str()),
        (Some(false), Some("wrong_version"))
    );
    // 006 needs its channel and uid.
    let t006 = token_core::v006::rtc::with_uid(
        APP_ID,
        "demo",
        42,
        token_core::v006::rtc::Role::Publisher,
        0,
    )
    .unwrap()
    .build(common::CERT)
    .unwrap();
    let (_, body) = s
        .post(
            "/v1/tokens/verify",
            &json!({"token": t006, "channel_name": "demo", "uid": 42}),
        )
        .await;
    assert_eq!(body["valid"], true, "{body}");
    let (_, body) = s
        .post(
            "/v1/tokens/verify",
            &json!({"token": t006, "channel_name": "demo", "uid": 43}),
        )
        .await;
    assert_eq!(body["valid"], false, "{body}");
    let (status, _) = s.post("/v1/tokens/verify", &json!({"token": t006})).await;
    assert_eq!(status, 400);
    s.stop().await;
}
