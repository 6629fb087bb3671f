//! `docs/peers.md`: how ladrillo answers every Kubernetes check of kube-linter, checkov, Trivy and
//! kubescape. Built from one table of decisions (`data/peers.tsv`) and the rule metadata: a row
//! marked implemented is shown with the rules whose `references` name it, so the page cannot
//! claim coverage no rule declares (tests check both directions).

use std::fmt::Write as _;

use super::all;

/// The decisions table, one row per peer check.
pub const TABLE: &str = include_str!("../../data/peers.tsv");

/// The peers, in the order the page shows them, with the reference scheme their ids use.
pub const PEERS: &[&str] = &["kube-linter", "checkov", "trivy", "kubescape"];

/// What ladrillo does about one peer check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Some rule names the check in its `references`.
    Implemented,
    /// Not implemented, for the reason in the note.
    Declined,
}

/// One row of the table.
#[derive(Clone, Debug)]
pub struct PeerCheck {
    pub peer: &'static str,
    pub id: &'static str,
    pub title: &'static str,
    pub decision: Decision,
    /// For a declined check, why; for an implemented one, where ladrillo reads it differently.
    pub note: &'static str,
    /// 1-based line in `data/peers.tsv`, for error messages.
    pub line: usize,
}

impl PeerCheck {
    /// The reference string rules use for this check (`kube-linter:host-pid`).
    #[must_use]
    pub fn reference(&self) -> String {
        format!("{}:{}", self.peer, self.id)
    }
}

/// Every row of the table; a malformed row is an error naming its line.
///
/// # Errors
/// A row without five tab-separated fields, with an unknown peer or decision, or a declined row
/// without a reason.
pub fn checks() -> Result<Vec<PeerCheck>, String> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, line) in TABLE.lines().enumerate() {
        let line_no = i + 1;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let fields: Vec<&'static str> = line.split('\t').collect();
        let [peer, id, title, decision, note] = fields[..] else {
            return Err(format!("data/peers.tsv:{line_no}: expected 5 tab-separated fields"));
        };
        if !PEERS.contains(&peer) {
            return Err(format!("data/peers.tsv:{line_no}: unknown peer `{peer}`"));
        }
        let decision = match decision {
            "implemented" => Decision::Implemented,
            "declined" if !note.trim().is_empty() => Decision::Declined,
            "declined" => return Err(format!("data/peers.tsv:{line_no}: a declined check needs a reason")),
            other => return Err(format!("data/peers.tsv:{line_no}: unknown decision `{other}`")),
        };
        rows.push(PeerCheck { peer, id, title, decision, note, line: line_no });
    }
    Ok(rows)
}

/// The rules whose references name a peer check, in code order.
fn rules_naming(reference: &str) -> Vec<&'static super::RuleMeta> {
    all().iter().map(|r| r.meta()).filter(|m| m.references.contains(&reference)).collect()
}

/// The whole page in Markdown.
///
/// # Errors
/// When `data/peers.tsv` is malformed (a test keeps it well-formed).
pub fn peers_markdown() -> Result<String, String> {
    let rows = checks()?;
    let mut out = String::from("# Peer coverage\n\n");
    out.push_str(
        "<!-- Generated from data/peers.tsv and the rule metadata in src/rules by `LADRILLO_UPDATE_DOCS=1 cargo test --test docs`. Do not edit. -->\n\n",
    );
    out.push_str(
        "Every Kubernetes check of kube-linter, checkov, Trivy and kubescape, and what ladrillo does\n\
         about it: the ladrillo rules whose `references` name the check, or why it is declined. A note\n\
         on an implemented check says where ladrillo reads it differently on purpose.\n\n\
         Check lists come from:\n\n",
    );
    for source in sources() {
        let _ = writeln!(out, "- {source}");
    }
    out.push_str("\n| Peer | Checks | Implemented | Declined |\n|---|---|---|---|\n");
    for peer in PEERS {
        let of_peer: Vec<_> = rows.iter().filter(|r| r.peer == *peer).collect();
        let implemented = of_peer.iter().filter(|r| r.decision == Decision::Implemented).count();
        let _ =
            writeln!(out, "| {peer} | {} | {implemented} | {} |", of_peer.len(), of_peer.len() - implemented);
    }
    for peer in PEERS {
        let _ = writeln!(out, "\n## {peer}\n");
        out.push_str("| Check | Title | ladrillo | Note |\n|---|---|---|---|\n");
        for r in rows.iter().filter(|r| r.peer == *peer) {
            let answer = match r.decision {
                Decision::Implemented => rules_naming(&r.reference())
                    .iter()
                    .map(|m| format!("[{}](rules.md#{})", m.code, m.name))
                    .collect::<Vec<_>>()
                    .join(", "),
                Decision::Declined => "declined".to_string(),
            };
            let _ = writeln!(out, "| `{}` | {} | {answer} | {} |", r.id, cell(r.title), cell(r.note));
        }
    }
    Ok(out)
}

/// The source lines of the table's header (`# - ...` and their continuation lines).
fn sources() -> Vec<String> {
    let mut sources: Vec<String> = Vec::new();
    for line in TABLE.lines().take_while(|l| l.starts_with('#')) {
        if let Some(item) = line.strip_prefix("# - ") {
            sources.push(item.trim().to_string());
        } else if let (Some(more), Some(last)) = (line.strip_prefix("#   "), sources.last_mut()) {
            last.push(' ');
            last.push_str(more.trim());
        }
    }
    sources
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
