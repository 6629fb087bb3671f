use crate::finding::Severity;
use crate::model::{Workload, capability};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers that add capabilities beyond the Pod Security Standards baseline set.
    ///
    /// The baseline set is `AUDIT_WRITE`, `CHOWN`, `DAC_OVERRIDE`, `FOWNER`, `FSETID`, `KILL`,
    /// `MKNOD`, `NET_BIND_SERVICE`, `SETFCAP`, `SETGID`, `SETPCAP`, `SETUID` and `SYS_CHROOT`.
    ///
    /// ## Why is this bad?
    /// Capabilities are slices of root's power. `SYS_ADMIN` is close to full root: it allows
    /// mounting filesystems, and with them most known container escapes; the guide asks for "no
    /// capabilities such as SYS_ADMIN" (G4.3). `ALL` grants every capability, including
    /// `SYS_ADMIN`. Others such as `NET_ADMIN`, `NET_RAW`, `SYS_PTRACE` or `SYS_MODULE` let a
    /// container rewrite node networking, spoof packets, read other processes or load kernel
    /// modules. Findings for `SYS_ADMIN` and `ALL` are critical, the rest high.
    ///
    /// Names are compared as the container runtime reads them: case-insensitively and with or
    /// without the `CAP_` prefix, so `sys_admin` is flagged too. Exact Pod Security Admission
    /// evaluation, where spelling matters, is the job of the `pss` rules.
    ///
    /// ## How to fix
    /// Remove the capability from `securityContext.capabilities.add`. If the workload really needs
    /// it (a CNI or storage driver), run it in a dedicated namespace with a waiver that says why.
    ///
    /// ## Example
    /// ```yaml
    /// securityContext:
    ///   capabilities:
    ///     add: ["SYS_ADMIN"]   # flagged
    /// ```
    pub struct DangerousCapabilities {
        code: "POD003",
        name: "dangerous-capabilities",
        group: Pod,
        severity: High,
        also_severity: [Critical],
        guide: ["G4.3"],
        references: [
            "pss:baseline:capabilities_baseline",
            "nsa-cisa:pod-security",
            "checkov:CKV_K8S_25",
            "checkov:CKV_K8S_39",
            "trivy:KSV-0005",
            "trivy:KSV-0022",
            "kubescape:C-0046",
            "trivy:KSV-0119",
            "trivy:KSV-0120",
        ],
    }
}

impl Rule for DangerousCapabilities {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        // Windows pods cannot set Linux capabilities (the API server rejects them).
        if w.is_windows() {
            return;
        }
        for c in w.containers() {
            for (i, written) in capability::listed(&c, "add") {
                if capability::is_baseline(written) {
                    continue;
                }
                let name = capability::normalize(written);
                let shown = if name == written { name.clone() } else { format!("\"{written}\" ({name})") };
                let path = c.sc_path(&["capabilities", "add"]).index(i);
                let container = c.describe_msg();
                let message = match (name.as_str(), name == written) {
                    ("ALL", true) => crate::msg!("rule-pod003-all", container = container),
                    ("ALL", false) => {
                        crate::msg!("rule-pod003-all-as", container = container, written = written)
                    }
                    _ => crate::msg!("rule-pod003-message", container = container, capability = shown),
                };
                let report = cx.report(self, w.object, path, message).help(crate::msg!("rule-pod003-help"));
                match name.as_str() {
                    "SYS_ADMIN" => {
                        report.severity(Severity::Critical).note(crate::msg!("rule-pod003-note-sys-admin"))
                    }
                    "ALL" => report.severity(Severity::Critical).note(crate::msg!("rule-pod003-note-all")),
                    _ => report,
                };
            }
        }
    }
}
