use std::collections::HashMap;

use crate::analysis::pss::{self, Cause, CheckId, Level, NamespacePolicy};
use crate::document::{FieldPath, Node};
use crate::finding::Severity;
use crate::model::{Object, ObjectSet, Workload};
use crate::rules::pod::{
    capabilities_not_dropped::CapabilitiesNotDropped, dangerous_capabilities::DangerousCapabilities,
    host_ipc::HostIpc, host_network::HostNetwork, host_path_volume::HostPathVolume, host_pid::HostPid,
    host_port::HostPort, invalid_pod_template::InvalidPodTemplate,
    privilege_escalation_allowed::PrivilegeEscalationAllowed, privileged_container::PrivilegedContainer,
    run_as_root::RunAsRoot,
};
use crate::rules::{Context, Rule};

use super::target::{self, Target};

crate::declare_rule! {
    /// Flags workloads whose pods break the Pod Security level of their namespace: the enforced one, or the target level when none is known to be enforced.
    ///
    /// Each workload is evaluated exactly as the API server evaluates its pods, at one of two
    /// policies, and the finding says which:
    ///
    /// - **Enforced**: the Namespace is in the input with a `pod-security.kubernetes.io/enforce`
    ///   label. The finding reads `violates PodSecurity "baseline:v1.33": …` — this is what
    ///   admission does: the pods are rejected.
    /// - **Target**: the Namespace is in the input without an enforce label, or is not in the
    ///   input at all. Admission then applies the cluster default, which on EKS is `privileged`:
    ///   every pod is admitted. The workload is checked against the target level instead — `pss:`
    ///   in `.ladrillo.yaml`, else restricted at the latest version — and the finding says so:
    ///   `does not meet the target Pod Security level "restricted:latest" (ladrillo's default, not
    ///   known to be enforced by admission): …` when the Namespace is not in the input, `(set by
    ///   `pss:`, not enforced by admission)` when it is there without an enforce label. A note
    ///   names the namespace, whether it is absent or unlabelled, and that EKS then admits every
    ///   pod (its default is `privileged`). This states what the guide asks for, not what
    ///   admission would do: `namespace-without-pss-enforce` reports the missing label.
    ///
    /// A field of a type the API server refuses makes the pods impossible to admit ("pods cannot
    /// be admitted: …"): that is reported by `invalid-pod-template` when it runs, here otherwise.
    ///
    /// One finding per failed check; a check whose problems another selected rule already reports
    /// field by field, with the check's own condition (for example `privileged-container`), is
    /// left to that rule. Where that rule's condition is weaker — `run-as-root` accepts a
    /// non-zero UID without `runAsNonRoot: true` and reads the settings containers end up with,
    /// `dangerous-capabilities` allows the baseline set (restricted allows NET_BIND_SERVICE
    /// only) and reads `chown` as CHOWN (admission compares names exactly), both skip Windows
    /// pods — and it would miss a field the check rejects, the violation is reported here. Severity is high
    /// for checks of the baseline level and medium for the checks only restricted adds.
    /// `pss.kubernetes-version` evaluates as an older API server does (it knows no newer checks).
    ///
    /// ## Why is this bad?
    /// Under an enforced level, a Deployment, Job or DaemonSet whose pod template breaks it is
    /// accepted with a warning, but every pod it creates is rejected: the rollout silently never
    /// comes up. A bare Pod is rejected outright. Under the target level, nothing stops the pod:
    /// the settings the checks ask for are the ones the guide requires — no root, no privilege
    /// escalation, no host namespaces, capabilities dropped — and label the namespace to enforce
    /// them (see `namespace-without-pss-enforce`).
    ///
    /// ## How to fix
    /// Change the pod template as each reason says (the wording is the API server's), or, for a
    /// workload that truly needs more, run it in a namespace with a lower level.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   containers:
    ///     - name: app            # flagged under restricted: allowPrivilegeEscalation != false, …
    ///       image: nginx:1.27
    /// ```
    pub struct PssViolation {
        code: "PSS001",
        name: "pss-violation",
        group: Pss,
        severity: High,
        also_severity: [Medium],
        guide: ["G4.3"],
        references: [
            "pss:baseline",
            "pss:restricted",
            "nsa-cisa:pod-security",
            "kube-linter:unsafe-proc-mount",
            "kube-linter:unsafe-sysctls",
            "checkov:CKV_K8S_31",
            "trivy:KSV-0025",
            "trivy:KSV-0026",
            "trivy:KSV-0027",
            "trivy:KSV-0028",
            "trivy:KSV-0030",
            "trivy:KSV-0103",
            "trivy:KSV-0104",
            "trivy:KSV-0106",
            "kubescape:C-0055",
        ],
    }
}

