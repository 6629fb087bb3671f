//! Every user-facing phrase of the framework reports, in one place so that translations replace
//! them here and nowhere else.

use crate::rules::frameworks::Input;

use super::{Score, Status};

/// Report heading: `CIS Amazon EKS Benchmark v1.8.0 (cis-eks-1.8)`.
#[must_use]
pub fn heading(name: &str, id: &str) -> String {
    format!("{name} ({id})")
}

/// The column heading of each field, in order: control, status, title, decided by.
pub const COLUMNS: [&str; 4] = ["Control", "Status", "Title", "Decided by"];

pub const CHECK_BY_HAND: &str = "check by hand";
pub const FINDINGS: &str = "Findings";
pub const WAIVED: &str = "waived";
pub const INPUTS: &str = "inputs";
pub const NONE: &str = "none";

/// The label of a status as reports print it.
#[must_use]
pub fn status(s: Status) -> &'static str {
    s.as_str()
}

/// The name of an input kind, plural.
#[must_use]
pub fn input(i: Input) -> &'static str {
    match i {
        Input::Cluster => "cluster definitions",
        Input::Workloads => "workloads",
        Input::Rbac => "RBAC objects",
        Input::Namespaced => "namespaced objects",
        Input::Objects => "Kubernetes objects",
    }
}

/// `checked on workloads: 3, cluster definitions: 1`.
#[must_use]
pub fn evaluated_on(list: &[(Input, usize)]) -> String {
    let parts: Vec<String> = list.iter().map(|(i, n)| format!("{}: {n}", input(*i))).collect();
    format!("checked on {}", parts.join(", "))
}

/// Why a control is manual.
#[must_use]
pub fn manual_reason(by_hand: &str) -> String {
    if by_hand.is_empty() {
        "no rule checks this control from definitions".to_string()
    } else {
        by_hand.to_string()
    }
}

/// Why a control with rules is manual: some of them did not run.
#[must_use]
pub fn not_run_reason(rules: &[&str]) -> String {
    format!("not evaluated: rules not run ({}); check by hand or stop ignoring them", rules.join(", "))
}

/// Why a control is not applicable.
#[must_use]
pub fn not_applicable_reason(inputs: &[Input]) -> String {
    let names: Vec<&str> = inputs.iter().map(|i| input(*i)).collect();
    format!("no relevant input: no {} in the input", names.join(" or "))
}

/// The Pod Security check deciding a PSS control.
#[must_use]
pub fn pss_check(check: &str) -> String {
    format!("Pod Security check {check}")
}

/// A Pod Security violation as a finding message.
#[must_use]
pub fn pss_message(policy: &str, reason: &str) -> String {
    format!("violates PodSecurity \"{policy}\": {reason}")
}

/// `passed 12 of 20 decided controls (60.0%); 8 failed, 10 not applicable, 20 manual`.
#[must_use]
pub fn score_line(s: &Score) -> String {
    let share = s.percent.map_or_else(|| "no control could be decided".to_string(), |p| format!("{p:.1}%"));
    format!(
        "passed {} of {} decided controls ({share}); {} failed, {} not applicable, {} manual; {} controls in all",
        s.pass,
        s.pass + s.fail,
        s.fail,
        s.not_applicable,
        s.manual,
        s.controls
    )
}

/// `inputs: 3 files, 12 objects, 1 cluster`.
#[must_use]
pub fn inputs_line(files: usize, objects: usize, clusters: usize) -> String {
    let n = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{INPUTS}: {}, {}, {}",
        n(files, "file", "files"),
        n(objects, "object", "objects"),
        n(clusters, "cluster", "clusters")
    )
}

/// The error when nothing in the input could decide a single control.
#[must_use]
pub fn nothing_decided(framework: &str) -> String {
    format!(
        "nothing in the input can decide a control of {framework}: every control is not applicable or manual \
         (is the path right?)"
    )
}
