//! Input sources: paths named on the command line (files, directories walked with `.gitignore`
//! awareness, `-` for standard input) read into [`SourceFile`]s. Reading never panics: every
//! unreadable, binary, oversized or non-UTF-8 input becomes an [`InputError`] with its position.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::GlobSet;

use crate::diagnostic::{InputError, escape_inline};
use crate::document::{SourceFile, Span};
use crate::i18n::Msg;

/// Files a directory walk finds that are larger than this are refused rather than read: a walk
/// meets whatever a repository holds (data dumps, generated files), and a tree takes several
/// times its text.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// The limit for what the user names (a file, a pipe, `-`): a whole-cluster export
/// (`kubectl get -A -o json`) is one file of hundreds of MB. Below the 512 MiB a span can reach
/// (`document::node::MAX_SPAN_END`).
pub const MAX_NAMED_FILE_SIZE: u64 = 500 * 1024 * 1024;

/// The first bytes of an input where a NUL byte makes it binary.
const BINARY_SNIFF: usize = 8192;

/// File extensions read when walking a directory: YAML/JSON documents (Kubernetes, eksctl,
/// CloudFormation, AWS CLI output) and Terraform (`.tf`, `.tfvars`, loaded per directory).
pub const MANIFEST_EXTENSIONS: &[&str] = &["yaml", "yml", "json", "tf", "tfvars"];

/// Something to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input, shown as `display` (`-`, or the name given with `--stdin-filename`).
    Stdin { display: String },
    File {
        display: String,
        path: PathBuf,
        /// Named by the user rather than found by a walk: read up to [`MAX_NAMED_FILE_SIZE`]
        /// instead of [`MAX_FILE_SIZE`].
        named: bool,
    },
}

impl Input {
    #[must_use]
    pub fn display(&self) -> &str {
        match self {
            Self::Stdin { display } | Self::File { display, .. } => display,
        }
    }

    /// The most bytes read of it (standard input is always named).
    #[must_use]
    pub fn max_size(&self) -> u64 {
        match self {
            Self::Stdin { .. } | Self::File { named: true, .. } => MAX_NAMED_FILE_SIZE,
            Self::File { named: false, .. } => MAX_FILE_SIZE,
        }
    }
}

/// Directories that hold other tools' test data (Go's `testdata`, Jest's `__snapshots__`):
/// dumps of live objects and recorded outputs, not what the project deploys. Skipped when walking
/// a directory unless [`Walk::default_excludes`] is off.
pub const DEFAULT_EXCLUDES: &[&str] = &["testdata", "__snapshots__"];

/// Names never read by a walk, hidden or not: ladrillo's own config, version control.
const NEVER_WALKED: &[&str] = &[".git", ".ladrillo.yaml", ".ladrillo.yml"];

/// How directories are walked.
#[derive(Clone, Debug)]
pub struct Walk {
    /// Globs of paths never read (`exclude` in `.ladrillo.yaml`).
    pub exclude: GlobSet,
    /// Read hidden files and directories (names starting with `.`) too.
    pub hidden: bool,
    /// Skip [`DEFAULT_EXCLUDES`].
    pub default_excludes: bool,
}

impl Default for Walk {
    fn default() -> Self {
        Self { exclude: GlobSet::empty(), hidden: false, default_excludes: true }
    }
}

/// What [`discover`] found, and what a walk passed over.
#[derive(Debug, Default)]
pub struct Discovered {
    pub inputs: Vec<Input>,
    pub errors: Vec<InputError>,
    /// Hidden directories and hidden manifest-like files a walk did not enter or read.
    pub hidden_skipped: usize,
    /// Directories skipped as other tools' test data ([`DEFAULT_EXCLUDES`]).
    pub default_excluded: usize,
    /// Links to directories a walk met and did not follow, as shown in reports.
    pub linked_dirs: Vec<String>,
}

