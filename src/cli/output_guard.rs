//! Refuses a report path that is one of the run's inputs. Files are compared by identity
//! (device and inode through `same-file`), not by path, so a hard link, a symbolic link or
//! `/dev/stdin` (`/proc/self/fd/0`) naming an input is caught before anything is written.

use std::path::Path;
use std::sync::Arc;

use same_file::Handle;

use crate::document::SourceFile;

/// The report file, when it already exists (a file that does not exist is no one's input).
pub struct OutputGuard<'a> {
    path: &'a Path,
    existing: Option<Handle>,
    flag: &'static str,
    /// Whether a hidden file in a scanned directory stays unread (the walk skips hidden paths).
    hidden_unread: bool,
}

impl<'a> OutputGuard<'a> {
    #[must_use]
    pub fn new(path: &'a Path) -> Self {
        Self { path, existing: Handle::from_path(path).ok(), flag: "--output", hidden_unread: false }
    }

    /// The option that names the file, for messages (`--output` by default).
    #[must_use]
    pub fn flag(self, flag: &'static str) -> Self {
        Self { flag, ..self }
    }

    /// Allows a hidden file (`.baseline.json`) in a scanned directory when the walk does not read
    /// hidden paths: the next scan will not read it.
    #[must_use]
    pub fn hidden_unread(self, hidden_unread: bool) -> Self {
        Self { hidden_unread, ..self }
    }

    /// `what` is a message naming what would be overwritten.
    fn refuse(&self, what: crate::i18n::Msg) -> String {
        let lang = super::lang();
        let out = format!("{} {}", self.flag, self.path.display());
        crate::t!(lang, "output-would-overwrite", output = out, what = what)
    }

    /// Before reading: the paths named on the command line, standard input and the config.
    pub fn check_arguments(&self, paths: &[String], config: Option<&Path>) -> Result<(), String> {
        if let Some(out) = &self.existing {
            if Handle::stdin().is_ok_and(|stdin| stdin == *out) {
                return Err(self.refuse(crate::msg!("output-overwrites-stdin")));
            }
            for p in paths.iter().filter(|p| *p != "-") {
                if Handle::from_path(p).is_ok_and(|h| h == *out) {
                    return Err(self.refuse(crate::msg!("output-overwrites-input", path = p.as_str())));
                }
            }
            if let Some(c) = config
                && Handle::from_path(c).is_ok_and(|h| h == *out)
            {
                return Err(
                    self.refuse(crate::msg!("output-overwrites-config", path = c.display().to_string()))
                );
            }
        }
        // A report written into a scanned directory would be read by the next scan.
        let out = std::fs::canonicalize(self.path).ok();
        for p in paths.iter().filter(|p| *p != "-") {
            if let (Some(out), Ok(dir)) = (&out, std::fs::canonicalize(p))
                && dir.is_dir()
                && out.starts_with(&dir)
                && crate::source::is_manifest_like(out)
                && !(self.hidden_unread
                    && out.strip_prefix(&dir).is_ok_and(|rel| {
                        rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
                    }))
            {
                return Err(self.refuse(crate::msg!("output-overwrites-input-in", path = p.as_str())));
            }
        }
        Ok(())
    }

    /// After reading: every file the run read, whatever name it was reached by.
    pub fn check_files(&self, files: &[Arc<SourceFile>]) -> Result<(), String> {
        let Some(out) = &self.existing else { return Ok(()) };
        for f in files {
            if let Some(path) = &f.path
                && Handle::from_path(path).is_ok_and(|h| h == *out)
            {
                return Err(
                    self.refuse(crate::msg!("output-overwrites-same-file", path = f.display.as_str()))
                );
            }
        }
        Ok(())
    }
}

/// Whether two paths name one file: the same file when both exist (by identity), else the same
/// absolute path.
#[must_use]
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (Handle::from_path(a), Handle::from_path(b)) {
        (Ok(x), Ok(y)) => x == y,
        (Err(_), Err(_)) => {
            std::path::absolute(a).ok().is_some_and(|x| std::path::absolute(b).ok().is_some_and(|y| x == y))
        }
        _ => false,
    }
}
