use std::collections::{HashMap, HashSet};

use crate::document::{FieldPath, Node};
use crate::model::{ObjectSet, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags workloads that name a ServiceAccount, ConfigMap, Secret or PersistentVolumeClaim
    /// that is absent from the scan, when the scan looks complete for that kind and namespace.
    ///
    /// "Complete" means the scan holds at least one object of that kind in the workload's
    /// namespace: then a missing name is most likely a typo or a forgotten file. When the scan
    /// has none of that kind there (Secrets created by another tool, a partial scan), the rule
    /// stays silent. References marked `optional: true`, the `default` ServiceAccount and the
    /// `kube-root-ca.crt` ConfigMap (which the control plane publishes in every namespace, for
    /// projected service account token volumes) are never reported.
    ///
    /// ## Why is this bad?
    /// A pod whose ServiceAccount, volume ConfigMap, Secret or claim does not exist is not
    /// created, or hangs in `ContainerCreating`; a missing ServiceAccount also breaks the
    /// workload identity (IRSA) it was meant to carry.
    ///
    /// ## How to fix
    /// Fix the name, add the missing object to the manifests, or mark an optional reference
    /// `optional: true`.
    ///
    /// ## Example
    /// ```yaml
    /// spec:
    ///   serviceAccountName: paymnets   # flagged when the scan has ServiceAccount payments
    /// ```
    pub struct MissingReferencedObject {
        code: "HYG005",
        name: "missing-referenced-object",
        group: Hygiene,
        severity: Medium,
        guide: [],
        references: ["kube-linter:non-existent-service-account"],
    }
}

/// A name a pod template refers to, and where.
struct Reference<'a> {
    kind: &'static str,
    name: &'a str,
    path: FieldPath,
}

impl Rule for MissingReferencedObject {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let kinds = ["ServiceAccount", "ConfigMap", "Secret", "PersistentVolumeClaim"];
        let mut present: HashMap<(&str, &str), HashSet<&str>> = HashMap::new();
        for o in set.iter().filter(|o| o.group().is_empty() && kinds.contains(&o.kind.as_str())) {
            let namespace = o.effective_namespace().unwrap_or("default");
            present.entry((o.kind.as_str(), namespace)).or_default().insert(o.name.as_str());
        }
        for o in set.iter() {
            let Some(w) = Workload::of(o) else { continue };
            let namespace = o.effective_namespace().unwrap_or("default");
            for r in references(&w) {
                let Some(names) = present.get(&(r.kind, namespace)) else { continue };
                if names.contains(r.name) || (r.kind == "ConfigMap" && r.name == ROOT_CA) {
                    continue;
                }
                cx.report(
                    self,
                    o,
                    r.path,
                    crate::msg!("rule-hyg005-message", kind = r.kind, name = r.name, namespace = namespace),
                )
                .help(crate::msg!("rule-hyg005-help", kind = r.kind, name = r.name));
            }
        }
    }
}

/// The ConfigMap the control plane publishes in every namespace (the cluster's root CA).
const ROOT_CA: &str = "kube-root-ca.crt";

fn optional(node: &Node) -> bool {
    node.get("optional").and_then(Node::as_bool) == Some(true)
}

/// Every required reference of a pod template.
fn references<'a>(w: &Workload<'a>) -> Vec<Reference<'a>> {
    let mut out = Vec::new();
    let Some(spec) = w.spec else { return out };
    if let Some((field, name)) = w.service_account_field().filter(|(_, name)| *name != "default") {
        out.push(Reference { kind: "ServiceAccount", name, path: w.spec_path(&[field]) });
    }
    let mut push = |kind, node: Option<&'a Node>, key: &str, path: FieldPath| {
        let Some(node) = node.filter(|n| !optional(n)) else { return };
        if let Some(name) = node.get(key).and_then(Node::as_str).filter(|n| !n.is_empty()) {
            out.push(Reference { kind, name, path: path.key(key) });
        }
    };
    for (i, s) in spec.get("imagePullSecrets").into_iter().flat_map(Node::items).enumerate() {
        push("Secret", Some(s), "name", w.spec_path(&["imagePullSecrets"]).index(i));
    }
    for (i, v) in spec.get("volumes").into_iter().flat_map(Node::items).enumerate() {
        let base = w.spec_path(&["volumes"]).index(i);
        push("ConfigMap", v.get("configMap"), "name", base.clone().key("configMap"));
        push("Secret", v.get("secret"), "secretName", base.clone().key("secret"));
        push(
            "PersistentVolumeClaim",
            v.get("persistentVolumeClaim"),
            "claimName",
            base.clone().key("persistentVolumeClaim"),
        );
        let sources = v.at(&["projected", "sources"]).into_iter().flat_map(Node::items).enumerate();
        for (j, source) in sources {
            let at = base.clone().keys(&["projected", "sources"]).index(j);
            push("ConfigMap", source.get("configMap"), "name", at.clone().key("configMap"));
            push("Secret", source.get("secret"), "name", at.key("secret"));
        }
    }
    for c in w.containers() {
        for (i, e) in c.node.get("env").into_iter().flat_map(Node::items).enumerate() {
            let at = c.path.clone().key("env").index(i).key("valueFrom");
            let from = e.get("valueFrom");
            push(
                "ConfigMap",
                from.and_then(|f| f.get("configMapKeyRef")),
                "name",
                at.clone().key("configMapKeyRef"),
            );
            push("Secret", from.and_then(|f| f.get("secretKeyRef")), "name", at.key("secretKeyRef"));
        }
        for (i, e) in c.node.get("envFrom").into_iter().flat_map(Node::items).enumerate() {
            let at = c.path.clone().key("envFrom").index(i);
            push("ConfigMap", e.get("configMapRef"), "name", at.clone().key("configMapRef"));
            push("Secret", e.get("secretRef"), "name", at.key("secretRef"));
        }
    }
    out
}
