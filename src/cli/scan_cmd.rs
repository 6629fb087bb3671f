//! `ladrillo scan`.

use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;

use clap::Args;

use super::ColorChoice;
use super::input_args::InputArgs;
use super::output_guard::OutputGuard;
use crate::input::Inputs;
use crate::progress::{self, Progress, Stage};
use crate::report::{self, Format, ReportOptions, compliance};
use crate::rules::frameworks::FrameworkId;
use crate::scan::{self, ScanSettings};
use crate::settings::{Config, FailOn, Selector};

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files, directories (walked recursively, .gitignore-aware) or `-` for stdin.
    #[arg(default_value = ".", conflicts_with = "cluster")]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "text")]
    pub format: Format,
    /// Write the report to a file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// With --cluster: read only this namespace (repeatable; cluster-scoped kinds are read in
    /// any case).
    #[arg(long = "namespace", short = 'n', value_name = "NS", requires = "cluster")]
    pub namespaces: Vec<String>,
    /// With --cluster: also write the findings into the cluster, as a PolicyReport per namespace
    /// read and a ClusterPolicyReport (wgpolicyk8s.io/v1alpha2, all named `ladrillo`; server-side
    /// apply, which needs `create` and `patch` on them and nothing else).
    #[arg(long, requires = "cluster")]
    pub write_policy_reports: bool,
    /// Read this EKS cluster from the AWS API: control plane, node groups, add-ons, access
    /// entries and Pod Identity associations (read-only; the default AWS credential chain).
    #[arg(long, value_name = "NAME", requires = "region", conflicts_with = "paths")]
    pub eks: Option<String>,
    /// The AWS region of --eks.
    #[arg(long, value_name = "REGION", requires = "eks")]
    pub region: Option<String>,
    /// With --eks: `aws ec2 describe-launch-template-versions --output json` output for the
    /// launch templates of the node groups, whose IMDS and volume settings it gives (repeatable).
    #[arg(long, value_name = "FILE", requires = "eks")]
    pub launch_template_versions: Vec<String>,
    /// Rules to run, replacing the default set: codes, names, groups (`network` or `NET`), globs
    /// (`POD*`) or `all` (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Rules not to run: codes, names, groups or globs (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Exit 1 only for findings at or above this severity (`none` never fails).
    #[arg(long, value_name = "SEVERITY")]
    pub fail_on: Option<String>,
    /// Report only findings at or above this severity (critical, high, medium, low, info); the
    /// others are left out of the report and the exit code, and the summary counts them.
    #[arg(long, value_name = "SEVERITY")]
    pub min_severity: Option<String>,
    /// Text output: one line per rule with its number of findings, most first, instead of each
    /// finding (for large scans).
    #[arg(long)]
    pub statistics: bool,
    /// Report only findings that are not in this baseline: a JSON report of an earlier scan
    /// (`--write-baseline`), matched by rule, file, object and field, not by line. The exit code
    /// follows the new findings only.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Also write every finding of this scan to FILE as a baseline (the JSON report), before
    /// `--baseline` leaves any out.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// The Kubernetes release the manifests are deployed to (`1.31`), for `removed-api-version`.
    /// Default: the version of the input's cluster definition, when it has one.
    #[arg(long, value_name = "1.N", value_parser = super::pss_cmd::parse_release)]
    pub kubernetes_version: Option<u32>,
    /// Also list findings covered by a waiver, with its reason.
    #[arg(long)]
    pub show_suppressed: bool,
    /// Evaluate waiver expiry dates as of this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// When to use colour in text output.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// Resolve every input as one cluster. By default each project (a kustomize tree, a Helm
    /// chart, a repository) is resolved on its own, so same-named objects of unrelated projects
    /// never meet in policies, autoscalers or namespaces.
    #[arg(long)]
    pub one_cluster: bool,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = super::numbers::jobs)]
    pub jobs: Option<u16>,
    /// No progress line on the terminal (it is never shown on a pipe or when CI is set).
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(args: &ScanArgs) -> i32 {
    match prepare(args) {
        Ok((settings, fail_on)) => {
            let code = execute(args, &settings, fail_on);
            settings.progress.finish();
            code
        }
        Err(messages) => {
            for m in messages {
                super::error(m);
            }
            2
        }
    }
}

