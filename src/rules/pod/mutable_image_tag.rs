use crate::document::Node;
use crate::model::{ImageRef, MutableTag, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags container images with no tag or the `latest` tag, and no digest.
    ///
    /// ## Why is this bad?
    /// `latest` (which an image without a tag means) moves with every push. The same manifest
    /// then runs different code on different nodes and on every restart, a rollback does not
    /// roll back, and the image that was scanned in CI (G4.5) is not necessarily the one that
    /// runs. References are parsed as container runtimes read them: in `host:5000/app` the
    /// `:5000` is a registry port, not a tag, and an image pinned with `@sha256:` is immutable
    /// whatever its tag. Unparseable or templated references are left alone.
    ///
    /// ## How to fix
    /// Use a specific version tag (`nginx:1.27.3`), better also pinned by digest
    /// (`nginx:1.27.3@sha256:…`), and enable tag immutability in the registry (ECR supports it).
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: app
    ///     image: nginx:latest   # flagged
    /// ```
    pub struct MutableImageTag {
        code: "POD016",
        name: "mutable-image-tag",
        group: Pod,
        severity: Medium,
        guide: ["G4.5"],
        references: [
            "checkov:CKV_K8S_14",
            "trivy:KSV-0013",
            "kube-linter:latest-tag",
        ],
    }
}

impl Rule for MutableImageTag {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            let Some(image) = c.node.get("image").and_then(Node::as_str) else { continue };
            let Some(mutable) = ImageRef::parse(image).and_then(|r| r.mutable_tag()) else { continue };
            let id = match mutable {
                MutableTag::Missing => "rule-pod016-no-tag",
                MutableTag::Latest => "rule-pod016-latest",
            };
            cx.report(
                self,
                w.object,
                c.path.clone().key("image"),
                crate::msg!(id, container = c.describe_msg(), image = image),
            )
            .help(crate::msg!("rule-pod016-help"));
        }
    }
}
