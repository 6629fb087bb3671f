use crate::rules::Rule;

crate::declare_rule! {
    /// Flags unquoted values that YAML 1.1 (what Kubernetes uses) and YAML 1.2 read differently:
    /// `yes`/`no`/`on`/`off`/`y`/`n` as booleans, `0644` as octal 420, `1_000` as 1000.
    ///
    /// ## Why is this bad?
    /// Kubernetes reads `no` as `false` and `0644` as 420, while most editors, linters and
    /// templating tools (YAML 1.2) read the string `"no"` and the number 644. The object that
    /// runs differs from the one reviewed; in string fields (labels, env values) the API server
    /// rejects the boolean outright.
    ///
    /// ## How to fix
    /// Quote strings (`"no"`), write booleans as `true`/`false` and octal as `0o644` or decimal.
    ///
    /// ## Example
    /// ```yaml
    /// env:
    ///   - name: FEATURE
    ///     value: no        # flagged: Kubernetes reads the boolean false
    /// ```
    pub struct AmbiguousScalar {
        code: "INP002",
        name: "ambiguous-scalar",
        group: Input,
        severity: Low,
        guide: [],
        references: [],
    }
}

/// Reported by the scan from the parser's notes.
impl Rule for AmbiguousScalar {}
