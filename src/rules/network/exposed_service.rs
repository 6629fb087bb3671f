//! NET001: Services reachable from the internet (internet-facing AWS load balancers open to every
//! address) or on every node's ports (NodePort).

use crate::document::{FieldPath, Node};
use crate::finding::Severity;
use crate::model::Object;
use crate::rules::{Context, Rule};

const SCHEME: &str = "service.beta.kubernetes.io/aws-load-balancer-scheme";
const INTERNAL: &str = "service.beta.kubernetes.io/aws-load-balancer-internal";
const LB_TYPE: &str = "service.beta.kubernetes.io/aws-load-balancer-type";
const SOURCE_RANGES: &str = "service.beta.kubernetes.io/load-balancer-source-ranges";

crate::declare_rule! {
    /// Flags internet-facing load balancers open to every address, and NodePort Services.
    ///
    /// Services of type `LoadBalancer` that get an internet-facing AWS load balancer open to
    /// every address are high; Services of type `NodePort` are medium.
    ///
    /// A load balancer is internet-facing when `service.beta.kubernetes.io/aws-load-balancer-scheme`
    /// is `internet-facing`, or, without that annotation, when the in-tree AWS cloud provider
    /// handles the Service (no `loadBalancerClass`, no `aws-load-balancer-type: external|nlb-ip`)
    /// and `service.beta.kubernetes.io/aws-load-balancer-internal` is not set. Services handled by
    /// the AWS Load Balancer Controller default to `internal`; other load balancer classes and
    /// unknown scheme values are not judged. It is open to every address when neither
    /// `spec.loadBalancerSourceRanges` nor the `load-balancer-source-ranges` annotation restricts
    /// it, or when they include `0.0.0.0/0` or `::/0`.
    ///
    /// ## Why is this bad?
    /// An internet-facing load balancer without source ranges publishes the Service to the whole
    /// internet: scanners find it within minutes, and any weakness of the application is
    /// reachable from anywhere. A NodePort opens the same port on every node, bypassing the load
    /// balancer; it is reachable from wherever the nodes' security groups allow.
    ///
    /// ## How to fix
    /// Make the load balancer internal (`service.beta.kubernetes.io/aws-load-balancer-scheme:
    /// internal`) when only the VPC needs it, or list the client CIDRs in
    /// `spec.loadBalancerSourceRanges`. Publish HTTP services through an Ingress (AWS Load
    /// Balancer Controller) with TLS and a WAF rather than one load balancer per Service. Use
    /// `ClusterIP` instead of `NodePort`.
    ///
    /// ## Example
    /// ```yaml
    /// kind: Service
    /// spec:
    ///   type: LoadBalancer   # flagged: internet-facing, no loadBalancerSourceRanges
    ///   ports: [{port: 443}]
    /// ```
    pub struct ExposedService {
        code: "NET001",
        name: "exposed-service",
        group: Network,
        severity: High,
        also_severity: [Medium],
        guide: ["G5.4", "G7.1"],
        references: ["kube-linter:exposed-services"],
    }
}

impl Rule for ExposedService {
    fn check_object(&self, cx: &mut Context<'_>, o: &Object) {
        if !o.is("", "Service") {
            return;
        }
        let Some(spec) = o.spec() else { return };
        let type_path = FieldPath::root().keys(&["spec", "type"]);
        match spec.get("type").and_then(Node::as_str) {
            Some("NodePort") => {
                let ports: Vec<String> = spec
                    .get("ports")
                    .into_iter()
                    .flat_map(Node::items)
                    .filter_map(|p| p.get("nodePort").and_then(Node::as_i64))
                    .map(|p| p.to_string())
                    .collect();
                let which = match ports.as_slice() {
                    [] => crate::msg!("rule-net001-node-ports"),
                    [one] => crate::msg!("rule-net001-port", port = one),
                    _ => crate::msg!("rule-net001-ports", ports = ports.join(", ")),
                };
                cx.report(
                    self,
                    o,
                    type_path,
                    crate::msg!("rule-net001-node-port", name = &o.name, which = which),
                )
                .severity(Severity::Medium)
                .help(crate::msg!("rule-net001-help"));
            }
            Some("LoadBalancer") => {
                let Some(why) = internet_facing(o, spec) else { return };
                let (path, open) = match source_ranges(o, spec) {
                    Ranges::Absent => (type_path, crate::msg!("rule-net001-no-ranges")),
                    Ranges::Open(path, cidr) => (path, crate::msg!("rule-net001-open-to", cidr = cidr)),
                    Ranges::Restricted => return,
                };
                cx.report(
                    self,
                    o,
                    path,
                    crate::msg!("rule-net001-load-balancer", name = &o.name, open = open),
                )
                .note(crate::msg!(why))
                .help(crate::msg!("rule-net001-help-2"));
            }
            _ => {}
        }
    }
}

/// Why the load balancer is internet-facing; `None` when it is internal or not known.
fn internet_facing(o: &Object, spec: &Node) -> Option<&'static str> {
    // Annotations are a `map[string]string`: a null value is the empty string.
    let annotation = |k: &str| o.annotations().and_then(|a| a.get(k)).and_then(Node::string_map_value);
    if let Some(scheme) = annotation(SCHEME) {
        return (scheme.trim() == "internet-facing").then_some("rule-net001-scheme");
    }
    // The AWS Load Balancer Controller (class `service.k8s.aws/nlb`, or the `external`/`nlb-ip`
    // type annotations) makes internal load balancers by default; other classes are not known.
    if spec.get("loadBalancerClass").is_some_and(|c| !c.is_null())
        || annotation(LB_TYPE).is_some_and(|t| t == "external" || t == "nlb-ip")
    {
        return None;
    }
    // The in-tree provider treats any value but "false" as internal.
    match annotation(INTERNAL) {
        Some(v) if !v.is_empty() && v != "false" => None,
        _ => Some("rule-net001-default-scheme"),
    }
}

enum Ranges {
    Absent,
    Open(FieldPath, String),
    Restricted,
}

fn is_open(cidr: &str) -> bool {
    matches!(cidr.trim(), "0.0.0.0/0" | "::/0")
}

/// `spec.loadBalancerSourceRanges`, else the legacy annotation (the field wins when both are set).
fn source_ranges(o: &Object, spec: &Node) -> Ranges {
    if let Some(list) = spec.get("loadBalancerSourceRanges").and_then(Node::as_seq).filter(|l| !l.is_empty())
    {
        for (i, item) in list.iter().enumerate() {
            if let Some(c) = item.as_str().filter(|c| is_open(c)) {
                let path = FieldPath::root().keys(&["spec", "loadBalancerSourceRanges"]).index(i);
                return Ranges::Open(path, c.trim().to_string());
            }
        }
        return Ranges::Restricted;
    }
    if let Some(value) = o.annotations().and_then(|a| a.get(SOURCE_RANGES)).and_then(Node::as_str) {
        let cidrs: Vec<&str> = value.split(',').map(str::trim).filter(|c| !c.is_empty()).collect();
        if !cidrs.is_empty() {
            let path = FieldPath::root().keys(&["metadata", "annotations", SOURCE_RANGES]);
            return match cidrs.iter().find(|c| is_open(c)) {
                Some(c) => Ranges::Open(path, (*c).to_string()),
                None => Ranges::Restricted,
            };
        }
    }
    Ranges::Absent
}
