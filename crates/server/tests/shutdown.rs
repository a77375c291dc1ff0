//! Graceful shutdown under keep-alive load: no request that reached the
//! server goes unanswered.
//!
//! Clients send requests back to back on persistent connections while the
//! server shuts down. A client that gets `Connection: close` reconnects;
//! once the listener is closed that connect is refused, which is how a
//! client learns to go elsewhere, not a lost request. A request written to
//! a connection that then closes without a reply is a drop.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

mod common;

/// What one reply said about its connection.
enum Reply {
    KeepAlive,
    Close,
}

/// Reads one response (head, then a Content-Length body). `None`: the
/// connection ended before a whole response came.
async fn read_reply(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<Reply> {
    buf.clear();
    let mut chunk = [0u8; 2048];
    loop {
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk))
            .await
            .ok()?
            .ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
        let len: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .map_or(0, |v| v.trim().parse().unwrap());
        if buf.len() >= end + 4 + len {
            assert!(head.starts_with("http/1.1 200"), "{head}");
            let close = head.lines().any(|l| l == "connection: close");
            return Some(if close {
                Reply::Close
            } else {
                Reply::KeepAlive
            });
        }
    }
}

#[derive(Default)]
struct Tally {
    answered: AtomicUsize,
    dropped: AtomicUsize,
    closes: AtomicUsize,
}

/// One keep-alive client: requests back to back until its connect is
/// refused after shutdown, or the bounds are reached.
async fn client(addr: SocketAddr, stopping: Arc<AtomicBool>, tally: Arc<Tally>) {
    let started = Instant::now();
    let request = b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n";
    let mut buf = Vec::with_capacity(4096);
    let mut sent = 0;
    'connections: while started.elapsed() < Duration::from_secs(8) && sent < 20_000 {
        let mut stream = match TcpStream::connect(addr).await {
            Ok(s) => s,
            Err(e) => {
                assert!(stopping.load(Ordering::SeqCst), "connect failed: {e}");
                return;
            }
        };
        loop {
            sent += 1;
            if stream.write_all(request).await.is_err() {
                tally.dropped.fetch_add(1, Ordering::SeqCst);
                continue 'connections;
            }
            match read_reply(&mut stream, &mut buf).await {
                Some(Reply::KeepAlive) => {
                    tally.answered.fetch_add(1, Ordering::SeqCst);
                }
                Some(Reply::Close) => {
                    tally.answered.fetch_add(1, Ordering::SeqCst);
                    tally.closes.fetch_add(1, Ordering::SeqCst);
                    continue 'connections;
                }
                None => {
                    tally.dropped.fetch_add(1, Ordering::SeqCst);
                    continue 'connections;
                }
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keep_alive_clients_lose_no_request_at_shutdown() {
    let mut config = common::config();
    config.shutdown.drain_delay = Duration::from_millis(300);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(agora_token_server::serve(config, listener, async move {
        let _ = stopped.await;
    }));

    let stopping = Arc::new(AtomicBool::new(false));
    let tally = Arc::new(Tally::default());
    let clients: Vec<_> = (0..8)
        .map(|_| tokio::spawn(client(addr, stopping.clone(), tally.clone())))
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let before = tally.answered.load(Ordering::SeqCst);
    stopping.store(true, Ordering::SeqCst);
    stop.send(()).unwrap();
    for c in clients {
        c.await.unwrap();
    }
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("server stops")
        .unwrap()
        .unwrap();

    let answered = tally.answered.load(Ordering::SeqCst);
    let dropped = tally.dropped.load(Ordering::SeqCst);
    let closes = tally.closes.load(Ordering::SeqCst);
    assert!(before > 100, "too little load before shutdown: {before}");
    assert!(answered > before, "no request served while draining");
    assert_eq!(
        dropped, 0,
        "{dropped} request(s) dropped ({answered} answered, {closes} with Connection: close)"
    );
    assert!(closes >= 8, "every client was told to close: {closes}");
}
