//! `docs/rules.md`, generated from rule metadata so the documentation cannot drift from the
//! code (a test compares the committed file with a fresh generation).

use std::fmt::Write as _;

use super::{Group, all};

/// The whole rules reference in Markdown.
#[must_use]
pub fn rules_markdown() -> String {
    let mut out = String::new();
    out.push_str("# Rules\n\n");
    out.push_str(
        "<!-- Generated from the rule metadata in src/rules by `LADRILLO_UPDATE_DOCS=1 cargo test --test docs`. Do not edit. -->\n\n",
    );
    let _ = write!(
        out,
        "ladrillo has {} rules. `ladrillo rules` lists them and `ladrillo explain RULE` prints one.",
        all().len()
    );
    if all().iter().any(|r| !r.meta().default_enabled) {
        out.push_str(
            " Rules marked\n*opt-in* run only when selected (`--select RULE`, `--select all`, or `select:` in \
             `.ladrillo.yaml`).",
        );
    } else {
        out.push_str(" Every rule runs\nunless deselected.");
    }
    out.push_str("\n\n");
    out.push_str(REFERENCE_FORMS);
    for group in Group::ALL {
        let rules: Vec<_> = all().iter().filter(|r| r.meta().group == group).collect();
        if rules.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## Group `{}`\n", group.as_str());
        out.push_str("| Code | Name | Severity | Summary |\n|---|---|---|---|\n");
        for r in &rules {
            let m = r.meta();
            let opt = if m.default_enabled { "" } else { " *(opt-in)*" };
            let _ = writeln!(
                out,
                "| {} | [`{}`](#{}) | {} | {}{opt} |",
                m.code,
                m.name,
                m.name,
                m.severity_text(),
                m.summary()
            );
        }
        for r in &rules {
            let m = r.meta();
            let _ = writeln!(out, "\n### {}\n", m.name);
            let _ = writeln!(
                out,
                "**{}** · severity **{}** · group `{}`",
                m.code,
                m.severity_text(),
                m.group.as_str()
            );
            if !m.default_enabled {
                out.push_str(" · opt-in");
            }
            out.push('\n');
            if !m.guide.is_empty() {
                let _ = writeln!(
                    out,
                    "\nGuide: {}",
                    m.guide.iter().map(|g| format!("`guide:{g}`")).collect::<Vec<_>>().join(", ")
                );
            }
            if let Some(level) = super::audit::level_of(m.code) {
                let _ = writeln!(out, "\nAudit policy level needed: `{}`", level.as_str());
            }
            for line in super::implied::doc_lines(m.code) {
                let _ = writeln!(out, "\n{line}");
            }
            if !m.references.is_empty() {
                let _ = writeln!(
                    out,
                    "\nReferences: {}",
                    m.references.iter().map(|g| format!("`{g}`")).collect::<Vec<_>>().join(", ")
                );
            }
            out.push('\n');
            out.push_str(&demote_headings(&m.docs_text()));
            out.push('\n');
        }
    }
    out
}

/// Rule docs use `##` sections; inside a rule's `###` heading they become `####`.
fn demote_headings(text: &str) -> String {
    let mut in_code = false;
    text.lines()
        .map(|l| {
            if l.starts_with("```") {
                in_code = !in_code;
            }
            if !in_code && l.starts_with("## ") { format!("##{l}") } else { l.to_string() }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const REFERENCE_FORMS: &str = "\
References are plain strings `scheme:id`:

| Scheme | Meaning | Example |
|---|---|---|
| `cis-eks-1.8` | CIS Amazon EKS Benchmark v1.8.0 recommendation | `cis-eks-1.8:4.2.1` |
| `pss` | Pod Security Standards level and control | `pss:restricted:runAsNonRoot` |
| `nsa-cisa` | NSA/CISA Kubernetes Hardening Guidance topic | `nsa-cisa:non-root-containers` |
| `checkov` | checkov check id | `checkov:CKV_K8S_20` |
| `trivy` | Trivy check id (`KSV-*` for Kubernetes, `AVD-AWS-*` for AWS) | `trivy:KSV-0017` |
| `kube-linter` | kube-linter check name | `kube-linter:privileged-container` |
| `kubescape` | kubescape control id | `kubescape:C-0057` |
| `falco` | Falco rule name (k8saudit plugin rules) | `falco:Attach/Exec Pod` |
| `panther` | Panther detection rule id | `panther:Kubernetes.Pod.Exec` |
| `mitre` | MITRE ATT&CK technique (Containers matrix) | `mitre:T1609` |

Guide sections (`guide:G4.3`) refer to the practices of the guide as numbered in
[guide-map.md](guide-map.md). Rules of group `audit` are detections over audit logs, run by
`ladrillo audit-log` (see [audit-log.md](audit-log.md)), never by `ladrillo scan`.
";
