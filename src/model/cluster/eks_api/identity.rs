//! Who and what can act in the cluster: the cluster role's policies, the OIDC provider,
//! add-ons, access entries and their policies, Pod Identity associations.

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Node};

use super::super::read::Reader;
use super::super::{
    AccessEntry, AccessPolicy, AccessScope, Addon, Cluster, Field, Place, PodIdentityAssociation,
};
use super::{AccessPolicyKeys, Dialect, Policies, Res, Resources, WHY_ADDON_VERSION, list_field, opt_ref, p};

const WHY_IN_KUBE_SYSTEM: &str = "add-on associations live in kube-system";

/// Managed policies attached to the role a role ARN refers to: the role's own list, and
/// attachment resources naming the role.
pub(crate) fn role_policies<S: Resources>(
    src: &S,
    d: &Dialect,
    role_arn: Option<&Node>,
    at: &Place,
) -> Field<Vec<String>> {
    let k = &d.role;
    let role =
        role_arn.and_then(Node::reference_address).and_then(|a| src.at(a)).filter(|r| r.kind == k.kind);
    let Some(role) = role else {
        return Field::unknown(at.clone(), format!("the role is not defined in this {}", d.container));
    };
    let mut policies = Vec::new();
    for n in role.get(k.managed).into_iter().flat_map(Node::items) {
        match n.as_str().filter(|_| n.is_literal()) {
            Some(s) => policies.push(policy_name(s)),
            None => return Field::unknown(at.clone(), "a managed policy ARN is computed"),
        }
    }
    if let Some((kind, role_key, policy_key, name_key)) = k.attachments {
        let role_name = role.get(name_key).and_then(Node::as_str);
        for a in src.of_type(kind) {
            let to_role = a.get(role_key).is_some_and(|n| {
                n.reference_address().and_then(|r| src.at(r)).is_some_and(|r| r.address == role.address)
                    || n.as_str().is_some_and(|s| Some(s) == role_name)
            });
            if !to_role {
                continue;
            }
            match a.get(policy_key).filter(|n| n.is_literal()).and_then(Node::as_str) {
                Some(s) => policies.push(policy_name(s)),
                None => return Field::unknown(at.clone(), "an attached policy ARN is computed"),
            }
        }
    }
    Field::known(policies, at.clone())
}

/// AWS managed policies by name (`AmazonEKSClusterPolicy`), as eksctl names them; others by ARN.
fn policy_name(arn: &str) -> String {
    arn.strip_prefix("arn:aws:iam::aws:policy/").unwrap_or(arn).to_string()
}

/// Whether an IAM OIDC provider is registered for the cluster's issuer.
pub(crate) fn oidc<S: Resources>(src: &S, d: &Dialect, cluster: &str, at: &Place) -> Field<bool> {
    let k = &d.oidc;
    let providers = src.of_type(k.kind);
    let url = |r: &Res<'_>| r.get(k.url).and_then(Node::reference_address).map(str::to_string);
    // The cluster a reference names is resolved as a node group's is, so one instance of a
    // cluster with `count` or `for_each` (`aws_eks_cluster.this[0]`, `…this["a"]`) is the cluster.
    let issuer = |a: &str| {
        src.at(a).is_some_and(|t| t.address == cluster) && attribute(a, cluster).starts_with(k.issuer)
    };
    if let Some(res) = providers.iter().find(|r| url(r).is_some_and(|a| issuer(&a))) {
        return Field::known(true, res.reader().place(&p(k.url)));
    }
    // A provider for another cluster is not this cluster's, nor one whose literal URL is not an
    // EKS issuer (a CI provider); a computed URL or a literal issuer might be.
    let elsewhere = |r: &Res<'_>| {
        url(r).and_then(|a| src.at(&a)).is_some_and(|t| t.kind == d.cluster.kind)
            || r.get(k.url)
                .filter(|n| n.is_literal())
                .and_then(Node::as_str)
                .is_some_and(|u| !is_eks_issuer(u))
    };
    if providers.iter().all(elsewhere) {
        Field::default(false, at.clone(), k.why_none)
    } else {
        Field::unknown(at.clone(), "an OIDC provider exists whose issuer may be this cluster's")
    }
}

/// The attribute a reference to a resource reads, past the resource's address and an instance
/// index: `identity[0].oidc[0].issuer` of `aws_eks_cluster.this[0].identity[0].oidc[0].issuer`.
pub(super) fn attribute<'a>(reference: &'a str, address: &str) -> &'a str {
    let rest = reference.strip_prefix(address).unwrap_or_default();
    // A `for_each` key is quoted and may hold a `]`.
    let index_end = if rest.starts_with("[\"") { "\"]" } else { "]" };
    let rest = match rest.strip_prefix('[') {
        Some(index) => index.split_once(index_end).map_or("", |(_, after)| after),
        None => rest,
    };
    rest.strip_prefix('.').unwrap_or_default()
}

