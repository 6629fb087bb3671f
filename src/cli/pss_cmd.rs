//! `ladrillo pss`: evaluate every pod-bearing object against one Pod Security Standards level
//! and version, and say, as the API server would, why each denied object is denied.

use std::sync::Arc;

use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::analysis::pss::{self, Level, Policy, Version};
use crate::document::SourceFile;
use crate::finding::InputError;
use crate::model::ObjectRef;
use crate::scan::load;
use crate::source;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum PssFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct PssArgs {
    /// Files, directories (walked recursively) or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// The level to enforce: privileged, baseline or restricted.
    #[arg(long, default_value = "restricted", value_parser = parse_level)]
    pub level: Level,
    /// The policy version: `latest` or `v1.N`.
    #[arg(long, default_value = "latest", value_parser = parse_version)]
    pub version: Version,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t)]
    pub format: PssFormat,
}

fn parse_level(s: &str) -> Result<Level, String> {
    s.parse()
}

fn parse_version(s: &str) -> Result<Version, String> {
    s.parse()
}

/// The verdict on one object.
#[derive(Debug, Serialize)]
pub struct PssResult {
    pub file: String,
    pub line: usize,
    pub object: ObjectRef,
    pub level: String,
    pub version: String,
    pub allowed: bool,
    pub reasons: Vec<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct PssReport {
    pub results: Vec<PssResult>,
    pub errors: Vec<InputError>,
}

/// Reads the inputs and evaluates every pod-bearing object.
#[must_use]
pub fn evaluate_paths(paths: &[String], policy: Policy) -> PssReport {
    let (inputs, mut errors) = source::discover(paths, &globset::GlobSet::empty());
    let mut report = PssReport::default();
    for input in &inputs {
        match source::read(input) {
            Ok(file) => evaluate_file(&file, policy, &mut report),
            Err(e) => errors.push(e),
        }
    }
    errors.append(&mut report.errors);
    report.errors = errors;
    report
}

fn evaluate_file(file: &Arc<SourceFile>, policy: Policy, report: &mut PssReport) {
    let loaded = load::load(file);
    report.errors.extend(loaded.errors);
    for object in &loaded.objects {
        let Some(evaluation) = pss::evaluate_object(object, policy) else { continue };
        for invalid in &evaluation.invalid {
            let span = object.locate(&invalid.path).span;
            report.errors.push(InputError::at(file, span, invalid.to_string()));
        }
        report.results.push(PssResult {
            file: file.display.clone(),
            line: file.position(object.root.span.start).line,
            object: object.object_ref(),
            level: policy.level.to_string(),
            version: policy.version.to_string(),
            allowed: evaluation.allowed(),
            reasons: evaluation.reasons(),
        });
    }
}

pub fn run(args: &PssArgs) -> i32 {
    let policy = Policy::new(args.level, args.version);
    let report = evaluate_paths(&args.paths, policy);
    let text = match args.format {
        PssFormat::Json => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
        PssFormat::Text => text(&report, policy),
    };
    if !super::print_stdout(&text) {
        return 2;
    }
    for e in &report.errors {
        super::error(e);
    }
    if !report.errors.is_empty() { 2 } else { i32::from(report.results.iter().any(|r| !r.allowed)) }
}

fn text(report: &PssReport, policy: Policy) -> String {
    let mut out = String::new();
    for r in &report.results {
        let verdict = if r.allowed { "allowed" } else { "denied" };
        out.push_str(&format!("{}:{}: {}: {verdict} by {policy}\n", r.file, r.line, r.object));
        for reason in &r.reasons {
            out.push_str(&format!("  {reason}\n"));
        }
    }
    let denied = report.results.iter().filter(|r| !r.allowed).count();
    out.push_str(&format!(
        "{} {} evaluated at {policy}: {} allowed, {denied} denied\n",
        report.results.len(),
        if report.results.len() == 1 { "object" } else { "objects" },
        report.results.len() - denied
    ));
    out
}
