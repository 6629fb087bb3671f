//! HYG001: objects written into the `default` namespace.

use crate::document::FieldPath;
use crate::model::Object;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags objects placed explicitly in the `default` namespace.
    ///
    /// Only namespaced objects that set `metadata.namespace: default` are flagged. Objects with
    /// no namespace are not flagged: kustomize (`namespace:`), Helm (`--namespace`) and
    /// `kubectl apply -n` set it at deploy time, so its absence says nothing. The API server's own
    /// `kubernetes` Service and its endpoints are not flagged, nor are Roles and RoleBindings: they
    /// grant access to the namespace they are in, so the ones for `default` have to be there.
    ///
    /// ## Why is this bad?
    /// The `default` namespace is where everything lands by accident: it has no Pod Security
    /// Admission labels, no NetworkPolicies, no quotas, and RBAC granted there is granted to
    /// whatever else ends up there. Namespaces are the boundary for all of these.
    ///
    /// ## How to fix
    /// Create a namespace per application or team, with Pod Security Admission labels, network
    /// policies and quotas, and deploy into it.
    ///
    /// ## Example
    /// ```yaml
    /// metadata:
    ///   name: web
    ///   namespace: default   # flagged
    /// ```
    pub struct DefaultNamespace {
        code: "HYG001",
        name: "default-namespace",
        group: Hygiene,
        severity: Low,
        guide: ["G4.1"],
        references: [
            "cis-eks-1.8:4.5.2",
            "nsa-cisa:namespaces",
            "checkov:CKV_K8S_21",
            "trivy:KSV-0110",
            "kubescape:C-0061",
            "kube-linter:use-namespace",
        ],
    }
}

/// The API group of Roles and RoleBindings, which grant access to their own namespace.
const RBAC: &str = "rbac.authorization.k8s.io";

/// Objects the API server itself keeps in `default`.
const SYSTEM_KINDS: &[&str] = &["Service", "Endpoints", "EndpointSlice"];

impl Rule for DefaultNamespace {
    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        if o.namespace.as_deref() != Some("default") {
            return;
        }
        if o.name == "kubernetes" && SYSTEM_KINDS.contains(&o.kind.as_str()) {
            return;
        }
        if o.is(RBAC, "Role") || o.is(RBAC, "RoleBinding") {
            return;
        }
        cx.report(
            self,
            o,
            FieldPath::root().keys(&["metadata", "namespace"]),
            crate::msg!("rule-hyg001-message", kind = &o.kind, name = &o.name),
        )
        .help(crate::msg!("rule-hyg001-help"));
    }
}
