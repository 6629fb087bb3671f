//! `ladrillo rules` and `ladrillo explain`.

use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::rules::{self, RuleMeta};
use crate::settings::unknown_rule;

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

fn to_json(m: &RuleMeta) -> RuleJson<'_> {
    RuleJson {
        code: m.code,
        name: m.name,
        group: m.group.as_str(),
        severity: m.severity.as_str(),
        also_severity: m.also_severity.iter().map(|s| s.as_str()).collect(),
        summary: m.summary(),
        guide: m.guide,
        references: m.references,
        default_enabled: m.default_enabled,
        docs: m.docs_text(),
    }
}

pub fn rules(args: &RulesArgs) -> i32 {
    let metas: Vec<&RuleMeta> = rules::all().iter().map(|r| r.meta()).collect();
    let text = match args.format {
        ListFormat::Json => {
            let list: Vec<_> = metas.iter().map(|m| to_json(m)).collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
        ListFormat::Text => {
            let width = metas.iter().map(|m| m.name.len()).max().unwrap_or(0);
            metas
                .iter()
                .map(|m| {
                    let off = if m.default_enabled { "" } else { " (opt-in)" };
                    format!(
                        "{}  {:<width$}  {:<8}  {}{off}\n",
                        m.code,
                        m.name,
                        m.severity.as_str(),
                        m.summary()
                    )
                })
                .collect()
        }
    };
    if super::print_stdout(&text) { 0 } else { 2 }
}

pub fn explain(args: &ExplainArgs) -> i32 {
    let Some(rule) = rules::find(&args.rule) else {
        super::error(unknown_rule(&args.rule));
        return 2;
    };
    let m = rule.meta();
    let mut out = format!("{} ({})\n\n", m.name, m.code);
    out.push_str(&format!("Severity: {}\nGroup: {}\n", m.severity_text(), m.group.as_str()));
    if !m.guide.is_empty() {
        out.push_str(&format!("Guide: {}\n", m.guide.join(", ")));
    }
    if !m.references.is_empty() {
        out.push_str(&format!("References: {}\n", m.references.join(", ")));
    }
    if !m.default_enabled {
        out.push_str("Enabled: only when selected (--select)\n");
    }
    if let Some(level) = crate::rules::audit::level_of(m.code) {
        out.push_str(&format!(
            "Run by: ladrillo audit-log (audit policy level needed: {})\n",
            level.as_str()
        ));
    }
    out.push('\n');
    out.push_str(&m.docs_text());
    out.push('\n');
    if super::print_stdout(&out) { 0 } else { 2 }
}
