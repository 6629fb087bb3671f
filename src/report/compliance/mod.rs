//! `ladrillo report --framework`: every control of a framework with its status, decided from a
//! scan of the inputs. A control passes only when the rules implementing it ran on input it is
//! about and found nothing; with no such input it is not applicable, and with no rule it is
//! manual. User-facing words live in [`words`].

mod html;
mod json;
mod markdown;
mod text;
pub mod words;

use serde::Serialize;

use crate::analysis::pss::{self, Policy, Version};
use crate::finding::{Finding, Severity};
use crate::i18n::Text;
use crate::input::Inputs;
use crate::model::{ObjectSet, Workload};
use crate::rules::Context;
use crate::rules::frameworks::{Control, FrameworkId, Input};
use crate::rules::pss::pss_violation::PssViolation;
use crate::scan::{self, ScanResult, ScanSettings};

pub use json::render as render_json;

/// The status of one control.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Pass,
    Fail,
    NotApplicable,
    Manual,
}

impl Status {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::NotApplicable => "not-applicable",
            Self::Manual => "manual",
        }
    }
}

/// How much of each kind of input the run has.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Coverage {
    pub cluster: usize,
    /// Clusters whose control plane runs on AWS Outposts (among `cluster`): controls decided
    /// only by rules that do not apply there are not applicable to them.
    #[serde(skip_serializing_if = "is_zero")]
    pub outposts: usize,
    pub workloads: usize,
    pub rbac: usize,
    pub namespaced: usize,
    pub storage_classes: usize,
    pub services: usize,
    pub objects: usize,
}

impl Coverage {
    #[must_use]
    pub fn of(set: &ObjectSet) -> Self {
        let kube = || set.iter().filter(|o| o.group() != "eksctl.io");
        Self {
            cluster: set.clusters().len(),
            outposts: set.clusters().iter().filter(|c| c.on_outposts()).count(),
            workloads: kube().filter(|o| Workload::is_pod_bearing(o)).count(),
            rbac: kube().filter(|o| o.group() == "rbac.authorization.k8s.io").count(),
            namespaced: kube().filter(|o| !o.is_cluster_scoped()).count(),
            storage_classes: kube()
                .filter(|o| o.group() == "storage.k8s.io" && o.kind == "StorageClass")
                .count(),
            services: kube()
                .filter(|o| {
                    (o.group().is_empty() && o.kind == "Service")
                        || (o.group() == "networking.k8s.io" && o.kind == "Ingress")
                })
                .count(),
            objects: kube().count(),
        }
    }

    #[must_use]
    pub fn count(&self, input: Input) -> usize {
        match input {
            Input::Cluster => self.cluster,
            Input::Workloads => self.workloads,
            Input::Rbac => self.rbac,
            Input::Namespaced => self.namespaced,
            Input::StorageClasses => self.storage_classes,
            Input::Services => self.services,
            Input::Objects => self.objects,
        }
    }
}

#[allow(clippy::trivially_copy_pass_by_ref, reason = "serde's skip_serializing_if passes a reference")]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One control's verdict.
#[derive(Clone, Debug)]
pub struct ControlResult {
    pub control: Control,
    pub status: Status,
    /// Names of the rules (or the Pod Security check, in the reader's language) that decided it.
    pub decided_by: Vec<Text>,
    /// Inputs it was judged on, with their counts (only those present).
    pub evaluated_on: Vec<(Input, usize)>,
    /// Active findings (for `fail`).
    pub findings: Vec<Finding>,
    /// Findings covered by a waiver.
    pub waived: usize,
    /// Why the status is what it is, when the status alone does not say (manual, not applicable).
    pub reason: Option<words::Reason>,
}

/// Counts of each status and the share passed.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Score {
    pub controls: usize,
    pub pass: usize,
    pub fail: usize,
    pub not_applicable: usize,
    pub manual: usize,
    /// Passed among passed and failed, 0–100; `None` when nothing was decided.
    pub percent: Option<f64>,
}

/// A framework report.
#[derive(Debug)]
pub struct FrameworkReport {
    pub framework: FrameworkId,
    pub controls: Vec<ControlResult>,
    pub coverage: Coverage,
    pub score: Score,
    /// The scan the statuses come from (input errors, summary).
    pub scan: ScanResult,
}

impl FrameworkReport {
    /// Whether nothing in the input could decide a control (an empty or unrelated input).
    #[must_use]
    pub fn decided_nothing(&self) -> bool {
        self.score.pass + self.score.fail == 0
    }

    /// 2 on input errors or when no control could be decided, 1 when a control fails, else 0.
    #[must_use]
    pub fn exit_code(&self) -> i32 {
        if !self.scan.errors.is_empty() || self.decided_nothing() {
            2
        } else {
            i32::from(self.score.fail > 0)
        }
    }
}