/// Expands command-line paths into inputs. Directories are walked recursively in a stable
/// order, honouring `.gitignore`, `.ignore` and `.ladrilloignore`, skipping hidden entries and
/// other tools' test data unless `walk` says otherwise, and counting what was skipped; only
/// manifest-like files are kept. Files and directories named explicitly are always read.
#[must_use]
pub fn discover(paths: &[String], walk: &Walk) -> Discovered {
    let mut found = Discovered::default();
    // The real path of each input where a walk knows it without asking the system: resolving
    // every path of a large tree (one `readlink` per step of each) took a third of a walk.
    let mut real: Vec<Option<PathBuf>> = Vec::new();
    for arg in paths {
        real.resize(found.inputs.len(), None);
        if arg == "-" {
            found.inputs.push(Input::Stdin { display: "-".to_string() });
            continue;
        }
        let path = Path::new(arg);
        // Names are shown as they are but for control and bidirectional characters (see
        // `escape_inline`): a file name must not drive the terminal the report is read on.
        let display = escape_inline(arg).into_owned();
        match std::fs::metadata(path) {
            // A link that cannot be followed is said to be one, as a walk says it.
            Err(e) => found
                .errors
                .push(InputError::file(display, broken_link(path).unwrap_or_else(|| io_message(&e)))),
            Ok(m) if m.is_dir() => {
                let first = found.inputs.len();
                let linked = walk_dir(path, walk, &mut found);
                // Below its real root, a walk's path has no link but a linked file (it does
                // not enter linked directories).
                if let Ok(real_root) = std::fs::canonicalize(path) {
                    for (input, linked) in found.inputs.get(first..).unwrap_or_default().iter().zip(linked) {
                        real.push(match input {
                            Input::File { path: p, .. } if !linked => {
                                p.strip_prefix(path).ok().map(|rel| real_root.join(rel))
                            }
                            _ => None,
                        });
                    }
                }
            }
            Ok(_) => found.inputs.push(Input::File { display, path: path.to_path_buf(), named: true }),
        }
    }
    real.resize(found.inputs.len(), None);
    // A file named twice (or also found in a named directory) is read once: its findings and
    // objects would otherwise all be doubled.
    let mut seen = std::collections::HashSet::new();
    let mut real = real.into_iter();
    found.inputs.retain(|i| {
        let known = real.next().flatten();
        match i {
            Input::Stdin { .. } => seen.insert(None),
            Input::File { path, .. } => seen.insert(Some(
                known.unwrap_or_else(|| std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())),
            )),
        }
    });
    found
}

/// Walks a named directory; returns, for each file it added to `found.inputs`, whether the file
/// is a link.
///
/// The walk runs on as many threads as the scan (a walk of 140,000 files took a second and more
/// on one); what it finds is then put in the order of a walk that visits each directory's
/// entries by name, which is the order of the paths.
fn walk_dir(root: &Path, walk: &Walk, found: &mut Discovered) -> Vec<bool> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let hidden_skipped = Arc::new(AtomicUsize::new(0));
    let default_excluded = Arc::new(AtomicUsize::new(0));
    let (hidden, excluded) = (Arc::clone(&hidden_skipped), Arc::clone(&default_excluded));
    let (read_hidden, default_excludes) = (walk.hidden, walk.default_excludes);
    let walker = ignore::WalkBuilder::new(root)
        .require_git(false)
        .hidden(false)
        .add_custom_ignore_filename(".ladrilloignore")
        .threads(rayon::current_num_threads())
        .filter_entry(move |entry| {
            // What was named on the command line is walked whatever its name.
            if entry.depth() == 0 {
                return true;
            }
            let name = entry.file_name().to_string_lossy();
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if NEVER_WALKED.contains(&name.as_ref()) {
                return false;
            }
            if name.starts_with('.') && !read_hidden {
                if is_dir || is_manifest_like(entry.path()) {
                    hidden.fetch_add(1, Ordering::Relaxed);
                }
                return false;
            }
            if is_dir && default_excludes && DEFAULT_EXCLUDES.contains(&name.as_ref()) {
                excluded.fetch_add(1, Ordering::Relaxed);
                return false;
            }
            true
        })
        .build_parallel();
    let met: std::sync::Mutex<Vec<(PathBuf, Met)>> = std::sync::Mutex::default();
    let walk_errors: std::sync::Mutex<Vec<String>> = std::sync::Mutex::default();
    walker.run(|| {
        Box::new(|entry| {
            match entry {
                // A list is left poisoned only by a panic while it is held, which a push cannot
                // cause but by running out of memory: what it holds is still whole.
                Err(e) => walk_errors
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push(escape_inline(&e.to_string()).into_owned()),
                Ok(entry) => {
                    if let Some(m) = meet(&entry, root, walk) {
                        met.lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .push((entry.into_path(), m));
                    }
                }
            }
            ignore::WalkState::Continue
        })
    });
    let mut met = met.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    met.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut linked = Vec::new();
    for (path, m) in met {
        match m {
            Met::Input { display, is_link } => {
                found.inputs.push(Input::File { display, path, named: false });
                linked.push(is_link);
            }
            Met::LinkedDir(display) => found.linked_dirs.push(display),
            Met::Error(e) => found.errors.push(e),
        }
    }
    // Errors of the walk itself (a directory that cannot be read) are filed under the walked
    // directory, in the order of their messages.
    let mut walk_errors = walk_errors.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    walk_errors.sort_unstable();
    let shown = escape_inline(&root.display().to_string()).into_owned();
    for message in walk_errors {
        found.errors.push(InputError::file(shown.clone(), crate::msg!("io-other", reason = message)));
    }
    found.hidden_skipped += hidden_skipped.load(Ordering::Relaxed);
    found.default_excluded += default_excluded.load(Ordering::Relaxed);
    linked
}

