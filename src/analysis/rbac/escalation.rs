//! Privilege-escalation primitives: permissions that let a subject gain more than it was given
//! (bind, escalate, impersonate, token theft, node proxy, …), each with the preconditions the API
//! server enforces, and the chain that explains a finding: subject → binding → role → rule →
//! what it yields.

use super::authz::{Names, Request};
use super::identity::{Identity, Subject};
use super::query::is_namespaced;
use super::{BindingId, Graph, RuleRef, Scope};
use crate::i18n::{Arg, Msg};

/// One way to escalate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Primitive {
    /// `*` verbs on `*` resources in `*` groups, cluster-wide.
    ClusterAdmin,
    Escalate,
    Bind,
    Impersonate,
    BindingWrite,
    PodCreate,
    PodExec,
    NodeProxy,
    /// Read Secrets in every namespace.
    SecretsRead,
    TokenCreate,
    CsrApprove,
    WebhookWrite,
}

/// Requests that exercise a primitive: any verb on any resource of the list.
struct Probe {
    verbs: &'static [&'static str],
    group: &'static str,
    resources: &'static [(&'static str, Option<&'static str>)],
    /// What must also be allowed, in the same scope, for the permission to yield anything.
    needs: Option<&'static Probe>,
}

const WRITE: &[&str] = &["create", "update", "patch"];

static WRITE_ROLES: Probe = Probe {
    verbs: &["create", "update", "patch"],
    group: "rbac.authorization.k8s.io",
    resources: &[("roles", None), ("clusterroles", None)],
    needs: None,
};
static WRITE_BINDINGS: Probe = Probe {
    verbs: WRITE,
    group: "rbac.authorization.k8s.io",
    resources: &[("rolebindings", None), ("clusterrolebindings", None)],
    needs: None,
};
static APPROVE_SIGNERS: Probe =
    Probe { verbs: &["approve"], group: "certificates.k8s.io", resources: &[("signers", None)], needs: None };
static SIGN_SIGNERS: Probe =
    Probe { verbs: &["sign"], group: "certificates.k8s.io", resources: &[("signers", None)], needs: None };

static ESCALATE: &[Probe] = &[Probe {
    verbs: &["escalate"],
    group: "rbac.authorization.k8s.io",
    resources: &[("roles", None), ("clusterroles", None)],
    needs: Some(&WRITE_ROLES),
}];
static BIND: &[Probe] = &[Probe {
    verbs: &["bind"],
    group: "rbac.authorization.k8s.io",
    resources: &[("roles", None), ("clusterroles", None)],
    needs: Some(&WRITE_BINDINGS),
}];
static IMPERSONATE: &[Probe] = &[
    Probe {
        verbs: &["impersonate"],
        group: "",
        resources: &[("users", None), ("groups", None)],
        needs: None,
    },
    Probe { verbs: &["impersonate"], group: "", resources: &[("serviceaccounts", None)], needs: None },
];
static BINDING_WRITE: &[Probe] = &[Probe {
    verbs: WRITE,
    group: "rbac.authorization.k8s.io",
    resources: &[("rolebindings", None), ("clusterrolebindings", None)],
    needs: None,
}];
static POD_CREATE: &[Probe] = &[
    Probe { verbs: &["create"], group: "", resources: &[("pods", None)], needs: None },
    Probe { verbs: WRITE, group: "", resources: &[("replicationcontrollers", None)], needs: None },
    Probe {
        verbs: WRITE,
        group: "apps",
        resources: &[
            ("deployments", None),
            ("replicasets", None),
            ("statefulsets", None),
            ("daemonsets", None),
        ],
        needs: None,
    },
    Probe { verbs: WRITE, group: "batch", resources: &[("jobs", None), ("cronjobs", None)], needs: None },
];
// `get` counts: exec, attach and port-forward upgrade to a stream with a GET request. Port-forward
// is its own probe: it reaches ports, it does not run commands.
static POD_EXEC: &[Probe] = &[
    Probe {
        verbs: &["create", "get"],
        group: "",
        resources: &[("pods", Some("exec")), ("pods", Some("attach"))],
        needs: None,
    },
    Probe { verbs: &["create", "get"], group: "", resources: &[("pods", Some("portforward"))], needs: None },
];
static NODE_PROXY: &[Probe] = &[Probe {
    verbs: &["get", "create", "update", "patch", "delete"],
    group: "",
    resources: &[("nodes", Some("proxy"))],
    needs: None,
}];
static SECRETS_READ: &[Probe] =
    &[Probe { verbs: &["get", "list", "watch"], group: "", resources: &[("secrets", None)], needs: None }];
