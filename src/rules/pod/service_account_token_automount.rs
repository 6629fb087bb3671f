use crate::document::Node;
use crate::model::{ObjectSet, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags pods that get a Kubernetes API token mounted automatically.
    ///
    /// That is, neither the pod nor its ServiceAccount sets `automountServiceAccountToken: false`.
    ///
    /// ## Why is this bad?
    /// The token is mounted into every container at
    /// `/var/run/secrets/kubernetes.io/serviceaccount`. Most applications never call the
    /// Kubernetes API; for them the token only helps an attacker who gets code execution, who can
    /// then use every RBAC permission of the ServiceAccount. IRSA and EKS Pod Identity keep
    /// working with automount off: they project their own token for AWS.
    ///
    /// The pod-level field wins over the ServiceAccount's. When the pod leaves it unset, the
    /// ServiceAccount's field decides; a ServiceAccount of the same name and namespace that is
    /// part of the same scan and sets it to `false` satisfies the rule. A ServiceAccount that is
    /// not in the scan is unknown, so the pod is flagged and the note says so.
    ///
    /// ## How to fix
    /// Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount). For
    /// the rare container that needs the API, mount a projected token with a short
    /// `expirationSeconds` and only in that container.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   automountServiceAccountToken: true   # flagged
    /// ```
    pub struct ServiceAccountTokenAutomount {
        code: "POD020",
        name: "service-account-token-automount",
        group: Pod,
        severity: Medium,
        guide: ["G3.2", "G4.1"],
        references: [
            "cis-eks-1.8:4.1.6",
            "nsa-cisa:service-account-tokens",
            "checkov:CKV_K8S_38",
            "trivy:KSV-0036",
            "kubescape:C-0034",
        ],
    }
}

impl Rule for ServiceAccountTokenAutomount {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        // The last ServiceAccount of each namespace and name (applied in order, it replaces the
        // ones before it; the RBAC graph reads it too), looked up once per workload.
        let mut accounts = std::collections::HashMap::new();
        for sa in set.of_kind("", "ServiceAccount") {
            accounts.insert((sa.effective_namespace(), sa.name.as_str()), sa);
        }
        // A template without a pod spec is incomplete input; there is no pod to judge.
        for w in set.iter().filter_map(Workload::of).filter(|w| w.spec.is_some()) {
            let account = w.service_account();
            let on_pod = w.spec.and_then(|s| s.get("automountServiceAccountToken")).filter(|n| !n.is_null());
            let mut note = None;
            let why = match on_pod.map(Node::as_bool) {
                Some(Some(false)) => continue,
                // A non-boolean is invalid input (the API server rejects it), not a known setting.
                Some(None) => continue,
                Some(Some(true)) => {
                    crate::msg!("field-is", field = "automountServiceAccountToken", value = "true")
                }
                None => {
                    let namespace = w.object.effective_namespace();
                    let sa = accounts.get(&(namespace, account)).copied();
                    match sa.map(|sa| sa.root.get("automountServiceAccountToken").and_then(Node::as_bool)) {
                        Some(Some(false)) => continue,
                        Some(Some(true)) => crate::msg!("rule-pod020-account-true"),
                        Some(None) => crate::msg!("rule-pod020-neither"),
                        None => {
                            note = Some(crate::msg!(
                                "rule-pod020-note",
                                account = account,
                                namespace = namespace.unwrap_or("default")
                            ));
                            crate::msg!("field-not-set", field = "automountServiceAccountToken")
                        }
                    }
                }
            };
            let message = crate::msg!("rule-pod020-message", account = account, why = why);
            let report = cx
                .report(self, w.object, w.spec_path(&["automountServiceAccountToken"]), message)
                .help(crate::msg!("rule-pod020-help"));
            if let Some(note) = note {
                report.note(note);
            }
        }
    }
}
