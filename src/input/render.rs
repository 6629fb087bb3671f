//! Directories that a tool must render before they hold objects, rendered by ladrillo itself
//! when asked (`--render`): a Helm chart (`Chart.yaml`) with `helm template`, a kustomization
//! with `kustomize build` or, without kustomize, `kubectl kustomize`.
//!
//! These tools run on the input being audited, which may come from a repository nobody has
//! reviewed yet, so each run is fenced:
//!
//! - no shell: the program and an argument vector; no standard input;
//! - a cleared environment: only `PATH`, `HOME` and the temporary directory are passed on (no
//!   cloud or cluster credentials, no `HELM_*` or `KUSTOMIZE_*` settings), plus settings that
//!   refuse the network to remote kustomize bases: git may use local repositories only
//!   (`GIT_ALLOW_PROTOCOL=file`) and HTTP requests go to a closed local port (`HTTP_PROXY`,
//!   `HTTPS_PROXY`);
//! - only flags that keep the tools' defaults closed: `helm template` without
//!   `--dependency-update`, `--enable-dns` or `--post-renderer` (a chart's templates cannot run a
//!   program or reach the network), `kustomize build --enable-alpha-plugins=false
//!   --enable-helm=false --load-restrictor=LoadRestrictionsRootOnly` (no exec or container KRM
//!   functions, no plugins, no files outside the kustomization's root);
//! - a time limit (the tool and everything it started are killed) and a bound on what it prints
//!   (the size a file may have, [`crate::source::MAX_FILE_SIZE`]).
//!
//! A kustomization is built through a wrapper kustomization in a temporary directory that lists
//! it as its only resource and adds `buildMetadata: [originAnnotations]`, so every object names
//! its origin file (see [`super::rendered`]) whether or not the user's kustomization asks for it;
//! the user's files are never written.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::document::RenderTool;

/// How chart and kustomization directories are rendered.
#[derive(Clone, Debug)]
pub struct Render {
    /// Render at all (`--render`). Off by default: rendering runs programs on the input.
    pub enabled: bool,
    /// Values files for `helm template` (`--helm-values FILE`, in order).
    pub values: Vec<PathBuf>,
    /// The `helm` program (`--helm-path`); else `helm` on `PATH`.
    pub helm: Option<PathBuf>,
    /// The `kustomize` program (`--kustomize-path`); else `kustomize` on `PATH`.
    pub kustomize: Option<PathBuf>,
    /// The `kubectl` program (`--kubectl-path`), run as `kubectl kustomize` unless `kustomize`
    /// is given; without either, `kustomize` on `PATH`, else `kubectl` on `PATH`.
    pub kubectl: Option<PathBuf>,
    /// How long one rendering may run.
    pub timeout: Duration,
    /// The most a tool may print on standard output, in bytes.
    pub max_output: u64,
}

impl Default for Render {
    fn default() -> Self {
        Self {
            enabled: false,
            values: Vec::new(),
            helm: None,
            kustomize: None,
            kubectl: None,
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECS),
            max_output: crate::source::MAX_FILE_SIZE,
        }
    }
}

/// Seconds one rendering may run by default (`--render-timeout`).
pub const DEFAULT_TIMEOUT_SECS: u64 = 60;

/// What is kept of a failed tool's standard error, in bytes (its end: the error is usually last).
const MAX_STDERR: usize = 4096;

/// A closed local port for the tools' HTTP proxy settings: the discard port, where nothing
/// listens on a machine that runs a scan.
const NO_PROXY: &str = "http://127.0.0.1:9";

/// A directory that a tool renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Project {
    Chart,
    Kustomization,
}

impl Project {
    /// What a directory is, from the files directly in it (a chart wins: a chart directory
    /// holding a kustomization file is still built by Helm).
    #[must_use]
    pub fn of(dir: &Path) -> Option<Project> {
        if !dir.is_dir() {
            None
        } else if dir.join("Chart.yaml").is_file() {
            Some(Project::Chart)
        } else if super::scope::KUSTOMIZATION.iter().any(|n| dir.join(n).is_file()) {
            Some(Project::Kustomization)
        } else {
            None
        }
    }

    #[must_use]
    pub fn tool(self) -> RenderTool {
        match self {
            Project::Chart => RenderTool::Helm,
            Project::Kustomization => RenderTool::Kustomize,
        }
    }
}

/// A command to run: the program and its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    pub program: PathBuf,
    pub args: Vec<String>,
}

impl Command {
    /// The command as a person would type it (the program's file name, then the arguments),
    /// for messages.
    #[must_use]
    pub fn line(&self) -> String {
        let program = self
            .program
            .file_name()
            .map_or_else(|| self.program.display().to_string(), |n| n.to_string_lossy().into_owned());
        std::iter::once(program).chain(self.args.iter().cloned()).collect::<Vec<_>>().join(" ")
    }
}