static TOKEN_CREATE: &[Probe] =
    &[Probe { verbs: &["create"], group: "", resources: &[("serviceaccounts", Some("token"))], needs: None }];
static CSR_APPROVE: &[Probe] = &[
    Probe {
        verbs: &["update", "patch"],
        group: "certificates.k8s.io",
        resources: &[("certificatesigningrequests", Some("approval"))],
        needs: Some(&APPROVE_SIGNERS),
    },
    Probe {
        verbs: &["update", "patch"],
        group: "certificates.k8s.io",
        resources: &[("certificatesigningrequests", Some("status"))],
        needs: Some(&SIGN_SIGNERS),
    },
];
static WEBHOOK_WRITE: &[Probe] = &[Probe {
    verbs: &["create", "update", "patch", "delete"],
    group: "admissionregistration.k8s.io",
    resources: &[("mutatingwebhookconfigurations", None), ("validatingwebhookconfigurations", None)],
    needs: None,
}];

impl Primitive {
    /// The primitives that make a ServiceAccount "more privileged" than a subject, and that make
    /// a workload's token dangerous.
    pub const DANGEROUS: [Primitive; 9] = [
        Self::ClusterAdmin,
        Self::Escalate,
        Self::Bind,
        Self::Impersonate,
        Self::SecretsRead,
        Self::NodeProxy,
        Self::TokenCreate,
        Self::CsrApprove,
        Self::WebhookWrite,
    ];

    fn probes(self) -> &'static [Probe] {
        match self {
            Self::ClusterAdmin => &[],
            Self::Escalate => ESCALATE,
            Self::Bind => BIND,
            Self::Impersonate => IMPERSONATE,
            Self::BindingWrite => BINDING_WRITE,
            Self::PodCreate => POD_CREATE,
            Self::PodExec => POD_EXEC,
            Self::NodeProxy => NODE_PROXY,
            Self::SecretsRead => SECRETS_READ,
            Self::TokenCreate => TOKEN_CREATE,
            Self::CsrApprove => CSR_APPROVE,
            Self::WebhookWrite => WEBHOOK_WRITE,
        }
    }

    /// Only a cluster-wide grant counts (reading secrets in one namespace is ordinary).
    fn cluster_only(self) -> bool {
        matches!(self, Self::ClusterAdmin | Self::SecretsRead)
    }

    /// The key of its messages (`rbac-action-<key>`, `rbac-act-<key>`, `rbac-yields-<key>` in
    /// `messages.ftl`).
    fn key(self) -> &'static str {
        match self {
            Self::ClusterAdmin => "cluster-admin",
            Self::Escalate => "escalate",
            Self::Bind => "bind",
            Self::Impersonate => "impersonate",
            Self::BindingWrite => "binding-write",
            Self::PodCreate => "pod-create",
            Self::PodExec => "pod-exec",
            Self::NodeProxy => "node-proxy",
            Self::SecretsRead => "secrets-read",
            Self::TokenCreate => "token-create",
            Self::CsrApprove => "csr-approve",
            Self::WebhookWrite => "webhook-write",
        }
    }

    /// What the subject can do, for messages: `can bind roles`.
    #[must_use]
    pub fn action(self) -> Msg {
        Msg::new(format!("rbac-action-{}", self.key()))
    }

    /// The action without "can", after "cannot": `bind roles`.
    #[must_use]
    pub fn act(self) -> Msg {
        Msg::new(format!("rbac-act-{}", self.key()))
    }

    /// What holding it yields, for the chain.
    #[must_use]
    pub fn yields(self) -> Msg {
        Msg::new(format!("rbac-yields-{}", self.key()))
    }
}

