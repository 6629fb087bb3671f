//! Writes the `init` bundle into `--out` without ever following a link inside it. A link planted
//! where the bundle writes (`README.md → ../precious.txt`, `terraform → ../victimdir`) stops the
//! run before anything is written. Each file is written to a temporary file beside it and renamed
//! over the old one, so a failure never leaves a file half written. On Unix every directory is
//! opened with `O_NOFOLLOW` relative to its parent, so a link swapped in while `init` runs makes
//! it fail instead of writing elsewhere.

use std::path::Path;

use crate::generate::File;

/// Writes `files` under `out`. Refuses a non-empty directory unless `force`; never removes or
/// follows anything inside it.
pub fn write(out: &Path, files: &[File], force: bool) -> Result<(), String> {
    prepare(out, force)?;
    for f in files {
        parts(&f.path)?;
    }
    imp::write(out, files)
}

/// A failed file operation on `path` (`id` is one of the `bundle-cannot-…` messages), in the
/// reader's language.
fn io_failed(id: &'static str, path: &Path, e: &std::io::Error) -> String {
    let lang = crate::cli::lang();
    crate::t!(lang, id, path = path.display().to_string(), reason = crate::i18n::io_reason(lang, e))
}

/// A message about one path, in the reader's language.
fn at(id: &'static str, path: &Path) -> String {
    crate::t!(crate::cli::lang(), id, path = path.display().to_string())
}

/// The directories and file name of a bundle path; a path the generator made that is not
/// relative inside `--out` is refused (a defect of the generator, never of the user's input).
fn parts(path: &str) -> Result<(Vec<&str>, &str), String> {
    components(path).ok_or_else(|| format!("{path} is not a relative path inside --out"))
}

fn prepare(out: &Path, force: bool) -> Result<(), String> {
    match std::fs::symlink_metadata(out) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(at("bundle-out-is-link", out));
        }
        Ok(m) if !m.is_dir() => {
            return Err(at("bundle-out-not-dir", out));
        }
        Ok(_) => {
            let mut entries = std::fs::read_dir(out).map_err(|e| io_failed("bundle-cannot-read", out, &e))?;
            if entries.next().is_some() && !force {
                return Err(at("bundle-out-not-empty", out));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(out).map_err(|e| io_failed("bundle-cannot-create", out, &e))?;
        }
        Err(e) => {
            return Err(io_failed("bundle-cannot-read", out, &e));
        }
    }
    Ok(())
}

/// The directories and the file name of a bundle path (`manifests/app.yaml`).
fn components(path: &str) -> Option<(Vec<&str>, &str)> {
    let mut parts: Vec<&str> = path.split('/').collect();
    let name = parts.pop()?;
    let ok = |c: &&str| !c.is_empty() && *c != "." && *c != ".." && !c.contains('\\');
    (ok(&name) && parts.iter().all(ok)).then_some((parts, name))
}

fn link_error(out: &Path, rel: &str) -> String {
    at("bundle-link-inside", &out.join(rel))
}

/// A temporary name beside `name`, unique to this process.
fn temporary(name: &str) -> String {
    format!(".{name}.{}.ladrillo-tmp", std::process::id())
}

#[cfg(unix)]
mod imp {
    use std::io::Write as _;
    use std::os::fd::OwnedFd;
    use std::path::Path;

    use rustix::fs::{AtFlags, CWD, FileType, Mode, OFlags};
    use rustix::io::Errno;

    use super::{at, io_failed, link_error, parts, temporary};
    use crate::generate::File;

    const DIR: OFlags =
        OFlags::RDONLY.union(OFlags::DIRECTORY).union(OFlags::NOFOLLOW).union(OFlags::CLOEXEC);

    pub fn write(out: &Path, files: &[File]) -> Result<(), String> {
        let root = rustix::fs::openat(CWD, out, DIR, Mode::empty())
            .map_err(|e| io_failed("bundle-cannot-open", out, &std::io::Error::from(e)))?;
        // Every path is checked before the first file is written.
        for f in files {
            check(&root, out, &f.path)?;
        }
        for f in files {
            write_one(&root, out, f)?;
        }
        Ok(())
    }

