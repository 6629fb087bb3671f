//! What one client connection may hold and for how long. A connection is in one of three
//! phases: idle (between requests, or before the first one), reading a request head (from its
//! first byte), or busy with a request (its body read under the read timeout, then judged). Each
//! phase but busy has a deadline; a write that makes no progress (a client that never reads)
//! has its own. The socket is wrapped in [`Guarded`], which sees the bytes arriving and the
//! writes that wait, and the HTTP service marks the start and end of each request.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::Notify;
use tokio::time::{Instant, Sleep};

/// The server's limits on its clients (`ladrillo webhook --read-timeout …`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// For a TLS handshake, for a request head from its first byte, and for a request body.
    pub read_timeout: Duration,
    /// For a write to make progress: a client that stops reading is disconnected.
    pub write_timeout: Duration,
    /// For a keep-alive connection without a request.
    pub idle_timeout: Duration,
    /// Connections open at once; more wait (in the listen backlog) until one closes.
    pub max_connections: usize,
}

/// Defaults of [`Limits`], in seconds and connections.
pub const READ_TIMEOUT: u64 = 10;
pub const WRITE_TIMEOUT: u64 = 10;
/// Longer than the 90 s after which the API server's HTTP client (Go's default transport) drops
/// an idle connection itself: the client, not the server, closes it, so a review is never sent
/// on a connection the server is closing.
pub const IDLE_TIMEOUT: u64 = 120;
pub const MAX_CONNECTIONS: u32 = 64;

impl Default for Limits {
    fn default() -> Self {
        Self {
            read_timeout: Duration::from_secs(READ_TIMEOUT),
            write_timeout: Duration::from_secs(WRITE_TIMEOUT),
            idle_timeout: Duration::from_secs(IDLE_TIMEOUT),
            max_connections: MAX_CONNECTIONS as usize,
        }
    }
}

/// What a connection is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Between requests (or before the first): nothing expected from either side.
    Idle,
    /// A request head is arriving.
    Head,
    /// A request is being read and judged.
    Busy,
}

/// A connection's phase and when it began.
#[derive(Debug)]
pub struct Activity {
    state: Mutex<(Phase, Instant)>,
    write_timed_out: AtomicBool,
    /// Wakes [`overstay`] when the phase changes, so it follows the new phase's deadline.
    changed: Notify,
}

impl Default for Activity {
    fn default() -> Self {
        Self {
            state: Mutex::new((Phase::Idle, Instant::now())),
            write_timed_out: AtomicBool::new(false),
            changed: Notify::new(),
        }
    }
}

impl Activity {
    #[must_use]
    pub fn get(&self) -> (Phase, Instant) {
        *self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Enters `phase` now.
    pub fn set(&self, phase: Phase) {
        *self.state.lock().unwrap_or_else(PoisonError::into_inner) = (phase, Instant::now());
        self.changed.notify_one();
    }

    /// Whether a write failed for want of progress (the connection then ends with an error).
    #[must_use]
    pub fn write_timed_out(&self) -> bool {
        self.write_timed_out.load(Ordering::Relaxed)
    }

    /// Bytes arrived: on an idle connection, a request head has begun.
    fn bytes_read(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if state.0 == Phase::Idle {
            *state = (Phase::Head, Instant::now());
            drop(state);
            self.changed.notify_one();
        }
    }
}

/// Resolves with the reason when the connection overstays its phase: `idle-timeout`,
/// `header-timeout`, or `shed` — idle when `shed` is notified (the accept loop is at the
/// connection cap and makes room).
pub async fn overstay(activity: &Activity, limits: &Limits, shed: &Notify) -> &'static str {
    loop {
        let (phase, since) = activity.get();
        let deadline = match phase {
            Phase::Idle => since + limits.idle_timeout,
            Phase::Head => since + limits.read_timeout,
            // The body has its own timeout and judging it is bounded work: look again later.
            Phase::Busy => Instant::now() + limits.read_timeout,
        };
        tokio::select! {
            () = tokio::time::sleep_until(deadline) => {}
            () = activity.changed.notified() => continue,
            () = shed.notified() => {
                if activity.get().0 == Phase::Idle {
                    return "shed";
                }
                continue;
            }
        }
        if activity.get() == (phase, since) {
            match phase {
                Phase::Idle => return "idle-timeout",
                Phase::Head => return "header-timeout",
                Phase::Busy => {}
            }
        }
    }
}

/// A socket that marks arriving bytes in its connection's [`Activity`] and fails a write that
/// makes no progress within the write timeout (the error's kind is `TimedOut`).
#[derive(Debug)]
pub struct Guarded<S> {
    inner: S,
    activity: Arc<Activity>,
    write_timeout: Duration,
    write_deadline: Option<Pin<Box<Sleep>>>,
}

impl<S> Guarded<S> {
    pub fn new(inner: S, activity: Arc<Activity>, write_timeout: Duration) -> Self {
        Self { inner, activity, write_timeout, write_deadline: None }
    }

    fn watch_write<T>(&mut self, cx: &mut Context<'_>, polled: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        if polled.is_ready() {
            self.write_deadline = None;
            return polled;
        }
        let timeout = self.write_timeout;
        let deadline = self.write_deadline.get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
        if deadline.as_mut().poll(cx).is_ready() {
            self.write_deadline = None;
            self.activity.write_timed_out.store(true, Ordering::Relaxed);
            return Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, "the client stopped reading")));
        }
        Poll::Pending
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Guarded<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.bytes_read();
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Guarded<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.watch_write(cx, polled)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.watch_write(cx, polled)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let polled = Pin::new(&mut self.inner).poll_flush(cx);
        self.watch_write(cx, polled)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let polled = Pin::new(&mut self.inner).poll_shutdown(cx);
        self.watch_write(cx, polled)
    }
}
