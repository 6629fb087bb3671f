//! The one-line progress indicator of long scans: files read, files parsed, objects found, then
//! the stage. It appears only after [`DELAY`] (short runs print nothing) and only when the
//! caller enabled it (a terminal on stderr, not `--quiet`, not CI: see [`wanted`]). Counters are
//! atomics bumped by the worker threads; one drawing thread reads them a few times a second.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a run goes before the indicator appears.
pub const DELAY: Duration = Duration::from_secs(2);
const REFRESH: Duration = Duration::from_millis(150);

/// Whether a run should show progress: stderr is a terminal, `--quiet` is not given and the
/// `CI` variable is unset.
#[must_use]
pub fn wanted(stderr_is_terminal: bool, quiet: bool, ci: Option<std::ffi::OsString>) -> bool {
    stderr_is_terminal && !quiet && ci.is_none()
}

/// Where a run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Stage {
    Reading = 0,
    Parsing = 1,
    Checking = 2,
    Writing = 3,
}

/// A handle on the indicator; clones share it. [`Progress::hidden`] (the default) counts nothing
/// and draws nothing.
#[derive(Clone, Debug, Default)]
pub struct Progress(Option<Arc<Shared>>);

#[derive(Debug, Default)]
struct Shared {
    files_total: AtomicUsize,
    files_read: AtomicUsize,
    files_parsed: AtomicUsize,
    objects: AtomicUsize,
    stage: AtomicU8,
    /// Dropped by [`Progress::finish`]: the drawing thread clears the line and ends.
    stop: Mutex<Option<mpsc::Sender<()>>>,
    drawer: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl Progress {
    /// No indicator.
    #[must_use]
    pub fn hidden() -> Self {
        Self(None)
    }

    /// An indicator on stderr, drawn from [`DELAY`] after now until [`Progress::finish`].
    #[must_use]
    pub fn on_stderr() -> Self {
        let shared = Arc::new(Shared::default());
        let (tx, rx) = mpsc::channel::<()>();
        *lock(&shared.stop) = Some(tx);
        let state = Arc::clone(&shared);
        let drawer = std::thread::spawn(move || draw(&state, &rx));
        *lock(&shared.drawer) = Some(drawer);
        Self(Some(shared))
    }

    /// Files about to be read.
    pub fn add_files(&self, n: usize) {
        self.bump(|s| &s.files_total, n);
    }

    pub fn file_read(&self) {
        self.bump(|s| &s.files_read, 1);
    }

    /// A file parsed, with the Kubernetes objects found in it.
    pub fn file_parsed(&self, objects: usize) {
        self.bump(|s| &s.files_parsed, 1);
        self.bump(|s| &s.objects, objects);
    }

    pub fn stage(&self, stage: Stage) {
        if let Some(s) = &self.0 {
            s.stage.store(stage as u8, Ordering::Relaxed);
        }
    }

    /// Clears the line (if drawn) and stops drawing; later calls do nothing.
    pub fn finish(&self) {
        let Some(s) = &self.0 else { return };
        drop(lock(&s.stop).take());
        if let Some(drawer) = lock(&s.drawer).take() {
            let _ = drawer.join();
        }
    }

    fn bump(&self, counter: impl Fn(&Shared) -> &AtomicUsize, n: usize) {
        if let Some(s) = &self.0 {
            counter(s).fetch_add(n, Ordering::Relaxed);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The line for the current counters.
fn line(s: &Shared) -> String {
    let total = s.files_total.load(Ordering::Relaxed);
    let read = s.files_read.load(Ordering::Relaxed);
    let parsed = s.files_parsed.load(Ordering::Relaxed);
    let objects = s.objects.load(Ordering::Relaxed);
    match s.stage.load(Ordering::Relaxed) {
        0 => format!("reading files {read}/{total}"),
        1 => format!("parsing files {parsed}/{total}, {objects} objects"),
        2 => format!("checking {objects} objects from {parsed} files"),
        _ => format!("writing the report ({objects} objects from {parsed} files)"),
    }
}

fn draw(s: &Shared, stop: &mpsc::Receiver<()>) {
    let start = Instant::now();
    // Nothing is drawn for short runs.
    if !matches!(stop.recv_timeout(DELAY), Err(RecvTimeoutError::Timeout)) {
        return;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.set_elapsed(start.elapsed());
    loop {
        bar.set_message(line(s));
        bar.tick();
        if !matches!(stop.recv_timeout(REFRESH), Err(RecvTimeoutError::Timeout)) {
            break;
        }
    }
    bar.finish_and_clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_only_on_a_terminal_without_quiet_or_ci() {
        assert!(wanted(true, false, None));
        assert!(!wanted(false, false, None), "never on a pipe");
        assert!(!wanted(true, true, None), "never with --quiet");
        assert!(!wanted(true, false, Some("true".into())), "never in CI");
    }

    #[test]
    fn counts_files_and_objects_by_stage() {
        let p = Progress::on_stderr();
        p.add_files(3);
        p.file_read();
        let s = p.0.as_ref().unwrap();
        assert_eq!(line(s), "reading files 1/3");
        p.stage(Stage::Parsing);
        p.file_parsed(4);
        p.file_parsed(0);
        assert_eq!(line(s), "parsing files 2/3, 4 objects");
        p.stage(Stage::Checking);
        assert_eq!(line(s), "checking 4 objects from 2 files");
        // Finished before the delay: nothing was drawn, and the thread is gone.
        p.finish();
        assert!(lock(&s.drawer).is_none());
        p.finish();
    }

    #[test]
    fn hidden_counts_nothing() {
        let p = Progress::hidden();
        p.add_files(1);
        p.file_parsed(2);
        p.finish();
        assert!(p.0.is_none());
    }
}