/// What a walk makes of an entry it met.
enum Met {
    /// A manifest-like regular file to read (or a link to one).
    Input { display: String, is_link: bool },
    /// A link to a directory, not followed.
    LinkedDir(String),
    /// A broken or looping link, or a special file.
    Error(InputError),
}

fn meet(entry: &ignore::DirEntry, root: &Path, walk: &Walk) -> Option<Met> {
    let path = entry.path();
    let rel = path.strip_prefix(root).unwrap_or(path);
    if walk.exclude.is_match(path) || walk.exclude.is_match(rel) {
        return None;
    }
    let display = || escape_inline(&path.display().to_string()).into_owned();
    // A linked manifest is read like any other; a broken or looping link is an error, not a
    // silent skip. Linked directories are not walked (a link may lead out of the tree, or back
    // into it): each is named, whatever its name.
    let is_link = entry.path_is_symlink();
    let file_type = if is_link {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => return Some(Met::LinkedDir(display())),
            Ok(m) => m.file_type(),
            Err(e) => {
                return is_manifest_like(path)
                    .then(|| Met::Error(InputError::file(display(), link_message(path, &e))));
            }
        }
    } else {
        entry.file_type()?
    };
    if file_type.is_dir() || !is_manifest_like(path) {
        return None;
    }
    // A named pipe, socket or device is never opened by a walk: a pipe without a writer would
    // block, a device never ends. Named on the command line, it is read (bounded, without
    // waiting for a writer).
    if !file_type.is_file() {
        let message = crate::msg!("input-not-regular-file", kind = special_kind(file_type));
        return Some(Met::Error(InputError::file(display(), message)));
    }
    Some(Met::Input { display: display(), is_link })
}