/// Where a primitive is granted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub primitive: Primitive,
    pub binding: BindingId,
    pub rule: RuleRef,
    pub scope: Scope,
    /// The request the rule allows (`bind clusterroles.rbac.authorization.k8s.io`); `None` for a
    /// full-wildcard rule, which allows every verb on every resource.
    pub request: Option<String>,
    /// Whether a restriction to `resourceNames` limits it to some objects.
    pub named_only: bool,
    /// The unmet precondition, when the permission yields nothing by itself.
    pub missing: Option<Msg>,
    /// The objects the met precondition is limited to by `resourceNames` (the signers a CSR
    /// approver may `approve`); empty when it is not limited or not checked.
    pub needs_names: Vec<String>,
    /// Which probe of the primitive matched.
    probe: usize,
}

impl Hit {
    /// What the subject can do with the permission found, for messages: the primitive's
    /// action, narrowed to the probe that matched where the probes differ (approving and
    /// signing certificate requests take different permissions).
    #[must_use]
    pub fn action(&self) -> Msg {
        match self.csr_half() {
            Some(half) if !self.needs_names.is_empty() => crate::msg!(
                format!("rbac-action-csr-{half}-signers"),
                count = self.needs_names.len(),
                signers = self.needs_names.join(", ")
            ),
            Some(half) => Msg::new(format!("rbac-action-csr-{half}")),
            None if self.port_forward_only() => Msg::new("rbac-action-pod-portforward"),
            None if self.primitive == Primitive::SecretsRead && self.named_only => {
                Msg::new("rbac-action-secrets-read-named")
            }
            None => self.primitive.action(),
        }
    }

    /// [`Hit::action`] without "can", after "cannot".
    #[must_use]
    pub fn act(&self) -> Msg {
        match self.csr_half() {
            Some(half) => Msg::new(format!("rbac-act-csr-{half}")),
            None if self.port_forward_only() => Msg::new("rbac-act-pod-portforward"),
            None => self.primitive.act(),
        }
    }

    /// Whether a pod-exec hit is the port-forward probe: the rule allows `pods/portforward` but
    /// not `pods/exec` or `pods/attach`.
    fn port_forward_only(&self) -> bool {
        self.primitive == Primitive::PodExec && self.probe == 1
    }

    /// Which half of certificate issuing a CSR hit is: `approval` or `signing`.
    fn csr_half(&self) -> Option<&'static str> {
        match (self.primitive, self.probe) {
            (Primitive::CsrApprove, 0) => Some("approval"),
            (Primitive::CsrApprove, _) => Some("signing"),
            _ => None,
        }
    }

    /// The request the rule allows, for messages: the request itself, or every verb on every
    /// resource (`* on *`) for a full-wildcard rule.
    #[must_use]
    pub fn request_arg(&self) -> Arg {
        match &self.request {
            Some(request) => request.into(),
            None => crate::msg!("rbac-request-any").into(),
        }
    }

    /// Whether the request found is about ServiceAccounts (impersonating them).
    #[must_use]
    pub fn is_about_service_accounts(&self) -> bool {
        self.request.as_deref().is_some_and(|r| r.contains("serviceaccounts"))
    }

    /// A hit found by a caller's own search (e.g. a full-wildcard rule).
    #[must_use]
    pub fn new(primitive: Primitive, binding: BindingId, rule: RuleRef, scope: Scope) -> Self {
        Self {
            primitive,
            binding,
            rule,
            scope,
            request: None,
            named_only: false,
            missing: None,
            needs_names: Vec::new(),
            probe: 0,
        }
    }
}

