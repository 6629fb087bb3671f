use crate::model::cluster::{Cluster, LogType};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters that do not send every control-plane log type to CloudWatch.
    ///
    /// ## Why is this bad?
    /// Control-plane logging is off by default. Without the `audit` log there is no record of
    /// who did what through the API; `authenticator` shows which IAM identity became which
    /// Kubernetes user; `api`, `controllerManager` and `scheduler` are needed to investigate
    /// incidents. CIS 2.1.1 asks for audit logs, peers for all five types.
    ///
    /// ## How to fix
    /// Enable `api`, `audit`, `authenticator`, `controllerManager` and `scheduler` (eksctl
    /// `cloudWatch.clusterLogging.enableTypes: ["*"]`, Terraform `enabled_cluster_log_types`),
    /// and set a retention period.
    ///
    /// ## Example
    /// ```yaml
    /// cloudWatch:
    ///   clusterLogging:
    ///     enableTypes: ["api"]   # flagged: audit, authenticator, … missing
    /// ```
    pub struct ControlPlaneLogsMissing {
        code: "EKS005",
        name: "control-plane-logs-missing",
        group: Eks,
        severity: Medium,
        guide: ["G5.2", "G3.5"],
        references: [
            "cis-eks-1.8:2.1.1",
            "nsa-cisa:audit-logging",
            "checkov:CKV_AWS_37",
            "trivy:AVD-AWS-0038",
            "kubescape:C-0067",
        ],
    }
}

impl Rule for ControlPlaneLogsMissing {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        let Some(on) = c.logging.value() else { return };
        let missing: Vec<&str> =
            LogType::ALL.into_iter().filter(|t| !on.contains(t)).map(LogType::as_str).collect();
        if missing.is_empty() {
            return;
        }
        let message = if on.is_empty() {
            crate::msg!("rule-eks005-none", cluster = super::cluster(c))
        } else {
            crate::msg!("rule-eks005-message", cluster = super::cluster(c), logs = missing.join(", "))
        };
        cx.report_field(self, c, &c.logging, message)
            .help(crate::msg!("rule-eks005-help", form = super::form(c, None)));
    }
}
