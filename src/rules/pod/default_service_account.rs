use crate::document::Node;
use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags pods that run as the `default` ServiceAccount, named or by leaving it unset.
    ///
    /// ## Why is this bad?
    /// Every pod of a namespace that does not choose a ServiceAccount shares `default`. Any
    /// permission granted to it (an RBAC binding, an IRSA or Pod Identity role) is granted to all
    /// of them, and it is impossible to tell from audit logs which workload made a call. A
    /// dedicated ServiceAccount per application gives each one only its own permissions.
    ///
    /// ## How to fix
    /// Create a ServiceAccount for the application, set `spec.serviceAccountName` to it, and
    /// bind roles to it rather than to `default`. Set `automountServiceAccountToken: false` on the
    /// `default` ServiceAccount so pods that still use it get no token.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   serviceAccountName: default   # flagged
    /// ```
    pub struct DefaultServiceAccount {
        code: "POD019",
        name: "default-service-account",
        group: Pod,
        severity: Low,
        guide: ["G3.2", "G4.1"],
        references: [
            "cis-eks-1.8:4.1.5",
            "cis-eks-1.8:5.2.1",
            "nsa-cisa:service-account-tokens",
            "kube-linter:default-service-account",
        ],
    }
}

impl Rule for DefaultServiceAccount {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        // A template without a pod spec is incomplete input; there is no pod to judge.
        if w.spec.is_none() || w.service_account() != "default" {
            return;
        }
        // The deprecated `serviceAccount` field is read when `serviceAccountName` is empty.
        let named = w.service_account_field().map(|(field, _)| field);
        let empty = w.spec.and_then(|s| s.get("serviceAccountName")).and_then(Node::as_str) == Some("");
        let message = match (named, empty) {
            (Some(_), _) => crate::msg!("rule-pod019-message"),
            (None, true) => crate::msg!("rule-pod019-empty"),
            (None, false) => crate::msg!("rule-pod019-unset"),
        };
        let path = w.spec_path(&[named.unwrap_or("serviceAccountName")]);
        cx.report(self, w.object, path, message).help(crate::msg!("rule-pod019-help"));
    }
}
