//! # agora-token-server
//!
//! An Agora token server on axum/tokio, with the tokens from token-core:
//!
//! - the **compatible endpoints** of the public token services, with their
//!   request and reply shapes, so existing clients work unchanged: the
//!   official Docker service ([`routes::official`]), the Go sample of the
//!   authentication guide ([`routes::sample`]) and the community service that
//!   Agora's UI kits call ([`routes::community`]);
//! - a **native API** for every token kind ([`routes::native`]), described by
//!   the OpenAPI document at `/openapi.json`;
//! - **caller authentication** by API key or JWT, with policies ([`auth`]);
//!   **rate limits** per IP and per caller ([`ratelimit`]); body, time and
//!   connection limits; **metrics**, health and readiness ([`metrics`],
//!   [`routes::ops`]); graceful shutdown ([`server`]).
//!
//! The CLI runs it as `agora-token serve` (see [`cli`]). Embedding:
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let config = agora_token_server::Config::new(
//!     "970CA35de60c44645bbae8a215061b33",
//!     "5CFd2fd1755d40ecb72977518be15d3b",
//! ).expect("valid credentials");
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! agora_token_server::serve(config, listener, agora_token_server::shutdown_signal()).await
//! # }
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod app;
pub mod auth;
pub mod cli;
pub mod config;
pub mod gojson;
pub mod metrics;
mod middleware;
pub mod ratelimit;
pub mod routes;
pub mod secret;
pub mod server;
pub mod state;

use std::sync::Arc;

pub use config::{Config, ConfigError, LogFormat, Secret};
pub use server::{serve, shutdown_signal};

/// The router with every route and layer, for embedding in another axum or
/// hyper server. Per-IP rate limits key on the peer address when the request
/// carries axum's `ConnectInfo<SocketAddr>` (serve it with
/// `into_make_service_with_connect_info`); [`serve`] does that itself.
pub fn router(config: Config) -> axum::Router {
    let state = Arc::new(state::AppState::new(&config));
    app::app(state, &config)
}
