//! Which rules the webhook runs: one table classifying every rule of the registry. A rule that
//! judges an object by itself (or with its Namespace's labels, which the webhook caches) runs at
//! admission; a rule that needs other objects (the role a binding grants, the NetworkPolicies of
//! a namespace, the LimitRanges, the ServiceAccount) or inputs that are not Kubernetes objects
//! (EKS cluster definitions, the text of files) is scan-only: at admission it would judge
//! without what it needs, so it is left out. `docs/webhook.md` is generated from this table.

use crate::rules::{Group, Rule};

/// What a rule needs to judge an object at admission.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The object alone.
    Object,
    /// The object and its Namespace's labels (from the webhook's Namespace cache).
    Namespace,
    /// Scan only, and why.
    ScanOnly(&'static str),
}

impl Scope {
    /// Whether the webhook runs the rule.
    #[must_use]
    pub fn at_admission(self) -> bool {
        !matches!(self, Self::ScanOnly(_))
    }
}

const ROLE: &str = "the Role or ClusterRole a binding grants, and the bindings of a role";
const POLICIES: &str = "the NetworkPolicies of the namespace";
const CLUSTER: &str = "an EKS cluster definition, not a Kubernetes object";
/// The API server refuses such an object before validating admission: a webhook never sees it
/// (pss-violation still reports the field types the Pod Security evaluator refuses there).
const REFUSED: &str = "an object the API server accepts: it refuses these before they reach admission";

