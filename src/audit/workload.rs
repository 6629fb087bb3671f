//! The object a request wrote, in the library's model, so pod-security detections run the
//! existing workload rules and the Pod Security Standards evaluator on it instead of repeating
//! their logic.

use serde_json::value::RawValue;

use crate::analysis::pss::{self, Evaluation, Policy};
use crate::document::Node;
use crate::finding::Finding;
use crate::model::{Object, Workload};
use crate::rules::{Context, Rule, RuleOptions};

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

/// A request body read into the model.
#[derive(Debug)]
pub struct Written {
    pub object: Object,
}

impl Written {
    /// `None` when the body is not a Kubernetes object.
    #[must_use]
    pub fn parse(raw: &RawValue) -> Option<Written> {
        let value: serde_json::Value = serde_json::from_str(raw.get()).ok()?;
        let object = Object::from_root(Node::from_json(&value), None).ok()??;
        Some(Written { object })
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

    /// The findings of one workload rule on the pod template.
    #[must_use]
    pub fn findings(&self, rule: &dyn Rule, options: &RuleOptions) -> Vec<Finding> {
        let Some(w) = self.workload() else { return Vec::new() };
        let mut cx = Context::new(options);
        rule.check_workload(&mut cx, &w);
        cx.into_findings()
    }

    /// The Pod Security Standards verdict on the pod template.
    #[must_use]
    pub fn pss(&self, policy: Policy) -> Option<Evaluation> {
        pss::evaluate_object(&self.object, policy)
    }
}
