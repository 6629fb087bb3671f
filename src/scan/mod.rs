//! `ladrillo scan`: read every input in parallel, build the object set, run the selected rules,
//! apply severity overrides and waivers, and return sorted findings with input errors and a
//! summary. Pure apart from reading files: reports are rendered elsewhere.

pub mod load;
pub mod waivers;

use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use crate::document::{SourceFile, Span, yaml::NoteKind};
use crate::finding::{Finding, InputError, Severity};
use crate::model::{Object, ObjectSet, Workload, cluster};
use crate::rules::input::{ambiguous_scalar::AmbiguousScalar, duplicate_key::DuplicateKey};
use crate::rules::{self, Context, Rule, RuleOptions};
use crate::settings::{Config, FailOn, Selector};
use crate::source::{self, Input};

/// Everything a scan needs besides its inputs.
#[derive(Debug)]
pub struct ScanSettings {
    pub rules: Vec<&'static dyn Rule>,
    pub severity_overrides: Vec<(&'static str, Severity)>,
    pub config: Config,
    pub fail_on: FailOn,
    pub today: Date,
    pub options: RuleOptions,
    pub progress: bool,
}

impl ScanSettings {
    /// Resolves the rule selection: config `select` (or the defaults), CLI `--select` replacing
    /// it, then config `ignore` and CLI `--ignore` removed.
    #[must_use]
    pub fn new(config: Config, cli_select: &[Selector], cli_ignore: &[Selector], today: Date) -> Self {
        let select: &[Selector] = if cli_select.is_empty() { &config.select } else { cli_select };
        let rules: Vec<&'static dyn Rule> = rules::all()
            .iter()
            .copied()
            .filter(|r| {
                if select.is_empty() {
                    r.meta().default_enabled
                } else {
                    select.iter().any(|s| s.matches(*r))
                }
            })
            .filter(|r| !config.ignore.iter().chain(cli_ignore).any(|s| s.matches(*r)))
            .collect();
        let severity_overrides = config.severity.iter().map(|(r, s)| (r.meta().code, *s)).collect();
        let required_tags = config.required_tags.clone();
        let reachability = Arc::new(crate::analysis::netpol::assertions::Reachability {
            file: config.file.clone(),
            assertions: config.reachability.clone(),
        });
        let options = RuleOptions {
            today,
            required_tags,
            reachability,
            pss: config.pss.unwrap_or_default(),
            selected_rules: rules.iter().map(|r| r.meta().name).collect(),
        };
        Self {
            rules,
            severity_overrides,
            fail_on: config.fail_on.unwrap_or(FailOn::Severity(Severity::Info)),
            config,
            today,
            options,
            progress: false,
        }
    }

    fn enabled(&self, rule: &dyn Rule) -> bool {
        self.rules.iter().any(|r| r.meta().code == rule.meta().code)
    }
}

/// The outcome of a scan.
#[derive(Debug, Default)]
pub struct ScanResult {
    /// Every finding, suppressed ones included (marked), sorted.
    pub findings: Vec<Finding>,
    pub errors: Vec<InputError>,
    pub summary: Summary,
}

/// Counts for the summary line and machine outputs.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub documents: usize,
    pub objects: usize,
    /// EKS clusters built from eksctl, Terraform, CloudFormation or AWS JSON inputs.
    pub clusters: usize,
    /// Documents that are not Kubernetes objects and were not checked.
    pub skipped_documents: usize,
    pub rules: usize,
    pub findings: usize,
    pub suppressed: usize,
    pub errors: usize,
    pub by_severity: std::collections::BTreeMap<&'static str, usize>,
    /// Pod capacity of each node group of the clusters in the input.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub capacity: Vec<crate::analysis::capacity::NodeGroupCapacity>,
}

impl ScanResult {
    /// Findings not covered by a waiver.
    pub fn active(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.suppressed.is_none())
    }

    /// Process exit code: 2 on input errors, 1 on findings at or above the threshold, else 0.
    #[must_use]
    pub fn exit_code(&self, fail_on: FailOn) -> i32 {
        if !self.errors.is_empty() {
            return 2;
        }
        match fail_on {
            FailOn::Never => 0,
            FailOn::Severity(min) => i32::from(self.active().any(|f| f.severity >= min)),
        }
    }
}

