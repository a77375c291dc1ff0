//! The request log names the caller of a request refused after
//! authentication (it logged `caller="-"` before). Alone in its test binary:
//! the log subscriber is per thread, and a test running beside it could
//! register the log call sites first.

mod common;

use std::sync::Arc;

use agora_token_server::auth::{hash_key, ApiKey, Kind, Policy};
use common::{config, Capture, Server};

#[tokio::test]
async fn a_refused_request_logs_its_caller() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let key = "atk_logs-key-000000000000000000000000000000000";
    let mut c = config();
    c.auth.api_keys = vec![ApiKey {
        name: "chat-only".into(),
        sha256: hash_key(key),
        policy: Arc::new(Policy {
            kinds: Some(vec![Kind::Chat]),
            ..Default::default()
        }),
    }];
    let s = Server::start(c).await;
    assert_eq!(s.get_auth("/rtc/room-1/publisher/uid/1/", key).await.0, 403);
    s.stop().await;
    let logs = capture.text();
    let refused = logs
        .lines()
        .find(|l| l.contains("status=403"))
        .unwrap_or_else(|| panic!("no 403 line in {logs}"));
    assert!(refused.contains("caller=\"chat-only\""), "{refused}");
    assert!(refused.contains("reason=\"forbidden\""), "{refused}");
}
