use crate::model::{Level, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers that may run as root: `runAsNonRoot` is not true and no non-zero
    /// `runAsUser` is set, at container or pod level, or `runAsUser` is 0.
    ///
    /// ## Why is this bad?
    /// Root in a container is root on the node's kernel: a container escape or a writable host
    /// mount then gives full control of the node. The guide asks for "no containers as root"
    /// through Pod Security Admission.
    ///
    /// ## How to fix
    /// Set `securityContext.runAsNonRoot: true` on the pod (it is inherited by every container)
    /// and run the image as a non-zero user (`runAsUser: 10001`).
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   containers:
    ///     - name: app          # flagged: nothing stops it from running as root
    ///       image: nginx:1.27
    /// ```
    pub struct RunAsRoot {
        code: "POD002",
        name: "run-as-root",
        group: Pod,
        severity: High,
        guide: ["G4.3"],
        references: [
            "pss:restricted:runAsNonRoot",
            "pss:restricted:runAsUser",
            "nsa-cisa:non-root-containers",
            "checkov:CKV_K8S_23",
            "checkov:CKV_K8S_40",
            "trivy:KSV-0012",
            "kube-linter:run-as-non-root",
            "kubescape:C-0013",
            "trivy:KSV-0020",
            "trivy:KSV-0021",
            "trivy:KSV-0105",
        ],
    }
}

impl Rule for RunAsRoot {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        if w.is_windows() {
            return;
        }
        for c in w.containers() {
            let user = c.effective(w, &["runAsUser"]);
            let non_root = c.effective(w, &["runAsNonRoot"]);
            if let Some(u) = user.as_ref().filter(|u| u.node.as_i64() == Some(0)) {
                let id = if u.level == Level::Pod { "rule-pod002-root-pod" } else { "rule-pod002-root" };
                cx.report(self, w.object, u.path.clone(), crate::msg!(id, container = c.describe_msg()))
                    .help(crate::msg!("rule-pod002-help"));
                continue;
            }
            let non_root_true = non_root.as_ref().is_some_and(|s| s.node.as_bool() == Some(true));
            let user_non_zero = user.as_ref().is_some_and(|u| u.node.as_i64().is_some_and(|v| v > 0));
            if non_root_true || user_non_zero {
                continue;
            }
            let (path, why) = match non_root {
                Some(s) => (s.path, crate::msg!("field-is", field = "runAsNonRoot", value = "false")),
                None => (c.sc_path(&["runAsNonRoot"]), crate::msg!("field-not-set", field = "runAsNonRoot")),
            };
            let message = crate::msg!("rule-pod002-may-root", container = c.describe_msg(), why = why);
            cx.report(self, w.object, path, message).help(crate::msg!("rule-pod002-help-2"));
        }
    }
}
