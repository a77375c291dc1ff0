//! Starts the real server on 127.0.0.1:0 and talks to it over HTTP.

#![allow(dead_code)]

use std::time::Duration;

use agora_token_server::Config;
use reqwest::Client;
use serde_json::Value;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
pub const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

/// A running server.
pub struct Server {
    pub base: String,
    pub client: Client,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

/// The test configuration: fixed credentials, rate limits off.
pub fn config() -> Config {
    let mut c = Config::new(APP_ID, CERT).unwrap();
    c.rate_limits.per_ip = None;
    c.rate_limits.per_caller = None;
    c
}

impl Server {
    pub async fn start(config: Config) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(agora_token_server::serve(config, listener, async move {
            let _ = stopped.await;
        }));
        Server {
            base: format!("http://{addr}"),
            client: Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .unwrap(),
            stop: Some(stop),
            task: Some(task),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        let r = self.client.get(self.url(path)).send().await.unwrap();
        status_json(r).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        let r = self
            .client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap();
        status_json(r).await
    }

    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> (u16, String) {
        let r = self
            .client
            .post(self.url(path))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.text().await.unwrap())
    }

    pub async fn post_auth(&self, path: &str, bearer: &str, body: &Value) -> (u16, Value) {
        let r = self
            .client
            .post(self.url(path))
            .bearer_auth(bearer)
            .json(body)
            .send()
            .await
            .unwrap();
        status_json(r).await
    }

    pub async fn get_auth(&self, path: &str, bearer: &str) -> (u16, Value) {
        let r = self
            .client
            .get(self.url(path))
            .bearer_auth(bearer)
            .send()
            .await
            .unwrap();
        status_json(r).await
    }

    /// The `/metrics` text.
    pub async fn metrics(&self) -> String {
        let r = self.client.get(self.url("/metrics")).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 200);
        r.text().await.unwrap()
    }

    /// Asks the server to stop and waits for it.
    pub async fn stop(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.task.take() {
            t.await.unwrap().unwrap();
        }
    }

    /// The server still answers.
    pub async fn assert_alive(&self) {
        let (status, body) = self.get("/healthz").await;
        assert_eq!((status, body["status"].as_str()), (200, Some("ok")));
    }
}

pub async fn status_json(r: reqwest::Response) -> (u16, Value) {
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    let value = serde_json::from_str(&text)
        .unwrap_or_else(|_| panic!("status {status}: not JSON: {text:?}"));
    (status, value)
}

/// Verifies a 007 token with the test certificate and returns it parsed.
pub fn verify(token: &str) -> token_core::v007::ParsedToken {
    token_core::v007::verify(token, CERT).unwrap_or_else(|e| panic!("{e}: {token}"))
}

/// The JSON form of a verified token.
pub fn info(token: &str) -> Value {
    token_core::json::to_json(&token_core::AnyToken::V007(verify(token)))
}

/// A log sink for `tracing_subscriber::fmt().with_writer(...)`.
#[derive(Clone, Default)]
pub struct Capture(pub std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Capture {
    /// What was logged so far.
    pub fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
