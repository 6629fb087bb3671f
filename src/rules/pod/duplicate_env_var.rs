use std::collections::HashMap;

use crate::document::Node;
use crate::model::Workload;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags environment variables defined twice in the `env` list of one container.
    ///
    /// ## Why is this bad?
    /// Only the last definition takes effect. A reviewer who reads the first one (a safe
    /// value, a `secretKeyRef`) is misled about what the process gets, and tools that merge
    /// manifests (`kubectl apply`, Kustomize, Helm) handle the duplicate key differently.
    ///
    /// ## How to fix
    /// Keep one definition per name.
    ///
    /// ## Example
    /// ```yaml
    /// env:
    ///   - {name: LOG_LEVEL, value: info}
    ///   - {name: LOG_LEVEL, value: debug}   # flagged
    /// ```
    pub struct DuplicateEnvVar {
        code: "POD021",
        name: "duplicate-env-var",
        group: Pod,
        severity: Low,
        guide: [],
        references: ["kube-linter:duplicate-env-var"],
    }
}

impl Rule for DuplicateEnvVar {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            let mut first: HashMap<&str, usize> = HashMap::new();
            for (i, var) in c.node.get("env").into_iter().flat_map(Node::items).enumerate() {
                let Some(name) = var.get("name").and_then(Node::as_str) else { continue };
                let Some(&earlier) = first.get(name) else {
                    first.insert(name, i);
                    continue;
                };
                cx.report(
                    self,
                    w.object,
                    c.path.clone().key("env").index(i).key("name"),
                    crate::msg!(
                        "rule-pod021-message",
                        container = c.describe_msg(),
                        name = name,
                        first = earlier.to_string()
                    ),
                )
                .help(crate::msg!("rule-pod021-help"));
            }
        }
    }
}