impl Rule for PssViolation {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let namespaces = namespace_policies(set);
        for object in set.iter() {
            let Some(w) = Workload::of(object) else { continue };
            let ns = object.effective_namespace().unwrap_or("default");
            let target = target::resolve(ns, namespaces.of(object).as_ref(), cx.options);
            if target.policy.level == Level::Privileged {
                continue;
            }
            let evaluation = pss::evaluate_on(&w, target.policy, cx.options.pss_kubernetes_version);
            // invalid-pod-template reports every field the evaluator refuses, once, when it runs.
            let invalid_reported =
                cx.options.selected_rules.contains(&crate::rules::Declared::meta(&InvalidPodTemplate).name);
            for invalid in evaluation.invalid.iter().filter(|_| !invalid_reported) {
                cx.report(self, object, invalid.path.clone(), invalid_message(invalid))
                    .help(crate::msg!("rule-pss001-help"));
            }
            for v in &evaluation.violations {
                if covered(v, &w, &cx.options.selected_rules) {
                    continue;
                }
                report(self, cx, &w, v, &target);
            }
        }
    }
}

/// The Namespace objects of the input, by name.
pub(crate) struct Namespaces<'a>(HashMap<&'a str, Vec<&'a Object>>);

impl Namespaces<'_> {
    /// The Pod Security labels of an object's namespace: of the nearest Namespace object of
    /// that name when the input defines it more than once (see `Object::nearest`).
    pub(crate) fn of(&self, object: &Object) -> Option<NamespacePolicy> {
        let ns = object.effective_namespace().unwrap_or("default");
        let candidates = self.0.get(ns)?;
        object.nearest(candidates.iter().copied()).map(NamespacePolicy::of)
    }
}

pub(crate) fn namespace_policies(set: &ObjectSet) -> Namespaces<'_> {
    let mut by_name: HashMap<&str, Vec<&Object>> = HashMap::new();
    for n in set.of_kind("", "Namespace") {
        by_name.entry(n.name.as_str()).or_default().push(n);
    }
    Namespaces(by_name)
}

/// The rule that reports a cause field by field.
fn rule_for(cause: Cause) -> &'static dyn Rule {
    match cause {
        Cause::HostNetwork => &HostNetwork,
        Cause::HostPid => &HostPid,
        Cause::HostIpc => &HostIpc,
        Cause::HostPort => &HostPort,
        Cause::HostPathVolume => &HostPathVolume,
        Cause::Privileged => &PrivilegedContainer,
        Cause::AddedCapabilities => &DangerousCapabilities,
        Cause::CapabilitiesNotDropped => &CapabilitiesNotDropped,
        Cause::PrivilegeEscalation => &PrivilegeEscalationAllowed,
        Cause::RunAsRoot => &RunAsRoot,
    }
}

/// Whether the rules reporting every cause of a violation all run, each with the check's own
/// condition for that cause (a violation without named causes never is): the violation is then
/// left to them.
pub(crate) fn covered(v: &pss::Violation, w: &Workload<'_>, selected: &[&str]) -> bool {
    !v.causes.is_empty()
        && v.causes
            .iter()
            .all(|&c| selected.contains(&rule_for(c).meta().name) && reported_alike(v.check, c, w))
}

