//! SEC003: credentials in annotations, including a Secret's data copied by `kubectl apply` into
//! `kubectl.kubernetes.io/last-applied-configuration`.

use super::{detect, help, summarise};
use crate::document::{FieldPath, Node};
use crate::model::{Object, Workload};
use crate::rules::{Context, Rule};

/// Where `kubectl apply` (client-side) keeps the last applied manifest.
const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// Annotation domains whose values name, point at or hash secrets (Vault paths, ARNs, issuer
/// names, Helm's `checksum/secret` digests) rather than hold them: only token formats are looked
/// for there, not credential-like names.
const REFERENCE_DOMAINS: &[&str] = &[
    "checksum",
    "vault.hashicorp.com",
    "external-secrets.io",
    "eks.amazonaws.com",
    "cert-manager.io",
    "argocd.argoproj.io",
    "ladrillo.dev",
];

crate::declare_rule! {
    /// Flags credentials in annotations, including Secret data kept by `kubectl apply`.
    ///
    /// Annotations of any object, and of workloads' pod templates, are flagged when their value
    /// is a credential; `kubectl.kubernetes.io/last-applied-configuration` is flagged when it
    /// holds a Secret with `data` or `stringData`. Token formats (AWS keys, private keys, GitHub,
    /// Slack, JWT, URLs with a password) are found in any annotation; generic passwords and tokens
    /// need a credential-like annotation name (`example.com/api-token`). Annotations of tools that
    /// reference secrets (Vault agent, External Secrets, `*.kubernetes.io`, Helm's `checksum/`)
    /// are only checked for token formats. The finding names the annotation, never the value.
    ///
    /// ## Why is this bad?
    /// Annotations are metadata: they are shown by `kubectl describe`, copied into events, read by
    /// every controller and metadata-only client, and are not protected like Secret data. A
    /// Secret applied with client-side `kubectl apply` carries its whole manifest, data included,
    /// in `last-applied-configuration`, where tools that mask Secret `data` do not look.
    ///
    /// ## How to fix
    /// Rotate the credential and keep it in a Secret or AWS Secrets Manager. Create Secrets with
    /// `kubectl apply --server-side` or `kubectl create secret` (no last-applied annotation), and
    /// remove an existing copy with `kubectl annotate secret NAME
    /// kubectl.kubernetes.io/last-applied-configuration-`.
    ///
    /// ## Example
    /// ```yaml
    /// metadata:
    ///   annotations:
    ///     example.com/api-token: 9f8e7d6c5b4a3210   # flagged
    /// ```
    pub struct SecretInAnnotation {
        code: "SEC003",
        name: "secret-in-annotation",
        group: Secrets,
        severity: High,
        also_severity: [Critical],
        guide: ["G4.6"],
        references: [
            "cis-eks-1.8:4.4.2",
            "nsa-cisa:secrets",
        ],
    }
}

impl Rule for SecretInAnnotation {
    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        let mut places = vec![(FieldPath::root().key("metadata"), o.metadata(), "object")];
        if let Some(w) = Workload::of(o)
            && !w.template_path().is_root()
        {
            places.push((w.template_path().key("metadata"), w.pod_metadata(), "template"));
        }
        for (meta, node, noun) in places {
            for (key, value) in node.and_then(|m| m.get("annotations")).into_iter().flat_map(Node::entries) {
                let Some(text) = value.as_str() else { continue };
                let path = meta.clone().key("annotations").key(key);
                if key == LAST_APPLIED {
                    if let Some(keys) = applied_secret_keys(text) {
                        let list = keys.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ");
                        cx.report(
                            self,
                            o,
                            path,
                            crate::msg!("rule-sec003-applied", place = noun, key = key, keys = list),
                        )
                        .redact(value.span())
                        .help(crate::msg!("rule-sec003-help"));
                    }
                    continue;
                }
                let found = if reference_domain(key) {
                    detect::scan_formats(text)
                } else {
                    let name = key.rsplit_once('/').map_or(key, |(_, n)| n);
                    detect::scan(Some(name), text)
                };
                let Some(first) = found.first() else { continue };
                let (severity, notes) = summarise(&found);
                let mut report = cx
                    .report(
                        self,
                        o,
                        path,
                        crate::msg!("rule-sec003-message", place = noun, key = key, what = first.msg()),
                    )
                    .severity(severity)
                    .redact(value.span())
                    .help(help(first.kind, "annotation"));
                for n in notes {
                    report = report.note(n);
                }
            }
        }
    }
}

fn reference_domain(key: &str) -> bool {
    let Some((domain, _)) = key.rsplit_once('/') else { return false };
    REFERENCE_DOMAINS.iter().any(|d| domain == *d || domain.ends_with(&format!(".{d}")))
        || domain == "kubernetes.io"
        || domain.ends_with(".kubernetes.io")
        || domain == "k8s.io"
        || domain.ends_with(".k8s.io")
}

/// The data keys of a Secret recorded in a last-applied annotation; `None` when the annotation
/// is not a Secret with non-empty `data` or `stringData` (or not JSON at all).
fn applied_secret_keys(text: &str) -> Option<Vec<String>> {
    let json: serde_json::Value = serde_json::from_str(text).ok()?;
    if json.get("kind")?.as_str()? != "Secret" {
        return None;
    }
    let mut keys: Vec<String> = ["data", "stringData"]
        .iter()
        .filter_map(|f| json.get(*f)?.as_object())
        .flat_map(|m| m.keys().cloned())
        .collect();
    keys.sort();
    keys.dedup();
    (!keys.is_empty()).then_some(keys)
}
