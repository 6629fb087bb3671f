use crate::finding::Severity;
use crate::model::cluster::{Cluster, tables};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags clusters on a Kubernetes version past the end of EKS standard support.
    ///
    /// ## Why is this bad?
    /// After 14 months a minor version moves to extended support: it costs more per hour, gets
    /// only critical fixes for 12 more months, and is then upgraded automatically. Past
    /// extended support it gets nothing. Add-ons and AMIs stop shipping for it. Dates come from
    /// the EKS version calendar embedded in ladrillo; versions newer than the calendar are not
    /// reported.
    ///
    /// ## How to fix
    /// Upgrade the control plane one minor at a time to a version in standard support, then the
    /// add-ons and node groups.
    ///
    /// ## Example
    /// ```yaml
    /// metadata:
    ///   name: prod
    ///   version: "1.29"   # flagged
    /// ```
    pub struct UnsupportedKubernetesVersion {
        code: "EKS012",
        name: "unsupported-kubernetes-version",
        group: Eks,
        severity: Medium,
        also_severity: [High],
        guide: ["G2.1", "G7.5"],
        references: [
            "nsa-cisa:upgrades",
            "checkov:CKV_AWS_339",
        ],
    }
}

impl Rule for UnsupportedKubernetesVersion {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        let Some(version) = c.version.value() else { return };
        let Some(minor) = tables::minor(version) else { return };
        let today = cx.options.today;
        let (message, severity) = match tables::support(minor) {
            None if minor < tables::OLDEST_LISTED => (
                crate::msg!("rule-eks012-unlisted", cluster = super::cluster(c), version = version),
                Severity::High,
            ),
            None => return,
            Some(s) if today > s.end_of_extended => (
                crate::msg!(
                    "rule-eks012-extended",
                    cluster = super::cluster(c),
                    version = version,
                    date = s.end_of_extended.to_string()
                ),
                Severity::High,
            ),
            Some(s) if today > s.end_of_standard => (
                crate::msg!(
                    "rule-eks012-standard",
                    cluster = super::cluster(c),
                    version = version,
                    date = s.end_of_standard.to_string()
                ),
                Severity::Medium,
            ),
            Some(_) => return,
        };
        cx.report_field(self, c, &c.version, message)
            .severity(severity)
            .help(crate::msg!("rule-eks012-help"));
    }
}
