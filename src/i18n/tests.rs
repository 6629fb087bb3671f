use std::collections::HashMap;

use super::{Lang, audit, text};

#[test]
fn the_bundles_are_complete_and_translated() {
    let problems = audit::problems();
    assert!(problems.is_empty(), "translation problems:\n{}", problems.join("\n"));
}

/// The Spanish bundle names each concept with one term: a binding is a "vinculación", an API
/// endpoint a "punto de enlace", a managed node group or add-on "administrado", a built-in role
/// "(predeterminado)", what applies when nothing is set "por defecto". Code spans
/// (`endpoint_public_access`) are identifiers and do not count.
#[test]
fn spanish_uses_one_term_for_each_concept() {
    // (what is rejected, whether it must start a word, the term to use)
    let rejected = [
        ("endpoint", true, "punto de enlace"),
        ("binding", true, "vinculación"),
        ("gestionad", false, "administrado"),
        ("(default)", false, "(predeterminado)"),
        ("por omisión", false, "por defecto"),
    ];
    let mut found = Vec::new();
    for e in audit::entries(Lang::Es).unwrap() {
        let prose: String = e.text.split('`').step_by(2).collect::<Vec<_>>().join(" ").to_lowercase();
        for (word, starts_word, term) in rejected {
            let hit = prose.match_indices(word).any(|(i, _)| {
                !starts_word || !prose[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            });
            if hit {
                found.push(format!("src/i18n/es/{}: `{}` says `{word}`: write `{term}`", e.file, e.id));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

fn entry(file: &'static str, id: &str, vars: &[&str], text: &str) -> audit::Entry {
    audit::Entry {
        file,
        id: id.to_string(),
        variables: vars.iter().map(ToString::to_string).collect(),
        text: text.to_string(),
    }
}

#[test]
fn the_audit_catches_a_missing_id_a_changed_variable_and_english_left_in_spanish() {
    // The real bundles are checked above; here the checks themselves are shown to bite.
    let en = [
        entry("cli.ftl", "a", &["x"], "file "),
        entry("cli.ftl", "b", &[], "only English"),
        entry("cli.ftl", "c", &[], "same"),
        entry("cli.ftl", "d", &[], "error: "),
    ];
    let es = [
        entry("cli.ftl", "a", &["y"], "archivo "),
        entry("cli.ftl", "c", &[], "same"),
        entry("cli.ftl", "d", &[], "error: "),
        entry("report.ftl", "e", &[], "solo español"),
        entry("report.ftl", "e", &[], "dos veces"),
    ];
    let problems = audit::compare(&en, &es);
    assert_eq!(
        problems,
        [
            "src/i18n/es/report.ftl: `e` is defined twice",
            "src/i18n/es/cli.ftl: `b` is missing",
            "src/i18n/en/report.ftl: `e` is missing",
            "src/i18n/en/report.ftl: `e` is missing",
            "src/i18n/es/cli.ftl: `a` uses {\"y\"}, English uses {\"x\"}",
            "src/i18n/es/cli.ftl: `c` is the English text `same` (translate it, or add the term to SAME_IN_BOTH)",
        ]
    );
    let real = audit::entries(Lang::En).unwrap();
    assert!(real.iter().any(|e| e.id == "summary-found" && e.variables.contains("count")));
}

#[test]
fn the_environment_decides_in_posix_order() {
    let env = |pairs: &[(&str, &str)]| {
        let map: HashMap<String, String> =
            pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect();
        Lang::from_vars(|k| map.get(k).cloned())
    };
    assert_eq!(env(&[]), Lang::En);
    assert_eq!(env(&[("LANG", "es_ES.UTF-8")]), Lang::Es);
    assert_eq!(env(&[("LANG", "es_ES.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")]), Lang::En);
    assert_eq!(env(&[("LANG", "en_US"), ("LC_MESSAGES", "es_MX"), ("LC_ALL", "es")]), Lang::Es);
    assert_eq!(env(&[("LC_ALL", "C"), ("LANG", "es_ES")]), Lang::En, "LC_ALL=C means the C locale");
    assert_eq!(env(&[("LC_ALL", ""), ("LANG", "es_AR.UTF-8@euro")]), Lang::Es, "empty is unset");
    assert_eq!(env(&[("LANG", "fr_FR.UTF-8")]), Lang::En, "a language ladrillo does not speak");
}

#[test]
fn an_unknown_language_flag_is_an_error_naming_the_accepted_values() {
    assert_eq!(Lang::parse("es"), Ok(Lang::Es));
    assert_eq!(Lang::parse("es-ES"), Ok(Lang::Es));
    assert_eq!(Lang::parse("EN"), Ok(Lang::En));
    assert_eq!(Lang::parse("fr"), Err("unknown language `fr` (accepted: en, es)".to_string()));
    assert!(Lang::parse("").is_err());
    assert!(Lang::parse("spanish").is_err());
}

#[test]
fn messages_format_with_plurals_and_without_isolation_marks() {
    let one = crate::t!(Lang::Es, "summary-found", count = 1usize, severities = "alta: 1");
    assert_eq!(one, "1 hallazgo (alta: 1)");
    let many = crate::t!(Lang::En, "summary-found", count = 3usize, severities = "3 high");
    assert_eq!(many, "found 3 findings (3 high)");
    assert!(!many.contains(['\u{2068}', '\u{2069}']), "{many:?}");
    assert_eq!(text(Lang::Es, "severity-critical"), "crítica");
}

#[test]
fn a_message_can_carry_a_translated_fragment() {
    let m = crate::msg!("cannot-write", what = crate::msg!("standard-output"), reason = "broken");
    assert_eq!(m.render(Lang::En), "cannot write standard output: broken");
    assert_eq!(m.render(Lang::Es), "no se puede escribir la salida estándar: broken");
}

#[test]
fn equal_arguments_made_on_one_thread_are_one_copy() {
    let make = || crate::msg!("rule-pod013-message", container = "app", resource = "cpu");
    let (a, b) = (make(), make());
    let (Some(x), Some(y)) = (&a.args, &b.args) else { panic!("both have arguments") };
    assert!(std::sync::Arc::ptr_eq(x, y));
    assert_eq!(a.render(Lang::En), b.render(Lang::En));
    // Other arguments are another copy; none is none.
    let other = crate::msg!("rule-pod013-message", container = "web", resource = "cpu");
    assert!(!std::sync::Arc::ptr_eq(x, other.args.as_ref().expect("arguments")));
    assert!(crate::msg!("rule-pod013-help").args.is_none());
    // Masking one copy leaves the other as it was.
    let mut masked = make();
    masked.map_text(&|s: &str| (s == "app").then(|| "***".to_string()));
    assert!(masked.render(Lang::En).contains("***"));
    assert_eq!(b.render(Lang::En), "app has no cpu limit");
    // Arguments too long to be worth sharing are kept as they are, and read the same.
    let long = "x".repeat(2000);
    let (c, d) = (
        crate::msg!("comma-list", first = long.as_str(), second = "y"),
        crate::msg!("comma-list", first = long.as_str(), second = "y"),
    );
    assert!(!std::sync::Arc::ptr_eq(
        c.args.as_ref().expect("arguments"),
        d.args.as_ref().expect("arguments")
    ));
    assert_eq!(c, d);
}
