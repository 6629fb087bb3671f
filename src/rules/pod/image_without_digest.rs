use crate::document::Node;
use crate::model::{ImageRef, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags container images that are not pinned by digest (`@sha256:…`).
    ///
    /// ## Why is this bad?
    /// A tag is a name that can be moved to other content, by a release process or by whoever
    /// gains push access to the registry. A digest names the content itself: the image that was
    /// scanned and approved (G4.5) is byte for byte the one that runs. This is a hardening step
    /// beyond fixed version tags, hence the low severity.
    ///
    /// ## How to fix
    /// Append the digest to the reference (`nginx:1.27.3@sha256:…`), keeping the tag for
    /// readability; tools such as Renovate or `crane digest` keep digests current.
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: app
    ///     image: nginx:1.27.3   # flagged
    /// ```
    pub struct ImageWithoutDigest {
        code: "POD017",
        name: "image-without-digest",
        group: Pod,
        severity: Low,
        guide: ["G4.5"],
        references: ["checkov:CKV_K8S_43"],
    }
}

impl Rule for ImageWithoutDigest {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            let Some(image) = c.node.get("image").and_then(Node::as_str) else { continue };
            if ImageRef::parse(image).is_none_or(|r| r.is_pinned()) {
                continue;
            }
            cx.report(
                self,
                w.object,
                c.path.clone().key("image"),
                crate::msg!("rule-pod017-message", container = c.describe_msg(), image = image),
            )
            .help(crate::msg!("rule-pod017-help"));
        }
    }
}
