//! REL006: Pods that no controller owns.

use crate::document::FieldPath;
use crate::model::Object;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags Pods written directly rather than through a controller (Deployment, StatefulSet, DaemonSet, Job).
    ///
    /// A Pod with `metadata.ownerReferences` (as read from a live cluster, where a ReplicaSet or
    /// a Job owns it) is not flagged; neither is a static Pod the kubelet mirrors
    /// (`kubernetes.io/config.mirror` annotation).
    ///
    /// Opt-in (`--select naked-pod`): one-off Pods written on purpose (`kubectl run`, debugging,
    /// test fixtures) are common, and at admission the webhook would refuse every one of them.
    ///
    /// ## Why is this bad?
    /// Nothing recreates a bare Pod: a node drain, a node failure or an eviction deletes it for
    /// good, and it is not rolled out when its image or settings change. Bare Pods are also how
    /// one-off debugging pods with broad access linger in a cluster unnoticed.
    ///
    /// ## How to fix
    /// Run the pod through a Deployment (or StatefulSet, DaemonSet), or a Job for work that runs
    /// to completion. For debugging use `kubectl debug` and delete the pod afterwards.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod   # flagged: no controller
    /// metadata:
    ///   name: web
    /// ```
    pub struct NakedPod {
        code: "REL006",
        name: "naked-pod",
        group: Reliability,
        severity: Low,
        guide: ["G5.1"],
        references: ["kubescape:C-0073"],
        default_enabled: false,
    }
}

impl Rule for NakedPod {
    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        if !o.is("", "Pod") {
            return;
        }
        let metadata = o.metadata();
        let owned =
            metadata.and_then(|m| m.get("ownerReferences")).is_some_and(|r| r.items().next().is_some());
        let mirrored = o.annotations().is_some_and(|a| a.get("kubernetes.io/config.mirror").is_some());
        if owned || mirrored {
            return;
        }
        cx.report(self, o, FieldPath::root().key("kind"), crate::msg!("rule-rel006-message"))
            .help(crate::msg!("rule-rel006-help"));
    }
}
