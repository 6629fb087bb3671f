//! The RBAC authorizer's matching, rule by rule: verbs, API groups, resources with
//! subresources (`pods/exec`, `*/scale`), resource names and non-resource URLs (`/apis/*`).
//! It mirrors the API server: `pods` does not cover `pods/exec`, a rule with `resourceNames`
//! never matches a request without a name (list, watch, create), and `*` covers everything.

use std::fmt;

use serde::Serialize;

/// One entry of a Role's `rules`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PolicyRule {
    pub verbs: Vec<String>,
    #[serde(rename = "apiGroups", skip_serializing_if = "Vec::is_empty")]
    pub api_groups: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
    #[serde(rename = "resourceNames", skip_serializing_if = "Vec::is_empty")]
    pub resource_names: Vec<String>,
    #[serde(rename = "nonResourceURLs", skip_serializing_if = "Vec::is_empty")]
    pub non_resource_urls: Vec<String>,
}

/// What is being asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Resource {
        group: String,
        resource: String,
        subresource: Option<String>,
        /// The object name; `None` for list, watch, deletecollection and create without a name.
        name: Option<String>,
    },
    /// A non-resource URL path such as `/metrics`.
    NonResource(String),
}

/// A request to authorize: a verb on a target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub verb: String,
    pub target: Target,
}

/// How `resourceNames` are treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Names {
    /// Exactly as the authorizer does for this request.
    Exact,
    /// A rule restricted to some names also counts (the subject can do it to *some* object).
    AnyObject,
}

impl Request {
    #[must_use]
    pub fn resource(verb: &str, group: &str, resource: &str, subresource: Option<&str>) -> Self {
        Self {
            verb: verb.to_string(),
            target: Target::Resource {
                group: group.to_string(),
                resource: resource.to_string(),
                subresource: subresource.map(str::to_string),
                name: None,
            },
        }
    }
}

impl fmt::Display for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.target {
            Target::NonResource(path) => write!(f, "{} {path}", self.verb),
            Target::Resource { group, resource, subresource, name } => {
                write!(f, "{} {resource}", self.verb)?;
                if !group.is_empty() {
                    write!(f, ".{group}")?;
                }
                if let Some(s) = subresource {
                    write!(f, "/{s}")?;
                }
                if let Some(n) = name {
                    write!(f, " named \"{n}\"")?;
                }
                Ok(())
            }
        }
    }
}

impl PolicyRule {
    /// Whether this rule allows the request.
    #[must_use]
    pub fn allows(&self, request: &Request, names: Names) -> bool {
        if !self.verbs.iter().any(|v| v == "*" || *v == request.verb) {
            return false;
        }
        match &request.target {
            Target::NonResource(path) => self.non_resource_urls.iter().any(|u| url_matches(u, path)),
            Target::Resource { group, resource, subresource, name } => {
                self.api_groups.iter().any(|g| g == "*" || g == group)
                    && self.resource_matches(resource, subresource.as_deref())
                    && (self.resource_names.is_empty()
                        || names == Names::AnyObject
                        || name.as_ref().is_some_and(|n| self.resource_names.contains(n)))
            }
        }
    }

    fn resource_matches(&self, resource: &str, subresource: Option<&str>) -> bool {
        self.resources.iter().any(|r| {
            r == "*"
                || match subresource {
                    None => r == resource,
                    Some(sub) => {
                        r.split_once('/').is_some_and(|(rr, rs)| rs == sub && (rr == resource || rr == "*"))
                    }
                }
        })
    }

    /// Whether the rule has `*` for verbs, API groups and resources: it grants everything.
    #[must_use]
    pub fn is_full_wildcard(&self) -> bool {
        let star = |v: &[String]| v.iter().any(|s| s == "*");
        star(&self.verbs) && star(&self.api_groups) && star(&self.resources) && self.resource_names.is_empty()
    }

    /// The compact form used in explanations:
    /// `verbs=[get] apiGroups=[""] resources=[secrets]`.
    #[must_use]
    pub fn describe(&self) -> String {
        let list = |v: &[String]| {
            let items: Vec<String> =
                v.iter().map(|s| if s.is_empty() { "\"\"".to_string() } else { s.clone() }).collect();
            format!("[{}]", items.join(", "))
        };
        let mut out = format!("verbs={}", list(&self.verbs));
        if !self.non_resource_urls.is_empty() {
            out.push_str(&format!(" nonResourceURLs={}", list(&self.non_resource_urls)));
        }
        if !self.api_groups.is_empty() || !self.resources.is_empty() {
            out.push_str(&format!(
                " apiGroups={} resources={}",
                list(&self.api_groups),
                list(&self.resources)
            ));
        }
        if !self.resource_names.is_empty() {
            out.push_str(&format!(" resourceNames={}", list(&self.resource_names)));
        }
        out
    }
}

/// A non-resource URL rule: `*`, an exact path, or a prefix ending in `*`.
fn url_matches(rule: &str, path: &str) -> bool {
    rule == "*" || rule == path || rule.strip_suffix('*').is_some_and(|prefix| path.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(verbs: &[&str], groups: &[&str], resources: &[&str], names: &[&str]) -> PolicyRule {
        let v = |x: &[&str]| x.iter().map(|s| (*s).to_string()).collect();
        PolicyRule {
            verbs: v(verbs),
            api_groups: v(groups),
            resources: v(resources),
            resource_names: v(names),
            non_resource_urls: Vec::new(),
        }
    }

    #[test]
    fn subresources_need_their_own_entry() {
        let pods = rule(&["create"], &[""], &["pods"], &[]);
        assert!(pods.allows(&Request::resource("create", "", "pods", None), Names::Exact));
        assert!(!pods.allows(&Request::resource("create", "", "pods", Some("exec")), Names::Exact));
        let any_exec = rule(&["create"], &[""], &["*/exec"], &[]);
        assert!(any_exec.allows(&Request::resource("create", "", "pods", Some("exec")), Names::Exact));
        assert!(!any_exec.allows(&Request::resource("create", "", "pods", None), Names::Exact));
        let star = rule(&["*"], &["*"], &["*"], &[]);
        assert!(star.allows(&Request::resource("escalate", "x", "y", Some("z")), Names::Exact));
    }

    #[test]
    fn resource_names_need_a_named_request() {
        let r = rule(&["get", "list"], &[""], &["secrets"], &["a"]);
        let mut get_a = Request::resource("get", "", "secrets", None);
        assert!(!r.allows(&get_a, Names::Exact));
        assert!(r.allows(&get_a, Names::AnyObject));
        if let Target::Resource { name, .. } = &mut get_a.target {
            *name = Some("a".into());
        }
        assert!(r.allows(&get_a, Names::Exact));
    }

    #[test]
    fn non_resource_urls_match_prefixes() {
        assert!(url_matches("/apis/*", "/apis/apps/v1"));
        assert!(url_matches("/healthz", "/healthz"));
        assert!(!url_matches("/healthz", "/healthz/etcd"));
        assert!(url_matches("*", "/anything"));
    }
}