/// Every rule but the audit-log detections, by code (a test checks it names each one).
const TABLE: &[(&str, Scope)] = &[
    ("EKS001", Scope::ScanOnly(CLUSTER)), // secrets-without-customer-key
    ("EKS002", Scope::ScanOnly(CLUSTER)), // public-endpoint-open-to-internet
    ("EKS003", Scope::ScanOnly(CLUSTER)), // public-endpoint
    ("EKS004", Scope::ScanOnly(CLUSTER)), // private-endpoint-disabled
    ("EKS005", Scope::ScanOnly(CLUSTER)), // control-plane-logs-missing
    ("EKS006", Scope::ScanOnly(CLUSTER)), // workload-identity-missing
    ("EKS007", Scope::ScanOnly(CLUSTER)), // nodes-in-public-subnets
    ("EKS008", Scope::ScanOnly(CLUSTER)), // single-zone-node-group
    ("EKS009", Scope::ScanOnly(CLUSTER)), // unencrypted-node-volume
    ("EKS010", Scope::ScanOnly(CLUSTER)), // instance-metadata-exposed
    ("EKS011", Scope::ScanOnly(CLUSTER)), // ssh-open-to-internet
    ("EKS012", Scope::ScanOnly(CLUSTER)), // unsupported-kubernetes-version
    ("EKS013", Scope::ScanOnly(CLUSTER)), // config-map-authentication
    ("EKS014", Scope::ScanOnly(CLUSTER)), // cluster-creator-admin
    ("EKS015", Scope::ScanOnly(CLUSTER)), // broad-cluster-admin
    ("EKS016", Scope::ScanOnly(CLUSTER)), // core-addon-missing
    ("EKS017", Scope::ScanOnly(CLUSTER)), // incompatible-addon-version
    ("EKS018", Scope::ScanOnly(CLUSTER)), // incoherent-scaling
    ("EKS019", Scope::ScanOnly(CLUSTER)), // spot-without-diversity
    ("EKS020", Scope::ScanOnly(CLUSTER)), // cluster-role-missing-policy
    ("EKS021", Scope::ScanOnly(CLUSTER)), // required-tags-missing
    ("EKS022", Scope::ScanOnly(CLUSTER)), // container-insights-missing
    ("EKS023", Scope::ScanOnly(CLUSTER)), // runtime-monitoring-missing
    ("EKS024", Scope::Object),            // unencrypted-storage-class
    ("EKS025", Scope::ScanOnly("the EKS cluster definition and every workload")), // insufficient-pod-capacity
    ("HYG001", Scope::Object),            // default-namespace
    ("HYG002", Scope::Object),            // kube-system-workload
    ("HYG003", Scope::Object),            // missing-recommended-labels
    ("HYG004", Scope::ScanOnly("every object of the input")), // duplicate-object
    ("HYG005", Scope::ScanOnly("the ConfigMaps, Secrets, ServiceAccounts and claims a workload names")), // missing-referenced-object
    (
        "HYG006",
        Scope::ScanOnly(
            "the target version; a version the API server no longer serves never reaches admission",
        ),
    ), // removed-api-version
    ("INP001", Scope::ScanOnly("how a file is written; the API server sends parsed JSON")), // duplicate-key
    ("INP002", Scope::ScanOnly("how a file is written; the API server sends parsed JSON")), // ambiguous-scalar
    ("INP003", Scope::Object),                                                              // invalid-waiver
    ("INP004", Scope::ScanOnly("every rule's findings, scan-only rules included")),         // unused-waiver
    ("INP005", Scope::ScanOnly(REFUSED)),                                                   // wrong-api-group
    ("NET001", Scope::Object),                                                              // exposed-service
    ("NET101", Scope::ScanOnly(POLICIES)), // namespace-without-default-deny-ingress
    ("NET102", Scope::ScanOnly(POLICIES)), // namespace-without-default-deny-egress
    ("NET103", Scope::ScanOnly(POLICIES)), // workload-without-network-policy
    ("NET104", Scope::ScanOnly("the workloads of the namespace")), // network-policy-selects-nothing
    ("NET105", Scope::Object),             // ingress-from-anywhere
    ("NET106", Scope::ScanOnly("every NetworkPolicy and workload of the input")), // reachability-assertion-violated
    ("NET107", Scope::Object),                                                    // invalid-network-policy
    ("NET108", Scope::ScanOnly("the workloads of the namespace")),                // service-selects-nothing
    ("NET109", Scope::ScanOnly("the Services an Ingress or HTTPRoute names")),    // ingress-backend-missing
    ("NET110", Scope::ScanOnly("the workloads a Service selects")), // service-target-port-unknown
    ("NET111", Scope::Object),                                      // service-external-ips
    ("NET112", Scope::Object),                                      // ingress-without-tls
    ("POD001", Scope::Object),                                      // privileged-container
    ("POD002", Scope::Object),                                      // run-as-root
    ("POD003", Scope::Object),                                      // dangerous-capabilities
    ("POD004", Scope::Object),                                      // capabilities-not-dropped
    ("POD005", Scope::Object),                                      // privilege-escalation-allowed
    ("POD006", Scope::Object),                                      // writable-root-filesystem
    ("POD007", Scope::Object),                                      // host-network
    ("POD008", Scope::Object),                                      // host-pid
    ("POD009", Scope::Object),                                      // host-ipc
    ("POD010", Scope::Object),                                      // host-port
    ("POD011", Scope::Object),                                      // host-path-volume
    ("POD012", Scope::ScanOnly("the LimitRanges of the namespace, which give default requests")), // missing-resource-requests
    ("POD013", Scope::ScanOnly("the LimitRanges of the namespace, which give default limits")), // missing-resource-limits
    ("POD014", Scope::Object), // missing-liveness-probe
    ("POD015", Scope::Object), // missing-readiness-probe
    ("POD016", Scope::Object), // mutable-image-tag
    ("POD017", Scope::Object), // image-without-digest
    ("POD018", Scope::Object), // image-pull-policy
    ("POD019", Scope::Object), // default-service-account
    ("POD020", Scope::ScanOnly("the ServiceAccount, which may turn the token off")), // service-account-token-automount
    ("POD021", Scope::Object),                                                       // duplicate-env-var
    ("POD022", Scope::Object),                                                       // writable-host-path
    ("POD023", Scope::Object),                                                       // ssh-port
    ("POD024", Scope::Object),                                                       // host-aliases
    ("POD025", Scope::Object),            // shared-process-namespace
    ("POD026", Scope::Object),            // memory-limit-far-above-request
    ("POD027", Scope::Object),            // malformed-image-reference
    ("POD028", Scope::ScanOnly(REFUSED)), // invalid-pod-template
    ("PSS001", Scope::Namespace),         // pss-violation
    ("PSS002", Scope::Object),            // namespace-without-pss-enforce
    ("PSS003", Scope::Object),            // privileged-pss-namespace
    ("PSS004", Scope::Object),            // invalid-pss-label
    ("PSS005", Scope::Namespace),         // pss-warn-violation
    ("RBAC001", Scope::Object),           // wildcard-rule
    ("RBAC002", Scope::ScanOnly(ROLE)),   // cluster-admin-binding
    ("RBAC003", Scope::Object),           // anonymous-binding
    ("RBAC004", Scope::ScanOnly(ROLE)),   // escalate-verb
    ("RBAC005", Scope::ScanOnly(ROLE)),   // bind-verb
    ("RBAC006", Scope::ScanOnly(ROLE)),   // impersonate-verb
    ("RBAC007", Scope::ScanOnly(ROLE)),   // role-binding-write
    ("RBAC008", Scope::ScanOnly(ROLE)),   // pod-create-token-theft
    ("RBAC009", Scope::ScanOnly(ROLE)),   // pod-exec
    ("RBAC010", Scope::ScanOnly(ROLE)),   // node-proxy
    ("RBAC011", Scope::ScanOnly(ROLE)),   // secrets-read-cluster-wide
    ("RBAC012", Scope::ScanOnly(ROLE)),   // token-create
    ("RBAC013", Scope::ScanOnly(ROLE)),   // csr-approve
    ("RBAC014", Scope::ScanOnly(ROLE)),   // webhook-config-write
    ("RBAC015", Scope::ScanOnly(ROLE)),   // user-create-delete
    ("RBAC016", Scope::ScanOnly(ROLE)),   // kube-system-write
    ("RBAC017", Scope::ScanOnly("the roles bound to the workload's ServiceAccount")), // workload-token-escalation
    ("RBAC018", Scope::Object), // invalid-aggregation-rule
    ("RBAC019", Scope::Object), // default-service-account-automount
    ("RBAC020", Scope::Object), // invalid-role-binding
    ("REL001", Scope::ScanOnly("the PodDisruptionBudgets of the namespace")), // missing-pod-disruption-budget
    ("REL002", Scope::ScanOnly("the HorizontalPodAutoscalers of the namespace")), // single-replica
    ("REL003", Scope::Object),  // selector-mismatch
    ("REL004", Scope::ScanOnly("the object an HorizontalPodAutoscaler targets")), // hpa-target-missing
    ("REL005", Scope::ScanOnly("the workloads of the namespace")), // pdb-selects-nothing
    ("REL006", Scope::Object),  // naked-pod
    ("REL007", Scope::Object),  // probe-port-unknown
    ("REL008", Scope::ScanOnly("the workloads a budget selects, their replicas and autoscalers")), // pdb-blocks-eviction
    ("REL009", Scope::Object), // liveness-same-as-readiness
    ("SEC001", Scope::Object), // hardcoded-secret-in-env
    ("SEC002", Scope::Object), // secret-in-configmap
    ("SEC003", Scope::Object), // secret-in-annotation
    ("SEC004", Scope::ScanOnly("the text of files that hold no Kubernetes object")), // static-aws-key
    ("SEC005", Scope::Object), // secret-in-env-reference
];