pub(crate) fn addons_of(
    d: &Dialect,
    c: &Cluster,
    resources: &[Res<'_>],
    errors: &mut Vec<InputError>,
) -> Field<Vec<Addon>> {
    let k = &d.addon;
    let mut out = Vec::new();
    for res in resources {
        let mut r = res.reader();
        out.push(Addon {
            at: r.place(&p(k.name)),
            name: r.string(&p(k.name), None),
            version: r.opt_string(&p(k.version), WHY_ADDON_VERSION),
            service_account_role_arn: opt_ref(&mut r, &p(k.role_arn), d.why_none),
            configuration_values: opt_ref(&mut r, &p(k.configuration), d.why_none),
        });
        errors.append(&mut r.errors);
    }
    // A name not known from the files (`for_each`, a parameter) may be any add-on.
    if let Some(a) = out.iter().find(|a| a.name.is_unknown()) {
        return Field::unknown(a.at.clone(), k.why_unknown_name);
    }
    list_field(c, out, d.why_none)
}

pub(crate) fn access_entries(
    d: &Dialect,
    c: &Cluster,
    entries: &[Res<'_>],
    associations: &[Res<'_>],
    errors: &mut Vec<InputError>,
) -> Field<Vec<AccessEntry>> {
    let k = &d.access_entry;
    // A principal as written, or the address it refers to.
    let principal_of =
        |n: Option<&Node>| n.and_then(|n| n.reference_address().or_else(|| n.as_str())).map(str::to_string);
    let mut out = Vec::new();
    for entry in entries {
        let mut r = entry.reader();
        let mut policies = Vec::new();
        match k.policies {
            Policies::Embedded(list) => {
                for (path, _) in r.list(&p(list)).unwrap_or_default() {
                    policies.push(access_policy(&d.access_policy, &mut r, &path, d.why_none));
                }
            }
            Policies::Separate(_, principal_key) => {
                let principal = principal_of(entry.get(k.principal));
                for a in associations {
                    let theirs = principal_of(a.get(principal_key));
                    let to_entry = a
                        .get(principal_key)
                        .and_then(Node::reference_address)
                        .is_some_and(|r| r.starts_with(&format!("{}.", entry.address)));
                    if theirs.is_some() && (theirs == principal || to_entry) {
                        let mut ar = a.reader();
                        policies.push(access_policy(
                            &d.access_policy,
                            &mut ar,
                            &FieldPath::root(),
                            d.why_none,
                        ));
                        errors.append(&mut ar.errors);
                    }
                }
            }
        }
        out.push(AccessEntry {
            at: r.place(&p(k.principal)),
            principal_arn: r.string(&p(k.principal), None),
            kind: r.string(&p(k.entry_type.0), Some(("STANDARD", k.entry_type.1))),
            username: r.opt_string(&p(k.username), d.why_none),
            groups: r.strings(&p(k.groups), Some((Vec::new(), d.why_none))),
            policies,
        });
        errors.append(&mut r.errors);
    }
    list_field(c, out, d.why_none)
}

/// An access policy at `base`: its ARN and scope.
pub(crate) fn access_policy(
    k: &AccessPolicyKeys,
    r: &mut Reader<'_>,
    base: &FieldPath,
    why_none: &'static str,
) -> AccessPolicy {
    let scope = base.clone().join(&p(k.scope));
    let scope_type = r.string(&scope.clone().key(k.scope_type), None);
    let namespaces = r.strings(&scope.clone().key(k.namespaces), Some((Vec::new(), why_none)));
    let scope = match scope_type.value().map(String::as_str) {
        Some("cluster") => scope_type.map(|_| AccessScope::Cluster),
        Some("namespace") => match namespaces.value() {
            Some(ns) => scope_type.map(|_| AccessScope::Namespaces(ns.clone())),
            None => Field::unknown(namespaces.at().clone(), "namespaces are computed"),
        },
        _ => Field::unknown(scope_type.at().clone(), "unrecognised access scope"),
    };
    AccessPolicy { at: r.place(base), policy_arn: r.string(&base.clone().join(&p(k.arn)), None), scope }
}

pub(crate) fn pod_identities(
    d: &Dialect,
    c: &Cluster,
    resources: &[Res<'_>],
    addons: &[Res<'_>],
    errors: &mut Vec<InputError>,
) -> Field<Vec<PodIdentityAssociation>> {
    let k = &d.pod_identity;
    let mut out = Vec::new();
    for res in resources {
        let mut r = res.reader();
        out.push(PodIdentityAssociation {
            at: r.place(&p(k.service_account)),
            namespace: r.string(&p(k.namespace), None),
            service_account: r.string(&p(k.service_account), None),
            role_arn: opt_ref(&mut r, &p(k.role_arn), d.why_none),
        });
        errors.append(&mut r.errors);
    }
    let (list, sa, role) = d.addon.associations;
    for res in addons {
        let mut r = res.reader();
        for (path, _) in r.list(&p(list)).unwrap_or_default() {
            out.push(addon_association(&mut r, &path, sa, role, d.why_none));
        }
        errors.append(&mut r.errors);
    }
    list_field(c, out, d.why_none)
}

/// A Pod Identity association given to an add-on (for its service account in kube-system).
pub(crate) fn addon_association(
    r: &mut Reader<'_>,
    path: &FieldPath,
    service_account: &str,
    role_arn: &str,
    why_none: &'static str,
) -> PodIdentityAssociation {
    PodIdentityAssociation {
        at: r.place(path),
        namespace: Field::default("kube-system".into(), r.place(path), WHY_IN_KUBE_SYSTEM),
        service_account: r.string(&path.clone().key(service_account), None),
        role_arn: opt_ref(r, &path.clone().key(role_arn), why_none),
    }
}

/// Whether a URL can be an EKS cluster's OIDC issuer (`https://oidc.eks.<region>.amazonaws.com/id/…`).
fn is_eks_issuer(url: &str) -> bool {
    let host = url.strip_prefix("https://").unwrap_or(url);
    host.starts_with("oidc.eks.")
}