/// What kept manifest-like files of the named directories from being read: the ignore files
/// (`.ladrilloignore`, `.ignore`, `.gitignore`, nearest first) that match them, `exclude` (the
/// globs of `.ladrillo.yaml`), or git's own rules (`.git/info/exclude`, the global excludes
/// file). Walks the directories a second time without filters, so callers ask only when it
/// matters (a run that found nothing to analyse). Sorted, without repeats.
#[must_use]
pub fn ignored_by(paths: &[String], walk: &Walk) -> Vec<Ignored> {
    let mut out = std::collections::BTreeSet::new();
    let mut matchers: std::collections::HashMap<PathBuf, Option<ignore::gitignore::Gitignore>> =
        std::collections::HashMap::new();
    for arg in paths.iter().filter(|p| *p != "-") {
        let root = Path::new(arg);
        if !root.is_dir() {
            continue;
        }
        let mut found = Discovered::default();
        walk_dir(root, walk, &mut found);
        let kept: std::collections::HashSet<PathBuf> = found
            .inputs
            .into_iter()
            .filter_map(|i| match i {
                Input::File { path, .. } => Some(path),
                Input::Stdin { .. } => None,
            })
            .collect();
        let Ok(abs_root) = std::fs::canonicalize(root) else { continue };
        // The same walk without the ignore files (hidden entries and other tools' test data
        // are counted in the summary on their own).
        let (read_hidden, default_excludes) = (walk.hidden, walk.default_excludes);
        let all = ignore::WalkBuilder::new(root)
            .standard_filters(false)
            .filter_entry(move |entry| {
                let name = entry.file_name().to_string_lossy();
                entry.depth() == 0
                    || !(NEVER_WALKED.contains(&name.as_ref())
                        || (name.starts_with('.') && !read_hidden)
                        || (default_excludes
                            && DEFAULT_EXCLUDES.contains(&name.as_ref())
                            && entry.file_type().is_some_and(|t| t.is_dir())))
            })
            .build();
        for entry in all.flatten() {
            let path = entry.path();
            if !entry.file_type().is_some_and(|t| t.is_file())
                || !is_manifest_like(path)
                || kept.contains(path)
            {
                continue;
            }
            let rel = path.strip_prefix(root).unwrap_or(path);
            if walk.exclude.is_match(path) || walk.exclude.is_match(rel) {
                out.insert(Ignored::Exclude);
                continue;
            }
            let Ok(abs) = std::fs::canonicalize(path) else { continue };
            let by = abs.ancestors().skip(1).find_map(|dir| {
                [".ladrilloignore", ".ignore", ".gitignore"].iter().find_map(|name| {
                    let file = dir.join(name);
                    let m = matchers.entry(file.clone()).or_insert_with(|| {
                        file.is_file().then(|| ignore::gitignore::Gitignore::new(&file).0)
                    });
                    m.as_ref()
                        .is_some_and(|m| m.matched_path_or_any_parents(&abs, false).is_ignore())
                        .then_some(file)
                })
            });
            out.insert(match by {
                Some(file) => Ignored::File(match file.strip_prefix(&abs_root) {
                    Ok(r) => root.join(r).display().to_string(),
                    Err(_) => file.display().to_string(),
                }),
                None => Ignored::Git,
            });
        }
    }
    out.into_iter().collect()
}

/// What removed inputs from a directory walk (see [`ignored_by`]).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Ignored {
    /// An ignore file, as a path under the named directory when it is in it.
    File(String),
    /// The `exclude` globs of `.ladrillo.yaml`.
    Exclude,
    /// git's own excludes (`.git/info/exclude`, `core.excludesFile`).
    Git,
}

/// Whether a file name looks like something ladrillo reads.
#[must_use]
pub fn is_manifest_like(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| MANIFEST_EXTENSIONS.iter().any(|m| m.eq_ignore_ascii_case(e)))
}

/// Longest glob accepted from a config, and most wildcards in one: globs come from the scanned
/// repository, and a pattern of thousands of `*` compiles to a matcher past the regex size limit.
pub const MAX_GLOB_LEN: usize = 1024;
/// See [`MAX_GLOB_LEN`].
pub const MAX_GLOB_WILDCARDS: usize = 64;

/// A glob from a config, bounded in length and wildcards (see [`MAX_GLOB_LEN`]); the error is a
/// message naming the pattern and what is wrong with it.
pub fn glob(pattern: &str) -> Result<globset::Glob, Msg> {
    if pattern.len() > MAX_GLOB_LEN {
        return Err(crate::msg!("glob-too-long", max = MAX_GLOB_LEN));
    }
    let wildcards = pattern.chars().filter(|c| matches!(c, '*' | '?' | '[' | '{')).count();
    if wildcards > MAX_GLOB_WILDCARDS {
        return Err(crate::msg!("glob-too-many-wildcards", max = MAX_GLOB_WILDCARDS));
    }
    globset::Glob::new(pattern).map_err(|e| glob_error(pattern, &e))
}

/// A bounded glob compiled to a matcher; a pattern whose matcher cannot be built is an error,
/// never a panic (`Glob::compile_matcher` panics on one).
pub fn glob_matcher(pattern: &str) -> Result<globset::GlobMatcher, Msg> {
    let g = glob(pattern)?;
    globset::GlobSetBuilder::new().add(g.clone()).build().map_err(|e| glob_error(pattern, &e))?;
    Ok(g.compile_matcher())
}

