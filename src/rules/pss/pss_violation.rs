use std::collections::HashMap;

use crate::analysis::pss::{self, CheckId, Level, NamespacePolicy, Policy};
use crate::document::FieldPath;
use crate::finding::Severity;
use crate::model::{ObjectSet, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags workloads whose pods Pod Security admission would reject in their namespace.
    ///
    /// Each workload is evaluated exactly as the API server evaluates its pods, at the
    /// `pod-security.kubernetes.io/enforce` (and `enforce-version`) label of its namespace when
    /// the Namespace is in the input, else at the configured default (`pss:` in `.ladrillo.yaml`,
    /// restricted at the latest version unless set). One finding per failed check; a check whose
    /// problems another selected rule already reports field by field (for example
    /// `privileged-container`) is left to that rule.
    ///
    /// ## Why is this bad?
    /// A Deployment, Job or DaemonSet whose pod template breaks the enforced level is accepted
    /// with a warning, but every pod it creates is rejected: the rollout silently never comes
    /// up. A bare Pod is rejected outright. And the settings the checks ask for are the ones the
    /// guide requires: no root, no privilege escalation, no host namespaces, capabilities dropped.
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
        guide: ["G4.3"],
        references: ["pss:baseline", "pss:restricted", "cis-eks-1.8:4.2.1", "cis-eks-1.8:4.2.5"],
    }
}

impl Rule for PssViolation {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let namespaces: HashMap<&str, NamespacePolicy> =
            set.of_kind("", "Namespace").map(|n| (n.name.as_str(), NamespacePolicy::of(n))).collect();
        let default = cx.options.pss;
        for object in set.iter() {
            let Some(w) = Workload::of(object) else { continue };
            let ns = object.effective_namespace().unwrap_or("default");
            let (policy, source) = match namespaces.get(ns) {
                Some(p) if p.has_enforce() => {
                    let policy = p.enforce_policy(default);
                    let how = if matches!(p.enforce.level, Some(Err(_))) {
                        "has an invalid enforce label, which the API server reads as restricted"
                    } else {
                        "enforces it"
                    };
                    (policy, format!("namespace \"{ns}\" {how}"))
                }
                Some(p) => (
                    p.enforce_policy(default),
                    format!(
                        "namespace \"{ns}\" has no enforce level label; the configured default level applies"
                    ),
                ),
                None => (
                    default,
                    format!("namespace \"{ns}\" is not in the input; the configured default applies"),
                ),
            };
            if policy.level == Level::Privileged {
                continue;
            }
            let evaluation = pss::evaluate(&w, policy);
            for invalid in &evaluation.invalid {
                cx.report(self, object, invalid.path.clone(), format!("pods cannot be admitted: {invalid}"))
                    .help("fix the field's type; the API server refuses the object as written");
            }
            let controller = object.kind != "Pod";
            for v in &evaluation.violations {
                if v.covered(&cx.options.selected_rules) {
                    continue;
                }
                report(self, cx, &w, v, policy, &source, controller);
            }
        }
    }
}

fn report(
    rule: &PssViolation,
    cx: &mut Context<'_>,
    w: &Workload<'_>,
    v: &pss::Violation,
    policy: Policy,
    source: &str,
    controller: bool,
) {
    let path: FieldPath = v.site.path(w);
    let severity = if v.check.level() == Level::Baseline { Severity::High } else { Severity::Medium };
    let mut r = cx
        .report(rule, w.object, path, format!("violates PodSecurity \"{policy}\": {}", v.full()))
        .severity(severity)
        .help(help(v.check))
        .note(format!("{source}; check pss:{}:{}", v.check.level(), v.check.control()));
    if controller {
        r = r.note(format!(
            "the API server accepts the {} with a warning and rejects every pod it creates",
            w.object.kind
        ));
    }
    drop(r);
}

fn help(check: CheckId) -> &'static str {
    match check {
        CheckId::AppArmorProfile => "use AppArmor profile type RuntimeDefault or Localhost",
        CheckId::CapabilitiesBaseline => "add only capabilities from the baseline list (or none)",
        CheckId::HostNamespaces => "remove hostNetwork, hostPID and hostIPC",
        CheckId::HostPathVolumes => "replace hostPath volumes with emptyDir, a PVC or a projected volume",
        CheckId::HostPorts => "remove hostPort; expose the port through a Service",
        CheckId::HostProbesAndHostLifecycle => "remove `host` from probes and lifecycle handlers",
        CheckId::Privileged => "remove `privileged: true`",
        CheckId::ProcMount | CheckId::ProcMountRestricted => "remove procMount or set it to Default",
        CheckId::SeLinuxOptions => "use an allowed SELinux type and leave user and role unset",
        CheckId::SeccompProfileBaseline => "do not set the seccomp profile to Unconfined",
        CheckId::Sysctls => "set only the safe sysctls the level allows",
        CheckId::WindowsHostProcess => "remove windowsOptions.hostProcess",
        CheckId::AllowPrivilegeEscalation => {
            "set securityContext.allowPrivilegeEscalation: false in each container"
        }
        CheckId::CapabilitiesRestricted => {
            "set capabilities.drop: [\"ALL\"] and add at most NET_BIND_SERVICE in each container"
        }
        CheckId::RestrictedVolumes => {
            "use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, \
             projected or secret volumes"
        }
        CheckId::RunAsNonRoot => "set securityContext.runAsNonRoot: true on the pod",
        CheckId::RunAsUser => "use a non-zero runAsUser",
        CheckId::SeccompProfileRestricted => {
            "set securityContext.seccompProfile.type: RuntimeDefault on the pod"
        }
    }
}
