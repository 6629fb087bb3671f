//! Who a request comes from: binding subjects, the identity (user name and groups) the
//! authenticator gives a user, a group member or a ServiceAccount, and EKS IAM mappings that turn an
//! IAM role or user into a Kubernetes user name and groups.

use std::fmt;

use serde::Serialize;

use crate::document::{FieldPath, Node, yaml};
use crate::model::ObjectSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum SubjectKind {
    User,
    Group,
    ServiceAccount,
}

/// A binding subject.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Subject {
    pub kind: SubjectKind,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::diagnostic::escape_inline as e;
        match (self.kind, &self.namespace) {
            (SubjectKind::ServiceAccount, Some(ns)) => {
                write!(f, "ServiceAccount {}/{}", e(ns), e(&self.name))
            }
            (kind, _) => write!(f, "{kind:?} {}", e(&self.name)),
        }
    }
}

impl Subject {
    #[must_use]
    pub fn service_account(namespace: &str, name: &str) -> Self {
        Self {
            kind: SubjectKind::ServiceAccount,
            name: name.to_string(),
            namespace: Some(namespace.to_string()),
        }
    }

    /// Users and groups the platform itself uses (`system:*`, EKS's `eks:*`); ServiceAccounts are
    /// never system subjects here, whatever their namespace.
    #[must_use]
    pub fn is_system(&self) -> bool {
        self.kind != SubjectKind::ServiceAccount && is_system_name(&self.name)
    }

    /// Whether this subject means anyone at all, signed in or not.
    #[must_use]
    pub fn is_anonymous(&self) -> bool {
        matches!(
            (self.kind, self.name.as_str()),
            (SubjectKind::User, "system:anonymous") | (SubjectKind::Group, "system:unauthenticated")
        )
    }
}

#[must_use]
pub fn is_system_name(name: &str) -> bool {
    name.starts_with("system:") || name.starts_with("eks:")
}

/// What the authenticator says about a requester: a user name (absent when reasoning about "any
/// member of a group") and groups.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub user: Option<String>,
    pub groups: Vec<String>,
}

impl Identity {
    /// The identity of a subject as the API server authenticates it: ServiceAccounts get
    /// `system:serviceaccounts` and `system:serviceaccounts:<ns>`; every signed-in identity gets
    /// `system:authenticated`; the anonymous user only `system:unauthenticated`.
    #[must_use]
    pub fn of(subject: &Subject) -> Self {
        let mut id = match subject.kind {
            SubjectKind::User => Self { user: Some(subject.name.clone()), groups: Vec::new() },
            SubjectKind::Group => Self { user: None, groups: vec![subject.name.clone()] },
            SubjectKind::ServiceAccount => {
                let ns = subject.namespace.as_deref().unwrap_or("default");
                Self {
                    user: Some(format!("system:serviceaccount:{ns}:{}", subject.name)),
                    groups: vec!["system:serviceaccounts".into(), format!("system:serviceaccounts:{ns}")],
                }
            }
        };
        let anonymous = subject.is_anonymous();
        id.add_group(if anonymous { "system:unauthenticated" } else { "system:authenticated" });
        id
    }

    pub fn add_group(&mut self, group: &str) {
        if !self.groups.iter().any(|g| g == group) {
            self.groups.push(group.to_string());
        }
    }

    /// Whether a binding subject covers this identity; a ServiceAccount subject without a
    /// namespace means the binding's own namespace, as the authorizer reads it.
    #[must_use]
    pub fn matches(&self, subject: &Subject, binding_namespace: Option<&str>) -> bool {
        match subject.kind {
            SubjectKind::User => self.user.as_deref() == Some(subject.name.as_str()),
            SubjectKind::Group => self.groups.contains(&subject.name),
            SubjectKind::ServiceAccount => {
                let Some(ns) = subject.namespace.as_deref().filter(|n| !n.is_empty()).or(binding_namespace)
                else {
                    return false;
                };
                // `system:serviceaccount:<ns>:<name>`, compared without building the string.
                self.user
                    .as_deref()
                    .and_then(|u| u.strip_prefix("system:serviceaccount:"))
                    .and_then(|rest| rest.strip_prefix(ns))
                    .and_then(|rest| rest.strip_prefix(':'))
                    == Some(subject.name.as_str())
            }
        }
    }
}

/// Parses `User:alice`, `Group:devs`, `ServiceAccount:ns/name` (also `sa:` and `ns:name`), or an IAM
/// ARN (`arn:aws:iam::…`) resolved through the identity mappings.
pub fn parse_subject(text: &str) -> Result<Subject, String> {
    parse_subject_in(text, crate::i18n::Lang::En)
}