fn prepare(args: &ScanArgs) -> Result<(ScanSettings, FailOn), Vec<String>> {
    if let Some(n) = args.jobs {
        // Only fails if a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(usize::from(n)).build_global();
    }
    let mut errors = Vec::new();
    // An empty name (`--select ""` from an unset variable, a stray comma) is a typo, not "all".
    let parse = |flag: &str, list: &[String], errors: &mut Vec<String>| -> Vec<Selector> {
        if list.iter().any(|s| s.trim().is_empty()) {
            errors.push(crate::t!(super::lang(), "empty-rule-name-flag", flag = flag));
        }
        list.iter()
            .filter(|s| !s.trim().is_empty())
            .filter_map(|s| Selector::parse_in(s, super::lang()).map_err(|e| errors.push(e)).ok())
            .collect()
    };
    let select = parse("select", &args.select, &mut errors);
    let ignore = parse("ignore", &args.ignore, &mut errors);
    let today = match &args.date {
        Some(d) => d
            .parse::<jiff::civil::Date>()
            .map_err(|_| errors.push(crate::t!(super::lang(), "not-a-date", value = d.as_str())))
            .ok(),
        None => Some(jiff::Zoned::now().date()),
    };
    let cli_fail_on = args
        .fail_on
        .as_deref()
        .map(|s| FailOn::parse_in(s, super::lang()))
        .transpose()
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    if let Some(s) = args.min_severity.as_deref()
        && crate::finding::Severity::parse(s).is_none()
    {
        errors.push(crate::t!(super::lang(), "not-a-severity", value = s));
    }
    if args.statistics && args.format != Format::Text {
        errors.push(crate::t!(super::lang(), "statistics-text-only", format = format_name(args.format)));
    }
    let config = args.input.config(&args.paths).unwrap_or_else(|errs| {
        errors.extend(errs);
        Config::default()
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut settings = ScanSettings::new(config, &select, &ignore, today.unwrap_or_default());
    // A gate that runs no rule would pass anything.
    if settings.rules.is_empty() {
        return Err(vec![crate::t!(super::lang(), "no-rule-selected")]);
    }
    if let Some(f) = cli_fail_on {
        settings.fail_on = f;
    }
    settings.options.kubernetes_version = args.kubernetes_version;
    // Runs longer than a couple of seconds show a line of progress on a terminal.
    if progress::wanted(std::io::stderr().is_terminal(), args.quiet, std::env::var_os("CI")) {
        settings.progress = Progress::on_stderr();
    }
    let fail_on = settings.fail_on;
    Ok((settings, fail_on))
}

/// A format's name as `--format` takes it.
fn format_name(format: Format) -> String {
    clap::ValueEnum::to_possible_value(&format).map_or_else(String::new, |v| v.get_name().to_string())
}

fn execute(args: &ScanArgs, settings: &ScanSettings, fail_on: FailOn) -> i32 {
    let guard = args.output.as_deref().map(OutputGuard::new);
    let baseline_guard = args
        .write_baseline
        .as_deref()
        .map(|p| OutputGuard::new(p).flag("--write-baseline").hidden_unread(!args.input.hidden));
    let config = settings.config.file.as_ref().and_then(|f| f.path.as_deref());
    // A live scan reads no paths (the default `.` is not an input then).
    let live_scan = args.input.cluster.cluster || args.eks.is_some();
    let paths: &[String] = if live_scan { &args.launch_template_versions } else { &args.paths };
    // The report must not land on a baseline, the one read or the one written (rewriting the
    // baseline read is how one updates it).
    let baselines =
        [(args.write_baseline.as_deref(), "--write-baseline"), (args.baseline.as_deref(), "--baseline")];
    if let Some(out) = args.output.as_deref()
        && let Some((_, flag)) =
            baselines.iter().find(|(b, _)| b.is_some_and(|b| super::output_guard::same_file(out, b)))
    {
        let path = out.display().to_string();
        super::error(crate::t!(
            super::lang(),
            "output-same-file",
            first = "--output",
            second = *flag,
            path = path
        ));
        return 2;
    }
    for g in guard.iter().chain(&baseline_guard) {
        if let Err(e) = g.check_arguments(paths, config) {
            super::error(e);
            return 2;
        }
    }
    let baseline = match args.baseline.as_deref().map(scan::baseline::Baseline::read).transpose() {
        Ok(b) => b,
        Err(e) => {
            super::error(e);
            return 2;
        }
    };
    let mut options = args.input.options(&settings.config);
    options.progress = settings.progress.clone();
    options.one_cluster = args.one_cluster;
    let eks = args.eks.as_deref().zip(args.region.as_deref());
    let (inputs, live) = if args.input.cluster.cluster || eks.is_some() {
        match args.input.cluster.load(&args.namespaces, eks, &args.launch_template_versions, &options) {
            Ok(l) => (l.inputs, Some((l.names.join(" + "), l.not_evaluated))),
            Err(e) => {
                super::error(e);
                return 2;
            }
        }
    } else {
        (Inputs::from_paths(&args.paths, &options), None)
    };
    for g in guard.iter().chain(&baseline_guard) {
        if let Err(e) = g.check_files(&inputs.files) {
            super::error(e);
            return 2;
        }
    }
    // The namespaces read get a report each, empty when their findings are gone.
    let namespaces: Vec<String> = if args.write_policy_reports {
        inputs.set.of_kind("", "Namespace").map(|o| o.name.to_string()).collect()
    } else {
        Vec::new()
    };
    // The page's framework scores need the inputs themselves (how much of each kind, Pod
    // Security), which the scan consumes: taken before it, and only for the page.
    let prepared: Vec<compliance::Prepared> = if args.format == Format::Html {
        FrameworkId::ALL.iter().map(|f| compliance::Prepared::for_score(*f, &inputs.set, settings)).collect()
    } else {
        Vec::new()
    };
    let reachability =
        if args.format == Format::Html { report::reachability(&inputs.set, super::lang()) } else { None };
    let mut result = scan::scan(inputs, settings);
    // Decided before a baseline or --min-severity hides findings: a hidden finding still fails.
    let extras = report::HtmlExtras {
        frameworks: prepared.iter().map(|p| (p.framework(), p.score(&result, settings))).collect(),
        reachability,
    };
    if let Some(path) = &args.write_baseline {
        let written = std::fs::File::create(path).and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            report::write(&result, Format::Json, ReportOptions::default(), &mut w)?;
            w.flush()
        });
        if let Err(e) = written {
            let what = path.display().to_string();
            super::error(crate::t!(
                super::lang(),
                "cannot-write",
                what = what,
                reason = crate::i18n::io_reason(super::lang(), &e)
            ));
            return 2;
        }
    }
    if let Some(b) = &baseline {
        result.apply_baseline(b);
    }
    if let Some(min) = args.min_severity.as_deref().and_then(crate::finding::Severity::parse) {
        result.apply_min_severity(min);
    }
    result.run.paths = match &live {
        Some((context, _)) => vec![context.clone()],
        None => args.paths.clone(),
    };
    if let Some((context, not_evaluated)) = live {
        result.summary.cluster = Some(context);
        result.summary.not_evaluated = not_evaluated;
    }
    // The line is cleared before the report goes to the same terminal.
    match args.output {
        Some(_) => settings.progress.stage(Stage::Writing),
        None => settings.progress.finish(),
    }
    let options = ReportOptions {
        show_suppressed: args.show_suppressed,
        color: args.color.enabled(args.output.is_some()),
        lang: super::lang(),
        statistics: args.statistics,
    };
    let written = match &args.output {
        Some(path) => std::fs::File::create(path).and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            report::write_with(&result, args.format, options, &extras, &mut w)?;
            w.flush()
        }),
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            report::write_with(&result, args.format, options, &extras, &mut w).and_then(|()| w.flush())
        }
    };
    match written {
        Ok(()) => {}
        // A closed pipe (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            let what = args.output.as_ref().map_or_else(
                || crate::i18n::text(super::lang(), "standard-output"),
                |p| p.display().to_string(),
            );
            super::error(crate::t!(
                super::lang(),
                "cannot-write",
                what = what,
                reason = crate::i18n::io_reason(super::lang(), &e)
            ));
            return 2;
        }
    }
    if args.format != Format::Text && !result.errors.is_empty() {
        // Machine formats go to stdout; still tell a person why the run exits 2.
        for e in &result.errors {
            super::error(e.to_string_in(super::lang()));
        }
    }
    if args.write_policy_reports && !write_policy_reports(args, &result, &namespaces) {
        return 2;
    }
    let code = result.exit_code(fail_on);
    // The process ends with this command (`cli::run` reads the process's arguments): its memory
    // goes back at once, where freeing every finding one at a time took most of a second on a
    // large input. Everything written is flushed above.
    std::mem::forget(result);
    code
}

