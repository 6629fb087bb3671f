//! Waivers: `ladrillo.dev/ignore` annotations on objects (or their pod templates) and
//! `waivers:` in `.ladrillo.yaml`. A waiver needs a reason and may carry an expiry date; invalid
//! or expired waivers suppress nothing and are reported, and so are waivers that match nothing.

use jiff::civil::Date;

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Located, Node};
use crate::finding::{Finding, Suppression};
use crate::model::{Object, Workload};
use crate::rules::input::{invalid_waiver::InvalidWaiver, unused_waiver::UnusedWaiver};
use crate::rules::{self, Context, Rule, RuleOptions};
use crate::settings::{ConfigWaiver, unknown_rule_msg};

pub const IGNORE: &str = "ladrillo.dev/ignore";
pub const IGNORE_REASON: &str = "ladrillo.dev/ignore-reason";
pub const IGNORE_UNTIL: &str = "ladrillo.dev/ignore-until";

/// A waiver read from an object's annotations.
#[derive(Debug)]
pub struct ObjectWaiver {
    pub rules: Vec<&'static dyn Rule>,
    /// The annotation names a rule, known or not: one that names none (`ignore: ""`, or nothing
    /// after the key) is an invalid waiver, reported as such.
    pub names_rule: bool,
    pub path: FieldPath,
    /// Where `path` is in the object, found when the waiver is read: its findings are made
    /// after the object's tree is dropped.
    pub located: Located,
    pub reason: Option<String>,
    pub until: Option<String>,
    pub used: bool,
}

/// Reads the waivers of an object: its own annotations and, for workloads, its pod template's.
/// Unknown rule names are input errors.
pub fn object_waivers(object: &Object) -> (Vec<ObjectWaiver>, Vec<InputError>) {
    let mut waivers = Vec::new();
    let mut errors = Vec::new();
    let mut places = vec![FieldPath::root().key("metadata")];
    if let Some(w) = Workload::of(object)
        && !w.template_path().is_root()
    {
        places.push(w.template_path().key("metadata"));
    }
    for meta_path in places {
        let annotations = meta_path.clone().key("annotations");
        let Some(node) = node_at(&object.root, &annotations) else { continue };
        // A misspelt waiver annotation would silently waive forever or not at all.
        if let (Some(map), Some(origin)) = (node.as_map(), &object.origin) {
            for e in map.entries.iter().filter(|e| e.key.starts_with("ladrillo.dev/")) {
                if [IGNORE, IGNORE_REASON, IGNORE_UNTIL].contains(&e.key.as_str()) {
                    continue;
                }
                let close =
                    crate::diagnostic::closest(&e.key, &[IGNORE, IGNORE_REASON, IGNORE_UNTIL], usize::MAX)
                        .unwrap_or(IGNORE);
                errors.push(InputError::at(
                    &origin.file,
                    e.key_span,
                    crate::msg!("input-unknown-annotation", key = e.key.as_str(), hint = close),
                ));
            }
        }
        let Some(value) = node.get(IGNORE) else { continue };
        // Annotations are a `map[string]string`: a null value (`ignore:` with nothing after it)
        // is the empty string, as Kubernetes reads it.
        let text = value.string_map_value().unwrap_or_default();
        let names: Vec<&str> = text.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        let names_rule = !names.is_empty();
        let mut rules_found = Vec::new();
        for name in names {
            match rules::find(name) {
                Some(r) => rules_found.push(r),
                None => {
                    if let Some(origin) = &object.origin {
                        errors.push(InputError::at(
                            &origin.file,
                            value.span(),
                            crate::msg!(
                                "input-in-annotation",
                                annotation = IGNORE,
                                why = unknown_rule_msg(name)
                            ),
                        ));
                    }
                }
            }
        }
        let path = annotations.clone().key(IGNORE);
        waivers.push(ObjectWaiver {
            rules: rules_found,
            names_rule,
            located: object.locate(&path),
            path,
            reason: node.get(IGNORE_REASON).and_then(Node::string_map_value).filter(|s| !s.trim().is_empty()),
            until: node.get(IGNORE_UNTIL).and_then(Node::string_map_value),
            used: false,
        });
    }
    (waivers, errors)
}

fn node_at<'a>(root: &'a Node, path: &FieldPath) -> Option<&'a Node> {
    path.segments().try_fold(root, |n, seg| match seg {
        crate::document::Segment::Key(k) => n.get(k),
        crate::document::Segment::Index(i) => n.as_seq()?.get(i),
    })
}

/// Why a waiver does not apply, if it does not.
#[must_use]
pub fn invalid_reason(reason: Option<&str>, until: Option<&str>, today: Date) -> Option<crate::i18n::Msg> {
    if reason.is_none() {
        return Some(crate::msg!("waiver-no-reason"));
    }
    expiry_problem(until, today)
}