impl Graph {
    /// The first rule of a binding's role granting the primitive within the binding's scope
    /// (preconditions not checked; see [`Graph::check_preconditions`]); one limited by
    /// `resourceNames` only when no rule grants it whole.
    #[must_use]
    pub fn binding_hit(&self, binding: BindingId, p: Primitive) -> Option<Hit> {
        let b = self.binding(binding);
        let scope = Graph::scope_of(b);
        if p.cluster_only() && scope != Scope::Cluster {
            return None;
        }
        let role = self.role_of(b)?;
        let mut named = None;
        for hit in role.effective.iter().filter_map(|&r| self.rule_hit(binding, r, p, &scope)) {
            if !hit.named_only {
                return Some(hit);
            }
            named.get_or_insert(hit);
        }
        named
    }

    /// The hit of one rule of a binding's role, if it grants the primitive.
    fn rule_hit(&self, binding: BindingId, r: RuleRef, p: Primitive, scope: &Scope) -> Option<Hit> {
        let rule = self.rule(r);
        if p == Primitive::ClusterAdmin {
            return rule.is_full_wildcard().then(|| Hit::new(p, binding, r, scope.clone()));
        }
        p.probes().iter().enumerate().find_map(|(index, probe)| {
            let req = probe_request(probe, scope, |req| rule.allows(req, Names::AnyObject))?;
            Some(Hit {
                primitive: p,
                binding,
                rule: r,
                scope: scope.clone(),
                named_only: !rule.resource_names.is_empty(),
                request: Some(req.to_string()),
                missing: probe.needs.map(describe_probe),
                needs_names: Vec::new(),
                probe: index,
            })
        })
    }

    /// Clears `missing` on a hit when the identity also holds the precondition in a scope that
    /// covers the hit's, and records the objects (signers) `resourceNames` limits it to.
    pub fn check_preconditions(&self, identity: &Identity, hit: &mut Hit) {
        if hit.missing.is_none() {
            return;
        }
        let Some(needs) = hit.primitive.probes().get(hit.probe).and_then(|p| p.needs) else { return };
        // Every rule granting the precondition: any one without `resourceNames` grants it for
        // every object; otherwise the names of all of them are what it is limited to.
        let mut names = std::collections::BTreeSet::new();
        let mut held = false;
        let mut unlimited = false;
        for id in self.bindings_of(identity) {
            let b = self.binding(id);
            let scope = Graph::scope_of(b);
            let covers = scope == Scope::Cluster || scope == hit.scope || hit.scope == Scope::Cluster;
            let Some(role) = self.role_of(b).filter(|_| covers) else { continue };
            for &r in &role.effective {
                let rule = self.rule(r);
                if probe_request(needs, &scope, |req| rule.allows(req, Names::AnyObject)).is_some() {
                    held = true;
                    unlimited |= rule.resource_names.is_empty();
                    names.extend(rule.resource_names.iter().cloned());
                }
            }
        }
        if held {
            hit.missing = None;
            hit.needs_names = if unlimited { Vec::new() } else { names.into_iter().collect() };
        }
    }

    /// The widest grant of a primitive to an identity, through any binding, preconditions
    /// checked: a cluster-wide complete hit, else a namespaced complete one, else one whose
    /// precondition is unmet.
    #[must_use]
    pub fn identity_hit(&self, identity: &Identity, p: Primitive) -> Option<Hit> {
        let mut namespaced = None;
        let mut partial = None;
        for id in self.bindings_of(identity) {
            if let Some(mut hit) = self.binding_hit(id, p) {
                self.check_preconditions(identity, &mut hit);
                match (&hit.missing, &hit.scope) {
                    (None, Scope::Cluster) => return Some(hit),
                    (None, Scope::Namespace(_)) => {
                        namespaced.get_or_insert(hit);
                    }
                    (Some(_), _) => {
                        partial.get_or_insert(hit);
                    }
                }
            }
        }
        namespaced.or(partial)
    }