/// Why a directory was not rendered, for the input error that names it.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    /// No program to run for this kind of directory: none was given and none is on `PATH`.
    NoTool(Project),
    /// A values file that is not a readable file on disk (Helm would also fetch URLs).
    Values(String),
    /// The temporary wrapper kustomization could not be written.
    Wrapper(String),
    /// The tool could not be started.
    Start(String),
    /// It exited with a failure (code, or `None` when a signal ended it) and this standard error.
    Exit(Option<i32>, String),
    /// It ran past the time limit and was stopped.
    Timeout(Duration),
    /// It printed more than the limit and was stopped.
    TooLarge(u64),
    /// Its output is not UTF-8 text.
    NotText,
}

/// What a successful rendering gave.
#[derive(Debug)]
pub struct Output {
    /// The rendered text.
    pub text: String,
    /// The command as a person would type it: `helm template DIR --values=FILE`,
    /// `kustomize build DIR` (the wrapper directory is not shown).
    pub shown: String,
    /// For a kustomization: the wrapper's directory and the kustomization's, both absolute,
    /// to read origin paths (relative to the wrapper) as paths under the directory the user
    /// named (see [`super::rendered::Base`]).
    pub origin_root: Option<(PathBuf, PathBuf)>,
}

/// Renders `dir` (as the user named it) with its tool.
pub fn render(project: Project, dir: &str, options: &Render) -> Result<Output, Failure> {
    match project {
        Project::Chart => {
            let program =
                options.helm.clone().or_else(|| on_path("helm")).ok_or(Failure::NoTool(Project::Chart))?;
            let mut args = vec!["template".to_string(), operand(dir)];
            for v in &options.values {
                if !v.is_file() {
                    return Err(Failure::Values(v.display().to_string()));
                }
                args.push(format!("--values={}", v.display()));
            }
            let command = Command { program, args };
            let text = run(&command, options.timeout, options.max_output)?;
            Ok(Output { text, shown: command.line(), origin_root: None })
        }
        Project::Kustomization => {
            let (program, sub) = match (&options.kustomize, &options.kubectl) {
                (Some(k), _) => (k.clone(), "build"),
                (None, Some(k)) => (k.clone(), "kustomize"),
                (None, None) => on_path("kustomize")
                    .map(|k| (k, "build"))
                    .or_else(|| on_path("kubectl").map(|k| (k, "kustomize")))
                    .ok_or(Failure::NoTool(Project::Kustomization))?,
            };
            let wrapper = Wrapper::new(Path::new(dir)).map_err(|e| Failure::Wrapper(e.to_string()))?;
            let args = vec![
                sub.to_string(),
                wrapper.dir.display().to_string(),
                "--enable-alpha-plugins=false".to_string(),
                "--enable-helm=false".to_string(),
                "--load-restrictor=LoadRestrictionsRootOnly".to_string(),
            ];
            let command = Command { program, args };
            let text = run(&command, options.timeout, options.max_output)?;
            let shown =
                Command { program: command.program, args: vec![sub.to_string(), operand(dir)] }.line();
            let origin_root = Some((wrapper.dir.clone(), wrapper.target));
            Ok(Output { text, shown, origin_root })
        }
    }
}

/// A path as a command operand: one starting with `-` is not read as an option.
fn operand(path: &str) -> String {
    if path.starts_with('-') { format!("./{path}") } else { path.to_string() }
}

/// A temporary kustomization that builds the user's and asks for origin annotations.
struct Wrapper {
    /// Removed when the wrapper is dropped.
    _tmp: tempfile::TempDir,
    /// Its directory, absolute and without symbolic links (as kustomize sees it).
    dir: PathBuf,
    /// The user's kustomization directory, absolute and without symbolic links.
    target: PathBuf,
}

impl Wrapper {
    fn new(dir: &Path) -> std::io::Result<Wrapper> {
        let target = std::fs::canonicalize(dir)?;
        let tmp = tempfile::Builder::new().prefix("ladrillo-kustomize-").tempdir()?;
        let here = std::fs::canonicalize(tmp.path())?;
        // kustomize takes a local base by a relative path only.
        let relative = relative(&here, &target);
        let resource = serde_json::to_string(&relative.to_string_lossy())
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let text = format!(
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - {resource}\nbuildMetadata: [originAnnotations]\n"
        );
        std::fs::write(here.join("kustomization.yaml"), text)?;
        Ok(Wrapper { _tmp: tmp, dir: here, target })
    }
}

/// The path of `to` relative to `from`, both absolute and normalised.
#[must_use]
pub fn relative(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..from.len() {
        out.push("..");
    }
    for c in to.iter().skip(common) {
        out.push(c);
    }
    if out.as_os_str().is_empty() { PathBuf::from(".") } else { out }
}

