//! The user's language end to end: `--lang`, the locale variables in POSIX order, an unknown
//! language refused, and the texts each language shows.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use assert_cmd::Command;
use ladrillo::i18n::{self, Lang};
use predicates::prelude::*;

/// The binary with no locale variable set (each test sets the ones it means).
fn ladrillo() -> Command {
    let mut c = Command::cargo_bin("ladrillo").unwrap();
    c.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    c.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    c
}

const PRIVILEGED_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n    - name: app\n      securityContext:\n        privileged: true\n";

fn scan(c: &mut Command) -> String {
    scan_with(c, &[])
}

/// `scan` with options after the subcommand.
fn scan_with(c: &mut Command, options: &[&str]) -> String {
    let out = c
        .arg("scan")
        .args(options)
        .args(["--select", "privileged-container", "--no-config", "-"])
        .write_stdin(PRIVILEGED_POD)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

const ES_SUMMARY: &str = "1 hallazgo (crítica: 1) en 1 objeto de 1 archivo";
const EN_SUMMARY: &str = "found 1 finding (1 critical) in 1 object from 1 file";

#[test]
fn lang_flag_chooses_the_language() {
    let es = scan(ladrillo().args(["--lang", "es"]));
    assert!(es.contains(ES_SUMMARY), "{es}");
    assert!(es.contains("crítica[POD001]") && es.contains("objeto: Pod bad"), "{es}");
    assert!(!es.contains(['\u{2068}', '\u{2069}']), "Fluent isolation marks leaked: {es:?}");
    // After the subcommand too, and it wins over the environment.
    let en = scan_with(ladrillo().env("LC_ALL", "es_ES.UTF-8"), &["--lang", "en"]);
    assert!(en.contains(EN_SUMMARY), "{en}");
}

#[test]
fn the_locale_variables_decide_in_posix_order() {
    assert!(scan(ladrillo().env("LANG", "es_ES.UTF-8")).contains(ES_SUMMARY));
    assert!(scan(ladrillo().env("LANG", "es_ES.UTF-8").env("LC_MESSAGES", "C")).contains(EN_SUMMARY));
    assert!(scan(ladrillo().env("LANG", "en_US.UTF-8").env("LC_ALL", "es_MX.UTF-8")).contains(ES_SUMMARY));
    assert!(scan(ladrillo().env("LANG", "fr_FR.UTF-8")).contains(EN_SUMMARY));
    assert!(scan(&mut ladrillo()).contains(EN_SUMMARY));
}

#[test]
fn an_unknown_language_is_an_error_naming_the_accepted_values() {
    ladrillo()
        .args(["--lang", "fr", "rules"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: unknown language `fr` (accepted: en, es)\n");
    ladrillo()
        .env("LANG", "es_ES.UTF-8")
        .args(["rules", "--lang", "español"])
        .assert()
        .code(2)
        .stderr("error: idioma desconocido `español` (se aceptan: en, es)\n");
}

#[test]
fn errors_are_in_the_chosen_language() {
    ladrillo()
        .args(["--lang", "es", "explain", "privileged-contianer"])
        .assert()
        .code(2)
        .stderr("error: regla desconocida `privileged-contianer`; ¿quiso decir `privileged-container`?\n");
    ladrillo()
        .args(["--lang", "es", "scan", "--date", "mañana", "--no-config", "-"])
        .write_stdin(PRIVILEGED_POD)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: --date `mañana` no es una fecha (AAAA-MM-DD)"));
}

#[test]
fn explain_labels_are_translated_and_identifiers_are_not() {
    ladrillo().args(["--lang", "es", "explain", "POD001"]).assert().code(0).stdout(
        predicate::str::starts_with(
            "privileged-container (POD001)\n\nSeveridad: crítica\nGrupo: pod\nGuía: G4.3\n",
        )
        .and(predicate::str::contains("Referencias: cis-eks-1.8:4.2.1")),
    );
}

/// Every registered rule and detection has a title in both languages, and the English one is
/// the first sentence of its documentation; a new rule fails here with the lines to add.
#[test]
fn every_rule_has_a_title_in_every_language() {
    let mut missing = Vec::new();
    for rule in ladrillo::rules::all() {
        let m = rule.meta();
        let id = m.title_id();
        for lang in Lang::ALL {
            if !i18n::has(lang, &id) {
                let text = if lang == Lang::En { m.summary() } else { "…".to_string() };
                missing.push(format!(
                    "src/i18n/{}/rules.ftl: add `{id} = {text}` ({} {})",
                    lang.code(),
                    m.code,
                    m.name
                ));
            }
        }
        if i18n::has(Lang::En, &id) && m.title(Lang::En) != m.summary() {
            missing.push(format!(
                "src/i18n/en/rules.ftl: `{id}` differs from the doc comment of {}: `{}`",
                m.code,
                m.summary()
            ));
        }
    }
    assert!(missing.is_empty(), "rule titles to add or fix:\n{}", missing.join("\n"));
}

#[test]
fn rules_and_explain_in_spanish() {
    let out = ladrillo().args(["--lang", "es", "rules"]).assert().code(0).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let line = out.lines().find(|l| l.starts_with("  POD001")).unwrap();
    assert!(out.contains("secrets (SEC, ") && out.contains(" reglas): credenciales"), "{out}");
    assert!(line.contains("privileged-container") && line.contains("crítica"), "{line}");
    assert!(line.ends_with("Señala los contenedores que se ejecutan en modo privilegiado."), "{line}");
    ladrillo().args(["--lang", "es", "explain", "POD001"]).assert().code(0).stdout(predicate::str::contains(
        "\n\nSeñala los contenedores que se ejecutan en modo privilegiado.\n\n## ",
    ));
}

/// Every message id written as a literal in the source (`msg!("id"`, `t!(lang, "id"`, and the
/// `"rule-…"` ids of rule tables) names a message of the English bundle, so no user ever sees a
/// bare id; the Spanish bundle is held to the English one by the `i18n` unit tests.
#[test]
fn every_message_id_in_the_source_exists() {
    let mut missing = Vec::new();
    let mut seen = 0;
    let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            // Comments name example ids (`msg!("rule-pod001-help")`); only code counts.
            let text: String = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .map(|l| format!("{l}\n"))
                .collect();
            for id in literal_ids(&text) {
                seen += 1;
                if !i18n::has(Lang::En, &id) {
                    missing.push(format!("{}: `{id}` is in no src/i18n/en/*.ftl", path.display()));
                }
            }
        }
    }
    assert!(seen > 100, "only {seen} ids found: the scanner no longer reads the source");
    assert!(missing.is_empty(), "message ids without a message:\n{}", missing.join("\n"));
}

/// The string literals that are message ids: the first argument of `msg!`, the second of `t!`,
/// and any literal `"rule-<code>-…"` (ids kept in tables).
fn literal_ids(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let literal_at = |rest: &str| -> Option<String> {
        let rest = rest.trim_start().strip_prefix('"')?;
        let end = rest.find('"')?;
        let id = &rest[..end];
        id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-').then(|| id.to_string())
    };
    for (at, _) in text.match_indices("msg!(") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        out.extend(literal_at(&text[at + 5..]));
    }
    for (at, _) in text.match_indices("t!(") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &text[at + 3..];
        if let Some(comma) = rest.find(',') {
            out.extend(literal_at(&rest[comma + 1..]));
        }
    }
    for (at, _) in text.match_indices("\"rule-") {
        out.extend(literal_at(&text[at..]));
    }
    // `msg!($id …)` in the macro definition itself is no literal.
    out.retain(|id| !id.is_empty() && !id.ends_with('-'));
    out
}