/// globset's error as a message: what is wrong in the reader's language, globset's own English
/// wording only for the rare errors of the regex it compiles to.
fn glob_error(pattern: &str, e: &globset::Error) -> Msg {
    use globset::ErrorKind;
    let reason = match e.kind() {
        ErrorKind::UnclosedClass => crate::msg!("glob-unclosed-class"),
        ErrorKind::InvalidRange(from, to) => {
            crate::msg!("glob-invalid-range", from = from.to_string(), to = to.to_string())
        }
        ErrorKind::UnopenedAlternates => crate::msg!("glob-unopened-alternates"),
        ErrorKind::UnclosedAlternates => crate::msg!("glob-unclosed-alternates"),
        ErrorKind::TooManyNestedAlternates => crate::msg!("glob-nested-too-deep"),
        ErrorKind::DanglingEscape => crate::msg!("glob-dangling-escape"),
        kind => crate::msg!("glob-other", detail = kind.to_string()),
    };
    crate::msg!("glob-invalid", glob = escape_inline(pattern).to_string(), reason = reason)
}

/// Reads an input into a source file.
pub fn read(input: &Input) -> Result<Arc<SourceFile>, InputError> {
    let display = input.display().to_string();
    let limit = input.max_size();
    let bytes = match input {
        Input::Stdin { .. } => read_bounded(&display, std::io::stdin().lock(), None, limit)?,
        Input::File { path, .. } => read_file(&display, path, limit)?,
    };
    let path = match input {
        Input::File { path, .. } => Some(path.as_path()),
        Input::Stdin { .. } => None,
    };
    from_bytes(display, path, bytes)
}

/// Reads a file named or found, never more than `limit` bytes of it: devices (`/dev/zero`),
/// pipes and process substitutions have no size to check first. A named pipe is opened without
/// waiting for a writer, so one without a writer cannot stop the run.
fn read_file(display: &str, path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let fail = |e: std::io::Error| InputError::file(display, io_message(&e));
    let meta = std::fs::metadata(path).map_err(fail)?;
    if meta.is_file() && meta.len() > limit {
        return Err(too_large(display, limit));
    }
    let fifo = is_fifo(&meta);
    let file = open_for_reading(path, fifo).map_err(fail)?;
    let size = meta.is_file().then_some(meta.len());
    let buf = read_bounded(display, file, size, limit)?;
    if fifo && buf.is_empty() {
        return Err(InputError::file(display, Msg::new("input-pipe-without-writer")));
    }
    Ok(buf)
}

/// Reads at most `limit` bytes of an input, or fails naming the limit. A regular file (`size`
/// known) is read into room of its size: grown by doubling, the text (kept for the whole run)
/// would hold up to twice its bytes. A stream without a size (standard input, a pipe, a device)
/// whose first bytes hold a NUL byte is binary: it is read no further (`/dev/zero`, hundreds of MB
/// before the limit), and `from_bytes` says so.
fn read_bounded(
    display: &str,
    input: impl Read,
    size: Option<u64>,
    limit: u64,
) -> Result<Vec<u8>, InputError> {
    let fail = |e: std::io::Error| InputError::file(display, io_message(&e));
    let mut buf = Vec::with_capacity(size.and_then(|s| usize::try_from(s).ok()).unwrap_or(0));
    let mut input = input.take(limit + 1);
    if size.is_none() {
        (&mut input).take(BINARY_SNIFF as u64).read_to_end(&mut buf).map_err(fail)?;
        if memchr::memchr(0, &buf).is_some() {
            return Ok(buf);
        }
    }
    input.read_to_end(&mut buf).map_err(fail)?;
    if buf.len() as u64 > limit {
        return Err(too_large(display, limit));
    }
    Ok(buf)
}

#[cfg(unix)]
pub(crate) fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
pub(crate) fn is_fifo(_: &std::fs::Metadata) -> bool {
    false
}

/// Opens a file; a named pipe without blocking on the open (which waits for a writer), then
/// back to blocking reads (which end at once when no writer is there).
#[cfg(unix)]
pub(crate) fn open_for_reading(path: &Path, fifo: bool) -> std::io::Result<std::fs::File> {
    use rustix::fs::OFlags;
    use std::os::unix::fs::OpenOptionsExt as _;
    if !fifo {
        return std::fs::File::open(path);
    }
    let flags = i32::try_from(OFlags::NONBLOCK.bits()).unwrap_or_default();
    let file = std::fs::OpenOptions::new().read(true).custom_flags(flags).open(path)?;
    rustix::fs::fcntl_setfl(&file, OFlags::empty())?;
    Ok(file)
}