/// Why a waiver's expiry date makes it not apply, if it does: not a date, or past.
fn expiry_problem(until: Option<&str>, today: Date) -> Option<crate::i18n::Msg> {
    let until = until?;
    match until.trim().parse::<Date>() {
        Err(_) => Some(crate::msg!("waiver-bad-date", until = until)),
        Ok(d) if d < today => Some(crate::msg!("waiver-expired", date = d.to_string())),
        Ok(_) => None,
    }
}

/// Applies one object's annotation waivers to its findings, and reports invalid and unused ones.
/// Reads the object's identity only, not its tree (which may be dropped by then).
pub fn apply_object(
    object: &Object,
    waivers: &mut [ObjectWaiver],
    findings: &mut [Finding],
    of_object: &[usize],
    today: Date,
) -> Vec<Finding> {
    let options = RuleOptions::default();
    let mut cx = Context::new(&options);
    for w in waivers.iter_mut() {
        // A waiver naming no rule waives nothing: said, never kept in silence.
        let invalid = if w.names_rule {
            invalid_reason(w.reason.as_deref(), w.until.as_deref(), today).map(|why| {
                (why, crate::msg!("rule-inp003-help", reason = IGNORE_REASON, until = IGNORE_UNTIL))
            })
        } else {
            Some((crate::msg!("waiver-no-rule"), crate::msg!("rule-inp003-help-3", ignore = IGNORE)))
        };
        if let Some((why, help)) = invalid {
            cx.report_located(
                &InvalidWaiver,
                object,
                w.path.clone(),
                w.located.clone(),
                crate::msg!("rule-inp003-message", why = why),
            )
            .help(help);
            continue;
        }
        for &i in of_object {
            let Some(f) = findings.get_mut(i) else { continue };
            if f.suppressed.is_none() && w.rules.iter().any(|r| r.meta().code == f.rule.code) {
                f.suppressed = Some(Box::new(Suppression {
                    by: "annotation",
                    reason: w.reason.clone().unwrap_or_default(),
                    until: w.until.clone(),
                }));
                w.used = true;
            }
        }
        if !w.used && !w.rules.is_empty() {
            let names: Vec<_> = w.rules.iter().map(|r| r.meta().name).collect();
            cx.report_located(
                &UnusedWaiver,
                object,
                w.path.clone(),
                w.located.clone(),
                crate::msg!("rule-inp004-message", rules = names.join(", ")),
            )
            .help(crate::msg!("rule-inp004-help"));
        }
    }
    cx.into_findings()
}

/// Applies config waivers to all findings; returns findings about invalid and unused waivers.
pub fn apply_config(
    waivers: &[ConfigWaiver],
    config_file: Option<&std::sync::Arc<crate::document::SourceFile>>,
    findings: &mut [Finding],
    objects: &[Object],
    today: Date,
) -> Vec<Finding> {
    let options = RuleOptions::default();
    let mut cx = Context::new(&options);
    for w in waivers {
        // A missing reason is the waiver's; a wrong or past date is its `until` value's.
        let invalid = match &w.reason {
            None => Some((crate::msg!("waiver-no-reason"), w.span)),
            Some(_) => {
                expiry_problem(w.until.as_deref(), today).map(|why| (why, w.until_span.unwrap_or(w.span)))
            }
        };
        if let Some((why, span)) = invalid {
            cx.report_at(
                &InvalidWaiver,
                config_file.cloned(),
                span,
                crate::msg!("rule-inp003-message", why = why),
            )
            .help(crate::msg!("rule-inp003-help-2"));
            continue;
        }
        let mut used = false;
        for f in findings.iter_mut().filter(|f| f.suppressed.is_none()) {
            if !w.rules.iter().any(|r| r.meta().code == f.rule.code) {
                continue;
            }
            let object = f.object_index.and_then(|i| objects.get(i));
            let ok_kind = w.kind.as_deref().is_none_or(|k| object.is_some_and(|o| o.kind == k));
            let ok_ns = w
                .namespace
                .as_ref()
                .is_none_or(|g| object.and_then(|o| o.namespace.as_deref()).is_some_and(|n| g.is_match(n)));
            let ok_name = w.name.as_ref().is_none_or(|g| object.is_some_and(|o| g.is_match(&o.name)));
            // In a rendered text the template (or kustomize origin) file is what the user
            // writes; the rendered file's own name matches too.
            let ok_file = w.file.as_ref().is_none_or(|g| {
                [f.location.identity_file(), f.location.file_name()]
                    .into_iter()
                    .flatten()
                    .any(|n| g.is_match(n))
            });
            if ok_kind && ok_ns && ok_name && ok_file {
                f.suppressed = Some(Box::new(Suppression {
                    by: "config",
                    reason: w.reason.clone().unwrap_or_default(),
                    until: w.until.clone(),
                }));
                used = true;
            }
        }
        if !used {
            let names: Vec<_> = w.rules.iter().map(|r| r.meta().name).collect();
            cx.report_at(
                &UnusedWaiver,
                config_file.cloned(),
                w.span,
                crate::msg!("rule-inp004-message", rules = names.join(", ")),
            )
            .help(crate::msg!("rule-inp004-help-2"));
        }
    }
    cx.into_findings()
}
