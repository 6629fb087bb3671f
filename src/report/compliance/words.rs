//! Every user-facing phrase of the framework reports, in one place: each is a message of
//! `src/i18n/*/frameworks.ftl`, rendered in the reader's language. The framework tables keep their
//! control titles and what to check by hand in English; [`table_text`] shows them in the reader's
//! language.

use crate::i18n::{Lang, Text, text};
use crate::rules::frameworks::{Control, FrameworkId, Input};

use super::{Score, Status};

/// Report heading: `CIS Amazon EKS Benchmark v1.8.0 (cis-eks-1.8)`.
#[must_use]
pub fn heading(name: &str, id: &str) -> String {
    format!("{name} ({id})")
}

/// A text of the framework tables (a title, what to check by hand) as a message when
/// `frameworks.ftl` has it, else as written.
#[must_use]
pub fn table_text(english: &str) -> Text {
    match crate::i18n::framework_text_id(english) {
        Some(id) => Text::Msg(crate::msg!(id)),
        None => Text::Plain(english.to_string()),
    }
}

/// A control's title in a language. CIS titles stay as the benchmark publishes them and the
/// guide's practices have Spanish titles in every language; NSA/CISA and Pod Security titles are
/// ladrillo's own and translated.
#[must_use]
pub fn title(framework: FrameworkId, control: &Control, lang: Lang) -> String {
    match framework {
        FrameworkId::CisEks18 | FrameworkId::Guide => control.title.to_string(),
        FrameworkId::NsaCisa | FrameworkId::PssBaseline | FrameworkId::PssRestricted => {
            table_text(control.title).render(lang)
        }
    }
}

/// `check by hand`, before what to check.
#[must_use]
pub fn check_by_hand(lang: Lang) -> String {
    text(lang, "framework-check-by-hand")
}

/// `2 waived`.
#[must_use]
pub fn waived(count: usize, lang: Lang) -> String {
    crate::t!(lang, "framework-waived", count = count)
}

/// The label of a status as the text report prints it (`not-applicable` in English).
#[must_use]
pub fn status(s: Status, lang: Lang) -> String {
    text(lang, &format!("framework-status-{}", s.as_str()))
}

/// The name of an input kind, plural.
#[must_use]
pub fn input(i: Input, lang: Lang) -> String {
    text(lang, &format!("framework-input-{}", i.as_str()))
}

/// `checked on workloads: 3, cluster definitions: 1`.
#[must_use]
pub fn evaluated_on(list: &[(Input, usize)], lang: Lang) -> String {
    let parts: Vec<String> = list.iter().map(|(i, n)| format!("{}: {n}", input(*i, lang))).collect();
    crate::t!(lang, "framework-checked-on", inputs = parts.join(", "))
}

/// Why a control's status is what it is, rendered in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// What to check by hand, or a phrase.
    Text(Text),
    /// Not applicable: the input has none of these kinds.
    NoInput(&'static [Input]),
}

impl Reason {
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Self::Text(t) => t.render(lang),
            Self::NoInput(inputs) => {
                crate::t!(lang, "framework-not-applicable", inputs = or_list(inputs, lang))
            }
        }
    }
}

/// Why a control is manual: what to check by hand, or that no rule can check it.
#[must_use]
pub fn manual_reason(by_hand: &str) -> Reason {
    Reason::Text(if by_hand.is_empty() {
        Text::Msg(crate::msg!("framework-no-rule"))
    } else {
        table_text(by_hand)
    })
}

/// Why a control with rules is manual: some of them did not run.
#[must_use]
pub fn not_run_reason(rules: &[&str]) -> Reason {
    Reason::Text(Text::Msg(crate::msg!("framework-not-run", rules = rules.join(", "))))
}

/// Why a control is not applicable.
#[must_use]
pub fn not_applicable_reason(inputs: &'static [Input]) -> Reason {
    Reason::NoInput(inputs)
}

/// Why a control is not applicable: every cluster's control plane runs on AWS Outposts, where
/// what it asks for cannot be done.
#[must_use]
pub fn outposts_reason() -> Reason {
    Reason::Text(Text::Msg(crate::msg!("framework-not-applicable-outposts")))
}

/// `cluster definitions or workloads` after a negation (`ni` in Spanish), in a language.
#[must_use]
pub fn or_list(inputs: &[Input], lang: Lang) -> String {
    let names: Vec<String> = inputs.iter().map(|i| input(*i, lang)).collect();
    names.join(&format!(" {} ", text(lang, "framework-or")))
}

/// The Pod Security check deciding a PSS control.
#[must_use]
pub fn pss_check(check: &str) -> Text {
    Text::Msg(crate::msg!("framework-pss-check", check = check))
}

/// `passed 12 of 20 decided controls (60.0%); 8 failed, 10 not applicable, 20 manual; …`.
#[must_use]
pub fn score_line(s: &Score, lang: Lang) -> String {
    let share = s.percent.map_or_else(
        || text(lang, "report-framework-no-score"),
        |p| crate::t!(lang, "framework-percent", percent = decimal(p, lang)),
    );
    crate::t!(
        lang,
        "framework-score-line",
        pass = s.pass,
        decided = s.pass + s.fail,
        share = share,
        fail = s.fail,
        na = s.not_applicable,
        manual = s.manual,
        controls = s.controls
    )
}

/// A percentage with one decimal, with a decimal comma in Spanish.
#[must_use]
pub fn decimal(p: f64, lang: Lang) -> String {
    let s = format!("{p:.1}");
    if lang == Lang::Es { s.replace('.', ",") } else { s }
}

/// `inputs: 3 files, 12 objects, 1 cluster`.
#[must_use]
pub fn inputs_line(files: usize, objects: usize, clusters: usize, lang: Lang) -> String {
    crate::t!(lang, "framework-inputs", files = files, objects = objects, clusters = clusters)
}

/// The error when nothing in the input could decide a single control.
#[must_use]
pub fn nothing_decided(framework: &str, lang: Lang) -> String {
    crate::t!(lang, "framework-nothing-decided", framework = framework)
}
