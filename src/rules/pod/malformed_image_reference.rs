use crate::document::Node;
use crate::model::{ImageRef, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags container images that are not valid image references, such as an empty or malformed digest.
    ///
    /// A reference is `[registry[:port]/]repository[:tag][@algorithm:encoded]`, as the
    /// distribution reference grammar and the OCI image spec write it: a `sha256` digest is 64
    /// hexadecimal digits, a `sha512` one 128. Anything else (`nginx@sha256:`, `nginx@sha256:abc`,
    /// `nginx:`, an uppercase repository, an unexpanded `${IMAGE}`) is reported with what is
    /// wrong, and the image rules (`image-without-digest`, `mutable-image-tag`,
    /// `image-pull-policy`) leave it to this rule: such an image is pinned to nothing.
    ///
    /// ## Why is this bad?
    /// The API server accepts any non-empty text as an image, but the kubelet cannot pull a
    /// malformed reference: the pods stay in `InvalidImageName` and the rollout never comes up.
    /// A truncated digest (`@sha256:` with the hash lost by a templating step) looks pinned to a
    /// reviewer while it pins nothing.
    ///
    /// ## How to fix
    /// Write the full reference, with the digest the registry reports (`crane digest`,
    /// `docker buildx imagetools inspect`), or render the template before scanning.
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - name: app
    ///     image: "nginx:1.27@sha256:"   # flagged: the digest is empty
    /// ```
    pub struct MalformedImageReference {
        code: "POD027",
        name: "malformed-image-reference",
        group: Pod,
        severity: Medium,
        guide: ["G4.5"],
        references: [],
    }
}

impl Rule for MalformedImageReference {
    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for c in w.containers() {
            // A missing or non-string image is the API server's to refuse (`invalid-pod-template`).
            let Some(image) = c.node.get("image").and_then(Node::as_str).filter(|i| !i.is_empty()) else {
                continue;
            };
            let Err(why) = ImageRef::check(image) else { continue };
            cx.report(
                self,
                w.object,
                c.path.clone().key("image"),
                crate::msg!(
                    "rule-pod027-message",
                    container = c.describe_msg(),
                    image = image,
                    why = why.msg()
                ),
            )
            .help(crate::msg!("rule-pod027-help"));
        }
    }
}
