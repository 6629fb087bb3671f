use crate::analysis::netpol::Model;
use crate::analysis::netpol::conns::Cidr;
use crate::analysis::netpol::model::Peer;
use crate::model::ObjectSet;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags NetworkPolicy ingress rules open to every namespace or to every address.
    ///
    /// ## Why is this bad?
    /// A rule without `from`, a peer `namespaceSelector: {}` (without a narrowing
    /// `podSelector`), or an `ipBlock` of `0.0.0.0/0` or `::/0` lets every pod of the cluster,
    /// or the whole internet, reach the selected pods. That is rarely the segmentation the
    /// policy was written for; often it is a copied example.
    ///
    /// ## How to fix
    /// Name the clients: a `podSelector` (with a `namespaceSelector` for other namespaces) or
    /// the outside CIDRs that need access. Waive the finding for workloads that are public on
    /// purpose, such as an ingress controller.
    ///
    /// ## Example
    /// ```yaml
    /// ingress:
    ///   - from:
    ///       - namespaceSelector: {}   # flagged: every namespace
    ///       - ipBlock: {cidr: 0.0.0.0/0}   # flagged: every address
    /// ```
    pub struct IngressFromAnywhere {
        code: "NET105",
        name: "ingress-from-anywhere",
        group: Network,
        severity: Medium,
        guide: ["G4.4"],
        references: [
            "nsa-cisa:network-policies",
        ],
    }
}

impl Rule for IngressFromAnywhere {
    fn check_set(&self, cx: &mut Context<'_>, set: &ObjectSet) {
        let model = Model::of(set);
        for p in model.policies.iter().filter(|p| p.ingress_type) {
            let Some(object) = set.get(p.object) else { continue };
            for rule in &p.ingress {
                let Some(peers) = &rule.peers else {
                    cx.report(
                        self,
                        object,
                        rule.path.clone(),
                        crate::msg!(
                            "rule-net105-every-source",
                            conns = connections(&rule.conns(None).to_string())
                        ),
                    )
                    .help(crate::msg!("rule-net105-help"));
                    continue;
                };
                for peer in peers {
                    match peer {
                        Peer::Pods { namespaces: Some(ns), pods, path }
                            if ns.is_empty() && pods.as_ref().is_none_or(|s| s.is_empty()) =>
                        {
                            cx.report(
                                self,
                                object,
                                path.clone().key("namespaceSelector"),
                                crate::msg!("rule-net105-every-pod"),
                            )
                            .help(crate::msg!("rule-net105-help-2"));
                        }
                        Peer::Block { cidr, path, .. } if Cidr::parse(cidr).is_ok_and(|c| c.prefix == 0) => {
                            cx.report(
                                self,
                                object,
                                path.clone().keys(&["ipBlock", "cidr"]),
                                crate::msg!("rule-net105-every-address", cidr = cidr),
                            )
                            .help(crate::msg!("rule-net105-help-3"));
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

/// The connections a rule allows, with "All Connections" (the analysis' wording) as a message of
/// its own so it reads in the reader's language.
fn connections(text: &str) -> crate::i18n::Arg {
    if text == "All Connections" { crate::msg!("net-all-connections").into() } else { text.into() }
}