/// The admission scope of a rule; `None` for a rule missing from the table (never run at
/// admission, and a test fails).
#[must_use]
pub fn scope(rule: &dyn Rule) -> Option<Scope> {
    let meta = rule.meta();
    if meta.group == Group::Audit {
        return Some(Scope::ScanOnly("Kubernetes audit events (`ladrillo audit-log`)"));
    }
    TABLE.iter().find(|(code, _)| *code == meta.code).map(|(_, s)| *s)
}

/// Whether the webhook runs a rule.
#[must_use]
pub fn at_admission(rule: &dyn Rule) -> bool {
    scope(rule).is_some_and(Scope::at_admission)
}

/// The codes of the table, for the test that each names a rule.
#[must_use]
pub fn table_codes() -> Vec<&'static str> {
    TABLE.iter().map(|(c, _)| *c).collect()
}

/// The rule table of `docs/webhook.md`: every rule `scan` runs, whether the webhook runs it and,
/// for a scan-only rule, what it would need.
#[must_use]
pub fn table_markdown() -> String {
    let mut out = String::from("| code | rule | at admission | judged with |\n|---|---|---|---|\n");
    for rule in crate::rules::all().iter().filter(|r| r.meta().group != Group::Audit) {
        let meta = rule.meta();
        let (at, with) = match scope(*rule) {
            Some(Scope::Object) => ("yes", "the object".to_string()),
            Some(Scope::Namespace) => ("yes", "the object and its Namespace's labels".to_string()),
            Some(Scope::ScanOnly(needs)) => ("scan only", format!("needs {needs}")),
            None => ("no", "not classified".to_string()),
        };
        out.push_str(&format!("| {} | `{}` | {at} | {with} |\n", meta.code, meta.name));
    }
    out
}
