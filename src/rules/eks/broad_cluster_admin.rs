use crate::model::cluster::{AccessScope, CLUSTER_ADMIN_POLICY, Cluster, MappingKind};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags `aws-auth` mappings and access entries that make broad principals cluster admins.
    ///
    /// ## Why is this bad?
    /// `system:masters` (aws-auth) and `AmazonEKSClusterAdminPolicy` (access entries) are full
    /// control of the cluster, and `system:masters` cannot be limited by RBAC. An account root
    /// ARN (`arn:aws:iam::<account>:root`, the account's root user, or the whole account in
    /// IAM policy language) or a wildcard ARN is not a specific, accountable identity: the
    /// grant is meant for "everyone", or for credentials that should never be used day to day.
    ///
    /// ## How to fix
    /// Map admin rights only to specific, dedicated roles, and give everyone else namespaced
    /// access policies or Kubernetes groups bound to least-privilege RBAC roles.
    ///
    /// ## Example
    /// ```yaml
    /// iamIdentityMappings:
    ///   - arn: arn:aws:iam::111122223333:root   # flagged
    ///     groups: [system:masters]
    /// ```
    pub struct BroadClusterAdmin {
        code: "EKS015",
        name: "broad-cluster-admin",
        group: Eks,
        severity: Critical,
        guide: ["G4.1", "G4.2", "G5.4"],
        references: ["cis-eks-1.8:4.1.1"],
    }
}

/// Why an IAM principal ARN stands for many identities, if it does.
#[must_use]
pub fn broad_principal(arn: &str) -> Option<&'static str> {
    if arn.contains('*') {
        Some("a wildcard")
    } else if arn.ends_with(":root") {
        Some("an account root")
    } else {
        None
    }
}

/// [`broad_principal`]'s answer as the selector of the messages.
fn who(why: &str) -> &'static str {
    if why == "a wildcard" { "wildcard" } else { "root" }
}

impl Rule for BroadClusterAdmin {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        for m in c.access.aws_auth.items().filter(|m| m.kind != MappingKind::Account) {
            let masters = m.groups.is(|g| g.iter().any(|g| g == "system:masters"));
            let Some(arn) = m.arn.value() else { continue };
            if let (true, Some(why)) = (masters, broad_principal(arn)) {
                cx.report_field(
                    self,
                    c,
                    &m.arn,
                    crate::msg!("rule-eks015-aws-auth", why = who(why), arn = arn),
                )
                .help(crate::msg!("rule-eks015-help"));
            }
        }
        for e in c.access.entries.items() {
            let Some(arn) = e.principal_arn.value() else { continue };
            let Some(why) = broad_principal(arn) else { continue };
            for p in &e.policies {
                let admin = p.policy_arn.is(|a| a == CLUSTER_ADMIN_POLICY);
                if admin && p.scope.is(|s| *s == AccessScope::Cluster) {
                    cx.report_field(
                        self,
                        c,
                        &e.principal_arn,
                        crate::msg!("rule-eks015-entry", why = who(why), arn = arn),
                    )
                    .help(crate::msg!("rule-eks015-help-2"));
                }
            }
        }
    }
}
