use crate::model::cluster::{Cluster, tables};
use crate::rules::{Context, Rule};

crate::declare_rule! {
    /// Flags add-on versions that do not match the cluster's Kubernetes version.
    ///
    /// ## Why is this bad?
    /// kube-proxy must not be newer than the API server and may lag at most three minors; EKS
    /// publishes one kube-proxy line per cluster minor. CoreDNS 1.11 serves Kubernetes 1.29–1.32
    /// and 1.12 or later serves 1.33 and later. A mismatched add-on breaks Services or DNS during
    /// and after upgrades. The table is embedded in ladrillo; versions it cannot place are not
    /// reported.
    ///
    /// ## How to fix
    /// Pin the add-on to the build published for the cluster's version
    /// (`aws eks describe-addon-versions --kubernetes-version X`), or leave the version unset to
    /// get the default one.
    ///
    /// ## Example
    /// ```yaml
    /// metadata:
    ///   version: "1.34"
    /// addons:
    ///   - name: kube-proxy
    ///     version: v1.29.15-eksbuild.16   # flagged
    /// ```
    pub struct IncompatibleAddonVersion {
        code: "EKS017",
        name: "incompatible-addon-version",
        group: Eks,
        severity: Medium,
        guide: ["G2.1", "G3.3"],
        references: [],
    }
}

impl Rule for IncompatibleAddonVersion {
    fn check_cluster(&self, cx: &mut Context<'_>, c: &Cluster) {
        let Some(version) = c.version.value() else { return };
        let Some(minor) = tables::minor(version) else { return };
        for a in c.addons.items() {
            let (Some(name), Some(Some(v))) = (a.name.value(), a.version.value()) else { continue };
            if tables::addon_compatible(name, v, minor) == Some(false) {
                cx.report_field(
                    self,
                    c,
                    &a.version,
                    crate::msg!("rule-eks017-message", name = name, addon_version = v, version = version),
                )
                .help(crate::msg!("rule-eks017-help"));
            }
        }
    }
}
