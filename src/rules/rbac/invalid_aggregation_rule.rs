//! RBAC018: aggregated ClusterRoles whose `clusterRoleSelectors` the API server rejects.

use crate::analysis::rbac::aggregation_selectors;
use crate::model::Object;
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags aggregated ClusterRoles with a label selector the API server would reject.
    ///
    /// ## Why is this bad?
    /// A `clusterRoleSelectors` item with an unknown operator, `In`/`NotIn` without values,
    /// `Exists`/`DoesNotExist` with values or a missing key makes the API server refuse the whole
    /// ClusterRole, so the permissions it should collect never reach its subjects. The RBAC
    /// analysis aggregates nothing through such an item and this rule says why.
    ///
    /// ## How to fix
    /// Correct the selector named in the message.
    ///
    /// ## Example
    /// ```yaml
    /// aggregationRule:
    ///   clusterRoleSelectors:
    ///     - matchExpressions:
    ///         - {key: team, operator: Exists, values: [a]}   # flagged: Exists takes no values
    /// ```
    pub struct InvalidAggregationRule {
        code: "RBAC018",
        name: "invalid-aggregation-rule",
        group: Rbac,
        severity: Low,
        guide: ["G4.1"],
        references: [],
    }
}

impl Rule for InvalidAggregationRule {
    fn check_object(&self, cx: &mut Context<'_>, object: &Object) {
        if object.group() != "rbac.authorization.k8s.io" || object.kind != "ClusterRole" {
            return;
        }
        let Some(list) = object.root.at(&["aggregationRule", "clusterRoleSelectors"]) else { return };
        for bad in aggregation_selectors(list).1 {
            cx.report(self, object, bad.path, crate::msg!("rule-rbac018-message", why = bad.message.clone()))
                .help(crate::msg!("rule-rbac018-help"));
        }
    }
}