    /// The primitives an identity holds completely (preconditions met).
    #[must_use]
    pub fn dangerous_hits(&self, identity: &Identity) -> Vec<Hit> {
        Primitive::DANGEROUS
            .iter()
            .filter_map(|p| self.identity_hit(identity, *p).filter(|h| h.missing.is_none()))
            .collect()
    }

    /// `subject → binding → role → rule → what it yields`, for finding notes.
    #[must_use]
    pub fn chain(&self, subject: impl Into<Arg>, hit: &Hit) -> Msg {
        let b = self.binding(hit.binding);
        let role = self.role_of(b).map_or_else(|| "".into(), super::Role::label);
        let from: Arg = self
            .rule_origin_label(b, hit.rule)
            .map_or_else(|| "".into(), |o| crate::msg!("rbac-aggregated-from", origin = o).into());
        let names: Arg = if hit.named_only { crate::msg!("rbac-named-only").into() } else { "".into() };
        let yields = match (hit.primitive, &hit.scope) {
            (Primitive::ClusterAdmin, Scope::Namespace(_)) => crate::msg!("rbac-yields-namespace-admin"),
            (Primitive::Impersonate, _) if hit.is_about_service_accounts() => {
                crate::msg!("rbac-yields-impersonate-accounts")
            }
            (Primitive::PodExec, _) if hit.port_forward_only() => crate::msg!("rbac-yields-pod-portforward"),
            (Primitive::SecretsRead, _) if hit.named_only => crate::msg!("rbac-yields-secrets-read-named"),
            (p, _) => p.yields(),
        };
        crate::msg!(
            "rbac-chain",
            subject = subject,
            binding = b.label(),
            role = role,
            from = from,
            rule = self.rule(hit.rule).describe(),
            request = hit.request_arg(),
            scope = hit.scope.msg(),
            names = names,
            yields = yields,
        )
    }

    /// The chain for a subject named in a binding.
    #[must_use]
    pub fn subject_chain(&self, subject: &Subject, hit: &Hit) -> Msg {
        let b = self.binding(hit.binding);
        let chain = self.chain(subject.to_string(), hit);
        // IAM principals that authenticate into the subject (aws-auth, EKS access entries).
        let principals: Vec<String> = self
            .mappings
            .iter()
            .filter(|m| m.identity().matches(subject, b.namespace.as_deref()))
            .map(|m| format!("{} ({})", m.arn, m.source))
            .collect();
        if principals.is_empty() {
            return chain;
        }
        crate::msg!("rbac-chain-principals", chain = chain, principals = principals.join(", "))
    }
}

/// The first request of a probe the predicate allows, within what a binding scope can grant.
fn probe_request(probe: &Probe, scope: &Scope, allows: impl Fn(&Request) -> bool) -> Option<Request> {
    for (resource, sub) in probe.resources {
        for verb in probe.verbs {
            let req = Request::resource(verb, probe.group, resource, *sub);
            // A RoleBinding cannot grant cluster-scoped resources.
            if matches!(scope, Scope::Namespace(_)) && !is_namespaced(&req) {
                continue;
            }
            if allows(&req) {
                return Some(req);
            }
        }
    }
    None
}

/// What a probe asks for, for messages: `create/update/patch on roles.rbac.authorization.k8s.io
/// or clusterroles.rbac.authorization.k8s.io`.
fn describe_probe(probe: &Probe) -> Msg {
    let mut resources: Vec<String> = probe
        .resources
        .iter()
        .map(|(r, s)| {
            let g = if probe.group.is_empty() { String::new() } else { format!(".{}", probe.group) };
            match s {
                Some(s) => format!("{r}{g}/{s}"),
                None => format!("{r}{g}"),
            }
        })
        .collect();
    let last = resources.pop().unwrap_or_default();
    crate::msg!(
        "rbac-probe",
        verbs = probe.verbs.join("/"),
        count = resources.len() + 1,
        first = resources.join(", "),
        last = last,
    )
}
