//! `ladrillo audit-log`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;

use super::ColorChoice;
use crate::audit::input::{Input, ReadOptions};
use crate::audit::report::{Format, Writer};
use crate::audit::{self, Options};
use crate::settings::{Config, FailOn, Selector};

#[derive(Debug, Args)]
pub struct AuditLogArgs {
    /// Audit logs: files (gzip or not), directories of them, or `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Output format: text, JSON lines (one alert per line) or one JSON document.
    #[arg(short, long, value_enum, default_value = "text")]
    pub format: Format,
    /// Write alerts to a file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Config file (default: `.ladrillo.yaml` found from the first path upwards).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any `.ladrillo.yaml`.
    #[arg(long)]
    pub no_config: bool,
    /// Detections to run (codes, names, `audit` or `all`; comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "DETECTIONS")]
    pub select: Vec<String>,
    /// Detections not to run (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "DETECTIONS")]
    pub ignore: Vec<String>,
    /// Exit 1 only for alerts at or above this severity (`none` never fails).
    #[arg(long, value_name = "SEVERITY")]
    pub fail_on: Option<String>,
    /// Only events at or after this time: RFC 3339 (`2025-06-01T10:00:00Z`), a date, or an age
    /// (`90m`, `12h`, `7d`).
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only events before this time (same forms as --since).
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Keep reading the file as it grows (one file; stop with Ctrl-C).
    #[arg(long)]
    pub follow: bool,
    /// When to use colour in text output.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// The name alerts and errors give standard input (`-`) instead of `<stdin>`: the log the
    /// piped events come from (`zcat audit.gz | ladrillo audit-log - --stdin-filename audit.gz`).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

/// `2025-06-01T10:00:00Z`, `2025-06-01` (midnight UTC), or an age before now (`90m`, `7d`).
fn parse_time(s: &str, now: jiff::Timestamp) -> Result<i64, String> {
    let s = s.trim();
    let bad = || crate::t!(super::lang(), "audit-bad-time", value = s);
    if let Ok(t) = s.parse::<jiff::Timestamp>() {
        return Ok(t.as_millisecond());
    }
    if let Ok(d) = s.parse::<jiff::civil::Date>() {
        let t = d.to_zoned(jiff::tz::TimeZone::UTC).map_err(|_| bad())?.timestamp();
        return Ok(t.as_millisecond());
    }
    let age = match s.strip_suffix('d').and_then(|d| d.parse::<i64>().ok()) {
        Some(days) if days > 0 => days.checked_mul(86_400_000),
        _ => audit::config::parse_window(s),
    }
    .ok_or_else(bad)?;
    Ok(now.as_millisecond() - age)
}

/// Files under a directory, sorted, so a folder of exported or delivered logs reads in order.
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().map(|n| n.to_string_lossy().starts_with('.')).unwrap_or(false);
        if name {
            continue;
        }
        if p.is_dir() {
            files_under(&p, out)?;
        } else if p.is_file() {
            out.push(p);
        }
    }
    Ok(())
}

fn inputs(paths: &[String], stdin_filename: Option<&str>, errors: &mut Vec<String>) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(stdin_filename.map_or_else(Input::stdin, |n| Input::Stdin { display: n.to_string() }));
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut files = Vec::new();
            match files_under(path, &mut files) {
                Ok(()) if files.is_empty() => {
                    errors.push(crate::t!(super::lang(), "audit-empty-dir", path = p))
                }
                Ok(()) => out.extend(
                    files.into_iter().map(|f| Input::File { display: f.display().to_string(), path: f }),
                ),
                Err(e) => errors.push(crate::t!(
                    super::lang(),
                    "audit-cannot-read-dir",
                    path = p,
                    reason = crate::i18n::io_reason(super::lang(), &e)
                )),
            }
        } else if path.exists() {
            out.push(Input::File { path: path.to_path_buf(), display: p.clone() });
        } else if let Some(why) = crate::source::broken_link(path) {
            // Said as `scan` says it.
            errors.push(format!("{p}: {}", why.render(super::lang())));
        } else {
            errors.push(crate::t!(super::lang(), "audit-no-such-path", path = p));
        }
    }
    // `-` named twice, or a file named twice (or also found in a named directory), is read once,
    // as `scan` reads it: standard input cannot be read again, and a file's events would
    // otherwise be counted and alerted on twice.
    let mut seen = std::collections::HashSet::new();
    out.retain(|i| {
        seen.insert(match i {
            Input::Stdin { .. } => None,
            Input::File { path, .. } => Some(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())),
        })
    });
    out
}

