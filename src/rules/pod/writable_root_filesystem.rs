use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers whose root filesystem is writable: `readOnlyRootFilesystem` is not true.
    ///
    /// ## Why is this bad?
    /// An attacker who gets code execution in a container with a writable root filesystem can
    /// download tools, replace binaries and persist changes for the life of the container. A
    /// read-only root also keeps applications honest about where they write. The EKS best
    /// practices recommend it. Pods with `spec.os.name: windows` are skipped: the field is
    /// Linux-only.
    ///
    /// ## How to fix
    /// Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` volume at the
    /// paths the application writes to (`/tmp`, caches).
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: app          # flagged: readOnlyRootFilesystem is not set
    ///     image: nginx:1.27
    /// ```
    pub struct WritableRootFilesystem {
        code: "POD006",
        name: "writable-root-filesystem",
        group: Pod,
        severity: Low,
        guide: ["G4.3"],
        references: [
            "nsa-cisa:immutable-filesystem",
            "checkov:CKV_K8S_22",
            "trivy:KSV-0014",
            "kube-linter:no-read-only-root-fs",
            "kubescape:C-0017",
        ],
    }
}

impl Rule for WritableRootFilesystem {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        if w.is_windows() {
            return;
        }
        for c in w.containers() {
            let (path, why) = match c.own(&["readOnlyRootFilesystem"]) {
                Some(s) if s.node.as_bool() == Some(false) => {
                    (s.path, crate::msg!("field-is", field = "readOnlyRootFilesystem", value = "false"))
                }
                Some(_) => continue,
                None => (
                    c.sc_path(&["readOnlyRootFilesystem"]),
                    crate::msg!("field-not-set", field = "readOnlyRootFilesystem"),
                ),
            };
            cx.report(
                self,
                w.object,
                path,
                crate::msg!("rule-pod006-message", container = c.describe_msg(), why = why),
            )
            .help(crate::msg!("rule-pod006-help"));
        }
    }
}