/// The first executable file named `name` in the directories of `PATH`.
#[must_use]
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .filter(|d| !d.as_os_str().is_empty())
        .flat_map(|d| {
            let exe = d.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
            [d.join(name), exe]
        })
        .find(|p| executable(p))
}

#[cfg(unix)]
fn executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn executable(p: &Path) -> bool {
    p.is_file()
}

/// The environment variables passed on to a tool, as they are; every other one is cleared.
#[cfg(unix)]
const KEPT_ENV: &[&str] = &["PATH", "HOME", "TMPDIR"];
#[cfg(not(unix))]
const KEPT_ENV: &[&str] =
    &["PATH", "SystemRoot", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "TEMP", "TMP", "HOME"];

/// Runs a command fenced as the module says: standard output read up to `max_output` bytes,
/// the end of standard error kept, stopped (with everything it started) after `timeout`.
pub fn run(command: &Command, timeout: Duration, max_output: u64) -> Result<String, Failure> {
    let mut cmd = std::process::Command::new(&command.program);
    cmd.args(&command.args)
        .env_clear()
        .envs(KEPT_ENV.iter().filter_map(|k| Some((*k, std::env::var_os(k)?))))
        .env("GIT_ALLOW_PROTOCOL", "file")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("HTTP_PROXY", NO_PROXY)
        .env("HTTPS_PROXY", NO_PROXY)
        .env("http_proxy", NO_PROXY)
        .env("https_proxy", NO_PROXY)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    #[cfg(unix)]
    {
        // Its own process group, so a timeout stops whatever it started too (git, a shell's
        // children) and nothing keeps its output pipe open.
        use std::os::unix::process::CommandExt as _;
        cmd.process_group(0);
    }
    let mut child = cmd.spawn().map_err(|e| Failure::Start(e.to_string()))?;
    let (out_tx, out_rx) = std::sync::mpsc::channel();
    let (err_tx, err_rx) = std::sync::mpsc::channel();
    // Both pipes are drained while the tool runs, so neither can fill and block it.
    if let Some(stdout) = child.stdout.take() {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let read = stdout.take(max_output.saturating_add(1)).read_to_end(&mut buf);
            let _ = out_tx.send(read.map(|_| buf));
        });
    }
    if let Some(mut stderr) = child.stderr.take() {
        std::thread::spawn(move || {
            let mut kept: Vec<u8> = Vec::new();
            let mut chunk = [0u8; 8192];
            while let Ok(n) = stderr.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                kept.extend(chunk.get(..n).unwrap_or_default());
                if kept.len() > 2 * MAX_STDERR {
                    kept.drain(..kept.len() - MAX_STDERR);
                }
            }
            let _ = err_tx.send(kept);
        });
    }
    let deadline = Instant::now() + timeout;
    // Standard output first: it ends when the tool (and all it started) closes it, or at the
    // output limit.
    let output = match out_rx.recv_timeout(timeout) {
        Ok(Ok(buf)) if buf.len() as u64 > max_output => {
            stop(&mut child);
            return Err(Failure::TooLarge(max_output));
        }
        Ok(read) => read,
        Err(_) => {
            stop(&mut child);
            return Err(Failure::Timeout(timeout));
        }
    };
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            Ok(None) => {
                stop(&mut child);
                return Err(Failure::Timeout(timeout));
            }
            Err(e) => {
                stop(&mut child);
                return Err(Failure::Start(e.to_string()));
            }
        }
    };
    // Whatever the tool's children still hold open, the run does not wait long for stderr.
    let stderr = err_rx.recv_timeout(Duration::from_secs(2)).unwrap_or_default();
    if !status.success() {
        return Err(Failure::Exit(status.code(), tail(&stderr)));
    }
    let bytes = output.map_err(|e| Failure::Start(e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| Failure::NotText)
}

/// Kills a tool that is still running, with its process group, and reaps it. The group is
/// signalled before the tool is reaped, so its id cannot have been reused.
fn stop(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        let pid = rustix::process::Pid::from_child(child);
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The end of a tool's standard error, as text, at most [`MAX_STDERR`] bytes.
fn tail(stderr: &[u8]) -> String {
    let start = stderr.len().saturating_sub(MAX_STDERR);
    let text = String::from_utf8_lossy(stderr.get(start..).unwrap_or_default());
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_to_the_common_ancestor() {
        let r = |a: &str, b: &str| relative(Path::new(a), Path::new(b)).display().to_string();
        assert_eq!(r("/tmp/x", "/work/k/ov"), "../../work/k/ov");
        assert_eq!(r("/a/b", "/a/b/c"), "c");
        assert_eq!(r("/a/b", "/a/b"), ".");
        assert_eq!(r("/a/b/c", "/a/d"), "../../d");
    }

    #[test]
    fn operands_never_read_as_options() {
        assert_eq!(operand("-chart"), "./-chart");
        assert_eq!(operand("charts/web"), "charts/web");
    }
}