#[cfg(not(unix))]
pub(crate) fn open_for_reading(path: &Path, _fifo: bool) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Validates and wraps raw bytes (also used by tests and other front ends), at most
/// [`MAX_NAMED_FILE_SIZE`] of them.
pub fn from_bytes(
    display: String,
    path: Option<&Path>,
    bytes: Vec<u8>,
) -> Result<Arc<SourceFile>, InputError> {
    if bytes.len() as u64 > MAX_NAMED_FILE_SIZE {
        return Err(too_large(&display, MAX_NAMED_FILE_SIZE));
    }
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(InputError::file(display, crate::msg!("input-wrong-encoding", encoding = "UTF-32")));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::file(display, crate::msg!("input-wrong-encoding", encoding = "UTF-16")));
    }
    if let Some(nul) = memchr::memchr(0, bytes.get(..BINARY_SNIFF).unwrap_or(&bytes)) {
        // Only the valid UTF-8 prefix is kept, so the span is a char boundary of the text.
        let head = bytes.get(..nul).unwrap_or_default();
        let end = std::str::from_utf8(head).map_or_else(|e| e.valid_up_to(), str::len);
        let text = String::from_utf8_lossy(head.get(..end).unwrap_or_default()).into_owned();
        let file = SourceFile::new(display.clone(), path, text);
        return Err(InputError::at(&file, Span::new(end, end), Msg::new("input-binary")));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(display, path, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let file = SourceFile::new(
                display,
                path,
                String::from_utf8_lossy(bytes.get(..valid).unwrap_or_default()).into_owned(),
            );
            Err(InputError::at(&file, Span::new(valid, valid), Msg::new("input-not-utf8")))
        }
    }
}

/// A walk's limit names the larger one a file named on the command line gets.
fn too_large(display: &str, limit: u64) -> InputError {
    let mib = |n: u64| n / (1024 * 1024);
    let message = if limit < MAX_NAMED_FILE_SIZE {
        crate::msg!("input-too-large-found", mib = mib(limit), named = mib(MAX_NAMED_FILE_SIZE))
    } else {
        crate::msg!("input-too-large", mib = mib(limit))
    };
    InputError::file(display, message)
}

/// What a file that is not a regular file is, for messages.
fn special_kind(t: std::fs::FileType) -> Msg {
    Msg::new(special_kind_id(t))
}

fn special_kind_id(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "input-kind-fifo";
        }
        if t.is_socket() {
            return "input-kind-socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "input-kind-device";
        }
    }
    let _ = t;
    "input-kind-special"
}

/// Why a link found by a walk cannot be read: a loop is named as such.
/// Why `path`, a symbolic link that cannot be followed, cannot be (a loop, a target that does
/// not exist); none for anything else.
#[must_use]
pub fn broken_link(path: &Path) -> Option<Msg> {
    if !std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return None;
    }
    std::fs::metadata(path).err().map(|e| link_message(path, &e))
}

fn link_message(link: &Path, e: &std::io::Error) -> Msg {
    #[cfg(unix)]
    if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
        return Msg::new("input-link-loop");
    }
    match (e.kind(), missing_target(link)) {
        (std::io::ErrorKind::NotFound, Some(target)) => {
            crate::msg!(
                "input-link-broken",
                target = escape_inline(&target.display().to_string()).into_owned()
            )
        }
        _ => io_message(e),
    }
}

/// Where a broken link leads: its target, or, through a chain of links, the last link's target,
/// as a path from where the link is named (`dir/link -> x.yaml` leads to `dir/x.yaml`).
fn missing_target(link: &Path) -> Option<PathBuf> {
    let mut at = link.to_path_buf();
    // As many links as Linux follows in one path (`MAXSYMLINKS`); a loop is an error of its own.
    for _ in 0..40 {
        let target = std::fs::read_link(&at).ok()?;
        let next = match at.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
        if !std::fs::symlink_metadata(&next).is_ok_and(|m| m.file_type().is_symlink()) {
            return Some(next);
        }
        at = next;
    }
    None
}

/// Why a file cannot be read: the two common reasons in the reader's language, any other as the
/// operating system words it.
fn io_message(e: &std::io::Error) -> Msg {
    match e.kind() {
        std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => crate::i18n::io_msg(e),
        _ => crate::msg!("io-other", reason = e.to_string()),
    }
}