/// Every documented default in `defaults.ftl` is a reason the cluster model gives, word for word
/// (a reason reworded in the model would otherwise lose its translation silently; the fixtures
/// of `tests/rules.rs` catch a reason without a message).
#[test]
fn every_default_reason_message_is_a_reason_of_the_model() {
    let mut source = String::new();
    let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model/cluster")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                source.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let entries = i18n::audit::entries(Lang::En).unwrap();
    let defaults: Vec<_> = entries.iter().filter(|e| e.file == "defaults.ftl").collect();
    assert!(defaults.len() > 50, "only {} default reasons", defaults.len());
    let stale: Vec<_> = defaults
        .iter()
        .filter(|e| !source.contains(&format!("\"{}\"", i18n::text(Lang::En, &e.id))))
        .map(|e| format!("{} = {}", e.id, e.text))
        .collect();
    assert!(stale.is_empty(), "defaults.ftl messages no model reason matches:\n{}", stale.join("\n"));
    assert_eq!(i18n::default_reason_id("eksctl uses gp3"), Some("default-eksctl-uses-gp3"));
    assert_eq!(i18n::default_reason_id("not a documented default"), None);
}

/// `.ladrillo.yaml` problems in Spanish (issue 14): every problem listed with its position, keys,
/// values and rule names as written; English stays the default.
#[test]
fn config_errors_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("ladrillo.yaml");
    std::fs::write(
        &config,
        "select: [privileged-contianer]\nseverity: {privileged-container: urgent}\nfail-on: sometimes\n\
         pss: {level: strict}\nwebhook: {mode: block}\nwaivers:\n  - reason: legacy\nexclud: [vendor]\n",
    )
    .unwrap();
    let run = |lang: &str| {
        let out = ladrillo()
            .args(["--lang", lang, "scan", "--config"])
            .arg(&config)
            .arg("-")
            .write_stdin(PRIVILEGED_POD)
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        String::from_utf8(out).unwrap().replace(&dir.path().display().to_string(), "DIR")
    };
    insta::assert_snapshot!("config_errors_es", run("es"));
    let en = run("en");
    assert!(en.contains("unknown key `exclud`; did you mean `exclude`?"), "{en}");
    assert!(en.contains("`level` must be one of privileged, baseline, restricted; found `strict`"), "{en}");
}

