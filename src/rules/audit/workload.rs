//! The object a request wrote, in the library's model, so pod-security detections run the
//! existing workload rules (through the scan engine, waivers on the object included) and the Pod
//! Security Standards evaluator on it instead of repeating their logic.

use std::cell::OnceCell;

use serde_json::value::RawValue;

use crate::analysis::pss::{self, Evaluation, Policy};
use crate::document::Node;
use crate::finding::Finding;
use crate::model::{Object, Workload};
use crate::rules::Rule;

/// Resources whose objects carry pods.
pub const POD_BEARING: &[&str] = &[
    "pods",
    "podtemplates",
    "replicationcontrollers",
    "deployments",
    "replicasets",
    "statefulsets",
    "daemonsets",
    "jobs",
    "cronjobs",
];

/// The workload rules the pod-security detections run.
pub const POD_RULES: &[&str] = &[
    "privileged-container",
    "dangerous-capabilities",
    "host-network",
    "host-pid",
    "host-ipc",
    "host-path-volume",
];

/// Runs [`POD_RULES`] on a request body (its JSON text and the node read from it) and returns
/// what they report about it. The scan engine, a layer above the rules, implements it
/// (`crate::audit`).
pub trait BodyScanner {
    fn findings(&self, body: &str, root: &Node) -> Vec<Finding>;
}

/// A request body read into the model.
#[derive(Debug)]
pub struct Written {
    pub object: Object,
    /// The body as logged, for the scan engine.
    text: String,
    /// What the pod rules report about it, computed once per event.
    findings: OnceCell<Vec<Finding>>,
}

impl Written {
    /// `None` when the body is not a Kubernetes object.
    #[must_use]
    pub fn parse(raw: &RawValue) -> Option<Written> {
        let value: serde_json::Value = serde_json::from_str(raw.get()).ok()?;
        let object = Object::from_root(Node::from_json(&value), None).ok()??;
        Some(Written { object, text: raw.get().to_string(), findings: OnceCell::new() })
    }

    #[must_use]
    pub fn workload(&self) -> Option<Workload<'_>> {
        Workload::of(&self.object)
    }

    /// Every container image of the pod template.
    #[must_use]
    pub fn images(&self) -> Vec<String> {
        self.workload()
            .map(|w| {
                w.containers()
                    .filter_map(|c| c.node.get("image").and_then(Node::as_str).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What the given workload rules report about the object, waivers on the object applied:
    /// the scan engine runs the pod rules ([`POD_RULES`]) once per event on the body and each
    /// detection takes its rules' findings.
    #[must_use]
    pub fn findings(&self, scanner: &dyn BodyScanner, rules: &[&dyn Rule]) -> Vec<&Finding> {
        let all = self.findings.get_or_init(|| scanner.findings(&self.text, &self.object.root));
        all.iter()
            .filter(|f| f.suppressed.is_none() && rules.iter().any(|r| r.meta().code == f.rule.code))
            .collect()
    }

    /// The Pod Security Standards verdict on the pod template.
    #[must_use]
    pub fn pss(&self, policy: Policy) -> Option<Evaluation> {
        pss::evaluate_object(&self.object, policy)
    }
}
