use std::collections::HashMap;

use crate::document::FieldPath;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags an object given twice in the scan: the same API group, kind, namespace and name.
    ///
    /// Objects without a namespace are compared as if in one namespace, as `kubectl apply`
    /// with the same context would place them.
    ///
    /// ## Why is this bad?
    /// Applying both copies leaves only the last one; which one that is depends on file order,
    /// so a security setting in the first copy may silently never reach the cluster.
    ///
    /// ## How to fix
    /// Keep one copy, or give the objects different names or namespaces.
    ///
    /// ## Example
    /// ```yaml
    /// kind: ConfigMap
    /// metadata: {name: settings, namespace: shop}
    /// ---
    /// kind: ConfigMap
    /// metadata: {name: settings, namespace: shop}   # flagged
    /// ```
    pub struct DuplicateObject {
        code: "HYG004",
        name: "duplicate-object",
        group: Hygiene,
        severity: Medium,
        guide: [],
        references: [],
    }
}

impl Rule for DuplicateObject {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let mut first = HashMap::new();
        for o in set.iter().filter(|o| !o.name.is_empty()) {
            // generateName objects get a fresh name each time: never duplicates.
            let generated = o.metadata().is_some_and(|m| m.get("name").is_none());
            if generated {
                continue;
            }
            let namespace = if o.is_cluster_scoped() { None } else { o.namespace.as_deref() };
            let key = (o.group().to_string(), o.kind.clone(), namespace, o.name.clone());
            let Some(earlier) = first.get(&key).and_then(|&i| set.get(i)) else {
                first.insert(key, o.index);
                continue;
            };
            let at = earlier
                .origin
                .as_ref()
                .map(|origin| {
                    let p = origin.file.position(earlier.head().start);
                    let at = format!("{}:{}:{}", origin.file.display, p.line, p.column);
                    crate::i18n::Arg::from(crate::msg!("rule-hyg004-first-at", at = at))
                })
                .unwrap_or_else(|| "".into());
            cx.report(
                self,
                o,
                FieldPath::parse("metadata.name"),
                crate::msg!("rule-hyg004-message", object = o.object_ref().to_string(), at = at),
            )
            .help(crate::msg!("rule-hyg004-help"));
        }
    }
}
