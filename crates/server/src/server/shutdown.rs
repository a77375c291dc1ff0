//! The end of graceful shutdown, ordered so that no request a client has
//! sent goes unanswered:
//!
//! 1. from the signal on, every reply carries `Connection: close`
//!    ([`close_when_draining`]), so connections in use end themselves after
//!    their next reply and their clients reconnect (elsewhere, once the load
//!    balancer has seen `/readyz`);
//! 2. after the drain delay, the connections already waiting in the listen
//!    backlog are taken and served, then the listener closes
//!    ([`close_listener`]);
//! 3. the connections still open get [`LINGER`] to send the request their
//!    client may already have written, and only then are the idle ones
//!    closed and the busy ones finished ([`finish`]).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::http::{header, HeaderValue};
use axum::response::Response;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

use crate::state::AppState;

/// Longest wait, after the listener closed, for open connections to end by
/// themselves before idle ones are closed. A connection accepted just before
/// the listener closed has not had its first request read yet, and hyper
/// counts it as idle: closing it at once would lose that request.
pub const LINGER: Duration = Duration::from_millis(500);

/// Once draining, every reply says `Connection: close`: hyper then closes
/// the connection after writing it, and the client opens its next request
/// on a new connection. Without it, keep-alive clients keep their
/// connection until graceful shutdown closes it while idle, racing their
/// next request, which is then lost.
pub fn close_when_draining(state: &AppState, mut response: Response) -> Response {
    if !state.is_ready() {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// Serves the connections whose handshake already completed (they wait in
/// the kernel's listen backlog, and closing the listener would reset them),
/// then closes the listener.
pub fn close_listener(listener: TcpListener, mut serve: impl FnMut(TcpStream, SocketAddr)) {
    stop_new_connections(&listener);
    // Accept with the system call itself: tokio's `accept` first consults
    // the readiness the reactor has seen, which can lag behind the backlog.
    // `into_std` leaves the socket non-blocking, so this ends at WouldBlock.
    let Ok(listener) = listener.into_std() else {
        return;
    };
    while let Ok((stream, peer)) = listener.accept() {
        // Accepted sockets start blocking whatever the listener is.
        let registered = stream
            .set_nonblocking(true)
            .and_then(|()| TcpStream::from_std(stream));
        match registered {
            Ok(stream) => serve(stream, peer),
            Err(e) => tracing::warn!(error = %e, "cannot register a connection"),
        }
    }
    drop(listener);
}

/// Linux: a socket filter that drops every packet stops the listener from
/// taking new handshakes (their SYNs are dropped; the client's retry finds
/// the port closed and is refused) while the ones already queued stay
/// acceptable. Without it, a connection completed between the last accept
/// and the close would be reset after its client had sent a request.
#[cfg(target_os = "linux")]
fn stop_new_connections(listener: &TcpListener) {
    // Classic BPF `ret #0`: keep 0 bytes of the packet, i.e. drop it.
    const BPF_RET_K: u16 = 0x06;
    let drop_all = [socket2::SockFilter::new(BPF_RET_K, 0, 0, 0)];
    if let Err(e) = socket2::SockRef::from(listener).attach_filter(&drop_all) {
        tracing::debug!(error = %e, "cannot filter the listener; closing it as is");
    }
}

/// Elsewhere the listener closes as is: a connection completed in the
/// instant before the close may be reset.
#[cfg(not(target_os = "linux"))]
fn stop_new_connections(_listener: &TcpListener) {}

/// Waits up to [`LINGER`] for the open connections (the permits taken from
/// `open`, of `capacity`) to end by themselves, then shuts the rest down
/// gracefully, all within `timeout`.
pub async fn finish(
    open: &Semaphore,
    capacity: usize,
    graceful: GracefulShutdown,
    timeout: Duration,
) {
    let start = Instant::now();
    let all = u32::try_from(capacity).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(LINGER.min(timeout), open.acquire_many(all)).await;
    let left = timeout.saturating_sub(start.elapsed());
    match tokio::time::timeout(left, graceful.shutdown()).await {
        Ok(()) => tracing::info!("all connections closed"),
        Err(_) => tracing::warn!(
            timeout_ms = timeout.as_millis() as u64,
            "shutdown timeout reached; dropping the remaining connections"
        ),
    }
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
