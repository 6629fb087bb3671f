//! Folds implied findings into their root cause (the table is `rules::implied`): a finding that
//! another finding at the same place implies is removed, and the root records it — the rule in
//! `implies` (JSON and SARIF name it with its references, so peers' checks still map) and a note
//! with the implied finding's message.

use std::collections::HashMap;

use crate::document::{FieldPath, Segment};
use crate::finding::{Finding, RuleMeta};
use crate::rules::implied::{IMPLICATIONS, Site};

/// The part of a path that names the site: up to the container (`spec.containers[0]`) for
/// container sites, the whole path for field sites.
/// Sites are compared as encoded prefixes of their paths: equal prefixes are equal steps.
fn site_of(path: &FieldPath, site: Site) -> Option<&[u8]> {
    let end = match site {
        Site::Field => path.encoded().len(),
        Site::Container => {
            let mut segments = path.segments();
            let mut after_containers = false;
            loop {
                match segments.next()? {
                    Segment::Index(_) if after_containers => break segments.offset(),
                    Segment::Key(k) => {
                        after_containers =
                            matches!(k, "containers" | "initContainers" | "ephemeralContainers");
                    }
                    Segment::Index(_) => after_containers = false,
                }
            }
        }
    };
    path.encoded().get(..end)
}

/// Where a finding is, for an implication: its file, object and site, borrowed from the finding
/// (an implication's roots can be tens of thousands). Findings without an object or a path are
/// never folded.
type Place<'f> = (Option<&'f str>, usize, &'f [u8]);

fn place(f: &Finding, site: Site) -> Option<Place<'_>> {
    Some((f.location.file_name(), f.object_index?, site_of(f.path.as_ref()?, site)?))
}

/// Removes the findings a root finding at the same place implies and records them on the root.
/// Runs after waivers: a waiver written for an implied finding still counts as used, and a
/// waived root still absorbs its symptoms (the waiver accepted the cause). When the root rule
/// is not selected, nothing is folded and the implied rules report as usual.
pub fn fold(findings: &mut Vec<Finding>) {
    let mut absorbed = vec![false; findings.len()];
    let mut records: Vec<(usize, &'static RuleMeta, crate::i18n::Arg)> = Vec::new();
    for imp in IMPLICATIONS {
        let roots: HashMap<Place, usize> = findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.rule.code == imp.root)
            .filter_map(|(i, f)| Some((place(f, imp.site)?, i)))
            .collect();
        if roots.is_empty() {
            continue;
        }
        for (i, f) in findings.iter().enumerate() {
            if !imp.implied.contains(&f.rule.code) || absorbed.get(i).copied().unwrap_or(true) {
                continue;
            }
            let Some(&root) = place(f, imp.site).and_then(|p| roots.get(&p)) else { continue };
            if let Some(flag) = absorbed.get_mut(i) {
                *flag = true;
            }
            let message =
                f.message_msg().map_or_else(|| f.message().into_owned().into(), |m| m.clone().into());
            records.push((root, f.rule, message));
        }
    }
    for (r, rule, message) in records {
        let Some(root) = findings.get_mut(r) else { continue };
        if !root.implies().iter().any(|m| m.code == rule.code) {
            root.extra_mut().implies.push(rule);
        }
        let note = crate::msg!("finding-implies", name = rule.name, code = rule.code, message = message);
        root.push_note(crate::rules::message_of(note.into()));
    }
    let mut keep = absorbed.into_iter().map(|a| !a);
    findings.retain(|_| keep.next().unwrap_or(true));
}
