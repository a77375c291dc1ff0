//! `agora-token serve` as a separate process, where its memory can be read
//! from /proc: clients that send requests and never read the replies.
//! Loopback only, bounded in connections, requests and time.

#![cfg(all(feature = "server", target_os = "linux"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// An RTC + RTM token (npm agora-token 2.0.6, ConvoAITokenBuilder).
const TOKEN: &str = "007eJxTYHh1gkUn7eb0P/xKB+XOejRVrr0dq3BMeV7l/ad7y1NOvWlXYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NTAzTDI2ZvgYnCrAx8Dgl7iHgZmBkYGFgZEBxGcCk8xgkgVMKjCYp5gbGZuZpiZZWhibWJgaW5qnGqcap1mmmJgZJKWkJHIwFJUkx5cWpxYxMTBCzQGJ5YLFOBkYGADQ5y2K";

const SLOW_READERS: usize = 50;
const WRITE_TIMEOUT_MS: u64 = 2_000;
/// Resident memory the server may reach with every slow reader stuck.
/// Each connection holds at most hyper's read buffer (about 400 KiB of
/// pipelined requests) and the reply being written (tens of KiB here),
/// so 50 of them need about 20 MiB over the few MiB of an idle server.
/// A server that kept queueing replies for them would pass it.
const RSS_CEILING_KIB: u64 = 64 * 1024;

/// The server process, killed on drop.
struct Serve {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(args: &[&str]) -> Serve {
    let mut child = Command::new(env!("CARGO_BIN_EXE_agora-token"))
        .args(["serve", "--demo", "--port", "0"])
        .args(args)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("banner").unwrap();
        if let Some(rest) = line.strip_prefix("Listening on http://") {
            break rest.split_whitespace().next().unwrap().parse().unwrap();
        }
    };
    // Keep reading the banner so the server never blocks on stdout.
    std::thread::spawn(move || lines.for_each(drop));
    Serve { child, addr }
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// The server's `agora_token_open_connections`, read on a connection of its
/// own (counted in it).
fn open_connections(addr: SocketAddr) -> u64 {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(b"GET /metrics HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("agora_token_open_connections "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no open_connections in {text}"))
}

/// Pipelines requests whose replies are built per request (inspect) and
/// large (the playground script), more than the socket buffers hold, and
/// never reads. Returns the stream, to keep it open.
fn slow_reader(addr: SocketAddr) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    // Writing stops mattering once the server stops reading.
    s.set_write_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let body = format!(r#"{{"token":"{TOKEN}"}}"#);
    let inspect = format!(
        "POST /v1/tokens/inspect HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n\
         content-length: {}\r\n\r\n{body}",
        body.len()
    );
    let script = "GET /playground/app.js HTTP/1.1\r\nhost: x\r\n\r\n";
    let mut pipeline = String::new();
    for _ in 0..50 {
        pipeline.push_str(&inspect);
    }
    // 400 x 22 KiB: about 9 MiB of replies, over what the kernel buffers.
    for _ in 0..400 {
        pipeline.push_str(script);
    }
    let _ = s.write_all(pipeline.as_bytes());
    s
}

#[test]
fn slow_readers_are_cut_off_by_the_write_timeout_and_memory_stays_bounded() {
    let server = serve(&[
        "--ip-rate-limit",
        "0",
        "--caller-rate-limit",
        "0",
        "--write-timeout-ms",
        &WRITE_TIMEOUT_MS.to_string(),
    ]);
    let pid = server.child.id();
    let idle = rss_kib(pid);
    let addr = server.addr;
    let writers: Vec<_> = (0..SLOW_READERS)
        .map(|_| std::thread::spawn(move || slow_reader(addr)))
        .collect();
    let streams: Vec<TcpStream> = writers.into_iter().map(|w| w.join().unwrap()).collect();
    let stuck = open_connections(addr);

    // Until the write timeout has passed (with margin), memory stays under
    // the ceiling; then the stuck connections must be gone.
    let start = Instant::now();
    let mut peak = idle;
    let mut left = stuck;
    while start.elapsed() < Duration::from_millis(WRITE_TIMEOUT_MS * 4) {
        peak = peak.max(rss_kib(pid));
        std::thread::sleep(Duration::from_millis(100));
        if start.elapsed() > Duration::from_millis(WRITE_TIMEOUT_MS + 500) {
            left = open_connections(addr);
            if left == 1 {
                break;
            }
        }
    }
    eprintln!(
        "{SLOW_READERS} slow readers: RSS idle {idle} KiB, peak {peak} KiB; \
         open connections stuck {stuck}, after the write timeout {left}"
    );
    drop(streams);
    assert!(
        stuck > SLOW_READERS as u64 / 2,
        "the slow readers did not hold their connections: {stuck}"
    );
    assert!(
        peak < RSS_CEILING_KIB,
        "RSS peaked at {peak} KiB (ceiling {RSS_CEILING_KIB} KiB)"
    );
    assert_eq!(left, 1, "connections still open after the write timeout");
}
