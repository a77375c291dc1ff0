//! Connection slots: one client address cannot hold every slot.

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use common::{config, Server};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// True when the server closes `stream` within `wait` without a byte.
async fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    let mut buf = [0u8; 64];
    match tokio::time::timeout(wait, stream.read(&mut buf)).await {
        Ok(Ok(0)) | Ok(Err(_)) => true,
        Ok(Ok(n)) => panic!("unexpected reply: {:?}", String::from_utf8_lossy(&buf[..n])),
        Err(_) => false,
    }
}

#[tokio::test]
async fn one_address_with_half_sent_headers_cannot_lock_others_out() {
    let mut c = config();
    // The default share is a quarter of this: 2 connections per address.
    c.limits.max_connections = 8;
    c.limits.header_read_timeout = Duration::from_secs(10);
    let s = Server::start(c).await;
    let addr: SocketAddr = s.base.trim_start_matches("http://").parse().unwrap();

    // 127.0.0.1 opens as many connections as the server has slots, each
    // with headers that never finish.
    let mut held = Vec::new();
    for _ in 0..8 {
        let mut t = TcpStream::connect(addr).await.unwrap();
        t.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n")
            .await
            .unwrap();
        held.push(t);
    }
    // Past its share, each is closed at once.
    let mut refused = 0;
    for t in &mut held[2..] {
        refused += usize::from(closed_within(t, Duration::from_secs(2)).await);
    }
    assert_eq!(refused, 6, "connections past the per-address share");
    for t in &mut held[..2] {
        assert!(!closed_within(t, Duration::from_millis(100)).await);
    }

    // Another address is served at once.
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.2:0".parse().unwrap()).unwrap();
    let mut other = socket.connect(addr).await.unwrap();
    other
        .write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut reply = Vec::new();
    tokio::time::timeout(Duration::from_secs(2), other.read_to_end(&mut reply))
        .await
        .expect("served promptly")
        .unwrap();
    let reply = String::from_utf8_lossy(&reply);
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");

    drop(held);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let metrics = s.metrics().await;
    assert!(
        metrics.contains(r#"agora_token_connections_refused_total{limit="per_ip"} 6"#),
        "{metrics}"
    );
    s.stop().await;
}
