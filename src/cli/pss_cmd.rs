//! `ladrillo pss`: evaluate every pod-bearing object against one Pod Security Standards level
//! and version, and say, as the API server would, why each denied object is denied.

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::input_args::InputArgs;
use crate::analysis::pss::{self, Level, Policy, Version};
use crate::diagnostic::InputError;
use crate::input::Inputs;
use crate::model::ObjectRef;
use crate::rules::pss::pss_violation;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum PssFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct PssArgs {
    /// Files, directories (walked recursively) or `-` for stdin.
    #[arg(required_unless_present = "cluster", conflicts_with = "cluster")]
    pub paths: Vec<String>,
    /// The level to enforce: privileged, baseline or restricted.
    #[arg(long, default_value = "restricted", value_parser = parse_level)]
    pub level: Level,
    /// The policy version: `latest` or `v1.N`.
    #[arg(long, default_value = "latest", value_parser = parse_version)]
    pub version: Version,
    /// Evaluate as the API server of this Kubernetes release does (`1.30`): it knows no check
    /// newer than itself, so `latest` means its own release. Default: the newest checks.
    #[arg(long, value_name = "1.N", value_parser = parse_release)]
    pub kubernetes_version: Option<u32>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t)]
    pub format: PssFormat,
    #[command(flatten)]
    pub input: InputArgs,
}

fn parse_level(s: &str) -> Result<Level, String> {
    s.parse().map_err(|_| crate::i18n::text(super::lang(), "arg-pss-level"))
}

fn parse_version(s: &str) -> Result<Version, String> {
    s.parse().map_err(|_| crate::i18n::text(super::lang(), "arg-pss-version"))
}

/// `--kubernetes-version`, refused in the reader's language.
pub(super) fn parse_release(s: &str) -> Result<u32, String> {
    pss::parse_release(s).map_err(|_| crate::i18n::text(super::lang(), "arg-kubernetes-version"))
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
    /// The fields the API server would refuse, as messages for the text output (the JSON keeps
    /// `reasons`).
    #[serde(skip)]
    pub invalid: Vec<crate::i18n::Msg>,
    pub reasons: Vec<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct PssReport {
    pub results: Vec<PssResult>,
    pub errors: Vec<InputError>,
}

/// Evaluates every pod-bearing object of the inputs. Input errors do not stop the command: each
/// verdict is about one object, so the others are still evaluated and the errors listed.
#[must_use]
pub fn evaluate(inputs: Inputs, policy: Policy, release: Option<u32>) -> PssReport {
    let Inputs { set, errors, .. } = inputs;
    let mut report = PssReport { errors, ..PssReport::default() };
    for object in set.iter() {
        let Some(evaluation) = pss::evaluate_object_on(object, policy, release) else { continue };
        let origin = object.origin.as_ref();
        for invalid in &evaluation.invalid {
            let span = object.locate(&invalid.path).span;
            report.errors.push(match origin {
                Some(o) => InputError::at(&o.file, span, pss_violation::invalid_field_message(invalid)),
                None => InputError::file(
                    object.object_ref().to_string(),
                    pss_violation::invalid_field_message(invalid),
                ),
            });
        }
        report.results.push(PssResult {
            file: origin.map(|o| o.file.display.clone()).unwrap_or_default(),
            // Objects read from the API have no line; their name says which object it is.
            line: origin
                .filter(|o| !o.file.from_api)
                .map_or(0, |o| o.file.position(object.root.span().start).line),
            object: object.object_ref(),
            level: policy.level.to_string(),
            version: policy.version.to_string(),
            allowed: evaluation.allowed(),
            invalid: evaluation.invalid.iter().map(pss_violation::invalid_object_message).collect(),
            reasons: evaluation.reasons(),
        });
    }
    report
}

pub fn run(args: &PssArgs) -> i32 {
    let policy = Policy::new(args.level, args.version);
    // Accepted, as the admission controller accepts them, but not evaluated as written.
    let newer = args.version.newer_than_known(args.kubernetes_version);
    for w in newer.into_iter().chain(args.kubernetes_version.and_then(pss::release_newer_than_known)) {
        super::warning(w.render(super::lang()));
    }
    let inputs = match args.input.load(&args.paths) {
        Ok(i) => i,
        Err(messages) => {
            for m in messages {
                super::error(m);
            }
            return 2;
        }
    };
    let report = evaluate(inputs, policy, args.kubernetes_version);
    let text = match args.format {
        PssFormat::Json => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
        PssFormat::Text => text(&report, policy, args.kubernetes_version),
    };
    if !super::print_stdout(&text) {
        return 2;
    }
    for e in &report.errors {
        super::error(e.to_string_in(super::lang()));
    }
    if !report.errors.is_empty() { 2 } else { i32::from(report.results.iter().any(|r| !r.allowed)) }
}

fn text(report: &PssReport, policy: Policy, release: Option<u32>) -> String {
    let lang = super::lang();
    let policy = policy.to_string();
    let mut out = String::new();
    for r in &report.results {
        let verdict = if r.allowed { "allowed" } else { "denied" };
        let line = if r.line == 0 && !r.file.is_empty() {
            crate::t!(
                lang,
                "pss-verdict-file",
                file = r.file.as_str(),
                verdict = verdict,
                policy = policy.as_str()
            )
        } else {
            crate::t!(
                lang,
                "pss-verdict",
                place = format!("{}:{}", r.file, r.line),
                object = r.object.to_string(),
                verdict = verdict,
                policy = policy.as_str()
            )
        };
        out.push_str(&line);
        out.push('\n');
        // The reasons are the API server's own words, as `kubectl` shows them; an object it
        // would refuse outright is ladrillo's wording, in the reader's language.
        if r.invalid.is_empty() {
            for reason in &r.reasons {
                out.push_str(&format!("  {reason}\n"));
            }
        } else {
            for m in &r.invalid {
                out.push_str(&format!("  {}\n", m.render(lang)));
            }
        }
    }
    let denied = report.results.iter().filter(|r| !r.allowed).count();
    let count = report.results.len();
    let allowed = count - denied;
    let summary = match release {
        Some(release) => crate::t!(
            lang,
            "pss-summary-on",
            count = count,
            policy = policy.as_str(),
            release = release.to_string(),
            allowed = allowed,
            denied = denied
        ),
        None => crate::t!(
            lang,
            "pss-summary",
            count = count,
            policy = policy.as_str(),
            allowed = allowed,
            denied = denied
        ),
    };
    out.push_str(&summary);
    out.push('\n');
    out
}
