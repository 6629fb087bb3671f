use crate::analysis::netpol::Model;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags NetworkPolicies the API server would reject.
    ///
    /// The policy is validated as the API server validates it (Kubernetes `networking`
    /// validation and apimachinery's label and name rules): selectors (operators, label keys as
    /// `[prefix/]name` with a DNS-subdomain prefix and a name of at most 63 characters, label
    /// values of at most 63 characters), peers, `ipBlock` CIDRs with `except` blocks that are a
    /// strict subset of the `cidr`, port numbers, port names (lowercase IANA service names of at
    /// most 15 characters, such as `http`), `endPort` and policy types.
    ///
    /// ## Why is this bad?
    /// A policy with an unknown selector operator, an invalid label key or value, a peer that
    /// mixes `ipBlock` with selectors, an `except` equal to its `cidr`, a named port such as
    /// `HTTP`, an `endPort` below its `port` or a malformed CIDR is refused at apply time, so the
    /// isolation it describes never exists. The reachability analysis (`ladrillo netpol`,
    /// reachability assertions and the other network rules) leaves such a policy out, and this
    /// rule says why.
    ///
    /// ## How to fix
    /// Correct the field named in the message.
    ///
    /// ## Example
    /// ```yaml
    /// ports:
    ///   - port: 8080
    ///     endPort: 80   # flagged: below port
    /// ```
    pub struct InvalidNetworkPolicy {
        code: "NET107",
        name: "invalid-network-policy",
        group: Network,
        severity: Medium,
        guide: ["G4.4"],
        references: [],
    }
}

impl Rule for InvalidNetworkPolicy {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        for bad in &Model::of(set).invalid {
            let Some(object) = set.get(bad.object) else { continue };
            cx.report(
                self,
                object,
                bad.path.clone(),
                crate::msg!("rule-net107-message", why = bad.message.clone()),
            )
            .help(crate::msg!("rule-net107-help"));
        }
    }
}