/// The rule selection a framework needs: every rule that implements one of its controls.
#[must_use]
pub fn rule_names(framework: FrameworkId) -> Vec<&'static str> {
    let mut names: Vec<&'static str> =
        framework.controls().iter().flat_map(|c| framework.rules(c.id)).map(|r| r.meta().name).collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Scans the inputs with `settings` (which should select [`rule_names`]) and decides every
/// control of the framework.
#[must_use]
pub fn evaluate(framework: FrameworkId, inputs: Inputs, settings: &ScanSettings) -> FrameworkReport {
    let prepared = Prepared::new(framework, &inputs.set, settings);
    let scan = scan::scan(inputs, settings);
    let (controls, score) = prepared.decide(&scan, settings);
    FrameworkReport { framework, controls, coverage: prepared.coverage, score, scan }
}

/// What deciding a framework's controls needs from the inputs themselves, taken before a scan
/// consumes them: how much of each kind of input there is and, for the Pod Security frameworks,
/// the Pod Security evaluation of every workload.
#[derive(Debug)]
pub struct Prepared {
    framework: FrameworkId,
    coverage: Coverage,
    pss: Vec<(pss::CheckId, Finding)>,
}

impl Prepared {
    #[must_use]
    pub fn new(framework: FrameworkId, set: &ObjectSet, settings: &ScanSettings) -> Self {
        Self { framework, coverage: Coverage::of(set), pss: pod_security(framework, set, settings, false) }
    }

    /// What [`Prepared::score`] needs, and no more: of the Pod Security violations, one per
    /// check decides it (a large input has hundreds of thousands, each a finding, kept through
    /// the whole scan otherwise).
    #[must_use]
    pub fn for_score(framework: FrameworkId, set: &ObjectSet, settings: &ScanSettings) -> Self {
        Self { framework, coverage: Coverage::of(set), pss: pod_security(framework, set, settings, true) }
    }

    #[must_use]
    pub fn framework(&self) -> FrameworkId {
        self.framework
    }

    /// Every control decided from the findings of `scan`, a scan of the same inputs with
    /// `settings`: a control whose rules were not all selected is manual (not run), never a pass.
    #[must_use]
    pub fn decide(&self, scan: &ScanResult, settings: &ScanSettings) -> (Vec<ControlResult>, Score) {
        let controls: Vec<ControlResult> = self
            .framework
            .controls()
            .into_iter()
            .map(|c| decide(self.framework, c, &self.coverage, scan, settings, &self.pss, true))
            .collect();
        let score = score(controls.iter().map(|c| c.status));
        (controls, score)
    }

    /// The score [`Prepared::decide`] gives, without copying each control's findings.
    #[must_use]
    pub fn score(&self, scan: &ScanResult, settings: &ScanSettings) -> Score {
        score(
            self.framework
                .controls()
                .into_iter()
                .map(|c| decide(self.framework, c, &self.coverage, scan, settings, &self.pss, false).status),
        )
    }
}

/// Counts of each status, and the share of decided controls that pass.
fn score(statuses: impl Iterator<Item = Status>) -> Score {
    let mut score = Score::default();
    for status in statuses {
        score.controls += 1;
        match status {
            Status::Pass => score.pass += 1,
            Status::Fail => score.fail += 1,
            Status::NotApplicable => score.not_applicable += 1,
            Status::Manual => score.manual += 1,
        }
    }
    let decided = score.pass + score.fail;
    #[allow(clippy::cast_precision_loss)] // control counts are tiny
    let percent = (decided > 0).then(|| (score.pass as f64 * 1000.0 / decided as f64).round() / 10.0);
    score.percent = percent;
    score
}

/// Pod Security violations of every workload at the framework's level (newest version), as
/// findings of `pss-violation`, for the PSS frameworks; empty for the others.
fn pod_security(
    framework: FrameworkId,
    set: &ObjectSet,
    settings: &ScanSettings,
    one_per_check: bool,
) -> Vec<(pss::CheckId, Finding)> {
    let crate::rules::frameworks::Implementation::PodSecurity(level) = framework.implementation() else {
        return Vec::new();
    };
    let policy = Policy { level, version: Version::Latest };
    let mut out = Vec::new();
    for object in set.iter() {
        let Some(w) = Workload::of(object) else { continue };
        let evaluation = pss::evaluate(&w, policy);
        for v in &evaluation.violations {
            if one_per_check && out.iter().any(|(c, _)| *c == v.check) {
                continue;
            }
            let mut cx = Context::new(&settings.options);
            // As `pss-violation` grades them: high for baseline checks, medium for restricted ones.
            let severity =
                if v.check.level() == pss::Level::Restricted { Severity::Medium } else { Severity::High };
            let _ = cx
                .report(
                    &PssViolation,
                    object,
                    v.site.path(&w),
                    crate::msg!(
                        "rule-pss001-message",
                        policy = crate::msg!("pss-violates", policy = policy.to_string()),
                        reason = crate::rules::pss::target::reason(v)
                    ),
                )
                .severity(severity);
            out.extend(cx.into_findings().into_iter().map(|f| (v.check, f)));
        }
        if !evaluation.invalid.is_empty() {
            // An object the API server refuses fails every check: none of them could run.
            for check in pss::checks_of(level) {
                if one_per_check && out.iter().any(|(c, _)| *c == check) {
                    continue;
                }
                let mut cx = Context::new(&settings.options);
                let _ = cx.report(
                    &PssViolation,
                    object,
                    crate::document::FieldPath::root(),
                    crate::rules::pss::pss_violation::invalid_objects_message(&evaluation.invalid),
                );
                out.extend(cx.into_findings().into_iter().map(|f| (check, f)));
            }
        }
    }
    out
}

