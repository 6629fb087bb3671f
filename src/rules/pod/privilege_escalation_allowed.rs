use crate::model::{Workload, capability};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers whose `allowPrivilegeEscalation` is not explicitly `false`.
    ///
    /// ## Why is this bad?
    /// Unless `allowPrivilegeEscalation: false` is set, the container's processes may gain more
    /// privileges than their parent, through setuid binaries such as `sudo` or file
    /// capabilities: the kernel's `no_new_privs` flag is not set. The field defaults to allowing
    /// it, and there is no pod-level setting. It is always true, whatever is written, when the
    /// container runs privileged or adds `SYS_ADMIN` (the API server rejects `false` together
    /// with `privileged: true`). Pods with `spec.os.name: windows` are skipped, as the Pod
    /// Security Standards do.
    ///
    /// ## How to fix
    /// Set `securityContext.allowPrivilegeEscalation: false` on every container, and remove
    /// `privileged: true` and `SYS_ADMIN` where they are set.
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: app
    ///     securityContext:
    ///       allowPrivilegeEscalation: true   # flagged
    /// ```
    pub struct PrivilegeEscalationAllowed {
        code: "POD005",
        name: "privilege-escalation-allowed",
        group: Pod,
        severity: Medium,
        guide: ["G4.3"],
        references: [
            "cis-eks-1.8:4.2.5",
            "pss:restricted:allowPrivilegeEscalation",
            "nsa-cisa:pod-security",
            "checkov:CKV_K8S_20",
            "trivy:KSV-0001",
            "kube-linter:privilege-escalation-container",
            "kubescape:C-0016",
        ],
    }
}

impl Rule for PrivilegeEscalationAllowed {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        if w.is_windows() {
            return;
        }
        for c in w.containers() {
            // What makes escalation possible whatever the field says, and how to undo it.
            let forced = if c.own(&["privileged"]).is_some_and(|s| s.node.as_bool() == Some(true)) {
                Some(("rule-pod005-privileged", "rule-pod005-help-privileged"))
            } else if capability::adds_sys_admin(&c) {
                Some(("rule-pod005-sys-admin", "rule-pod005-help-sys-admin"))
            } else {
                None
            };
            let setting = c.own(&["allowPrivilegeEscalation"]);
            let why = match (setting.as_ref().map(|s| s.node.as_bool()), forced) {
                // A non-boolean value is invalid input, not a known insecure setting.
                (Some(Some(false)), None) | (Some(None), _) => continue,
                (Some(Some(false)), Some((f, _))) => {
                    crate::msg!("rule-pod005-forced-anyway", cause = crate::msg!(f))
                }
                (Some(Some(true)), Some((f, _))) => {
                    crate::msg!("rule-pod005-true-forced", cause = crate::msg!(f))
                }
                (Some(Some(true)), None) => {
                    crate::msg!("field-is", field = "allowPrivilegeEscalation", value = "true")
                }
                (None, Some((f, _))) => crate::msg!("rule-pod005-forced", cause = crate::msg!(f)),
                (None, None) => crate::msg!("rule-pod005-default"),
            };
            let path = setting.map_or_else(|| c.sc_path(&["allowPrivilegeEscalation"]), |s| s.path);
            let help = forced.map_or("rule-pod005-help", |(_, fix)| fix);
            let message = crate::msg!("rule-pod005-message", container = c.describe_msg(), why = why);
            cx.report(self, w.object, path, message).help(crate::msg!(help));
        }
    }
}
