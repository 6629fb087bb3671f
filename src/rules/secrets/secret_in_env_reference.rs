use crate::document::Node;
use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags containers that read Secrets into environment variables (`secretKeyRef`, `envFrom.secretRef`).
    ///
    /// Each `env[].valueFrom.secretKeyRef` and each `envFrom[].secretRef` is reported once.
    ///
    /// ## Why is this bad?
    /// Environment variables leak more easily than files: they are inherited by every child
    /// process, printed by crash handlers and debug endpoints, visible in `/proc/<pid>/environ`
    /// to anything in the same process namespace, and frozen at start, so a rotated Secret does
    /// not reach the process until the pod restarts. A Secret mounted as a volume is updated in
    /// place and can be read only by the process that opens it.
    ///
    /// ## How to fix
    /// Mount the Secret as a volume (`secret` volume or a projected volume, read-only) and read
    /// it from the file, or fetch it at run time from AWS Secrets Manager through the Secrets
    /// Store CSI driver.
    ///
    /// ## Example
    /// ```yaml
    /// env:
    ///   - name: DB_PASSWORD
    ///     valueFrom:
    ///       secretKeyRef: {name: db, key: password}   # flagged
    /// ```
    pub struct SecretInEnvReference {
        code: "SEC005",
        name: "secret-in-env-reference",
        group: Secrets,
        severity: Low,
        guide: ["G4.6"],
        references: ["kube-linter:read-secret-from-env-var", "checkov:CKV_K8S_35"],
    }
}

impl Rule for SecretInEnvReference {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            for (i, var) in c.node.get("env").into_iter().flat_map(Node::items).enumerate() {
                let Some(reference) = var.at(&["valueFrom", "secretKeyRef"]) else { continue };
                let name = var.get("name").and_then(Node::as_str).unwrap_or("");
                let secret = reference.get("name").and_then(Node::as_str).unwrap_or("");
                let key = reference.get("key").and_then(Node::as_str).unwrap_or("");
                cx.report(
                    self,
                    w.object,
                    c.path.clone().key("env").index(i).keys(&["valueFrom", "secretKeyRef"]),
                    crate::msg!(
                        "rule-sec005-key",
                        container = c.describe_msg(),
                        key = key,
                        secret = secret,
                        name = name
                    ),
                )
                .help(crate::msg!("rule-sec005-help"));
            }
            for (i, source) in c.node.get("envFrom").into_iter().flat_map(Node::items).enumerate() {
                let Some(reference) = source.get("secretRef") else { continue };
                let secret = reference.get("name").and_then(Node::as_str).unwrap_or("");
                cx.report(
                    self,
                    w.object,
                    c.path.clone().key("envFrom").index(i).key("secretRef"),
                    crate::msg!("rule-sec005-all", container = c.describe_msg(), secret = secret),
                )
                .help(crate::msg!("rule-sec005-help"));
            }
        }
    }
}
