//! `ladrillo rules` and `ladrillo explain`.

use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::finding::Severity;
use crate::i18n::Lang;
use crate::report::text::severity_name;
use crate::rules::{self, RuleMeta};
use crate::t;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (`POD001`) or name (`privileged-container`).
    pub rule: String,
}

#[derive(Serialize)]
struct RuleJson<'a> {
    code: &'a str,
    name: &'a str,
    group: &'a str,
    severity: &'a str,
    /// Other severities some findings have.
    also_severity: Vec<&'a str>,
    summary: String,
    guide: &'a [&'a str],
    references: &'a [&'a str],
    default_enabled: bool,
    docs: String,
}

fn to_json(m: &RuleMeta, lang: Lang) -> RuleJson<'_> {
    RuleJson {
        code: m.code,
        name: m.name,
        group: m.group.as_str(),
        severity: m.severity.as_str(),
        also_severity: m.also_severity.iter().map(|s| s.as_str()).collect(),
        summary: m.title(lang),
        guide: m.guide,
        references: m.references,
        default_enabled: m.default_enabled,
        docs: m.docs_in(lang),
    }
}

pub fn rules(args: &RulesArgs) -> i32 {
    let lang = super::lang();
    let metas: Vec<&RuleMeta> = rules::all().iter().map(|r| r.meta()).collect();
    let text = match args.format {
        ListFormat::Json => {
            let list: Vec<_> = metas.iter().map(|m| to_json(m, lang)).collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
        ListFormat::Text => text_list(&metas, lang),
    };
    if super::print_stdout(&text) { 0 } else { 2 }
}

/// The text list: a heading per group (name, code prefix, count, what it covers), then its
/// rules in aligned columns (codes differ in length: `POD001`, `RBAC001`).
fn text_list(metas: &[&RuleMeta], lang: Lang) -> String {
    let code_width = metas.iter().map(|m| m.code.len()).max().unwrap_or(0);
    let width = metas.iter().map(|m| m.name.len()).max().unwrap_or(0);
    // Severity names differ in length by language (`informativa`).
    let sev_width = Severity::ALL.iter().map(|s| severity_name(*s, lang).chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for group in rules::Group::ALL {
        let in_group: Vec<&&RuleMeta> = metas.iter().filter(|m| m.group == group).collect();
        if in_group.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        let description = crate::i18n::text(lang, &format!("group-{}", group.as_str()));
        out.push_str(&t!(
            lang,
            "rules-group",
            group = group.as_str(),
            prefix = group.code_prefix(),
            count = in_group.len(),
            description = description
        ));
        out.push('\n');
        for m in in_group {
            let off = if m.default_enabled {
                String::new()
            } else {
                format!(" {}", crate::i18n::text(lang, "rules-opt-in"))
            };
            let severity = severity_name(m.severity, lang);
            // `{:<N}` pads by chars, so `informativa` and `crítica` align like ASCII names.
            out.push_str(&format!(
                "  {:<code_width$}  {:<width$}  {:<sev_width$}  {}{off}\n",
                m.code,
                m.name,
                severity,
                m.title(lang)
            ));
        }
    }
    out
}

pub fn explain(args: &ExplainArgs) -> i32 {
    let lang = super::lang();
    let Some(rule) = rules::find(&args.rule) else {
        super::error(unknown_rule_in(&args.rule, lang));
        return 2;
    };
    let m = rule.meta();
    let mut out = format!("{} ({})\n\n", m.name, m.code);
    let mut line = |l: String| {
        out.push_str(&l);
        out.push('\n');
    };
    line(t!(lang, "explain-severity", severity = severity_text(m, lang)));
    line(t!(lang, "explain-group", group = m.group.as_str()));
    if !m.guide.is_empty() {
        line(t!(lang, "explain-guide", guide = m.guide.join(", ")));
    }
    if !m.references.is_empty() {
        line(t!(lang, "explain-references", references = m.references.join(", ")));
    }
    if !m.default_enabled {
        line(crate::i18n::text(lang, "explain-opt-in"));
    }
    if let Some(level) = crate::rules::audit::level_of(m.code) {
        line(t!(lang, "explain-run-by", level = level.as_str()));
    }
    for i in crate::rules::implied::implied_by_rule(m.code) {
        let names: Vec<String> = i.implied.iter().map(|c| rule_name(c)).collect();
        line(t!(lang, "explain-implies", rules = names.join(", "), site = site_key(i.site)));
    }
    for i in crate::rules::implied::implying_rule(m.code) {
        line(t!(lang, "explain-implied-by", rule = rule_name(i.root), site = site_key(i.site)));
    }
    out.push('\n');
    out.push_str(&m.docs_in(lang));
    out.push('\n');
    if super::print_stdout(&out) { 0 } else { 2 }
}

/// `name (CODE)` of a rule code.
fn rule_name(code: &str) -> String {
    rules::find(code).map_or_else(|| code.to_string(), |r| format!("{} ({})", r.meta().name, r.meta().code))
}

/// The Fluent selector of a site.
fn site_key(site: crate::rules::implied::Site) -> &'static str {
    match site {
        crate::rules::implied::Site::Container => "container",
        crate::rules::implied::Site::Field => "field",
    }
}

/// The severity, with the others some findings have: `alta (algunos hallazgos media)`.
fn severity_text(m: &RuleMeta, lang: Lang) -> String {
    let severity = severity_name(m.severity, lang);
    if m.also_severity.is_empty() {
        return severity;
    }
    let others = either(m.also_severity.iter().map(|s| severity_name(*s, lang)), lang);
    t!(lang, "explain-severity-also", severity = severity, others = others)
}

/// `a or b or c` in a language.
fn either(items: impl Iterator<Item = String>, lang: Lang) -> String {
    items.reduce(|first, second| t!(lang, "or", first = first, second = second)).unwrap_or_default()
}

/// `unknown rule `x`; did you mean `y`?` in a language.
fn unknown_rule_in(name: &str, lang: Lang) -> String {
    if name.trim().is_empty() {
        return crate::i18n::text(lang, "empty-rule-name");
    }
    let close = rules::registry::suggest(name);
    if close.is_empty() {
        return t!(lang, "unknown-rule", rule = name);
    }
    let suggestions = either(close.iter().map(|c| format!("`{c}`")), lang);
    t!(lang, "unknown-rule-suggest", rule = name, suggestions = suggestions)
}
