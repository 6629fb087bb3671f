//! `ladrillo scan`: load the inputs ([`crate::input`]), run the selected rules,
//! apply severity overrides and waivers, and return sorted findings with input errors and a
//! summary. Pure apart from reading files: reports are rendered elsewhere.

pub mod baseline;
pub mod implied;
pub mod waivers;

use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::InputError;
use crate::document::{SourceFile, Span, yaml::NoteKind};
use crate::finding::{Finding, Severity};
use crate::input::{FileNote, Inputs};
use crate::model::{Object, ObjectSet, Workload};
use crate::rules::input::{ambiguous_scalar::AmbiguousScalar, duplicate_key::DuplicateKey};
use crate::rules::{self, Context, Rule, RuleOptions};
use crate::settings::{Config, FailOn, Selector};

/// Version of the JSON report's shape (`schema_version`), which baselines are read in.
pub const JSON_SCHEMA_VERSION: u32 = 1;

/// Everything a scan needs besides its inputs.
#[derive(Debug)]
pub struct ScanSettings {
    pub rules: Vec<&'static dyn Rule>,
    pub severity_overrides: Vec<(&'static str, Severity)>,
    pub config: Config,
    pub fail_on: FailOn,
    pub today: Date,
    pub options: RuleOptions,
    /// The progress indicator of the run (hidden unless the CLI shows one).
    pub progress: crate::progress::Progress,
    /// Spread the work over rayon's pool (per file, per object, per rule of a scope): `true`
    /// unless the caller says otherwise. The webhook judges each review, one or two objects,
    /// entirely on its calling thread: handing so little work to the pool and waiting for it
    /// costs more than the work. Findings are the same, in the same order, either way.
    pub parallel: bool,
    /// Compute what only reports use: each finding's fingerprint and the masks of the secret
    /// rules that were not selected (`ScanResult::redactions`); `true` unless the caller says
    /// otherwise. The webhook answers with messages and field paths only.
    pub report_data: bool,
}

impl ScanSettings {
    /// Resolves the rule selection: config `select` (or the defaults), CLI `--select` replacing
    /// it, then config `ignore` and CLI `--ignore` removed.
    #[must_use]
    pub fn new(config: Config, cli_select: &[Selector], cli_ignore: &[Selector], today: Date) -> Self {
        let select: &[Selector] = if cli_select.is_empty() { &config.select } else { cli_select };
        // Audit-log detections read audit events, never files: `ladrillo audit-log` runs them.
        let rules: Vec<&'static dyn Rule> = rules::all()
            .iter()
            .copied()
            .filter(|r| r.meta().group != rules::Group::Audit)
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
            pss_configured: config.pss.is_some(),
            pss_kubernetes_version: config.pss_kubernetes_version,
            kubernetes_version: None,
            selected_rules: rules.iter().map(|r| r.meta().name).collect(),
        };
        Self {
            rules,
            severity_overrides,
            fail_on: config.fail_on.unwrap_or(FailOn::Severity(Severity::Info)),
            config,
            today,
            options,
            progress: crate::progress::Progress::hidden(),
            parallel: true,
            report_data: true,
        }
    }

