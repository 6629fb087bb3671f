//! Pod Security Standards evaluation with the semantics of the upstream admission controller:
//! every check with its versioned variants, the baseline checks restricted replaces, and the
//! forbidden reasons worded as the API server words them. Pure: an object in, a verdict out, so
//! the scan, the `pss` command and an admission webhook share it.

mod checks;
mod message;
pub mod namespace;
mod pod;
mod policy;

pub use checks::{Cause, CheckId, Site, Violation};
pub use namespace::{MODES, NamespacePolicy, PSS_LABEL_PREFIX};
pub use pod::InvalidField;
pub use policy::{Level, NEWEST, Policy, Version, parse_release, release_newer_than_known};

use crate::model::{Object, Workload};

/// The verdict on one pod (or pod template) under one policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub policy: Policy,
    /// Forbidden results, in evaluation order.
    pub violations: Vec<Violation>,
    /// Fields with a type the API server refuses; when any, no check was run.
    pub invalid: Vec<InvalidField>,
}

impl Evaluation {
    #[must_use]
    pub fn allowed(&self) -> bool {
        self.violations.is_empty() && self.invalid.is_empty()
    }

    /// One line per problem: `reason (detail)` for each violation, or the invalid fields.
    #[must_use]
    pub fn reasons(&self) -> Vec<String> {
        if self.invalid.is_empty() {
            self.violations.iter().map(Violation::full).collect()
        } else {
            self.invalid.iter().map(|e| format!("invalid object: {e}")).collect()
        }
    }

    /// The full form the API server puts after `violates PodSecurity "<policy>": `.
    #[must_use]
    pub fn message(&self) -> String {
        self.reasons().join(", ")
    }

    /// The short form (reasons without details) used when dry-running a namespace's pods.
    #[must_use]
    pub fn short_message(&self) -> String {
        if self.invalid.is_empty() {
            let reason =
                |v: &Violation| if v.reason.is_empty() { "unknown forbidden reason" } else { v.reason };
            self.violations.iter().map(reason).collect::<Vec<_>>().join(", ")
        } else {
            self.message()
        }
    }

    /// The denial of a Pod under enforce: `pods "<name>" is forbidden: violates PodSecurity …`
    /// (the name part is dropped when the request carries none). `None` when allowed.
    #[must_use]
    pub fn forbidden_message(&self, name: Option<&str>) -> Option<String> {
        if self.allowed() {
            return None;
        }
        let pods = name.map_or_else(|| "pods".to_string(), |n| format!("pods \"{n}\""));
        Some(format!("{pods} is forbidden: violates PodSecurity \"{}\": {}", self.policy, self.message()))
    }

    /// The warning (or audit annotation) for a policy the pod breaks: `would violate PodSecurity …`.
    #[must_use]
    pub fn warning(&self) -> Option<String> {
        (!self.allowed())
            .then(|| format!("would violate PodSecurity \"{}\": {}", self.policy, self.message()))
    }
}

/// The fields of a workload's pod that the evaluator refuses for their type (see
/// [`Evaluation::invalid`]), without running any check.
#[must_use]
pub fn invalid_fields(workload: &Workload<'_>) -> Vec<InvalidField> {
    pod::read(workload).1
}

/// Evaluates a pod-bearing workload. Pod controllers are judged by their pod template.
#[must_use]
pub fn evaluate(workload: &Workload<'_>, policy: Policy) -> Evaluation {
    evaluate_on(workload, policy, None)
}

/// Evaluates a workload as the API server of Kubernetes `1.<release>` would (see
/// [`Version::effective_on`]); `None` is the newest evaluator.
#[must_use]
pub fn evaluate_on(workload: &Workload<'_>, policy: Policy, release: Option<u32>) -> Evaluation {
    let (pod, invalid) = pod::read(workload);
    let violations = if invalid.is_empty() {
        checks::active(policy.level, policy.version.effective_on(release))
            .filter_map(|(id, variant)| checks::run(id, variant, &pod))
            .collect()
    } else {
        Vec::new()
    };
    Evaluation { policy, violations, invalid }
}

