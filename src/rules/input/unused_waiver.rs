use crate::rules::Rule;

crate::declare_rule! {
    /// Flags waivers that matched no finding.
    ///
    /// ## Why is this bad?
    /// A waiver that suppresses nothing is stale: the problem was fixed or the waiver is
    /// mistyped. Left in place, it will silently hide the next problem of that kind.
    ///
    /// ## How to fix
    /// Remove the waiver, or correct the rule or object it names.
    ///
    /// ## Example
    /// ```yaml
    /// metadata:
    ///   annotations:
    ///     ladrillo.dev/ignore: privileged-container   # flagged when nothing is privileged
    ///     ladrillo.dev/ignore-reason: legacy agent
    /// ```
    pub struct UnusedWaiver {
        code: "INP004",
        name: "unused-waiver",
        group: Input,
        severity: Low,
        guide: [],
        references: [],
    }
}

/// Reported by the scan while applying waivers.
impl Rule for UnusedWaiver {}
