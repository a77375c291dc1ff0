//! [`WriteTimeout`]: a connection's IO where a write that makes no progress
//! for a set time fails. hyper has no write deadline of its own: without
//! one, a client that sends requests and never reads the replies keeps the
//! connection, and the replies hyper holds for it, forever.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{sleep, Instant, Sleep};

/// `inner` with a write timeout: from the moment a write (or flush) cannot
/// proceed, the client has `timeout` to take some bytes; each byte taken
/// restarts the clock. Past it, writes fail with `TimedOut` and hyper drops
/// the connection. Reads are untouched (the header and request deadlines
/// cover them).
#[derive(Debug)]
pub struct WriteTimeout<S> {
    inner: S,
    timeout: Duration,
    /// Armed while a write is blocked; `None` after progress.
    deadline: Option<Pin<Box<Sleep>>>,
}

impl<S> WriteTimeout<S> {
    /// Wraps `inner`.
    pub fn new(inner: S, timeout: Duration) -> Self {
        WriteTimeout {
            inner,
            timeout,
            deadline: None,
        }
    }

    /// Turns a blocked write into `TimedOut` once the deadline passes, and
    /// any progress into a disarmed deadline.
    fn watch<T>(
        &mut self,
        cx: &mut Context<'_>,
        polled: Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        match polled {
            Poll::Ready(r) => {
                self.deadline = None;
                Poll::Ready(r)
            }
            Poll::Pending => {
                let timeout = self.timeout;
                let deadline = self
                    .deadline
                    .get_or_insert_with(|| Box::pin(sleep(timeout)));
                ready!(deadline.as_mut().poll(cx));
                // Re-arm, so a caller that retries gets another full period
                // rather than a deadline stuck in the past.
                deadline.as_mut().reset(Instant::now() + timeout);
                Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "client took no reply bytes within the write timeout",
                )))
            }
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for WriteTimeout<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for WriteTimeout<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.watch(cx, polled)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.watch(cx, polled)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let polled = Pin::new(&mut self.inner).poll_flush(cx);
        self.watch(cx, polled)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let polled = Pin::new(&mut self.inner).poll_shutdown(cx);
        self.watch(cx, polled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

    #[tokio::test(start_paused = true)]
    async fn a_blocked_write_fails_after_the_timeout() {
        // A 64-byte pipe nobody reads: the second write blocks.
        let (client, _reader) = tokio::io::duplex(64);
        let mut io = WriteTimeout::new(client, Duration::from_secs(5));
        io.write_all(&[0; 64]).await.unwrap();
        let started = Instant::now();
        let e = io.write_all(&[0; 64]).await.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::TimedOut);
        assert_eq!(started.elapsed(), Duration::from_secs(5));
    }

    #[tokio::test(start_paused = true)]
    async fn progress_restarts_the_clock() {
        let (client, mut reader) = tokio::io::duplex(64);
        let mut io = WriteTimeout::new(client, Duration::from_secs(5));
        let drain = tokio::spawn(async move {
            use tokio::io::AsyncReadExt;
            let mut buf = [0u8; 16];
            // Takes 16 bytes every 3 s: slower than the writer, but never
            // 5 s without progress.
            for _ in 0..12 {
                tokio::time::sleep(Duration::from_secs(3)).await;
                reader.read_exact(&mut buf).await.unwrap();
            }
            reader
        });
        io.write_all(&[0; 64 + 128]).await.unwrap();
        drain.await.unwrap();
    }
}