/// [`parse_subject`] with the error in a language.
pub fn parse_subject_in(text: &str, lang: crate::i18n::Lang) -> Result<Subject, String> {
    let (kind, rest) =
        text.split_once(':').ok_or_else(|| crate::t!(lang, "rbac-subject-form", subject = text))?;
    let kind_lc = kind.to_ascii_lowercase();
    let subject = match kind_lc.as_str() {
        "user" => Subject { kind: SubjectKind::User, name: rest.to_string(), namespace: None },
        "group" => Subject { kind: SubjectKind::Group, name: rest.to_string(), namespace: None },
        "serviceaccount" | "sa" => {
            let (ns, name) = rest
                .split_once('/')
                .or_else(|| rest.split_once(':'))
                .ok_or_else(|| crate::t!(lang, "rbac-subject-sa-namespace", subject = text))?;
            Subject::service_account(ns, name)
        }
        _ => {
            return Err(crate::t!(lang, "rbac-subject-kind", kind = kind, subject = text));
        }
    };
    if subject.name.is_empty() {
        return Err(crate::t!(lang, "rbac-subject-empty-name", subject = text));
    }
    if subject.namespace.as_deref() == Some("") {
        return Err(crate::t!(lang, "rbac-subject-empty-namespace", subject = text));
    }
    // `User:system:serviceaccount:ns:name` is the ServiceAccount itself.
    if subject.kind == SubjectKind::User
        && let Some(sa) = subject.name.strip_prefix("system:serviceaccount:")
        && let Some((ns, name)) = sa.split_once(':')
    {
        return Ok(Subject::service_account(ns, name));
    }
    Ok(subject)
}

/// Whether an IAM mapping names a role or a user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum IamKind {
    #[serde(rename = "IAMRole")]
    Role,
    #[serde(rename = "IAMUser")]
    User,
}

/// An IAM principal mapped to a Kubernetes user name and groups (aws-auth, access entries).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IdentityMapping {
    pub arn: String,
    pub kind: IamKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    pub groups: Vec<String>,
    /// Where the mapping comes from, for explanations (`ConfigMap kube-system/aws-auth mapRoles[0]`).
    pub source: String,
    /// The aws-auth object and field, when the mapping comes from the object set.
    #[serde(skip)]
    pub object: Option<(usize, FieldPath)>,
    /// EKS access policies of an access entry, as the default ClusterRole each is equivalent to
    /// and the namespaces it is limited to (`None`: cluster-wide).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub access_policies: Vec<(String, Option<Vec<String>>)>,
}

impl IdentityMapping {
    /// The identity EKS gives the principal. Templated user names (`{{SessionName}}`) stay as
    /// written: they only ever match bindings that name them literally.
    #[must_use]
    pub fn identity(&self) -> Identity {
        let mut id = Identity {
            user: Some(self.username.clone().unwrap_or_else(|| self.arn.clone())),
            groups: self.groups.clone(),
        };
        id.add_group("system:authenticated");
        id
    }

    #[must_use]
    pub fn label(&self) -> String {
        match self.kind {
            IamKind::Role => format!("IAM role {}", self.arn),
            IamKind::User => format!("IAM user {}", self.arn),
        }
    }
}

/// Reads `kube-system/aws-auth` ConfigMaps: `mapRoles` and `mapUsers` hold YAML lists as strings.
/// Entries that cannot be read are skipped (the EKS rules report malformed aws-auth data).
#[must_use]
pub fn aws_auth_mappings(set: &ObjectSet) -> Vec<IdentityMapping> {
    let mut out = Vec::new();
    for object in set.of_kind("", "ConfigMap") {
        if object.name != "aws-auth" || object.effective_namespace() != Some("kube-system") {
            continue;
        }
        for (field, arn_key, kind) in
            [("mapRoles", "rolearn", IamKind::Role), ("mapUsers", "userarn", IamKind::User)]
        {
            let Some(text) = object.root.at(&["data", field]).and_then(Node::as_str) else { continue };
            let stream = yaml::parse(text);
            let Some(doc) = stream.documents.first() else { continue };
            for (i, entry) in doc.root.items().enumerate() {
                let Some(arn) = entry.get(arn_key).and_then(Node::as_str) else { continue };
                let groups = entry
                    .get("groups")
                    .into_iter()
                    .flat_map(Node::items)
                    .filter_map(Node::as_str)
                    .map(str::to_string)
                    .collect();
                out.push(IdentityMapping {
                    access_policies: Vec::new(),
                    arn: arn.to_string(),
                    kind,
                    username: entry.get("username").and_then(Node::as_str).map(str::to_string),
                    groups,
                    source: format!("ConfigMap kube-system/aws-auth {field}[{i}]"),
                    object: Some((object.index, FieldPath::root().keys(&["data", field]))),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_parse() {
        assert_eq!(
            parse_subject("ServiceAccount:ci/deployer").unwrap(),
            Subject::service_account("ci", "deployer")
        );
        assert_eq!(
            parse_subject("User:system:serviceaccount:a:b").unwrap(),
            Subject::service_account("a", "b")
        );
        assert_eq!(parse_subject("Group:system:masters").unwrap().name, "system:masters");
        assert!(parse_subject("alice").is_err());
        assert!(parse_subject("ServiceAccount:nonamespace").is_err());
    }

    #[test]
    fn service_account_identity_has_its_groups() {
        let id = Identity::of(&Subject::service_account("ci", "x"));
        assert_eq!(id.user.as_deref(), Some("system:serviceaccount:ci:x"));
        assert!(id.groups.contains(&"system:serviceaccounts:ci".to_string()));
        assert!(id.matches(
            &Subject { kind: SubjectKind::ServiceAccount, name: "x".into(), namespace: None },
            Some("ci")
        ));
        assert!(!id.matches(
            &Subject { kind: SubjectKind::ServiceAccount, name: "x".into(), namespace: None },
            None
        ));
    }
}
