use crate::model::cluster::Cluster;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags node groups whose minimum, desired and maximum sizes contradict each other.
    ///
    /// ## Why is this bad?
    /// EKS and Auto Scaling reject such sizes, so the stack fails to create or update; when a
    /// tool clamps them instead, the group does not run the number of nodes the file says.
    ///
    /// ## How to fix
    /// Keep `min ≤ desired ≤ max`.
    ///
    /// ## Example
    /// ```yaml
    /// managedNodeGroups:
    ///   - name: workers
    ///     minSize: 3
    ///     desiredCapacity: 2   # flagged
    ///     maxSize: 5
    /// ```
    pub struct IncoherentScaling {
        code: "EKS018",
        name: "incoherent-scaling",
        group: Eks,
        severity: Medium,
        guide: ["G3.6"],
        references: [],
    }
}

impl Rule for IncoherentScaling {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        for ng in &c.node_groups {
            let s = &ng.scaling;
            let (min, desired, max) =
                (s.min.value().copied(), s.desired.value().copied(), s.max.value().copied());
            let problem = match (min, desired, max) {
                (Some(lo), Some(d), _) if lo > d => Some((
                    &s.desired,
                    crate::msg!("rule-eks018-desired-low", desired = d.to_string(), min = lo.to_string()),
                )),
                (_, Some(d), Some(hi)) if d > hi => Some((
                    &s.desired,
                    crate::msg!("rule-eks018-desired-high", desired = d.to_string(), max = hi.to_string()),
                )),
                (Some(lo), _, Some(hi)) if lo > hi => Some((
                    &s.max,
                    crate::msg!("rule-eks018-max-low", max = hi.to_string(), min = lo.to_string()),
                )),
                _ => None,
            };
            if let Some((field, what)) = problem {
                cx.report_field(
                    self,
                    c,
                    field,
                    crate::msg!("rule-eks018-message", group = super::node_group(ng), what = what),
                )
                .help(crate::msg!("rule-eks018-help"));
            }
        }
    }
}
