//! The accept loop: HTTP/1.1 with a header-read deadline, a connection cap,
//! and graceful shutdown (readiness off, optional drain delay, listener
//! closed, in-flight requests finished, bounded by a timeout).

use std::future::Future;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::config::Config;
use crate::routes;
use crate::state::AppState;

/// Serves `config` on `listener` until `shutdown` completes, then shuts down
/// gracefully: `/readyz` turns 503, the server keeps accepting for
/// `config.shutdown.drain_delay`, then stops accepting and waits up to
/// `config.shutdown.timeout` for in-flight requests.
pub async fn serve<F>(config: Config, listener: TcpListener, shutdown: F) -> io::Result<()>
where
    F: Future<Output = ()> + Send,
{
    let state = Arc::new(AppState::new(&config));
    let app = routes::app(state.clone(), &config);
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(config.limits.header_read_timeout)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    let connections = Arc::new(Semaphore::new(config.limits.max_connections.max(1)));

    let drain_delay = config.shutdown.drain_delay;
    let drain = {
        let state = state.clone();
        async move {
            shutdown.await;
            state.set_draining();
            tracing::info!(
                drain_delay_ms = drain_delay.as_millis() as u64,
                "shutdown requested: /readyz now answers 503"
            );
            tokio::time::sleep(drain_delay).await;
        }
    };
    tokio::pin!(drain);

    loop {
        let accepted = tokio::select! {
            biased;
            _ = &mut drain => break,
            accepted = listener.accept() => accepted,
        };
        let (stream, peer) = match accepted {
            Ok(x) => x,
            Err(e) => {
                // Out of file descriptors and the like: back off a little
                // instead of spinning.
                tracing::warn!(error = %e, "accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = connections.clone().try_acquire_owned() else {
            state.metrics.connections_refused.inc();
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = app
            .clone()
            .map_request(move |mut request: Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            });
        let connection = graceful.watch(
            builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service)),
        );
        let state = state.clone();
        state.metrics.connections.inc();
        tokio::spawn(async move {
            // Errors here are client-side (reset, timeout): nothing to do.
            let _ = connection.await;
            state.metrics.connections.dec();
            drop(permit);
        });
    }

    drop(listener);
    tracing::info!("listener closed; finishing in-flight requests");
    match tokio::time::timeout(config.shutdown.timeout, graceful.shutdown()).await {
        Ok(()) => tracing::info!("all connections closed"),
        Err(_) => tracing::warn!(
            timeout_ms = config.shutdown.timeout.as_millis() as u64,
            "shutdown timeout reached; dropping the remaining connections"
        ),
    }
    Ok(())
}

/// Completes on SIGTERM or SIGINT (Ctrl-C).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => tracing::info!("SIGINT received"),
        _ = term => tracing::info!("SIGTERM received"),
    }
}