    /// What is at `name` in `dir`, without following a link.
    fn kind(dir: &OwnedFd, name: &str) -> Result<Option<FileType>, Errno> {
        match rustix::fs::statat(dir, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(st) => Ok(Some(FileType::from_raw_mode(st.st_mode))),
            Err(Errno::NOENT) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn check(root: &OwnedFd, out: &Path, path: &str) -> Result<(), String> {
        let io = |e: Errno| io_failed("bundle-cannot-read", &out.join(path), &std::io::Error::from(e));
        let (dirs, name) = parts(path)?;
        let mut dir = root.try_clone().map_err(|e| e.to_string())?;
        let mut rel = String::new();
        for d in dirs {
            rel = if rel.is_empty() { d.to_string() } else { format!("{rel}/{d}") };
            match kind(&dir, d).map_err(io)? {
                None => return Ok(()),
                Some(FileType::Directory) => {
                    dir = rustix::fs::openat(&dir, d, DIR, Mode::empty()).map_err(io)?
                }
                Some(FileType::Symlink) => return Err(link_error(out, &rel)),
                Some(_) => {
                    return Err(at("bundle-needs-dir", &out.join(&rel)));
                }
            }
        }
        match kind(&dir, name).map_err(io)? {
            None | Some(FileType::RegularFile) => Ok(()),
            Some(FileType::Symlink) => Err(link_error(out, path)),
            Some(FileType::Directory) => Err(at("bundle-needs-file", &out.join(path))),
            Some(_) => Err(at("bundle-not-regular", &out.join(path))),
        }
    }

    /// Opens (creating it if needed) a directory below `parent`, never through a link.
    fn open_dir(parent: &OwnedFd, name: &str) -> Result<OwnedFd, Errno> {
        match rustix::fs::openat(parent, name, DIR, Mode::empty()) {
            Err(Errno::NOENT) => {
                match rustix::fs::mkdirat(parent, name, Mode::from_raw_mode(0o777)) {
                    Ok(()) | Err(Errno::EXIST) => {}
                    Err(e) => return Err(e),
                }
                rustix::fs::openat(parent, name, DIR, Mode::empty())
            }
            other => other,
        }
    }

    fn write_one(root: &OwnedFd, out: &Path, f: &File) -> Result<(), String> {
        let target = out.join(&f.path);
        let fail = |e: Errno| match e {
            Errno::LOOP | Errno::NOTDIR => link_error(out, &f.path),
            e => io_failed("bundle-cannot-write", &target, &std::io::Error::from(e)),
        };
        let (dirs, name) = parts(&f.path)?;
        let mut dir = root.try_clone().map_err(|e| e.to_string())?;
        for d in dirs {
            dir = open_dir(&dir, d).map_err(fail)?;
        }
        let tmp = temporary(name);
        let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(&dir, tmp.as_str(), flags, Mode::from_raw_mode(0o666)).map_err(fail)?;
        let written = std::fs::File::from(fd).write_all(f.contents.as_bytes());
        // The rename replaces the directory entry: an existing file is never written through.
        let result = written
            .map_err(|e| io_failed("bundle-cannot-write", &target, &e))
            .and_then(|()| rustix::fs::renameat(&dir, tmp.as_str(), &dir, name).map_err(fail));
        if result.is_err() {
            let _ = rustix::fs::unlinkat(&dir, tmp.as_str(), AtFlags::empty());
        }
        result
    }
}

#[cfg(not(unix))]
mod imp {
    use std::path::Path;

    use super::{at, io_failed, link_error, parts, temporary};
    use crate::generate::File;

    pub fn write(out: &Path, files: &[File]) -> Result<(), String> {
        for f in files {
            check(out, &f.path)?;
        }
        for f in files {
            let target = out.join(&f.path);
            check(out, &f.path)?;
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir).map_err(|e| io_failed("bundle-cannot-create", dir, &e))?;
            }
            let (_, name) = parts(&f.path)?;
            let tmp = target.with_file_name(temporary(name));
            std::fs::write(&tmp, &f.contents).and_then(|()| std::fs::rename(&tmp, &target)).map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                io_failed("bundle-cannot-write", &target, &e)
            })?;
        }
        Ok(())
    }

    /// Every existing component of the path is a real directory, and the file is not a link.
    fn check(out: &Path, path: &str) -> Result<(), String> {
        let mut rel = String::new();
        for part in path.split('/') {
            rel = if rel.is_empty() { part.to_string() } else { format!("{rel}/{part}") };
            match std::fs::symlink_metadata(out.join(&rel)) {
                Ok(m) if m.file_type().is_symlink() => return Err(link_error(out, &rel)),
                Ok(m) if m.is_dir() && rel == path => {
                    return Err(at("bundle-needs-file", &out.join(path)));
                }
                Ok(_) => {}
                Err(_) => return Ok(()),
            }
        }
        Ok(())
    }
}
