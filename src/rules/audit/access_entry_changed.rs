use super::Detection;
use crate::rules::audit::engine::Cx;
use crate::rules::audit::event::Record;
use crate::finding::Severity;

const CALLS: &[(&str, &str)] = &[
    ("CreateAccessEntry", "created an access entry"),
    ("UpdateAccessEntry", "changed an access entry"),
    ("DeleteAccessEntry", "deleted an access entry"),
    ("AssociateAccessPolicy", "associated an access policy"),
    ("DisassociateAccessPolicy", "disassociated an access policy"),
];

crate::declare_detection! {
    /// Flags EKS access entries created, changed or deleted, and access policies associated or
    /// disassociated, read from CloudTrail; critical when `AmazonEKSClusterAdminPolicy` is
    /// associated.
    ///
    /// Access entries are EKS API calls, not Kubernetes requests: they appear in CloudTrail (a
    /// trail's log files, or `aws cloudtrail lookup-events` output), which `ladrillo audit-log`
    /// reads alongside the Kubernetes audit log. Failed calls are not reported.
    ///
    /// ## Why is this bad?
    /// An access entry is how an IAM principal gets into the cluster in authentication mode
    /// `API`; associating `AmazonEKSClusterAdminPolicy` makes it a cluster administrator without
    /// any Kubernetes object changing.
    ///
    /// ## How to fix
    /// Check the principal and policy against the intended access; remove unexpected entries
    /// (`aws eks delete-access-entry`) and restrict `eks:CreateAccessEntry` and
    /// `eks:AssociateAccessPolicy` in IAM.
    ///
    /// ## Example
    /// ```json
    /// {"eventSource":"eks.amazonaws.com","eventName":"AssociateAccessPolicy","userIdentity":{"arn":"arn:aws:iam::111122223333:user/alice"},
    ///  "requestParameters":{"name":"prod","principalArn":"arn:aws:iam::111122223333:role/ci","policyArn":"arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"}}
    /// ```
    pub struct AccessEntryChanged {
        code: "AUD038",
        name: "access-entry-changed",
        severity: High,
        also_severity: [Critical],
        level: CloudTrail,
        guide: ["G4.2", "G4.8"],
        references: ["mitre:T1098"],
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Params {
    name: Option<String>,
    cluster_name: Option<String>,
    principal_arn: Option<String>,
    policy_arn: Option<String>,
}

impl Detection for AccessEntryChanged {
    fn check_trail(&self, cx: &mut Cx<'_>, ev: &Record<'_>) {
        if ev.event_source.as_deref() != Some("eks.amazonaws.com") || ev.error_code.is_some() {
            return;
        }
        let Some((call, _)) = CALLS.iter().find(|(n, _)| Some(*n) == ev.event_name.as_deref()) else { return };
        let p: Params =
            ev.request_parameters.and_then(|r| serde_json::from_str(r.get()).ok()).unwrap_or_default();
        let who: crate::i18n::Arg = match ev.user_identity.as_ref().and_then(|u| u.arn.as_deref()) {
            Some(arn) => arn.into(),
            None => crate::msg!("audit-unknown-principal").into(),
        };
        let cluster = p.name.or(p.cluster_name).unwrap_or_else(|| "?".to_string());
        let principal = p.principal_arn.unwrap_or_else(|| "?".to_string());
        let policy = p
            .policy_arn
            .as_deref()
            .map(|policy| format!(" ({})", policy.rsplit('/').next().unwrap_or(policy)))
            .unwrap_or_default();
        let msg = crate::msg!(
            "audit-access-entry",
            who = who,
            call = *call,
            principal = principal,
            cluster = cluster,
            policy = policy
        );
        let admin = ev.event_name.as_deref() == Some("AssociateAccessPolicy")
            && p.policy_arn.as_deref().is_some_and(|a| a.ends_with("/AmazonEKSClusterAdminPolicy"));
        let a = cx.alert_trail(self, ev, msg);
        if admin {
            a.severity = Severity::Critical;
        }
    }
}
