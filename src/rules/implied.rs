//! Implied findings: where one rule's finding is the root cause of another rule's finding at the
//! same place, the scan reports the root once and records on it what it implies
//! (`scan::implied`), so that counts reflect problems rather than symptoms. The table lives here
//! so that the rules' docs and `ladrillo explain` can say it.

/// A rule whose finding makes other rules' findings at the same site redundant.
#[derive(Debug)]
pub struct Implication {
    /// The root cause's rule code.
    pub root: &'static str,
    /// The rule codes it implies at the same site.
    pub implied: &'static [&'static str],
    /// How sites compare.
    pub site: Site,
    /// Why the implied findings add nothing (for the docs).
    pub why: &'static str,
}

/// Where two findings must be to be one problem. Both are always of the same object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    /// The same container (any field of it).
    Container,
    /// The same field.
    Field,
}

/// Every implication the scan applies.
pub const IMPLICATIONS: &[Implication] = &[
    Implication {
        root: "POD001",
        implied: &["POD005", "POD004"],
        site: Site::Container,
        why: "a privileged container holds every capability and can always gain privileges, so \
              `allowPrivilegeEscalation: false` and `capabilities.drop` change nothing while it is \
              privileged (the API server even refuses `allowPrivilegeEscalation: false` with \
              `privileged: true`)",
    },
    Implication {
        root: "POD016",
        implied: &["POD017"],
        site: Site::Field,
        why: "an image reference with the `latest` tag or none and no digest is one problem: the \
              reference does not pin what runs",
    },
    Implication {
        root: "POD007",
        implied: &["NET103"],
        site: Site::Field,
        why: "NetworkPolicy does not isolate pods on the host network: that is one consequence of \
              `hostNetwork: true`, which this rule reports",
    },
    Implication {
        root: "RBAC002",
        implied: &[
            "RBAC004", "RBAC005", "RBAC006", "RBAC007", "RBAC008", "RBAC009", "RBAC010", "RBAC011",
            "RBAC012", "RBAC013", "RBAC014", "RBAC015", "RBAC016",
        ],
        site: Site::Field,
        why: "a subject bound to a role that allows every verb on every resource holds each of \
              those permissions through that one binding: removing the binding removes them all",
    },
];

/// The implications whose root is this rule.
pub fn implied_by_rule(code: &str) -> impl Iterator<Item = &'static Implication> + '_ {
    IMPLICATIONS.iter().filter(move |i| i.root == code)
}

/// The implications where this rule is implied.
pub fn implying_rule(code: &str) -> impl Iterator<Item = &'static Implication> + '_ {
    IMPLICATIONS.iter().filter(move |i| i.implied.contains(&code))
}

impl Site {
    /// The place, for docs.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Container => "the same container",
            Self::Field => "the same field",
        }
    }
}

/// A rule's name by code, in backticks (the code itself when unknown).
fn name(code: &str) -> String {
    super::find(code).map_or_else(|| code.to_string(), |r| format!("`{}`", r.meta().name))
}

/// What `docs/rules.md` says about a rule's implications, one paragraph each.
#[must_use]
pub fn doc_lines(code: &str) -> Vec<String> {
    let mut lines: Vec<String> = implied_by_rule(code)
        .map(|i| {
            let mut implied: Vec<String> = i.implied.iter().map(|c| name(c)).collect();
            let last = implied.pop().unwrap_or_default();
            let implied =
                if implied.is_empty() { last } else { format!("{} and {last}", implied.join(", ")) };
            format!(
                "Implies {} at {}: they are not reported there on their own; this finding names them \
                 (JSON `implies`, with their references, and a note) because {}.",
                implied,
                i.site.describe(),
                i.why
            )
        })
        .collect();
    lines.extend(implying_rule(code).map(|i| {
        format!(
            "Implied by {} at {}: when both apply, only that finding is reported, and it lists this \
             rule under `implies`; with {} not selected, this rule reports as usual.",
            name(i.root),
            i.site.describe(),
            name(i.root)
        )
    }));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_names_a_rule_and_no_rule_implies_itself() {
        for i in IMPLICATIONS {
            assert!(super::super::find(i.root).is_some(), "{}", i.root);
            for c in i.implied {
                assert!(super::super::find(c).is_some(), "{c}");
                assert_ne!(*c, i.root);
                // A chain would make the result depend on the table's order.
                assert!(implied_by_rule(c).next().is_none(), "{c} is implied and implies");
            }
        }
    }
}
