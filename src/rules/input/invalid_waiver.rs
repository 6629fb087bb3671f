use crate::rules::Rule;

crate::declare_rule! {
    /// Flags waivers that do not take effect: no rule named (`ladrillo.dev/ignore: ""`, or
    /// nothing after the key), no reason given, an expiry date in the past, or a date that
    /// cannot be read.
    ///
    /// ## Why is this bad?
    /// A waiver is a recorded decision to accept a risk. Without a reason nobody can review it;
    /// past its date the decision has lapsed. ladrillo fails closed: such waivers suppress
    /// nothing and are reported, so accepted risks stay visible.
    ///
    /// ## How to fix
    /// Name the rules to waive, add `ladrillo.dev/ignore-reason` (or `reason:` in
    /// `.ladrillo.yaml`), and renew or remove expired waivers (`ladrillo.dev/ignore-until:
    /// YYYY-MM-DD`).
    ///
    /// ## Example
    /// ```yaml
    /// metadata:
    ///   annotations:
    ///     ladrillo.dev/ignore: privileged-container   # flagged: no ignore-reason
    /// ```
    pub struct InvalidWaiver {
        code: "INP003",
        name: "invalid-waiver",
        group: Input,
        severity: Medium,
        guide: [],
        references: [],
    }
}

/// Reported by the scan while applying waivers.
impl Rule for InvalidWaiver {}
