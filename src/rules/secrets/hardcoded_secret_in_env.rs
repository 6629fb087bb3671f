//! SEC001: credentials written literally into container environment variables.

use super::{detect, help, summarise};
use crate::document::Node;
use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags credentials written literally into container environment variables.
    ///
    /// An env var is flagged when its literal `value` is a credential: an AWS access key id or
    /// secret access key, a private key, a GitHub or Slack token, a JWT, a URL with a password,
    /// or a password, token or API key under a credential-like name (`DB_PASSWORD`, `API_KEY`,
    /// `CLIENT_SECRET`…). Placeholders and references (`$(VAR)`,
    /// `${VAR}`, `<changeme>`, file paths) are not flagged. AWS keys and private keys are
    /// critical, other credentials high. The finding names the variable, never the value.
    ///
    /// ## Why is this bad?
    /// A value in the pod spec is stored in plain text in Git, in the Deployment object (readable
    /// by anyone who can `get` it, no Secret permission needed), in `kubectl describe` output and
    /// in CI logs. It cannot be rotated without a redeploy. Long-lived AWS keys are exactly what
    /// IAM Roles for Service Accounts replace.
    ///
    /// ## How to fix
    /// Rotate the credential. Put it in a Secret, or better in AWS Secrets Manager mounted with the
    /// Secrets Store CSI driver, and mount it as a read-only file that the application reads.
    /// Reading the Secret back into an env var (`valueFrom.secretKeyRef`) takes it out of the
    /// manifest but keeps the leaks of environment variables, which `secret-in-env-reference`
    /// (SEC005) reports. For AWS access, delete the key and give the pod an IAM role through IRSA
    /// or EKS Pod Identity.
    ///
    /// ## Example
    /// ```yaml
    /// env:
    ///   - name: DB_PASSWORD
    ///     value: s3cr3t-in-git          # flagged
    /// volumeMounts:                     # fine: the application reads /etc/db/password
    ///   - {name: db, mountPath: /etc/db, readOnly: true}
    /// ```
    pub struct HardcodedSecretInEnv {
        code: "SEC001",
        name: "hardcoded-secret-in-env",
        group: Secrets,
        severity: High,
        also_severity: [Critical],
        guide: ["G4.6", "G3.2"],
        references: [
            "cis-eks-1.8:4.4.2",
            "nsa-cisa:secrets",
            "kube-linter:env-var-secret",
            "kubescape:C-0012",
        ],
    }
}

impl Rule for HardcodedSecretInEnv {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            for (i, e) in c.node.get("env").into_iter().flat_map(Node::items).enumerate() {
                let Some(value) = e.get("value") else { continue };
                let Some(text) = value.as_str() else { continue };
                let name = e.get("name").and_then(Node::as_str).unwrap_or_default();
                let found = detect::scan(Some(name), text);
                let Some(first) = found.first() else { continue };
                let (severity, notes) = summarise(&found);
                let path = c.path.clone().key("env").index(i).key("value");
                let message = crate::msg!(
                    "rule-sec001-message",
                    name = name,
                    container = c.describe_msg(),
                    what = first.msg()
                );
                let mut report = cx
                    .report(self, w.object, path, message)
                    .severity(severity)
                    .redact(value.span())
                    .help(help(first.kind, "env"));
                for n in notes {
                    report = report.note(n);
                }
            }
        }
    }
}
