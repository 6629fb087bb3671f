//! RBAC001: Role and ClusterRole rules that use `*` for verbs or resources.

use crate::document::{FieldPath, Node};
use crate::model::Object;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags Role and ClusterRole rules that allow every verb or every resource.
    ///
    /// ## Why is this bad?
    /// `*` grants today's verbs and resources and every one added later, custom resources included:
    /// `escalate`, `bind`, `impersonate`, `pods/exec` and Secrets are all in it. Least privilege (the
    /// guide's RBAC practice) needs the list spelled out.
    ///
    /// ## How to fix
    /// List the verbs and resources the subject needs.
    ///
    /// ## Example
    /// ```yaml
    /// rules:
    ///   - apiGroups: [apps]
    ///     resources: ["*"]      # flagged
    ///     verbs: [get, list]
    /// ```
    pub struct WildcardRule {
        code: "RBAC001",
        name: "wildcard-rule",
        group: Rbac,
        severity: Medium,
        guide: ["G4.1"],
        references: [
            "cis-eks-1.8:4.1.3",
            "nsa-cisa:rbac",
            "kube-linter:wildcard-in-rules",
            "checkov:CKV_K8S_49",
            "trivy:KSV-0044",
            "trivy:KSV-0045",
            "trivy:KSV-0112",
            "trivy:KSV-0046",
        ],
    }
}

/// Roles the API server creates itself; their wildcards are by design.
fn is_default(object: &Object) -> bool {
    object.label("kubernetes.io/bootstrapping") == Some("rbac-defaults")
        || object.name == "cluster-admin"
        || object.name.starts_with("system:")
        || object.name.starts_with("eks:")
}

impl Rule for WildcardRule {
    fn check_object(&self, cx: &mut Context<'_>, object: &Object) {
        if object.group() != "rbac.authorization.k8s.io"
            || !matches!(object.kind.as_str(), "Role" | "ClusterRole")
            || is_default(object)
        {
            return;
        }
        for (i, rule) in object.root.get("rules").into_iter().flat_map(Node::items).enumerate() {
            let star =
                |key: &str| rule.get(key).into_iter().flat_map(Node::items).any(|v| v.as_str() == Some("*"));
            let path = FieldPath::root().key("rules").index(i);
            let what = match (star("verbs"), star("resources")) {
                (true, true) => Some(("all", path.clone().key("verbs"))),
                (true, false) if rule.get("nonResourceURLs").is_none() || rule.get("resources").is_some() => {
                    Some(("verbs", path.clone().key("verbs")))
                }
                (true, false) => Some(("urls", path.clone().key("verbs"))),
                (false, true) => Some(("resources", path.clone().key("resources"))),
                (false, false) => None,
            };
            if let Some((what, at)) = what {
                cx.report(
                    self,
                    object,
                    at,
                    crate::msg!(
                        "rule-rbac001-message",
                        index = i,
                        kind = &object.kind,
                        name = &object.name,
                        what = what
                    ),
                )
                .help(crate::msg!("rule-rbac001-help"));
            }
        }
    }
}
