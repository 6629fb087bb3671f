//! SEC002: credentials stored in ConfigMaps, in `data` and (base64-decoded) `binaryData`.

use super::{detect, help, summarise};
use crate::document::FieldPath;
use crate::model::Object;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags credentials stored in ConfigMaps.
    ///
    /// `data` values are checked like environment variables, with the key as the name, and
    /// embedded files (`.env`, properties, INI, YAML, JSON) line by line, every `"name": "value"`
    /// of a line included — also a file written on one line: a JSON object or array, or the value
    /// of a key named like a file (`app.json`, `.env`); `binaryData` values are base64-decoded and checked for private keys
    /// and token formats (AWS access key ids, GitHub, Slack, JWT). The finding names the key and
    /// the kind of secret, never the value.
    ///
    /// ## Why is this bad?
    /// ConfigMaps are meant for non-confidential data: RBAC grants read access to them far more
    /// widely than to Secrets, they are never encrypted with the cluster's KMS key, and they end
    /// up in Git, Helm values and support bundles.
    ///
    /// ## How to fix
    /// Rotate the credential and move it to a Secret, or to AWS Secrets Manager mounted with the
    /// Secrets Store CSI driver; keep only non-secret settings in the ConfigMap.
    ///
    /// ## Example
    /// ```yaml
    /// kind: ConfigMap
    /// data:
    ///   DB_HOST: db.internal
    ///   DB_PASSWORD: s3cr3t-in-git     # flagged
    /// ```
    pub struct SecretInConfigmap {
        code: "SEC002",
        name: "secret-in-configmap",
        group: Secrets,
        severity: High,
        also_severity: [Critical],
        guide: ["G4.6"],
        references: [
            "cis-eks-1.8:4.4.2",
            "nsa-cisa:secrets",
            "trivy:KSV-0109",
            "kubescape:C-0012",
            "trivy:KSV-01010",
        ],
    }
}

impl Rule for SecretInConfigmap {
    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        if !o.is("", "ConfigMap") {
            return;
        }
        for field in ["data", "binaryData"] {
            for (key, value) in o.root.get(field).into_iter().flat_map(|n| n.entries()) {
                let Some(text) = value.as_str() else { continue };
                let found = if field == "data" {
                    detect::scan(Some(key), text)
                } else {
                    let Some(bytes) = detect::decode_base64(text) else { continue };
                    detect::scan_formats(&String::from_utf8_lossy(&bytes))
                };
                let Some(first) = found.first() else { continue };
                let (severity, notes) = summarise(&found);
                let message =
                    crate::msg!("rule-sec002-message", field = field, key = key, what = first.msg());
                let path = FieldPath::root().key(field).key(key);
                let mut report = cx
                    .report(self, o, path, message)
                    .severity(severity)
                    .redact(value.span())
                    .help(help(first.kind, "configmap"));
                for n in notes {
                    report = report.note(n);
                }
            }
        }
    }
}