/// Whether the rule for a cause reports every field the check rejects for that cause in this
/// workload. Where its condition is weaker, the violation stays this rule's, or nothing would
/// say the pods are rejected.
fn reported_alike(check: CheckId, cause: Cause, w: &Workload<'_>) -> bool {
    match cause {
        Cause::RunAsRoot => !w.is_windows() && run_as_root_reports_all(check, w),
        // These rules skip Windows pods, which the checks cover before v1.25.
        Cause::AddedCapabilities => !w.is_windows() && !adds_unreported(check, w),
        Cause::CapabilitiesNotDropped | Cause::PrivilegeEscalation => !w.is_windows(),
        Cause::HostNetwork
        | Cause::HostPid
        | Cause::HostIpc
        | Cause::HostPort
        | Cause::HostPathVolume
        | Cause::Privileged => true,
    }
}

/// Whether run-as-root reports every field the `runAsNonRoot` or `runAsUser` check rejects. It
/// accepts a non-zero UID without `runAsNonRoot: true`, and reads the settings each container
/// ends up with: a pod-level `runAsNonRoot: false` or `runAsUser: 0` that every container
/// overrides is rejected by admission, yet never reported there.
fn run_as_root_reports_all(check: CheckId, w: &Workload<'_>) -> bool {
    let pod = |key: &str| w.pod_security_context().and_then(|sc| sc.get(key));
    let inherited = |key: &str| w.containers().any(|c| c.own(&[key]).is_none());
    match check {
        CheckId::RunAsNonRoot => {
            let pod_false = pod("runAsNonRoot").and_then(Node::as_bool) == Some(false);
            let non_zero_uid_only = w.containers().any(|c| {
                let non_root =
                    c.effective(w, &["runAsNonRoot"]).is_some_and(|s| s.node.as_bool() == Some(true));
                let uid = c.effective(w, &["runAsUser"]).and_then(|u| u.node.as_i64());
                !non_root && uid.is_some_and(|u| u > 0)
            });
            (!pod_false || inherited("runAsNonRoot")) && !non_zero_uid_only
        }
        CheckId::RunAsUser => pod("runAsUser").and_then(Node::as_i64) != Some(0) || inherited("runAsUser"),
        _ => false,
    }
}

/// Whether a container adds a capability the check rejects and dangerous-capabilities allows:
/// one of the baseline set under restricted (which allows NET_BIND_SERVICE only), or one of it
/// under another spelling (`chown`, `CAP_CHOWN`: admission compares names exactly).
fn adds_unreported(check: CheckId, w: &Workload<'_>) -> bool {
    use crate::model::capability::{BASELINE, is_baseline, listed};
    let rejected = |a: &str| match check {
        CheckId::CapabilitiesRestricted => a != "NET_BIND_SERVICE",
        _ => !BASELINE.contains(&a),
    };
    w.containers().any(|c| listed(&c, "add").any(|(_, a)| rejected(a) && is_baseline(a)))
}

fn report(rule: &PssViolation, cx: &mut Context<'_>, w: &Workload<'_>, v: &pss::Violation, target: &Target) {
    let path: FieldPath = v.site.path(w);
    let severity = if v.check.level() == Level::Baseline { Severity::High } else { Severity::Medium };
    let emulation = target::emulation_note(cx.options);
    let mut r = cx
        .report(
            rule,
            w.object,
            path,
            crate::msg!("rule-pss001-message", policy = target::wording(target), reason = target::reason(v)),
        )
        .severity(severity)
        .help(target::help(v.check))
        .note(crate::msg!(
            "rule-pss001-note",
            why = target.why.clone(),
            level = v.check.level().to_string(),
            control = v.check.control()
        ));
    if target.enforced && w.object.kind != "Pod" {
        r = r.note(crate::msg!("rule-pss001-note-controller", kind = &w.object.kind));
    }
    if let Some(note) = emulation {
        r = r.note(note);
    }
    if let Some(note) = target::unnamed_note(w, v) {
        r = r.note(note);
    }
    drop(r);
}

