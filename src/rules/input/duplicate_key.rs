use crate::rules::Rule;

crate::declare_rule! {
    /// Flags a key written twice in the same mapping.
    ///
    /// ## Why is this bad?
    /// kubectl keeps only the last value without a word, so the first one — often a security
    /// setting someone added on purpose — silently disappears before the API server sees it
    /// (kubernetes/kubernetes#89303). What reviewers read is not what runs.
    ///
    /// ## How to fix
    /// Keep one of the two entries.
    ///
    /// ## Example
    /// ```yaml
    /// securityContext:
    ///   runAsNonRoot: true
    ///   runAsNonRoot: false   # flagged: this one wins
    /// ```
    pub struct DuplicateKey {
        code: "INP001",
        name: "duplicate-key",
        group: Input,
        severity: High,
        guide: [],
        references: [],
    }
}

/// Reported by the scan from the parser's notes.
impl Rule for DuplicateKey {}