    /// How paths are read: the config's excludes, the progress bar.
    #[must_use]
    pub fn input_options(&self) -> crate::input::Options {
        crate::input::Options {
            exclude: self.config.exclude.clone(),
            progress: self.progress.clone(),
            ..crate::input::Options::default()
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
    /// Spans of credentials by file, found whichever rules were selected: every excerpt of the
    /// file masks them (see `report::redactions_by_file`).
    pub redactions: std::collections::HashMap<String, Vec<Span>>,
    /// What was scanned and as of which day, for reports that say so (HTML).
    pub run: RunInfo,
}

/// What a scan read and as of which day.
#[derive(Clone, Debug, Default)]
pub struct RunInfo {
    /// The paths named on the command line (`-` is standard input), or the cluster of a live
    /// scan; the CLI fills them in.
    pub paths: Vec<String>,
    /// The scan's day (`--date`, else today), against which waivers expire.
    pub date: Option<Date>,
}

/// Objects checked in parallel at a time (see [`scan`]).
const OBJECT_CHUNK: usize = 4096;

/// Most findings of one rule kept for one object, or for one file where they are about no
/// object: past it they are counted (`Summary::elided`) and left out, so a small hostile file
/// (millions of duplicate keys, a pod of a million containers) cannot make a report of gigabytes.
/// Counted per object, a file of many objects (a whole-cluster export) reports like the same
/// objects in one file each.
pub const MAX_FINDINGS_PER_RULE: usize = 10_000;

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Keeps the first [`MAX_FINDINGS_PER_RULE`] findings of each rule about each object, and of
/// each rule in each file for findings about no object (in their order), and returns how many
/// were left out. Findings must be sorted (by file name first).
fn cap_findings(findings: &mut Vec<Finding>) -> usize {
    let file = |f: &Finding| f.location.file.as_ref().map_or(0, |a| Arc::as_ptr(a) as usize);
    debug_assert!(findings.is_sorted_by(|a, b| a.location.file_name() <= b.location.file_name()));
    // Only a rule with more than the cap in one file can have more about one object: the others
    // are not counted per object. Counted one file at a time, since findings are sorted by file
    // name: a count of every file's rules at once took 46 MB at 200,000 objects, then the
    // scan's peak (files that share a name are counted together, and told apart by the key).
    let mut over: std::collections::HashSet<(usize, &'static str)> = std::collections::HashSet::new();
    let mut per_file: std::collections::HashMap<(usize, &'static str), usize> =
        std::collections::HashMap::new();
    for run in findings.chunk_by(|a, b| a.location.file_name() == b.location.file_name()) {
        per_file.clear();
        for f in run {
            *per_file.entry((file(f), f.rule.code)).or_default() += 1;
        }
        over.extend(per_file.iter().filter(|(_, n)| **n > MAX_FINDINGS_PER_RULE).map(|(k, _)| *k));
    }
    if over.is_empty() {
        return 0;
    }
    let mut seen: std::collections::HashMap<(usize, Option<usize>, &'static str), usize> =
        std::collections::HashMap::new();
    let before = findings.len();
    findings.retain(|f| {
        if !over.contains(&(file(f), f.rule.code)) {
            return true;
        }
        let n = seen.entry((file(f), f.object_index, f.rule.code)).or_default();
        *n += 1;
        *n <= MAX_FINDINGS_PER_RULE
    });
    before - findings.len()
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
    /// Of those, kustomize patches (not audited on their own: their base is).
    #[serde(skip_serializing_if = "is_zero")]
    pub patches: usize,
    /// Hidden directories and files a directory walk skipped (`--hidden` reads them).
    #[serde(skip_serializing_if = "is_zero")]
    pub hidden_skipped: usize,
    /// Directories of other tools' test data skipped by default (`--no-default-excludes`).
    #[serde(skip_serializing_if = "is_zero")]
    pub default_excluded: usize,
    /// Pods, ReplicaSets and Jobs left out because their controller is in the input: its
    /// findings stand for theirs (see `input::owned`).
    #[serde(skip_serializing_if = "is_zero")]
    pub owned: usize,
    /// Findings left out because the baseline (`--baseline`) already holds them.
    #[serde(skip_serializing_if = "is_zero")]
    pub in_baseline: usize,
    /// Active findings left out because they are below `--min-severity`.
    #[serde(skip_serializing_if = "is_zero")]
    pub below_min_severity: usize,
    pub rules: usize,
    pub findings: usize,
    pub suppressed: usize,
    pub errors: usize,
    /// Findings left out past [`MAX_FINDINGS_PER_RULE`] of one rule about one object (or in one
    /// file).
    #[serde(skip_serializing_if = "is_zero")]
    pub elided: usize,
    pub by_severity: std::collections::BTreeMap<&'static str, usize>,
    /// The kubeconfig context of a live scan (`scan --cluster`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// Kinds a live scan could not read (`secrets (forbidden)`): the rules over them are not
    /// evaluated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_evaluated: Vec<String>,
    /// What was read but not analysed, and what to do about it (see [`crate::input::Remark`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub input_notes: Vec<crate::input::Remark>,
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
    scan(Inputs::from_paths(paths, &settings.input_options()), settings)
}

/// Scans source files already read.
#[must_use]
pub fn scan_files(files: &[Arc<SourceFile>], settings: &ScanSettings) -> ScanResult {
    scan(Inputs::from_files(files), settings)
}

/// Runs the selected rules over loaded inputs, then applies severity overrides and waivers.
#[must_use]
pub fn scan(inputs: Inputs, settings: &ScanSettings) -> ScanResult {
    let Inputs { files: all_files, set, notes, mut errors, stats, remarks } = inputs;
    settings.progress.stage(crate::progress::Stage::Checking);
    let mut summary = Summary {
        files: stats.files,
        documents: stats.documents,
        skipped_documents: stats.skipped_documents,
        patches: stats.patches,
        hidden_skipped: stats.hidden_skipped,
        default_excluded: stats.default_excluded,
        owned: stats.owned,
        objects: set.len(),
        rules: settings.rules.len(),
        input_notes: remarks,
        ..Summary::default()
    };

    // Files with no Kubernetes object (IaC, eksctl, AWS JSON, values files) get the
    // source-level rules; manifests are covered by the object rules.
    let manifests: std::collections::HashSet<&str> = set
        .iter()
        .filter(|o| o.group() != "eksctl.io")
        .filter_map(|o| o.origin.as_ref().map(|or| or.file.display.as_str()))
        .collect();
    let source_rules = |f: &Arc<SourceFile>| {
        let mut cx = Context::new(&settings.options);
        for rule in &settings.rules {
            rule.check_source(&mut cx, f);
        }
        cx.into_findings()
    };
    let unchecked = |f: &&Arc<SourceFile>| !manifests.contains(f.display.as_str());
    let per_source: Vec<Vec<Finding>> = if settings.parallel {
        all_files.par_iter().filter(unchecked).map(source_rules).collect()
    } else {
        all_files.iter().filter(unchecked).map(source_rules).collect()
    };

    // Everything that reads the trees of the whole set runs first: the cross-object rules, the
    // clusters' checks, the parser's notes, the masks of unselected secret rules and the spans
    // of Secrets' values. The per-object stage then drops each object's tree once its rules ran,
    // so trees shrink while findings grow instead of both being alive at the end. Findings keep
    // today's order: the per-object ones first, then these.
    let (mut set, per_scope) = run_set_rules(set, settings);
    let clusters = set.clusters();
    let mut per_cluster = Vec::new();
    for c in clusters {
        let mut cx = Context::new(&settings.options);
        for rule in settings.rules.iter().filter(|r| r.applies_on_outposts() || !c.on_outposts()) {
            rule.check_cluster(&mut cx, c);
            if clusters.len() == 1 {
                rule.check_cluster_objects(&mut cx, c, &set);
            }
        }
        per_cluster.extend(cx.into_findings());
        summary.capacity.extend(c.node_groups.iter().map(|ng| crate::analysis::capacity::node_group(c, ng)));
        summary.clusters += 1;
    }
    // The analyses (RBAC graph, NetworkPolicy model, indexes) are not read past this point.
    set.drop_analyses();
    let mut elided = 0;
    let per_note = note_findings(&notes, &set, settings, &mut elided);
    let redactions = if settings.report_data {
        secret_spans(&all_files, &set, settings)
    } else {
        std::collections::HashMap::new()
    };
    let secret_values: std::collections::HashMap<usize, Vec<Span>> = set
        .iter()
        .filter(|o| o.kind == "Secret")
        .map(|o| (o.index, secret_value_spans(o)))
        .filter(|(_, spans)| !spans.is_empty())
        .collect();

    // Per-object rules and annotation waivers, over the objects of one chunk at a time (in
    // parallel within it); each chunk's findings are moved into the list of all before the next
    // chunk runs, so the objects' lists are never all alive beside that list (a second copy of
    // every finding, hundreds of MB on a large input), and each chunk's trees are dropped once
    // its objects were checked.
    let object_rules = |o: &Object| {
        let (ws, errs) = waivers::object_waivers(o);
        (run_object_rules(o, settings), ws, errs)
    };
    let others = per_scope.iter().map(Vec::len).sum::<usize>()
        + per_source.iter().map(Vec::len).sum::<usize>()
        + per_cluster.len()
        + per_note.len();
    let objects = set.len();
    let mut findings: Vec<Finding> = Vec::new();
    let mut object_waivers = Vec::new();
    set.check_dropping_trees(OBJECT_CHUNK, settings.parallel, object_rules, |first, per_object| {
        let needed = findings.len() + per_object.iter().map(|(f, _, _)| f.len()).sum::<usize>();
        if needed > findings.capacity() {
            let size = list_size(needed, first + per_object.len(), objects, others);
            // At least double, so that a guess that keeps falling short (few findings in the first
            // objects, many in the last) still copies the list only as often as doubling does.
            findings.reserve_exact(size.max(findings.capacity().saturating_mul(2)) - findings.len());
        }
        for (i, (f, w, e)) in per_object.into_iter().enumerate() {
            findings.extend(f);
            errors.extend(e);
            if !w.is_empty() {
                object_waivers.push((first + i, w));
            }
        }
    });
    // The rest in one step (the list usually has the room already).
    findings.reserve_exact(others);
    findings.extend(per_scope.into_iter().flatten());
    findings.extend(per_source.into_iter().flatten());
    findings.extend(per_cluster);
    findings.extend(per_note);
    // Messages and notes quote names and values from the input: a token-shaped word in them (an
    // access key id inside a cluster name) is masked in every format.
    // The translated forms carry the same names as arguments, masked the same way.
    let mask = crate::rules::secrets::detect::mask_tokens;
    for f in &mut findings {
        f.message.map_text(&mask);
        if let Some(h) = &mut f.help {
            h.map_text(&mask);
        }
        if let Some(e) = &mut f.extra {
            for n in &mut e.notes {
                n.map_text(&mask);
            }
            for r in &mut e.related {
                if let Some(m) = mask(&r.message) {
                    r.message = m;
                }
            }
        }
        // The same names reach the reports as the object (a Terraform address, a logical ID),
        // the help line and related places.
        // The identity is shared by the object's findings: copied only when a name changes.
        if let Some(o) = &mut f.object
            && (mask(&o.name).is_some() || o.namespace.as_deref().and_then(mask).is_some())
        {
            let o = Arc::make_mut(o);
            for t in std::iter::once(&mut o.name).chain(o.namespace.iter_mut()) {
                if let Some(m) = mask(t) {
                    *t = m.into();
                }
            }
        }
    }
    // A Secret's values are never shown, whichever finding shows one of its lines.
    for f in &mut findings {
        if let Some(spans) = f.object_index.and_then(|i| secret_values.get(&i)) {
            f.extra_mut().redact.extend(spans.iter().copied());
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
        let Some(object) = set.get(i) else { continue };
        let of_object = by_object.get(&i).map_or(&[][..], Vec::as_slice);
        waiver_findings.extend(waivers::apply_object(
            object,
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
        set.objects(),
        settings.today,
    ));
    findings.extend(waiver_findings.into_iter().filter(|f| settings.enabled_code(f.rule.code)));

    sort_findings(&mut findings);
    // Symptoms of a root cause at the same place go into its finding (after waivers, so that a
    // waiver written for one still counts as used).
    implied::fold(&mut findings);
    summary.elided = elided + cap_findings(&mut findings);
    if settings.report_data {
        crate::finding::fingerprints(&mut findings);
    }
    // Input errors quote the input and what a render tool printed: masked like messages.
    for e in &mut errors {
        e.map_text(&mask);
    }
    errors.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    summary.count(&findings);
    summary.errors = errors.len();
    let run = RunInfo { paths: Vec::new(), date: Some(settings.today) };
    ScanResult { findings, errors, summary, redactions, run }
}

/// Sorts findings by [`Finding::sort_key`], then English message, stably. The order is sorted as
/// indices and applied in place: a stable sort of the findings themselves would borrow a buffer
/// of half of them.
fn sort_findings(findings: &mut [Finding]) {
    let key = |i: &usize| findings.get(*i).map(Finding::sort_key);
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(key);
    // Messages are rendered only for the findings that tie on the rest, once each.
    for run in order.chunk_by_mut(|a, b| key(a) == key(b)).filter(|r| r.len() > 1) {
        let mut keyed: Vec<(std::borrow::Cow<'_, str>, usize)> =
            run.iter().filter_map(|&i| Some((findings.get(i)?.message(), i))).collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        for (slot, (_, i)) in run.iter_mut().zip(keyed) {
            *slot = i;
        }
    }
    // Position `i` receives the finding at `order[i]`: follow each cycle of the permutation,
    // marking positions done with `usize::MAX`.
    for start in 0..order.len() {
        let mut at = start;
        while let Some(slot) = order.get_mut(at) {
            let from = std::mem::replace(slot, usize::MAX);
            if from == usize::MAX || from == start {
                break;
            }
            findings.swap(at, from);
            at = from;
        }
    }
}

/// The redacted spans of the `secrets` rules that were not selected, by file: they run for their
/// masks only, so what a report shows never depends on the selection (`--select pod` still
/// masks a password in a container's flow-style line).
fn secret_spans(
    files: &[Arc<SourceFile>],
    set: &ObjectSet,
    settings: &ScanSettings,
) -> std::collections::HashMap<String, Vec<Span>> {
    let unselected: Vec<&dyn Rule> = rules::registry::all()
        .iter()
        .copied()
        .filter(|r| r.meta().group == crate::finding::Group::Secrets && !settings.enabled_code(r.meta().code))
        .collect();
    let mut out: std::collections::HashMap<String, Vec<Span>> = std::collections::HashMap::new();
    if unselected.is_empty() {
        return out;
    }
    let masks = |o: &Object| {
        let mut cx = Context::new(&settings.options);
        let workload = Workload::of(o);
        for rule in &unselected {
            rule.check_object(&mut cx, o);
            if let Some(w) = &workload {
                rule.check_workload(&mut cx, w);
            }
        }
        cx.into_findings()
    };
    let from_objects: Vec<Finding> = if settings.parallel {
        set.objects().par_iter().flat_map_iter(masks).collect()
    } else {
        set.objects().iter().flat_map(masks).collect()
    };
    let manifests: std::collections::HashSet<&str> = set
        .iter()
        .filter(|o| o.group() != "eksctl.io")
        .filter_map(|o| o.origin.as_ref().map(|or| or.file.display.as_str()))
        .collect();
    let mut cx = Context::new(&settings.options);
    for f in files.iter().filter(|f| !manifests.contains(f.display.as_str())) {
        for rule in &unselected {
            rule.check_source(&mut cx, f);
        }
    }
    for f in from_objects.into_iter().chain(cx.into_findings()) {
        if let (Some(file), false) = (f.location.file_name(), f.redact().is_empty()) {
            out.entry(file.to_string()).or_default().extend(f.redact());
        }
    }
    out
}

/// Findings about one object of `inputs`, the other inputs being its context (its Namespace,
/// the roles, bindings and policies around it, the cluster): the selected rules run as in
/// [`scan`], with its severity overrides and waivers, and only what they report about the object
/// (or inside its text) is kept. Input errors are all kept. For callers that judge one object at
/// a time: an admission webhook, an audit-log reader.
#[must_use]
pub fn scan_object(inputs: Inputs, index: usize, settings: &ScanSettings) -> ScanResult {
    let within =
        inputs.set.get(index).and_then(|o| Some((Arc::clone(&o.origin.as_ref()?.file), o.root.span())));
    let mut result = scan(inputs, settings);
    result.findings.retain(|f| {
        f.object_index == Some(index)
            || f.object_index.is_none()
                && within.as_ref().is_some_and(|(file, span)| {
                    f.location.file.as_ref().is_some_and(|lf| Arc::ptr_eq(lf, file))
                        && span.start <= f.location.span.start
                        && f.location.span.end <= span.end
                })
    });
    result.summary.count(&result.findings);
    result
}

impl ScanResult {
    /// Leaves out the findings a baseline holds, and counts them in the summary; the exit code
    /// then follows the new findings only.
    pub fn apply_baseline(&mut self, baseline: &baseline::Baseline) {
        self.summary.in_baseline = baseline.retain_new(&mut self.findings);
        self.summary.count(&self.findings);
    }

    /// Keeps only the findings at or above `min` (`--min-severity`): the others are neither
    /// reported nor counted for the exit code, and the summary says how many active ones were
    /// left out.
    pub fn apply_min_severity(&mut self, min: Severity) {
        let active = self.summary.findings;
        self.findings.retain(|f| f.severity >= min);
        self.summary.count(&self.findings);
        self.summary.below_min_severity = active - self.summary.findings;
    }
}

impl Summary {
    /// Counts active and suppressed findings, by severity.
    fn count(&mut self, findings: &[Finding]) {
        self.findings = findings.iter().filter(|f| f.suppressed.is_none()).count();
        self.suppressed = findings.len() - self.findings;
        self.by_severity.clear();
        for f in findings.iter().filter(|f| f.suppressed.is_none()) {
            *self.by_severity.entry(f.severity.as_str()).or_default() += 1;
        }
    }
}

impl ScanSettings {
    fn enabled_code(&self, code: &str) -> bool {
        self.rules.iter().any(|r| r.meta().code == code)
    }
}

/// Cross-object rules, once per scope of the set (relations never cross one, see
/// [`ObjectSet::scopes`]), in parallel; shared analyses are built once per scope (see
/// `ObjectSet::analysis`). Then the checks that look at the whole run. One list per rule (and
/// scope): gathering them into one list here would hold every finding twice at the peak.
fn run_set_rules(set: ObjectSet, settings: &ScanSettings) -> (ObjectSet, Vec<Vec<Finding>>) {
    // The rules run in phases, one per whole-set analysis they read, and each phase's analyses
    // are dropped before the next: the NetworkPolicy model and the RBAC graph are then never
    // alive together, nor beside the findings of the rules that read neither.
    let mut phases: [Vec<(usize, &'static dyn Rule)>; 3] = Default::default();
    for (i, rule) in settings.rules.iter().enumerate() {
        if let Some(phase) = phases.get_mut(set_phase(rule.meta().group)) {
            phase.push((i, *rule));
        }
    }
    let run = |set: &ObjectSet| -> Vec<Vec<Finding>> {
        let check = |&(i, rule): &(usize, &'static dyn Rule)| {
            let mut cx = Context::new(&settings.options);
            rule.check_set(&mut cx, set);
            (i, cx.into_findings())
        };
        let mut found: Vec<(usize, Vec<Finding>)> = Vec::with_capacity(settings.rules.len());
        for phase in &phases {
            if settings.parallel {
                found.par_extend(phase.par_iter().map(check));
            } else {
                found.extend(phase.iter().map(check));
            }
            set.forget_analyses();
        }
        // Back in the order of the rules.
        found.sort_by_key(|(i, _)| *i);
        found.into_iter().map(|(_, f)| f).collect()
    };
    let (set, mut findings) = if set.scopes().len() <= 1 {
        let findings = run(&set);
        (set, findings)
    } else {
        let (parts, names) = set.split();
        let nonempty = |(indices, _): &&(Vec<usize>, ObjectSet)| !indices.is_empty();
        let scope = |(indices, part): &(Vec<usize>, ObjectSet)| {
            let mut found = run(part);
            // Back to the object's place in the whole run.
            for f in found.iter_mut().flatten() {
                f.object_index = f.object_index.and_then(|i| indices.get(i).copied());
            }
            found
        };
        let findings: Vec<Vec<Vec<Finding>>> = if settings.parallel {
            parts.par_iter().filter(nonempty).map(scope).collect()
        } else {
            parts.iter().filter(nonempty).map(scope).collect()
        };
        (ObjectSet::join(parts, names), findings.into_iter().flatten().collect())
    };
    let mut cx = Context::new(&settings.options);
    for rule in &settings.rules {
        rule.check_run(&mut cx, &set);
    }
    findings.push(cx.into_findings());
    (set, findings)
}

/// The room to give the list of all findings once `needed` of them (those of the first `done` of
/// `objects` objects) do not fit: as many per object for the objects left, an eighth more, and
/// the `others` that join them at the end. The list is the largest allocation of a scan (216
/// bytes a finding), and growing it by doubling copied it a dozen times, each time with the old
/// and new lists alive together (up to 1.5 times its size). Room never written to is not
/// resident, so a generous guess costs address space, not memory.
fn list_size(needed: usize, done: usize, objects: usize, others: usize) -> usize {
    let per_object = needed as f64 / done.max(1) as f64;
    let guess = (per_object * objects.max(done) as f64 * 1.125) as usize;
    guess.max(needed).saturating_add(others)
}

/// The phase of the set stage a rule's cross-object check runs in (see [`run_set_rules`]): the
/// rules that read the NetworkPolicy model (network, and disruption budgets' selectors), then
/// those that read the RBAC graph, then the rest. A rule in another phase than the analysis it
/// reads still gets it (rebuilt): the phases only decide what is alive at once.
fn set_phase(group: crate::finding::Group) -> usize {
    use crate::finding::Group;
    match group {
        Group::Network | Group::Reliability => 0,
        Group::Rbac => 1,
        _ => 2,
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
    notes: &[FileNote],
    set: &ObjectSet,
    settings: &ScanSettings,
    elided: &mut usize,
) -> Vec<Finding> {
    let mut cx = Context::new(&settings.options);
    // Notes past the cap of one kind about one object (or in one file, outside any object) are
    // only counted, before any finding is made.
    let mut per_place: std::collections::HashMap<(usize, Option<usize>, bool), usize> =
        std::collections::HashMap::new();
    let mut files: std::collections::HashMap<usize, FileObjects<'_>> = std::collections::HashMap::new();
    for FileNote { file, first_object, note } in notes {
        let objects = files.entry(Arc::as_ptr(file) as usize).or_insert_with(|| {
            FileObjects::new(set.objects().get(*first_object..).unwrap_or_default(), file)
        });
        let object = objects.containing(note.span.start);
        let n = per_place
            .entry((
                Arc::as_ptr(file) as usize,
                object.map(|o| o.index),
                matches!(note.kind, NoteKind::DuplicateKey { .. }),
            ))
            .or_default();
        *n += 1;
        if *n > MAX_FINDINGS_PER_RULE {
            *elided += 1;
            continue;
        }
        let (rule, message): (&dyn Rule, crate::i18n::Msg) = match &note.kind {
            NoteKind::DuplicateKey { key, first } => {
                let p = file.position(first.start);
                (&DuplicateKey, crate::msg!("rule-inp001-message", key = key, line = p.line.to_string()))
            }
            // A Secret's value is not quoted back, not even as what it reads as.
            NoteKind::Yaml11Scalar { .. }
                if object.is_some_and(|o| {
                    o.kind == "Secret"
                        && secret_value_spans(o)
                            .iter()
                            .any(|s| s.range().contains(&(note.span.start as usize)))
                }) =>
            {
                (&AmbiguousScalar, crate::msg!("rule-inp002-secret"))
            }
            NoteKind::Yaml11Scalar { text, read_as } => (
                &AmbiguousScalar,
                crate::msg!("rule-inp002-message", text = text, read_as = read_as_msg(read_as)),
            ),
        };
        if !settings.enabled(rule) {
            continue;
        }
        let report = cx.report_at(rule, Some(Arc::clone(file)), note.span, message);
        let report = match &note.kind {
            NoteKind::DuplicateKey { .. } => report.help(crate::msg!("rule-inp001-help")),
            NoteKind::Yaml11Scalar { .. } => report.help(crate::msg!("rule-inp002-help")),
        };
        if let Some(o) = object {
            let _ = report.object(o);
        }
    }
    cx.into_findings()
}

/// The objects of one file (contiguous in the set), to find the one a place is in: by binary
/// search when they follow each other in the text, as documents and list items do, else one by
/// one.
struct FileObjects<'a> {
    objects: &'a [Object],
    ordered: bool,
}

impl<'a> FileObjects<'a> {
    /// `from` starts with the file's first object.
    fn new(from: &'a [Object], file: &Arc<SourceFile>) -> Self {
        let n = from
            .iter()
            .take_while(|o| o.origin.as_ref().is_some_and(|or| Arc::ptr_eq(&or.file, file)))
            .count();
        let objects = from.get(..n).unwrap_or_default();
        let ordered = objects.windows(2).all(|w| match w {
            [a, b] => a.root.span().end < b.root.span().start,
            _ => true,
        });
        Self { objects, ordered }
    }

    /// The first object whose text holds `offset` (its end included).
    fn containing(&self, offset: u32) -> Option<&'a Object> {
        let holds = |o: &&Object| o.root.span().start <= offset && offset <= o.root.span().end;
        if !self.ordered {
            return self.objects.iter().find(holds);
        }
        // The objects are disjoint and in order: only the last one starting at or before the
        // offset can hold it.
        let after = self.objects.partition_point(|o| o.root.span().start <= offset);
        after.checked_sub(1).and_then(|i| self.objects.get(i)).filter(holds)
    }
}

/// Everything in a Secret's `data` and `stringData` but the keys that are kept (a repeated key's
/// earlier value included).
fn secret_value_spans(o: &Object) -> Vec<Span> {
    let mut spans = Vec::new();
    for field in ["data", "stringData"] {
        let Some(node) = o.root.get(field) else { continue };
        let Some(map) = node.as_map() else {
            spans.push(node.span());
            continue;
        };
        let mut keys: Vec<Span> = map.entries.iter().map(|e| e.key_span).collect();
        keys.sort_by_key(|k| k.start);
        let mut at = node.span().start;
        for k in keys {
            spans.push(Span { start: at, end: k.start });
            at = (k.end + 1).min(node.span().end); // past the `:`
        }
        spans.push(Span { start: at, end: node.span().end });
    }
    spans
}

/// What the YAML reader says a scalar reads as (`the boolean true`, `the number 10`, `null`), as a
/// message in the reader's language; the value itself stays as written.
fn read_as_msg(read_as: &str) -> crate::i18n::Msg {
    if let Some(v) = read_as.strip_prefix("the boolean ") {
        crate::msg!("yaml-read-boolean", value = v)
    } else if let Some(v) = read_as.strip_prefix("the number ") {
        crate::msg!("yaml-read-number", value = v)
    } else if read_as == "null" {
        crate::msg!("yaml-read-null")
    } else {
        crate::msg!("yaml-read-string")
    }
}
