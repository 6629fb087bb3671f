use crate::document::{FieldPath, Node};
use crate::model::Object;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags `default` ServiceAccounts that do not set `automountServiceAccountToken: false`.
    ///
    /// Only ServiceAccounts named `default` that are part of the scan are judged; the one the
    /// API server creates in every namespace is not in manifests unless it is written out.
    ///
    /// ## Why is this bad?
    /// Every pod that names no ServiceAccount runs as `default`. Unless the ServiceAccount turns
    /// automount off, each of those pods gets an API token, and any permission granted to
    /// `default` (often by a careless binding) reaches all of them. Turning it off on the
    /// ServiceAccount covers the pods whose authors forgot.
    ///
    /// ## How to fix
    /// Set `automountServiceAccountToken: false` on the `default` ServiceAccount of each
    /// namespace, bind no role to it, and give workloads that need the API their own
    /// ServiceAccount.
    ///
    /// ## Example
    /// ```yaml
    /// kind: ServiceAccount
    /// metadata:
    ///   name: default   # flagged: automountServiceAccountToken is not false
    ///   namespace: shop
    /// ```
    pub struct DefaultServiceAccountAutomount {
        code: "RBAC019",
        name: "default-service-account-automount",
        group: Rbac,
        severity: Low,
        guide: ["G4.1"],
        references: ["cis-eks-1.8:4.1.5", "checkov:CKV_K8S_41"],
    }
}

impl Rule for DefaultServiceAccountAutomount {
    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        if !o.is("", "ServiceAccount") || o.name != "default" {
            return;
        }
        let setting = o.root.get("automountServiceAccountToken").filter(|n| !n.is_null());
        let why = match setting.map(Node::as_bool) {
            Some(Some(false)) => return,
            // A non-boolean is rejected by the API server: not a known setting.
            Some(None) => return,
            Some(Some(true)) => "rule-rbac019-true",
            None => "rule-rbac019-not-set",
        };
        let namespace = o.effective_namespace().unwrap_or("default");
        cx.report(
            self,
            o,
            FieldPath::root().key("automountServiceAccountToken"),
            crate::msg!(why, namespace = namespace),
        )
        .help(crate::msg!("rule-rbac019-help"));
    }
}