/// `pods cannot be admitted: <field> must be <type>, found <type>`, with the types in the
/// reader's language.
fn invalid_message(invalid: &pss::InvalidField) -> crate::i18n::Msg {
    let (expected, found) = invalid_parts(invalid);
    crate::msg!("rule-pss001-invalid", field = invalid.path.to_string(), expected = expected, found = found)
}

/// `invalid object: <field> must be <type>, found <value>` (the English text is the field's
/// own, as the `pss` command and its JSON show it), as a message.
#[must_use]
pub fn invalid_object_message(invalid: &pss::InvalidField) -> crate::i18n::Msg {
    let (expected, found) = invalid_parts(invalid);
    crate::msg!("pss-invalid-object", field = invalid.path.to_string(), expected = expected, found = found)
}

/// `<field> must be <type>, found <value>`: the input error the `pss` command lists.
#[must_use]
pub fn invalid_field_message(invalid: &pss::InvalidField) -> crate::i18n::Msg {
    let (expected, found) = invalid_parts(invalid);
    crate::msg!("pss-invalid-field", field = invalid.path.to_string(), expected = expected, found = found)
}

/// [`invalid_object_message`] for each field, joined with commas (one message for an object).
#[must_use]
pub fn invalid_objects_message(invalid: &[pss::InvalidField]) -> crate::i18n::Msg {
    invalid
        .iter()
        .map(invalid_object_message)
        .reduce(|first, second| crate::msg!("comma-list", first = first, second = second))
        .unwrap_or_else(|| crate::msg!("pss-type-other", name = ""))
}

/// The expected type and the found value of an invalid field, as messages.
pub(crate) fn invalid_parts(invalid: &pss::InvalidField) -> (crate::i18n::Msg, crate::i18n::Msg) {
    let expected = match invalid.expected {
        "a boolean" => crate::msg!("pss-type-a-boolean"),
        "a string" => crate::msg!("pss-type-a-string"),
        "a list" => crate::msg!("pss-type-a-list"),
        "an object" => crate::msg!("pss-type-an-object"),
        "a 32-bit integer" => crate::msg!("pss-type-an-int32"),
        "an integer" => crate::msg!("pss-type-an-integer"),
        "an integer or a string" => crate::msg!("pss-type-int-or-string"),
        "a quantity" => crate::msg!("pss-type-quantity"),
        other => crate::msg!("pss-type-other", name = other),
    };
    let found = match invalid.found.as_str() {
        "null" => crate::msg!("pss-found-null"),
        "boolean" => crate::msg!("pss-found-boolean"),
        "string" => crate::msg!("pss-found-string"),
        "array" => crate::msg!("pss-found-array"),
        "object" => crate::msg!("pss-found-object"),
        other => match other.strip_prefix("number ") {
            Some(n) => crate::msg!("pss-found-number", value = n),
            None => crate::msg!("pss-type-other", name = other),
        },
    };
    (expected, found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The messages of a refused object read in English exactly as the `pss` command's JSON
    /// (`reasons`, from the field's `Display`), and have a Spanish text of their own.
    #[test]
    fn invalid_field_messages_match_the_english_reasons() {
        let expected = ["a boolean", "a string", "a list", "an object", "a 32-bit integer", "an integer"];
        let found = ["null", "boolean", "string", "array", "object", "number 1.5"];
        for (e, f) in expected.into_iter().zip(found) {
            let invalid = pss::InvalidField {
                path: crate::document::FieldPath::root().keys(&["spec", "hostNetwork"]),
                expected: e,
                found: f.to_string(),
            };
            assert_eq!(invalid_field_message(&invalid).render(Lang::En), invalid.to_string());
            assert_eq!(
                invalid_object_message(&invalid).render(Lang::En),
                format!("invalid object: {invalid}")
            );
            let es = invalid_object_message(&invalid).render(Lang::Es);
            assert!(es.starts_with("objeto no válido: spec.hostNetwork debe ser "), "{es}");
            assert!(!es.contains(&format!("be {e}")) && !es.contains(" found "), "English left in {es}");
        }
    }
}
