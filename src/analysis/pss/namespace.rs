//! The Pod Security policy of a namespace, read from its `pod-security.kubernetes.io/*` labels
//! as the admission controller resolves them: unset labels take the defaults, an invalid enforce
//! level fails closed (restricted), an invalid version means `latest`.

use crate::model::Object;

use super::{Level, Policy, Version};

/// Prefix of the Pod Security Admission labels.
pub const PSS_LABEL_PREFIX: &str = "pod-security.kubernetes.io/";

/// The admission modes, in label order.
pub const MODES: [&str; 3] = ["enforce", "audit", "warn"];

/// One mode's labels as written: `None` when absent, `Err` with the API server's complaint.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModeLabels {
    pub level: Option<Result<Level, String>>,
    pub version: Option<Result<Version, String>>,
}

/// A label under the prefix that the API server would refuse or ignore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelProblem {
    pub key: String,
    /// The label value as text (empty when it is not a string).
    pub value: String,
    pub message: String,
}

/// The Pod Security labels of a Namespace object.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NamespacePolicy {
    pub enforce: ModeLabels,
    pub audit: ModeLabels,
    pub warn: ModeLabels,
    pub problems: Vec<LabelProblem>,
}

impl NamespacePolicy {
    /// Reads the labels of a namespace.
    #[must_use]
    pub fn of(namespace: &Object) -> Self {
        let mut out = Self::default();
        for (key, value) in namespace.labels().into_iter().flat_map(|l| l.entries()) {
            let Some(name) = key.strip_prefix(PSS_LABEL_PREFIX) else { continue };
            let (mode, is_version) = match name.strip_suffix("-version") {
                Some(m) => (m, true),
                None => (name, false),
            };
            let labels = match mode {
                "enforce" => &mut out.enforce,
                "audit" => &mut out.audit,
                "warn" => &mut out.warn,
                _ => {
                    out.problems.push(LabelProblem {
                        key: key.to_string(),
                        value: value.scalar_text().unwrap_or_default(),
                        message: "is not a Pod Security label (the admission controller ignores it)".into(),
                    });
                    continue;
                }
            };
            let text = value.as_str().unwrap_or_default();
            if is_version {
                let parsed = text.parse::<Version>();
                if let Err(e) = &parsed {
                    out.problems.push(LabelProblem {
                        key: key.to_string(),
                        value: text.to_string(),
                        message: e.clone(),
                    });
                }
                labels.version = Some(parsed);
            } else {
                let parsed = text.parse::<Level>();
                if let Err(e) = &parsed {
                    out.problems.push(LabelProblem {
                        key: key.to_string(),
                        value: text.to_string(),
                        message: e.clone(),
                    });
                }
                labels.level = Some(parsed);
            }
        }
        out
    }

    /// Whether an enforce level label is present (valid or not).
    #[must_use]
    pub fn has_enforce(&self) -> bool {
        self.enforce.level.is_some()
    }

    /// The policy pods are admitted with: the enforce labels, with `default` for unset ones;
    /// an invalid level is `restricted` and an invalid version `latest`.
    #[must_use]
    pub fn enforce_policy(&self, default: Policy) -> Policy {
        let level = match &self.enforce.level {
            None => default.level,
            Some(Ok(l)) => *l,
            Some(Err(_)) => Level::Restricted,
        };
        let version = match &self.enforce.version {
            None => default.version,
            Some(Ok(v)) => *v,
            Some(Err(_)) => Version::Latest,
        };
        Policy { level, version }
    }

    /// The policy of the `audit` or `warn` mode when its level label is set and valid; `None`
    /// when the mode is left at the cluster default (privileged on EKS and upstream) or its
    /// level is invalid (read as privileged: audit and warn fail open). An unset or invalid
    /// version is `latest`.
    #[must_use]
    pub fn mode_policy(&self, mode: &str) -> Option<Policy> {
        let labels = match mode {
            "audit" => &self.audit,
            "warn" => &self.warn,
            _ => return None,
        };
        let level = *labels.level.as_ref()?.as_ref().ok()?;
        let version = match &labels.version {
            Some(Ok(v)) => *v,
            _ => Version::Latest,
        };
        (level != Level::Privileged).then_some(Policy { level, version })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::yaml;

    fn ns(labels: &str) -> NamespacePolicy {
        let text = format!("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  labels: {labels}\n");
        let root = yaml::parse(&text).documents.remove(0).root;
        NamespacePolicy::of(&Object::from_root(root, None).unwrap().unwrap())
    }

    #[test]
    fn resolves_enforce_with_defaults_and_fail_closed() {
        let d = Policy::default();
        let p = ns(
            "{pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.29}",
        );
        assert_eq!(p.enforce_policy(d), Policy::new(Level::Baseline, Version::V1(29)));
        let p = ns(
            "{pod-security.kubernetes.io/enforce: strict, pod-security.kubernetes.io/enforce-version: 1.29}",
        );
        assert_eq!(p.enforce_policy(Policy::new(Level::Baseline, Version::V1(20))), Policy::default());
        assert_eq!(p.problems.len(), 2);
        let p = ns("{pod-security.kubernetes.io/enforce-verison: v1.29, team: a}");
        assert!(!p.has_enforce());
        assert_eq!(p.problems.len(), 1);
    }

    #[test]
    fn audit_and_warn_fail_open() {
        let p =
            ns("{pod-security.kubernetes.io/warn: restricted, pod-security.kubernetes.io/audit: strict, \
                    pod-security.kubernetes.io/audit-version: v1.25}");
        assert_eq!(p.mode_policy("warn"), Some(Policy::new(Level::Restricted, Version::Latest)));
        assert_eq!(p.mode_policy("audit"), None);
        let p = ns(
            "{pod-security.kubernetes.io/audit: baseline, pod-security.kubernetes.io/audit-version: v1.25}",
        );
        assert_eq!(p.mode_policy("audit"), Some(Policy::new(Level::Baseline, Version::V1(25))));
        assert_eq!(p.mode_policy("warn"), None);
    }
}