/// Evaluates any object: `None` when its kind carries no pods. A controller without a pod
/// template is allowed, as upstream allows it.
#[must_use]
pub fn evaluate_object(object: &Object, policy: Policy) -> Option<Evaluation> {
    evaluate_object_on(object, policy, None)
}

/// [`evaluate_object`] on the API server of Kubernetes `1.<release>`.
#[must_use]
pub fn evaluate_object_on(object: &Object, policy: Policy, release: Option<u32>) -> Option<Evaluation> {
    if !Workload::is_pod_bearing(object) {
        return None;
    }
    Some(match Workload::of(object) {
        Some(w) => evaluate_on(&w, policy, release),
        None => Evaluation { policy, violations: Vec::new(), invalid: template_path_errors(object) },
    })
}

/// Why a controller has no pod template: nothing when a field on the way is unset, an error
/// when one is not an object (`spec: 3`).
fn template_path_errors(object: &Object) -> Vec<InvalidField> {
    let keys: &[&str] = if object.kind == "CronJob" {
        &["spec", "jobTemplate", "spec", "template"]
    } else if object.kind == "PodTemplate" {
        &["template"]
    } else {
        &["spec", "template"]
    };
    let mut node = &object.root;
    let mut path = crate::document::FieldPath::root();
    for key in keys {
        match node.get(key) {
            None => return Vec::new(),
            Some(n) if n.is_null() => return Vec::new(),
            Some(n) if n.as_map().is_none() => {
                return vec![InvalidField {
                    path: path.key(key),
                    expected: "an object",
                    found: pod::found(n),
                }];
            }
            Some(n) => {
                node = n;
                path = path.key(key);
            }
        }
    }
    Vec::new()
}

/// The checks a level runs at the newest version, in evaluation order (restricted without the
/// baseline checks it replaces).
#[must_use]
pub fn checks_of(level: Level) -> Vec<CheckId> {
    checks::active(level, NEWEST).map(|(id, _)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::yaml;

    fn object(text: &str) -> Object {
        let root = yaml::parse(text).documents.remove(0).root;
        Object::from_root(root, None).unwrap().unwrap()
    }

    #[test]
    fn default_pod_under_restricted_latest() {
        let o = object("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n");
        let e = evaluate_object(&o, Policy::default()).unwrap();
        assert_eq!(
            e.message(),
            "allowPrivilegeEscalation != false (container \"c\" must set \
             securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container \"c\" \
             must set securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true (pod or \
             container \"c\" must set securityContext.runAsNonRoot=true), seccompProfile (pod or \
             container \"c\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \
             \"Localhost\")"
        );
        assert_eq!(
            e.short_message(),
            "allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile"
        );
        let v17 = evaluate_object(&o, Policy::new(Level::Restricted, Version::V1(7))).unwrap();
        assert_eq!(
            v17.forbidden_message(Some("p")).unwrap(),
            "pods \"p\" is forbidden: violates PodSecurity \"restricted:v1.7\": runAsNonRoot != true (pod or \
             container \"c\" must set securityContext.runAsNonRoot=true)"
        );
        assert!(
            v17.warning().unwrap().starts_with("would violate PodSecurity \"restricted:v1.7\": runAsNonRoot")
        );
        let baseline = Policy::new(Level::Baseline, Version::Latest);
        let allowed = evaluate_object(&o, baseline).unwrap();
        assert!(
            allowed.allowed() && allowed.forbidden_message(None).is_none() && allowed.warning().is_none()
        );
    }

    #[test]
    fn wrong_types_make_the_object_invalid() {
        let o = object(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      \
             containers:\n      - name: c\n        securityContext:\n          privileged: \"true\"\n",
        );
        let e = evaluate_object(&o, Policy::default()).unwrap();
        assert!(!e.allowed());
        assert_eq!(
            e.reasons(),
            ["invalid object: spec.template.spec.containers[0].securityContext.privileged must be a \
              boolean, found string"]
        );
    }

    #[test]
    fn controllers_without_template_are_allowed() {
        let o = object("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n");
        assert!(evaluate_object(&o, Policy::default()).unwrap().allowed());
        let cm = object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        assert!(evaluate_object(&cm, Policy::default()).is_none());
    }
}
