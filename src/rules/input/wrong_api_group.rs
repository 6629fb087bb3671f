use crate::document::FieldPath;
use crate::model::{Object, kinds};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags objects of a built-in kind written in an API group that does not serve that kind.
    ///
    /// `apiVersion: v1` with `kind: Deployment`, `apps/v1` with `kind: Pod`, `batch/v1` with
    /// `kind: Deployment`: the API server serves each built-in kind in its own group only and
    /// rejects the object. Only the groups the API server serves are read (the core group, every
    /// group without a dot, which no custom resource can have, and the `*.k8s.io` groups of
    /// `kube-apiserver`): a `Deployment` of `example.com/v1` may be a custom resource and is
    /// left alone. A version the group once served for the kind (`extensions/v1beta1`
    /// Deployment) is `removed-api-version`'s to report.
    ///
    /// ## Why is this bad?
    /// `kubectl apply` fails with `no matches for kind "Deployment" in version "v1"`, and
    /// ladrillo cannot audit the object as its kind either: the privileged container of such a
    /// Deployment would otherwise go unreported, and the scan would read as clean.
    ///
    /// ## How to fix
    /// Write the `apiVersion` the finding names (`apps/v1` for a Deployment).
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1          # flagged: Deployment is served by apps/v1
    /// kind: Deployment
    /// ```
    pub struct WrongApiGroup {
        code: "INP005",
        name: "wrong-api-group",
        group: Input,
        severity: High,
        guide: [],
        references: [],
    }
}

impl Rule for WrongApiGroup {
    fn check_object(&self, cx: &mut Context<'_>, object: &Object) {
        let Some(builtin) = kinds::unserved(&object.api_version, &object.kind) else { return };
        cx.report(
            self,
            object,
            FieldPath::root().key("apiVersion"),
            crate::msg!(
                "rule-inp005-message",
                kind = &object.kind,
                name = &object.name,
                version = &object.api_version
            ),
        )
        .help(crate::msg!("rule-inp005-help", version = builtin.api_version))
        .note(crate::msg!("rule-inp005-note", kind = builtin.kind, served = builtin.api_version));
    }
}