/// Scans paths (files, directories, `-`).
#[must_use]
pub fn scan_paths(paths: &[String], settings: &ScanSettings) -> ScanResult {
    let (inputs, mut errors) = source::discover(paths, &settings.config.exclude_set());
    let bar = progress(settings.progress, inputs.len());
    let read: Vec<Result<Arc<SourceFile>, InputError>> = inputs
        .par_iter()
        .map(|i: &Input| {
            let r = source::read(i);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let mut files = Vec::with_capacity(read.len());
    for r in read {
        match r {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    let mut result = scan_files(&files, settings);
    result.summary.files += errors.len();
    errors.append(&mut result.errors);
    result.errors = errors;
    result.summary.errors = result.errors.len();
    result
}

fn progress(enabled: bool, len: usize) -> indicatif::ProgressBar {
    if !enabled || len < 200 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} reading {pos}/{len} files {wide_bar}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

/// Scans source files already read.
#[must_use]
pub fn scan_files(all_files: &[Arc<SourceFile>], settings: &ScanSettings) -> ScanResult {
    // Terraform is read per directory (a module), everything else per file.
    let (tf_files, files): (Vec<Arc<SourceFile>>, Vec<Arc<SourceFile>>) =
        all_files.iter().cloned().partition(|f| load::is_terraform(f));
    let (loaded, modules): (Vec<load::Loaded>, Vec<crate::document::hcl::Module>) =
        rayon::join(|| files.par_iter().map(load::load).collect(), || load::terraform(&tf_files));
    let mut summary = Summary { files: all_files.len(), rules: settings.rules.len(), ..Summary::default() };
    let mut errors = Vec::new();
    let mut set = ObjectSet::default();
    let mut notes = Vec::new();
    let mut aws = Vec::new();
    let mut templates = Vec::new();
    for m in &modules {
        summary.documents += m.files.len() + m.unused_tfvars.len();
        summary.skipped_documents += m.unused_tfvars.len();
        errors.extend(m.errors.iter().cloned());
    }
    for (file, l) in files.iter().zip(loaded) {
        summary.documents += l.documents;
        summary.skipped_documents += l.skipped.len();
        errors.extend(l.errors);
        aws.extend(l.aws);
        templates.extend(l.templates);
        let first = set.objects.len();
        for mut o in l.objects {
            o.index = set.objects.len();
            set.objects.push(o);
        }
        notes.extend(l.notes.into_iter().map(|n| (Arc::clone(file), first, n)));
    }
    summary.objects = set.len();

    // Files with no Kubernetes object (IaC, eksctl, AWS JSON, values files) get the
    // source-level rules; manifests are covered by the object rules.
    let manifests: std::collections::HashSet<&str> = set
        .iter()
        .filter(|o| o.group() != "eksctl.io")
        .filter_map(|o| o.origin.as_ref().map(|or| or.file.display.as_str()))
        .collect();
    let per_source: Vec<Vec<Finding>> = all_files
        .par_iter()
        .filter(|f| !manifests.contains(f.display.as_str()))
        .map(|f| {
            let mut cx = Context::new(&settings.options);
            for rule in &settings.rules {
                rule.check_source(&mut cx, f);
            }
            cx.into_findings()
        })
        .collect();

    // Per-object rules and annotation waivers, in parallel over objects.
    let per_object: Vec<(Vec<Finding>, Vec<waivers::ObjectWaiver>, Vec<InputError>)> = set
        .objects
        .par_iter()
        .map(|o| {
            let (ws, errs) = waivers::object_waivers(o);
            (run_object_rules(o, settings), ws, errs)
        })
        .collect();
    let mut findings = Vec::new();
    let mut object_waivers = Vec::new();
    for (i, (f, w, e)) in per_object.into_iter().enumerate() {
        findings.extend(f);
        errors.extend(e);
        if !w.is_empty() {
            object_waivers.push((i, w));
        }
    }
    let clusters = cluster::build_with(&set, &aws, &modules, &templates);
    errors.extend(clusters.errors);
    // EKS access entries authenticate IAM principals as Kubernetes groups: the RBAC graph is
    // built with them before any rule asks for it.
    let access = crate::analysis::rbac::access_entry_mappings(&clusters.clusters);
    if !access.is_empty() {
        let _ = crate::analysis::rbac::Graph::seed(&set, &access);
    }
    // Cross-object rules in parallel; shared analyses are built once (see `ObjectSet::analysis`).
    let per_rule: Vec<Vec<Finding>> = settings
        .rules
        .par_iter()
        .map(|rule| {
            let mut cx = Context::new(&settings.options);
            rule.check_set(&mut cx, &set);
            cx.into_findings()
        })
        .collect();
    findings.extend(per_rule.into_iter().flatten());
    findings.extend(per_source.into_iter().flatten());
    for c in &clusters.clusters {
        let mut cx = Context::new(&settings.options);
        for rule in &settings.rules {
            rule.check_cluster(&mut cx, c);
            if clusters.clusters.len() == 1 {
                rule.check_cluster_objects(&mut cx, c, &set);
            }
        }
        findings.extend(cx.into_findings());
        summary.capacity.extend(c.node_groups.iter().map(|ng| crate::analysis::capacity::node_group(c, ng)));
        summary.clusters += 1;
    }
    findings.extend(note_findings(&notes, &set, settings));
    // A Secret's values are never shown, whichever finding shows one of its lines.
    for f in &mut findings {
        if let Some(o) = f.object_index.and_then(|i| set.objects.get(i))
            && o.kind == "Secret"
        {
            f.redact.extend(secret_value_spans(o));
        }
    }

    for f in &mut findings {
        if let Some((_, s)) = settings.severity_overrides.iter().find(|(c, _)| *c == f.rule.code) {
            f.severity = *s;
        }
    }
    // Annotation waivers see every finding about their object, set-level ones included.
    let mut waiver_findings = Vec::new();
    let mut by_object: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    if !object_waivers.is_empty() {
        for (i, f) in findings.iter().enumerate() {
            if let Some(o) = f.object_index {
                by_object.entry(o).or_default().push(i);
            }
        }
    }
    for (i, mut ws) in object_waivers {
        let of_object = by_object.get(&i).map_or(&[][..], Vec::as_slice);
        waiver_findings.extend(waivers::apply_object(
            &set.objects[i],
            &mut ws,
            &mut findings,
            of_object,
            settings.today,
        ));
    }
    waiver_findings.extend(waivers::apply_config(
        &settings.config.waivers,
        settings.config.file.as_ref(),
        &mut findings,
        &set.objects,
        settings.today,
    ));
    findings.extend(waiver_findings.into_iter().filter(|f| settings.enabled_code(f.rule.code)));

    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    errors.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    summary.findings = findings.iter().filter(|f| f.suppressed.is_none()).count();
    summary.suppressed = findings.len() - summary.findings;
    for f in findings.iter().filter(|f| f.suppressed.is_none()) {
        *summary.by_severity.entry(f.severity.as_str()).or_default() += 1;
    }
    summary.errors = errors.len();
    ScanResult { findings, errors, summary }
}

impl ScanSettings {
    fn enabled_code(&self, code: &str) -> bool {
        self.rules.iter().any(|r| r.meta().code == code)
    }
}

fn run_object_rules(object: &Object, settings: &ScanSettings) -> Vec<Finding> {
    let mut cx = Context::new(&settings.options);
    let workload = Workload::of(object);
    for rule in &settings.rules {
        rule.check_object(&mut cx, object);
        if let Some(w) = &workload {
            rule.check_workload(&mut cx, w);
        }
    }
    cx.into_findings()
}

fn note_findings(
    notes: &[(Arc<SourceFile>, usize, crate::document::yaml::Note)],
    set: &ObjectSet,
    settings: &ScanSettings,
) -> Vec<Finding> {
    let mut cx = Context::new(&settings.options);
    for (file, first, note) in notes {
        let object = set.objects[*first..]
            .iter()
            .take_while(|o| o.origin.as_ref().is_some_and(|or| Arc::ptr_eq(&or.file, file)))
            .find(|o| o.root.span.start <= note.span.start && note.span.start <= o.root.span.end);
        let (rule, message): (&dyn Rule, String) = match &note.kind {
            NoteKind::DuplicateKey { key, first } => {
                let p = file.position(first.start);
                (
                    &DuplicateKey,
                    format!(
                        "key `{key}` is repeated (first at line {}); Kubernetes keeps only this last value",
                        p.line
                    ),
                )
            }
            // A Secret's value is not quoted back, not even as what it reads as.
            NoteKind::Yaml11Scalar { .. }
                if object.is_some_and(|o| {
                    o.kind == "Secret"
                        && secret_value_spans(o).iter().any(|s| s.range().contains(&(note.span.start as usize)))
                }) =>
            {
                (
                    &AmbiguousScalar,
                    "an unquoted value of this Secret is read differently by Kubernetes (YAML 1.1) and YAML 1.2 tools"
                        .to_string(),
                )
            }
            NoteKind::Yaml11Scalar { text, read_as } => (
                &AmbiguousScalar,
                format!(
                    "unquoted `{text}` is read by Kubernetes as {read_as}, by YAML 1.2 tools differently"
                ),
            ),
        };
        if !settings.enabled(rule) {
            continue;
        }
        let report = cx.report_at(rule, Some(Arc::clone(file)), note.span, message);
        let report = match &note.kind {
            NoteKind::DuplicateKey { .. } => report.help("remove one of the two entries"),
            NoteKind::Yaml11Scalar { .. } => {
                report.help("quote the value if it is a string, or write it unambiguously")
            }
        };
        if let Some(o) = object {
            let _ = report.object(o);
        }
    }
    cx.into_findings()
}

/// Everything in a Secret's `data` and `stringData` but the keys that are kept (a repeated key's
/// earlier value included).
fn secret_value_spans(o: &Object) -> Vec<Span> {
    let mut spans = Vec::new();
    for field in ["data", "stringData"] {
        let Some(node) = o.root.get(field) else { continue };
        let Some(map) = node.as_map() else {
            spans.push(node.span);
            continue;
        };
        let mut keys: Vec<Span> = map.entries.iter().map(|e| e.key_span).collect();
        keys.sort_by_key(|k| k.start);
        let mut at = node.span.start;
        for k in keys {
            spans.push(Span { start: at, end: k.start });
            at = (k.end + 1).min(node.span.end); // past the `:`
        }
        spans.push(Span { start: at, end: node.span.end });
    }
    spans
}