pub fn run(args: &AuditLogArgs) -> i32 {
    let mut errors = Vec::new();
    let parse = |flag: &str, list: &[String], errors: &mut Vec<String>| -> Vec<Selector> {
        if list.iter().any(|s| s.trim().is_empty()) {
            errors.push(crate::t!(super::lang(), "audit-empty-detection", flag = flag));
        }
        list.iter()
            .filter(|s| !s.trim().is_empty())
            .filter_map(|s| Selector::parse_in(s, super::lang()).map_err(|e| errors.push(e)).ok())
            .collect()
    };
    let cli_select = parse("select", &args.select, &mut errors);
    let cli_ignore = parse("ignore", &args.ignore, &mut errors);
    let fail_on = match args.fail_on.as_deref().map(|s| FailOn::parse_in(s, super::lang())).transpose() {
        Ok(f) => f,
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let now = jiff::Timestamp::now();
    let time = |flag: &str, v: &Option<String>, errors: &mut Vec<String>| {
        v.as_deref().and_then(|s| parse_time(s, now).map_err(|e| errors.push(format!("--{flag}: {e}"))).ok())
    };
    let since = time("since", &args.since, &mut errors);
    let until = time("until", &args.until, &mut errors);
    let one_file = match args.paths.as_slice() {
        [p] => p != "-" && !Path::new(p).is_dir(),
        _ => false,
    };
    if args.follow && !one_file {
        errors.push(crate::t!(super::lang(), "audit-follow-one-file"));
    }
    if args.follow && args.format == Format::Json {
        errors.push(crate::t!(super::lang(), "audit-follow-json"));
    }
    let config_path = if args.no_config {
        None
    } else {
        args.config.clone().or_else(|| {
            let start =
                args.paths.iter().find(|p| *p != "-").map_or(Path::new("."), |p| Path::new(p.as_str()));
            Config::discover(start)
        })
    };
    let config = match config_path {
        None => Config::default(),
        Some(p) => {
            Config::load_in(&p, super::lang()).inspect(super::config_warnings).unwrap_or_else(|errs| {
                errors.extend(errs.iter().map(|e| e.to_string_in(super::lang())));
                Config::default()
            })
        }
    };
    if let Some(name) = &args.stdin_filename {
        // A name for an input that is not read is a mistake in the command line.
        if name.trim().is_empty() {
            errors.push(crate::t!(super::lang(), "stdin-filename-empty"));
        } else if !args.paths.iter().any(|p| p == "-") {
            errors.push(crate::t!(super::lang(), "stdin-filename-without-stdin"));
        }
    }
    let list = inputs(&args.paths, args.stdin_filename.as_deref(), &mut errors);
    if let Some(out) = &args.output
        && let Ok(out_abs) = std::fs::canonicalize(out)
        && list.iter().any(|i| matches!(i, Input::File { path, .. } if std::fs::canonicalize(path).is_ok_and(|p| p == out_abs)))
    {
        let out = out.display().to_string();
        errors.push(crate::t!(super::lang(), "audit-output-is-input", path = out));
    }
    // A config `select` made only of scan rules says nothing about detections.
    let is_audit = |s: &Selector| !audit::select(std::slice::from_ref(s), &[]).is_empty();
    let select: Vec<Selector> = if cli_select.is_empty() {
        config.select.iter().filter(|s| is_audit(s)).cloned().collect()
    } else {
        for raw in &args.select {
            if Selector::parse(raw).is_ok_and(|s| !is_audit(&s)) {
                errors.push(crate::t!(super::lang(), "audit-selects-no-detection", selector = raw));
            }
        }
        cli_select
    };
    let ignore: Vec<Selector> = config.ignore.iter().cloned().chain(cli_ignore).collect();
    let detections = audit::select(&select, &ignore);
    if detections.is_empty() && errors.is_empty() {
        errors.push(crate::t!(super::lang(), "audit-no-detection"));
    }
    if !errors.is_empty() {
        for e in errors {
            super::error(e);
        }
        return 2;
    }
    let fail_on = fail_on.or(config.fail_on).unwrap_or(FailOn::Severity(crate::finding::Severity::Info));
    let severity = config
        .severity
        .iter()
        .filter(|(r, _)| r.meta().group == crate::rules::Group::Audit)
        .map(|(r, s)| (r.meta().code, *s))
        .collect();
    let audit_config = config.audit_log.clone().unwrap_or_default();
    let options = Options {
        detections,
        severity,
        since,
        until,
        read: ReadOptions { follow: args.follow, ..ReadOptions::default() },
    };
    let color = args.color.enabled(args.output.is_some()) && args.format == Format::Text;
    let mut sink: Box<dyn std::io::Write> = match &args.output {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                let what = p.display().to_string();
                let reason = crate::i18n::io_reason(super::lang(), &e);
                super::error(crate::t!(super::lang(), "cannot-write", what = what, reason = reason));
                return 2;
            }
        },
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut writer = Writer::new(&mut *sink, args.format, color, args.follow).lang(super::lang());
    let mut failed = false;
    let mut write_error: Option<std::io::Error> = None;
    let outcome = audit::run(&list, &audit_config, &options, &mut |a| {
        if let FailOn::Severity(min) = fail_on
            && a.severity >= min
        {
            failed = true;
        }
        if write_error.is_none()
            && let Err(e) = writer.alert(&a)
        {
            write_error = Some(e);
        }
    });
    if write_error.is_none()
        && let Err(e) = writer.finish(&outcome)
    {
        write_error = Some(e);
    }
    let _ = sink.flush();
    match write_error {
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Some(e) => {
            let reason = crate::i18n::io_reason(super::lang(), &e);
            super::error(crate::t!(super::lang(), "cannot-write-output", reason = reason));
            return 2;
        }
        None => {}
    }
    for e in &outcome.errors {
        super::error(e.render(super::lang()));
    }
    if outcome.unlisted_errors > 0 {
        super::error(crate::t!(super::lang(), "audit-more-errors", count = outcome.unlisted_errors));
    }
    if args.format == Format::Jsonl {
        let s = &outcome.summary;
        let line = crate::t!(
            super::lang(),
            "audit-jsonl-summary",
            alerts = s.alerts,
            analysed = s.analysed,
            read = s.events + s.cloudtrail_events,
            malformed = s.malformed
        );
        eprintln!("{line}");
    }
    outcome.exit_code(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        let now: jiff::Timestamp = "2025-06-02T00:00:00Z".parse().unwrap();
        assert_eq!(parse_time("2025-06-01T00:00:00Z", now).unwrap(), 1_748_736_000_000);
        assert_eq!(parse_time("2025-06-01", now).unwrap(), 1_748_736_000_000);
        assert_eq!(parse_time("1d", now).unwrap(), 1_748_736_000_000);
        assert_eq!(parse_time("24h", now).unwrap(), 1_748_736_000_000);
        assert!(parse_time("yesterday", now).is_err());
    }
}