/// The `reachability` and `audit-log` sections of `.ladrillo.yaml` word their problems in the
/// reader's language too; English is unchanged.
#[test]
fn config_section_errors_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("ladrillo.yaml");
    std::fs::write(
        &config,
        "reachability:\n  deny:\n    - {from: shop/app=web, to: {cidr: 10.0.0.0/8, namespace: x}}\n    \
         - {from: shop/app=web, port: many, via: x}\n  allow: nope\n  maybe: []\n\
         audit-log:\n  trusted-networks: [not-a-net, '']\n  thresholds: {forbidden-burst: {count: 0, window: soon}}\n  \
         pss: {level: strict}\n  trusted-user: [x]\n",
    )
    .unwrap();
    let run = |lang: &str| {
        let out = ladrillo()
            .args(["--lang", lang, "scan", "--config"])
            .arg(&config)
            .arg("-")
            .write_stdin(PRIVILEGED_POD)
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        String::from_utf8(out).unwrap().replace(&dir.path().display().to_string(), "DIR")
    };
    insta::assert_snapshot!("config_section_errors_es", run("es"));
    let en = run("en");
    for text in [
        "`cidr` cannot be combined with other keys",
        "`many` is not PORT or PORT/PROTOCOL",
        "unknown key `via` in an assertion; expected `from`, `to` or `port`",
        "an assertion needs `to`",
        "`allow` must be a list of {from, to, port} entries",
        "unknown key `maybe` in `reachability`; expected `deny` or `allow`",
        "`not-a-net` is not an address or CIDR range",
        "`trusted-networks` entries must be non-empty strings",
        "`count` must be a positive integer",
        "`window` must be a positive duration such as `90s`, `10m` or `1h`",
        "`level` must be one of privileged, baseline, restricted; found `strict`",
        "unknown key `trusted-user`; did you mean `trusted-users`?",
    ] {
        assert!(en.contains(text), "{text} not in:\n{en}");
    }
}