/// Largest report written: under etcd's default limit of 1.5 MiB for one value.
const MAX_REPORT_BYTES: usize = 1 << 20;

/// `--write-policy-reports`: the reports applied to the cluster read; false when any was not.
fn write_policy_reports(args: &ScanArgs, result: &scan::ScanResult, namespaces: &[String]) -> bool {
    let lang = super::lang();
    let mut reports = report::policyreport::reports(result, namespaces);
    for r in &mut reports {
        let total = r.get("results").and_then(serde_json::Value::as_array).map_or(0, Vec::len);
        let left = report::policyreport::fit(r, MAX_REPORT_BYTES);
        if left > 0 {
            let name = match r.pointer("/metadata/namespace").and_then(serde_json::Value::as_str) {
                Some(ns) => format!("PolicyReport {ns}/ladrillo"),
                None => "ClusterPolicyReport ladrillo".to_string(),
            };
            super::warning(crate::t!(
                lang,
                "live-report-truncated",
                report = name,
                left = left,
                total = total,
                kib = MAX_REPORT_BYTES >> 10
            ));
        }
    }
    let context = result.summary.cluster.clone().unwrap_or_default();
    match crate::live::write::apply(&args.input.cluster.options(&args.namespaces), &reports) {
        Ok(written) if written.failed.is_empty() => {
            eprintln!("{}", crate::t!(lang, "live-wrote", count = written.applied, context = context));
            true
        }
        Ok(written) => {
            for f in &written.failed {
                super::error(crate::t!(lang, "live-write-failed", reason = f.as_str()));
            }
            super::error(crate::t!(
                lang,
                "live-wrote-some",
                count = written.applied,
                total = reports.len(),
                context = context
            ));
            false
        }
        Err(e) => {
            super::error(crate::t!(lang, "live-write-failed", reason = e.to_string()));
            false
        }
    }
}
