use crate::analysis::pss::{self, InvalidField};
use crate::model::schema::{self, FieldError, Problem};
use crate::model::{Object, Workload};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags pod template fields of a type, or required fields missing, that the API server refuses.
    ///
    /// The fields read are the ones ladrillo's rules judge: the template and its spec, the
    /// containers, init containers and ephemeral containers (each needs a `name`; `image`,
    /// `env`, `envFrom`, `ports`, `resources`, `securityContext`, `volumeMounts`, probes and
    /// lifecycle hooks), and the pod's `securityContext`, `volumes`, `serviceAccountName`,
    /// `hostNetwork`, `hostPID`, `hostIPC`, `automountServiceAccountToken` and the like. Each
    /// finding gives the field's path, the type it must have and the one it has (`env` must be a
    /// list, found string), or that it is required (a container, an `env` entry, a volume or a
    /// volume mount without a `name`). Ports are checked as the API server validates them once
    /// their type is right: container ports and probe ports from 1 to 65535, port names as IANA
    /// service names (lowercase, at most 15 characters, at least one letter: a probe's
    /// `port: "8080"` is refused). One finding per field: `pss-violation` leaves the fields
    /// the Pod Security evaluator refuses ("pods cannot be admitted") to this rule when it runs.
    /// A template that is a kustomize patch beside its kustomization is not an object and is not
    /// read.
    ///
    /// ## Why is this bad?
    /// `kubectl apply` fails on such a manifest (or the controller creates no pods), so what
    /// runs is not what the manifest says. Worse, the other rules read a field of the wrong type
    /// as unset: `env: "FOO=bar"` is no variables at all, `resources: "big"` no requests, and
    /// they judge a pod that can never exist; the scan would say nothing of what was meant.
    ///
    /// ## How to fix
    /// Write the field as the Kubernetes API reference gives it: a list of `{name, value}` for
    /// `env`, a mapping of `requests` and `limits` for `resources`, a string for `image`, and a
    /// `name` for every container.
    ///
    /// ## Example
    /// ```yaml
    /// containers:
    ///   - image: nginx:1.27     # flagged: containers[0].name is required
    ///     env: "FOO=bar"        # flagged: env must be a list, found string
    /// ```
    pub struct InvalidPodTemplate {
        code: "POD028",
        name: "invalid-pod-template",
        group: Pod,
        severity: High,
        guide: [],
        references: [],
    }
}

impl Rule for InvalidPodTemplate {
    fn check_object(&self, cx: &mut Context<'_>, object: &Object) {
        // A controller whose template path holds something else than a mapping (`spec: 3`)
        // has no workload view: the Pod Security evaluator says which field is wrong.
        if Workload::is_pod_bearing(object) && Workload::of(object).is_none() {
            let evaluation = pss::evaluate_object(object, pss::Policy::default());
            for invalid in evaluation.into_iter().flat_map(|e| e.invalid) {
                report(self, cx, object, &from_pss(invalid));
            }
        }
    }

    fn check_workload(&self, cx: &mut Context<'_>, w: &Workload<'_>) {
        for error in errors(w) {
            report(self, cx, w.object, &error);
        }
    }
}

/// The errors of a workload's template: the model's checks and the Pod Security reader's, one
/// per field (the model's when both read it).
#[must_use]
pub fn errors(w: &Workload<'_>) -> Vec<FieldError> {
    let mut errors = schema::pod_template_errors(w);
    for invalid in pss::invalid_fields(w) {
        if !errors.iter().any(|e| e.path == invalid.path) {
            errors.push(from_pss(invalid));
        }
    }
    errors
}

fn from_pss(invalid: InvalidField) -> FieldError {
    FieldError {
        path: invalid.path,
        problem: Problem::Type { expected: invalid.expected, found: invalid.found },
    }
}

fn report(rule: &InvalidPodTemplate, cx: &mut Context<'_>, object: &Object, error: &FieldError) {
    let field = error.path.to_string();
    let (message, help) = match &error.problem {
        Problem::Required => {
            (crate::msg!("rule-pod028-required", field = field), "rule-pod028-help-required")
        }
        Problem::Invalid(why) => {
            (crate::msg!("rule-pod028-invalid", field = field, why = why.clone()), "rule-pod028-help-invalid")
        }
        Problem::Type { expected, found } => {
            let invalid = InvalidField { path: error.path.clone(), expected, found: found.clone() };
            let (expected, found) = crate::rules::pss::pss_violation::invalid_parts(&invalid);
            (
                crate::msg!("rule-pod028-type", field = field, expected = expected, found = found),
                "rule-pod028-help",
            )
        }
    };
    cx.report(rule, object, error.path.clone(), message).help(crate::msg!(help));
}