fn decide(
    framework: FrameworkId,
    control: Control,
    coverage: &Coverage,
    scan: &ScanResult,
    settings: &ScanSettings,
    pss: &[(pss::CheckId, Finding)],
    keep_findings: bool,
) -> ControlResult {
    let mut evaluated_on: Vec<(Input, usize)> =
        control.inputs.iter().map(|i| (*i, coverage.count(*i))).filter(|(_, n)| *n > 0).collect();
    // Clusters on AWS Outposts do not count for a control whose cluster rules all do not apply
    // there: with no other input it is not applicable, for that reason.
    let regional_only = framework.pss_check(control.id).is_none() && {
        let rules = framework.rules(control.id);
        let mut cluster_rules =
            rules.iter().filter(|r| r.meta().group == crate::rules::Group::Eks).peekable();
        cluster_rules.peek().is_some() && cluster_rules.all(|r| !r.applies_on_outposts())
    };
    let mut only_outposts = false;
    if regional_only && coverage.outposts > 0 {
        for (input, n) in &mut evaluated_on {
            if *input == Input::Cluster {
                *n -= coverage.outposts.min(*n);
            }
        }
        evaluated_on.retain(|(_, n)| *n > 0);
        only_outposts = evaluated_on.is_empty();
    }
    let mut result = ControlResult {
        control,
        status: Status::Manual,
        decided_by: Vec::new(),
        evaluated_on,
        findings: Vec::new(),
        waived: 0,
        reason: None,
    };
    let (decided_by, findings): (Vec<Text>, Vec<&Finding>) =
        if let Some(check) = framework.pss_check(control.id) {
            (
                vec![words::pss_check(check.as_str())],
                pss.iter().filter(|(c, _)| *c == check).map(|(_, f)| f).collect(),
            )
        } else {
            let rules = framework.rules(control.id);
            let not_run: Vec<&str> = rules
                .iter()
                .filter(|r| !settings.rules.iter().any(|s| s.meta().code == r.meta().code))
                .map(|r| r.meta().name)
                .collect();
            if control.inputs.is_empty() || rules.is_empty() {
                result.reason = Some(words::manual_reason(control.by_hand));
                return result;
            }
            if !not_run.is_empty() {
                result.decided_by = rules.iter().map(|r| Text::from(r.meta().name)).collect();
                result.reason = Some(words::not_run_reason(&not_run));
                return result;
            }
            let codes: Vec<&str> = rules.iter().map(|r| r.meta().code).collect();
            (
                rules.iter().map(|r| Text::from(r.meta().name)).collect(),
                // A finding implied by another (folded into it) still fails its control.
                scan.findings.iter().filter(|f| codes.iter().any(|c| f.stands_for(c))).collect(),
            )
        };
    result.decided_by = decided_by;
    if result.evaluated_on.is_empty() {
        result.status = Status::NotApplicable;
        result.reason = Some(if only_outposts {
            words::outposts_reason()
        } else {
            words::not_applicable_reason(control.inputs)
        });
        return result;
    }
    result.waived = findings.iter().filter(|f| f.suppressed.is_some()).count();
    let failing = findings.into_iter().filter(|f| f.suppressed.is_none());
    if keep_findings {
        result.findings = failing.cloned().collect();
        result.status = if result.findings.is_empty() { Status::Pass } else { Status::Fail };
    } else {
        result.status = if failing.count() == 0 { Status::Pass } else { Status::Fail };
    }
    result
}

/// Output formats of `ladrillo report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    /// One self-contained page, filterable by status.
    Html,
    /// For pull-request comments and CI step summaries.
    Markdown,
}

/// Renders a framework report in English.
#[must_use]
pub fn render(report: &FrameworkReport, format: ReportFormat) -> String {
    render_in(report, format, crate::i18n::Lang::En)
}

/// Renders a framework report; text, HTML and Markdown are in `lang` (CIS control titles stay as
/// the benchmark publishes them); JSON keeps English, like every machine-readable output.
#[must_use]
pub fn render_in(report: &FrameworkReport, format: ReportFormat, lang: crate::i18n::Lang) -> String {
    match format {
        ReportFormat::Text => text::render(report, lang),
        ReportFormat::Json => json::render(report),
        ReportFormat::Html => html::render(report, lang),
        ReportFormat::Markdown => markdown::render(report, lang),
    }
}
