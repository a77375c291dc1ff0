//! The accept loop: HTTP/1.1 with a header-read deadline, a write timeout
//! ([`write_timeout`]), a connection cap with a share per client address
//! ([`slots`]), and graceful shutdown ([`shutdown`]: readiness off and
//! `Connection: close` on every reply, optional drain delay, listener
//! closed, in-flight requests finished, bounded by a timeout).

pub mod shutdown;
pub mod slots;
pub mod write_timeout;

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::config::Config;
use crate::state::{AppState, SharedState};
use slots::PerIp;
use write_timeout::WriteTimeout;

pub use shutdown::shutdown_signal;

/// Serves `config` on `listener` until `shutdown` completes, then shuts down
/// gracefully: `/readyz` turns 503 and every reply carries
/// `Connection: close`, the server keeps accepting for
/// `config.shutdown.drain_delay`, then stops accepting and waits up to
/// `config.shutdown.timeout` for in-flight requests.
pub async fn serve<F>(config: Config, listener: TcpListener, shutdown: F) -> io::Result<()>
where
    F: Future<Output = ()> + Send,
{
    let state = Arc::new(AppState::new(&config));
    let connections = Connections::new(&config, state.clone());

    let drain_delay = config.shutdown.drain_delay;
    let drain = {
        let state = state.clone();
        async move {
            shutdown.await;
            state.set_draining();
            tracing::info!(
                drain_delay_ms = drain_delay.as_millis() as u64,
                "shutdown requested: /readyz now answers 503, replies close their connection"
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
        match accepted {
            Ok((stream, peer)) => connections.serve(stream, peer),
            Err(e) => {
                // Out of file descriptors and the like: back off a little
                // instead of spinning.
                tracing::warn!(error = %e, "accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }

    shutdown::close_listener(listener, |stream, peer| connections.serve(stream, peer));
    tracing::info!("listener closed; finishing in-flight requests");
    shutdown::finish(
        &connections.open,
        connections.capacity,
        connections.graceful,
        config.shutdown.timeout,
    )
    .await;
    Ok(())
}

/// Everything needed to serve one accepted connection, and what tracks the
/// open ones.
struct Connections {
    state: SharedState,
    app: Router,
    builder: http1::Builder,
    graceful: GracefulShutdown,
    /// One permit per open connection.
    open: Arc<Semaphore>,
    capacity: usize,
    per_ip: Option<Arc<PerIp>>,
    write_timeout: Duration,
}

impl Connections {
    fn new(config: &Config, state: SharedState) -> Self {
        let app = crate::app::app(state.clone(), config);
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(config.limits.header_read_timeout)
            .keep_alive(true);
        let capacity = config.limits.max_connections.max(1);
        let behind_proxies = config.rate_limits.trusted_proxy_hops > 0;
        Connections {
            state,
            app,
            builder,
            graceful: GracefulShutdown::new(),
            open: Arc::new(Semaphore::new(capacity)),
            capacity,
            per_ip: config
                .limits
                .connections_per_ip(behind_proxies)
                .map(PerIp::new),
            write_timeout: config.limits.write_timeout,
        }
    }

    /// Serves an accepted connection on its own task, or closes it at once
    /// when its address holds its share or `max_connections` are open.
    fn serve(&self, stream: TcpStream, peer: SocketAddr) {
        let slot = match &self.per_ip {
            Some(shares) => match shares.take(peer.ip()) {
                Some(slot) => Some(slot),
                None => {
                    self.state.metrics.connection_refused("per_ip");
                    return;
                }
            },
            None => None,
        };
        let Ok(permit) = self.open.clone().try_acquire_owned() else {
            self.state.metrics.connection_refused("max_connections");
            return;
        };
        let _ = stream.set_nodelay(true);
        let draining = self.state.clone();
        let service = self
            .app
            .clone()
            .map_request(move |mut request: Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            })
            .map_response(move |response| shutdown::close_when_draining(&draining, response));
        let connection = self.graceful.watch(self.builder.serve_connection(
            TokioIo::new(WriteTimeout::new(stream, self.write_timeout)),
            TowerToHyperService::new(service),
        ));
        let state = self.state.clone();
        state.metrics.connections.inc();
        tokio::spawn(async move {
            // Errors here are client-side (reset, timeout): nothing to do.
            let _ = connection.await;
            state.metrics.connections.dec();
            drop((permit, slot));
        });
    }
}
