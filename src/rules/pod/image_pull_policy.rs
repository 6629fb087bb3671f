use crate::document::Node;
use crate::model::{ImageRef, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags an `imagePullPolicy` other than `Always` for images not pinned by digest.
    ///
    /// ## Why is this bad?
    /// With `IfNotPresent` (the default for any tag other than `latest`) or `Never`, the kubelet
    /// runs whatever image is cached on the node under that name. When a tag moves, nodes run
    /// different content under the same manifest. And a pod can start from a private image
    /// another tenant already pulled to the node without presenting any pull credentials.
    /// `Always` makes the kubelet resolve the tag against the registry, with the pod's
    /// credentials, at every start (layers already present are not downloaded again). A digest
    /// pins the content, so a pinned image is not flagged whatever its policy.
    ///
    /// ## How to fix
    /// Pin the image by digest, or set `imagePullPolicy: Always`.
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: app
    ///     image: registry.example.com/app:1.4   # flagged: defaults to IfNotPresent
    /// ```
    pub struct ImagePullPolicy {
        code: "POD018",
        name: "image-pull-policy",
        group: Pod,
        severity: Low,
        guide: ["G4.5"],
        references: ["checkov:CKV_K8S_15", "kubescape:C-0075"],
    }
}

impl Rule for ImagePullPolicy {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            let Some(image) = c.node.get("image").and_then(Node::as_str) else { continue };
            let Some(reference) = ImageRef::parse(image).filter(|r| !r.is_pinned()) else { continue };
            let field = c.path.clone().key("imagePullPolicy");
            let (path, why) = match c.node.get("imagePullPolicy").filter(|n| !n.is_null()) {
                Some(n) => match n.as_str() {
                    Some("Always") => continue,
                    Some(p @ ("IfNotPresent" | "Never")) => {
                        (field, crate::msg!("field-is", field = "imagePullPolicy", value = p))
                    }
                    // Anything else is rejected by the API server: invalid input, not insecure.
                    _ => continue,
                },
                None => match reference.default_pull_policy() {
                    "Always" => continue,
                    p => (field, crate::msg!("rule-pod018-default", policy = p)),
                },
            };
            cx.report(
                self,
                w.object,
                path,
                crate::msg!("rule-pod018-message", container = c.describe_msg(), why = why, image = image),
            )
            .help(crate::msg!("rule-pod018-help"));
        }
    }
}
