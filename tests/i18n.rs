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
    // The documentation's sections are in English: their headings are not, and a line says so.
    let out =
        ladrillo().args(["--lang", "es", "explain", "POD001"]).assert().code(0).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains(
            "\n\nSeñala los contenedores que se ejecutan en modo privilegiado.\n\n\
             La explicación que sigue solo está disponible en inglés.\n\n## ¿Por qué es un problema?\n"
        ),
        "{out}"
    );
    assert!(out.contains("\n## Cómo corregirlo\n") && out.contains("\n## Ejemplo\n"), "{out}");
    for english in ["## Why is this bad?", "## How to fix", "## Example"] {
        assert!(!out.contains(english), "{out}");
    }
    let en =
        ladrillo().args(["--lang", "en", "explain", "POD001"]).assert().code(0).get_output().stdout.clone();
    let en = String::from_utf8(en).unwrap();
    assert!(en.contains("run privileged.\n\n## Why is this bad?\n") && !en.contains("in English"), "{en}");
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

/// English fragments that the commands below once wrote whatever the language: none may come
/// back under `--lang es` (values and identifiers from the input are not among them).
const ENGLISH: &[&str] = &[
    "no such file",
    "cannot ",
    " is not ",
    "must ",
    "expected ",
    "unknown ",
    "malformed",
    "not a JSON",
    "did you mean",
    "would overwrite",
    "no files",
    "selects no",
    "no detection",
    " found",
    "warning:",
    "note:",
    "verdict",
    "allowed",
    "blocked",
    "isolated",
    "ingress of",
    "egress of",
    "Connections",
    "is ignored",
    "invalid object",
    "instance type",
    "max pods",
    "MAX PODS",
    "secondary IP",
    "Prefix delegation",
    "reads exactly",
    "unexpected argument",
    "Usage:",
    "For more information",
    "tip:",
    "required",
    "is required",
    "wrote ",
    "next: read",
    "placeholder",
    "not empty",
    "not a directory",
    "subject `",
    "resource `",
    "column ",
    "item ",
];

/// Runs `ladrillo --lang es ARGS` in `dir` and returns stdout and stderr together, after
/// checking the exit code.
fn spanish(dir: &std::path::Path, args: &[&str], code: i32) -> String {
    let out = ladrillo()
        .current_dir(dir)
        .args(["--lang", "es"])
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

/// Every command's own errors, notes and tables in Spanish on good and deliberately bad input
/// (issue 14): audit-log's command line and the problems of its records, netpol's endpoints,
/// ports, protocols and ignored policies and its explanations, the Pod Security verdict on an
/// object the API server would refuse (in `pss` and in `report`), max-pods' table and unknown
/// types, `--fail-on`. Each case names Spanish it must show, and none may show [`ENGLISH`].
#[test]
fn commands_speak_spanish_on_good_and_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("bad.log"), "{\"kind\":\"Event\"\nnot json\n[1,2]\n\"bm90IGpzb24=\"\nH4sIAAAA\n")
        .unwrap();
    std::fs::write(d.join("truncated.json"), "[{\"kind\": \"Event\"},\n").unwrap();
    std::fs::write(d.join("empty.log"), "{}\n").unwrap();
    std::fs::create_dir(d.join("nothing")).unwrap();
    std::fs::write(
        d.join("net.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  \
         selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    \
         spec: {hostNetwork: true, containers: [{name: c, image: nginx}]}\n---\n\
         apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cron, namespace: jobs}\nspec:\n  \
         selector: {matchLabels: {app: cron}}\n  template:\n    metadata: {labels: {app: cron}}\n    \
         spec: {containers: [{name: c, image: nginx}]}\n---\n\
         apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  \
         selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    \
         spec: {containers: [{name: c, image: nginx}]}\n---\n\
         apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api, namespace: shop}\n\
         spec:\n  podSelector: {matchLabels: {app: api}}\n  ingress:\n    - from: [{namespaceSelector: {matchLabels: {team: x}}}]\n      \
         ports: [{port: 8080}]\n---\n\
         apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: broken, namespace: shop}\n\
         spec:\n  podSelector: {}\n  ingress:\n    - from: [{ipBlock: {cidr: 10.0.0.0/33}}]\n",
    )
    .unwrap();
    std::fs::write(
        d.join("refused.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: \"yes\"\n  \
         securityContext: {runAsUser: 1.5}\n  containers: [{name: c, image: nginx}]\n",
    )
    .unwrap();
    write_bad_inputs(d);
    let cases: &[(&[&str], i32, &[&str])] = &[
        // scan's input errors: files that cannot be read or parsed, documents that are not objects.
        (&["scan", "--no-config", "bad.yaml"], 2, &["error: comillas sin cerrar", "bad.yaml:4:"]),
        (&["scan", "--no-config", "-f", "json", "bad.yaml"], 2, &["bad.yaml:4:9: comillas sin cerrar"]),
        (&["scan", "--no-config", "bad.json"], 2, &["error: JSON no válido: la clave debe ser una cadena"]),
        (
            &["scan", "--no-config", "bin.yaml"],
            2,
            &["archivo binario (contiene un byte NUL); no es un manifiesto"],
        ),
        (&["scan", "--no-config", "latin.yaml"], 2, &["el archivo no es UTF-8 válido"]),
        (
            &["scan", "--no-config", "missing.yaml"],
            2,
            &["error: no existe el archivo o directorio\n--> missing.yaml"],
        ),
        (
            &["scan", "--no-config", "links"],
            2,
            &["enlace simbólico roto: su destino `", "nowhere.yaml` no existe"],
        ),
        (
            &["scan", "--no-config", "list.json", "noname.yaml"],
            2,
            &[
                "un elemento de una List debe ser un objeto de Kubernetes, pero es un número",
                "el objeto no tiene `metadata.name`",
            ],
        ),
        (
            &[
                "scan",
                "--no-config",
                "--select",
                "privileged-container",
                "eksctl.yaml",
                "awsauth.yaml",
                "waiver.yaml",
            ],
            2,
            &[
                "campo de eksctl desconocido `clusterEndpointz` en `vpc`; ¿quiso decir `clusterEndpoints`?",
                "tipo de registro desconocido `apii`",
                "`iam.withOIDC` debe ser un booleano, pero es una cadena",
                "`data.mapRoles` no es YAML válido: '[' sin cerrar",
                "en `ladrillo.dev/ignore`: regla desconocida `privileged-contianer`; ¿quiso decir `privileged-container`?",
                "anotación desconocida `ladrillo.dev/ignor-reason`",
            ],
        ),
        (&["rbac", "who-can", "get", "pods", "bad.yaml"], 2, &["bad.yaml:4:9: comillas sin cerrar"]),
        (&["netpol", "reach", "bad.json"], 2, &["JSON no válido"]),
        (&["audit-log", "missing.log"], 2, &["missing.log: no existe el archivo o directorio"]),
        (&["audit-log", "nothing"], 2, &["nothing: no hay archivos en este directorio"]),
        (&["audit-log", "--since", "ayer", "empty.log"], 2, &["--since: `ayer` no es un instante"]),
        (&["audit-log", "--until", "3q", "empty.log"], 2, &["--until: `3q` no es un instante"]),
        (&["audit-log", "--follow", "bad.log", "empty.log"], 2, &["--follow lee exactamente un archivo"]),
        (&["audit-log", "--follow", "--format", "json", "bad.log"], 2, &["use --format text o jsonl"]),
        (&["audit-log", "--select", "POD001", "empty.log"], 2, &["no selecciona ninguna detección"]),
        (&["audit-log", "--select", ",", "empty.log"], 2, &["nombre de detección vacío en --select"]),
        (&["audit-log", "--fail-on", "grave", "empty.log"], 2, &["`grave` no es una severidad"]),
        (&["audit-log", "-o", "empty.log", "empty.log"], 2, &["sobrescribiría una entrada"]),
        (&["audit-log", "empty.log"], 2, &["no se ha encontrado ningún evento de auditoría"]),
        (
            &["audit-log", "bad.log"],
            2,
            &[
                "bad.log:1: JSON mal formado: fin de archivo dentro de un objeto (columna 15)",
                "bad.log:2: no es un registro JSON",
                "bad.log:3: elemento 0: no es un registro JSON",
                "bad.log:5: no se puede descomprimir: fin de archivo inesperado",
                "registros mal formados",
            ],
        ),
        (&["audit-log", "truncated.json"], 2, &["fin inesperado de la entrada; se esperaba un valor"]),
        (&["scan", "--fail-on", "grave", "--no-config", "refused.yaml"], 2, &["`grave` no es una severidad"]),
        (
            &["netpol", "reach", "net.yaml"],
            0,
            &[
                "todas las conexiones",
                "nota: shop/web[Deployment] usa la red del host",
                "aviso: net.yaml:",
                "se ignora NetworkPolicy shop/broken",
                "depende de etiquetas del espacio de nombres",
            ],
        ),
        (&["netpol", "reach", "-f", "matrix", "net.yaml"], 0, &["de \\ a", "todo"]),
        (
            &["netpol", "reach", "--focus", "nadie", "net.yaml"],
            2,
            &["no hay ninguna carga de trabajo `nadie`"],
        ),
        (
            &["netpol", "reach", "--focus", "10.0.0.0/8", "net.yaml"],
            2,
            &["debe nombrar una carga de trabajo"],
        ),
        (
            &["netpol", "explain", "-f", "net.yaml", "shop/web", "shop/api", "99999"],
            2,
            &["`99999` no es PUERTO ni PUERTO/PROTOCOLO"],
        ),
        (
            &["netpol", "explain", "-f", "net.yaml", "shop/web", "shop/api", "80/XTP"],
            2,
            &["`XTP` no es TCP, UDP ni SCTP"],
        ),
        (
            &["netpol", "explain", "-f", "net.yaml", "shop/nadie", "shop/api"],
            2,
            &["no hay ninguna carga de trabajo"],
        ),
        (
            &["netpol", "explain", "-f", "net.yaml", "10.1.0.0/16", "shop/api", "8080"],
            1,
            &[
                "salida de 10.1.0.0/16: fuera del clúster",
                "entrada de shop/api[Deployment]: aislada por shop/api",
                "no coincide con este extremo",
                "veredicto: TCP 8080 bloqueado por entrada de shop/api[Deployment]",
            ],
        ),
        (
            &["netpol", "explain", "-f", "net.yaml", "shop/web", "shop/api", "8080"],
            1,
            &[
                "salida de shop/web[Deployment]: usa la red del host",
                "veredicto: TCP 8080 bloqueado por entrada de shop/api",
            ],
        ),
        (
            &["netpol", "explain", "-f", "net.yaml", "jobs/cron", "shop/api", "8080"],
            1,
            &[
                "salida de jobs/cron[Deployment]: sin aislar",
                "posiblemente permite TCP 8080",
                "veredicto: TCP 8080 posiblemente permitido",
            ],
        ),
        (
            &["pss", "refused.yaml"],
            2,
            &[
                "objeto no válido: spec.hostNetwork debe ser un booleano, pero es una cadena",
                "spec.securityContext.runAsUser debe ser un entero, pero es el número 1.5",
            ],
        ),
        (
            &["report", "--framework", "pss-baseline", "--no-config", "refused.yaml"],
            1,
            &[
                "objeto no válido: spec.hostNetwork debe ser un booleano, pero es una cadena, objeto no válido: spec.securityContext.runAsUser",
            ],
        ),
        (
            &["max-pods", "m5.large", "a1.metal"],
            0,
            &["Máximo de pods de VPC CNI, modo de IP secundarias", "TIPO DE INSTANCIA", "MÁX. PODS"],
        ),
        (
            &["max-pods", "--prefix-delegation", "--custom-networking", "m5.xlarge"],
            0,
            &["delegación de prefijos con red personalizada", "requiere una instancia Nitro"],
        ),
        (&["max-pods", "m5.lage"], 2, &["tipo de instancia desconocido \"m5.lage\"; ¿quiso decir m5.large"]),
        (&["max-pods", "zz.nada"], 2, &["(`ladrillo max-pods --all` lista los conocidos)"]),
        // clap's own errors: typo'd options and commands, bad and missing values.
        (
            &["scan", "--bogus"],
            2,
            &[
                "error: argumento inesperado '--bogus'",
                "consejo: para pasar '--bogus' como valor",
                "Uso: ladrillo scan",
                "Para más información, pruebe '--help'.",
            ],
        ),
        (&["scn"], 2, &["error: orden desconocida 'scn'", "consejo: existe una orden parecida: 'scan'"]),
        (
            &["scan", "--format", "pdf"],
            2,
            &["valor no válido 'pdf' para '--format <FORMAT>'", "[valores posibles: text, json"],
        ),
        (&["scan", "--output"], 2, &["'--output <FILE>' necesita un valor, pero no se ha dado ninguno"]),
        (&["explain"], 2, &["faltan estos argumentos obligatorios:", "<RULE>"]),
        (
            &["audit-log", "--config", "a", "--no-config", "x"],
            2,
            &["el argumento '--config <FILE>' no se puede usar junto con '--no-config'"],
        ),
        (&["pss", "--level", "strict", "refused.yaml"], 2, &["debe ser privileged, baseline o restricted"]),
        (
            &["pss", "--kubernetes-version", "2.x", "refused.yaml"],
            2,
            &["debe ser una versión de Kubernetes como 1.30"],
        ),
        (
            &["scan", "-o", "refused.yaml", "refused.yaml"],
            2,
            &["--output refused.yaml sobrescribiría la entrada refused.yaml; elija otro archivo"],
        ),
        // init: the request's problems, what it wrote, a directory it will not write into.
        (
            &["init", "--out", "bundle"],
            2,
            &["falta --name", "falta --region", "elija cómo llegará al servidor de API"],
        ),
        (
            &[
                "init",
                "--name",
                "1x",
                "--region",
                "marte",
                "--version",
                "1.10",
                "--nodes-min",
                "5",
                "--nodes",
                "2",
                "--node-type",
                "m5.lage",
                "--public-access-cidrs",
                "10.0.0.0/8",
                "--tags",
                "aws:x=1",
                "--namespaces",
                "kube-x",
                "--account-id",
                "12",
                "--kms-key-arn",
                "clave",
                "--out",
                "bundle",
            ],
            2,
            &[
                "`1x` no es un nombre válido",
                "--region `marte` no es el nombre de una región de AWS",
                "no es una versión de Kubernetes para la que ladrillo sepa generar",
                "¿quiso decir m5.large",
                "--nodes-min (5) es mayor que --nodes (2)",
                "no es un rango de direcciones públicas",
                "no es un ID de cuenta de AWS de 12 dígitos",
                "no es el ARN de una clave de KMS",
                "usa el prefijo reservado aws:",
                "`kube-x` está reservado",
            ],
        ),
        (
            &["init", "--name", "demo", "--region", "us-east-1", "--private", "--out", "bundle"],
            0,
            &[
                "escritos 22 archivos en bundle",
                "aviso: el ID de cuenta de AWS 111122223333 es provisional",
                "siguiente paso: lea bundle/README.md",
            ],
        ),
        (
            &["init", "--name", "demo", "--region", "us-east-1", "--private", "--out", "bundle"],
            2,
            &["bundle no está vacío; elija otro --out, o añada --force"],
        ),
        (
            &["init", "--name", "demo", "--region", "us-east-1", "--private", "--out", "empty.log"],
            2,
            &["empty.log existe y no es un directorio"],
        ),
        // rbac: subjects, verbs and resources.
        (
            &["rbac", "can-i", "alicia", "get", "pods", "net.yaml"],
            2,
            &["el sujeto `alicia` debe escribirse User:NOMBRE"],
        ),
        (&["rbac", "can-i", "sa:x", "get", "pods", "net.yaml"], 2, &["debe indicar su espacio de nombres"]),
        (
            &["rbac", "who-can", "zap", "pods", "net.yaml"],
            0,
            &["aviso: `zap` no es un verbo que Kubernetes defina"],
        ),
        (&["rbac", "who-can", "get", "cosas", "net.yaml"], 2, &["recurso desconocido `cosas`"]),
        (&["rbac", "who-can", "get", "pods/a/b", "net.yaml"], 2, &["debe ser RECURSO o RECURSO/SUBRECURSO"]),
        (
            &["rbac", "can-i", "arn:aws:iam::123456789012:role/x", "get", "pods", "net.yaml"],
            2,
            &["ninguna entrada de aws-auth de las entradas asigna la entidad de IAM"],
        ),
    ];
    let mut failures = Vec::new();
    for (args, code, wanted) in cases {
        let out = spanish(d, args, *code);
        for w in *wanted {
            if !out.contains(w) {
                failures.push(format!("{args:?}: no `{w}` in:\n{out}"));
            }
        }
        for e in ENGLISH {
            if out.contains(e) {
                failures.push(format!("{args:?}: English `{e}` in:\n{out}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `--help` in Spanish (issue 14): the command's about, every option's help, the headings and
/// clap's own phrases; `--lang` may come after `--help`, and the locale decides without it.
/// English help stays the code's own.
#[test]
fn help_in_spanish() {
    let help = |args: &[&str], env: Option<&str>| {
        let mut c = ladrillo();
        if let Some(locale) = env {
            c.env("LANG", locale);
        }
        String::from_utf8(c.args(args).assert().code(0).get_output().stdout.clone()).unwrap()
    };
    let es = help(&["scan", "--help", "--lang", "es"], None);
    for spanish in [
        "Analiza manifiestos",
        "Uso: ladrillo scan",
        "Argumentos:",
        "Opciones:",
        "Formato de salida\n          \n          Valores posibles:\n          - text\n",
        "- markdown: Para comentarios de pull requests",
        "[por defecto: text]",
        "Escribe el informe en un archivo en lugar de la salida estándar",
        "Muestra la ayuda",
    ] {
        assert!(es.contains(spanish), "no `{spanish}` in:\n{es}");
    }
    for english in
        ["Usage:", "Options:", "Arguments:", "Output format", "Print help", "[default:", "Possible values"]
    {
        assert!(!es.contains(english), "`{english}` in:\n{es}");
    }
    let short = help(&["scan", "-h", "--lang", "es"], None);
    assert!(short.contains("Formato de salida [por defecto: text] [valores posibles: text, json"), "{short}");
    let top = help(&["-h"], Some("es_ES.UTF-8"));
    assert!(top.contains("Órdenes:\n  scan         Analiza manifiestos"), "{top}");
    assert!(top.contains("help         Muestra esta ayuda"), "{top}");
    let en = help(&["scan", "--help"], Some("C"));
    assert!(en.contains("Usage: ladrillo scan [OPTIONS] [PATHS]...\n\nArguments:"), "{en}");
    assert!(en.contains("Possible values:\n          - text"), "{en}");
}

/// Malformed and unreadable inputs for the Spanish cases above.
fn write_bad_inputs(d: &std::path::Path) {
    std::fs::write(d.join("bad.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'p\n").unwrap();
    std::fs::write(
        d.join("bad.json"),
        "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"},}\n",
    )
    .unwrap();
    std::fs::write(d.join("bin.yaml"), b"kind: Pod\n\0").unwrap();
    std::fs::write(d.join("latin.yaml"), b"kind: Pod\nx: \xff\n").unwrap();
    std::fs::write(d.join("list.json"), r#"{"kind":"List","apiVersion":"v1","items":[3]}"#).unwrap();
    std::fs::write(d.join("noname.yaml"), "apiVersion: v1\nkind: Pod\n").unwrap();
    std::fs::write(
        d.join("awsauth.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\n\
         data:\n  mapRoles: \"- rolearn: [x\\n\"\n",
    )
    .unwrap();
    std::fs::write(
        d.join("eksctl.yaml"),
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: eu-west-1}\n\
         vpc: {clusterEndpointz: {}}\ncloudWatch: {clusterLogging: {enableTypes: [apii]}}\niam: {withOIDC: \"yes\"}\n",
    )
    .unwrap();
    std::fs::write(
        d.join("waiver.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  \
         annotations: {ladrillo.dev/ignore: privileged-contianer, ladrillo.dev/ignor-reason: x}\n\
         spec: {containers: [{name: c, image: nginx}]}\n",
    )
    .unwrap();
    std::fs::create_dir(d.join("links")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("nowhere.yaml"), d.join("links").join("broken.yaml")).unwrap();
}

/// A Terraform syntax error in Spanish quotes the HCL parser's own (English) words; English
/// output and JSON's `message` are as before whatever the language.
#[test]
fn hcl_and_json_input_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("main.tf"), "resource \"aws_eks_cluster\" \"x\" {\n  name = \n").unwrap();
    std::fs::write(dir.path().join("bad.yaml"), "a: 'p\n").unwrap();
    let es = spanish(dir.path(), &["scan", "--no-config", "main.tf"], 2);
    assert!(es.contains("error: HCL no válido; el analizador de HCL indica: «invalid expression"), "{es}");
    let en = ladrillo()
        .current_dir(dir.path())
        .args(["--lang", "en", "scan", "--no-config", "main.tf"])
        .output()
        .unwrap();
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(en.contains("error: invalid HCL: invalid expression"), "{en}");
    let json = ladrillo()
        .current_dir(dir.path())
        .args(["--lang", "es", "scan", "--no-config", "-f", "json", "bad.yaml"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["errors"][0]["message"], "unclosed quote");
    assert_eq!(String::from_utf8(json.stderr).unwrap(), "error: bad.yaml:1:4: comillas sin cerrar\n");
    // An input with nothing to analyse: the same, its message made of several parts.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let json = ladrillo()
        .current_dir(dir.path())
        .args(["--lang", "es", "scan", "--no-config", "-f", "json", "empty"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let message = report["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("nothing to analyse: ")
            && message.ends_with("; pass --allow-empty if an empty input is expected"),
        "{message}"
    );
    let stderr = String::from_utf8(json.stderr).unwrap();
    assert!(
        stderr.starts_with("error: empty: nada que analizar: ")
            && stderr.ends_with("; use --allow-empty si se espera una entrada vacía\n"),
        "{stderr}"
    );
}

/// The node-group capacity lines of a text report, known or not, in Spanish (they were English
/// whatever the language).
#[test]
fn capacity_lines_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cluster.yaml"),
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: prod, region: eu-west-1}\n\
         managedNodeGroups:\n  - {name: web, instanceType: m5.large, maxSize: 3}\n  \
         - {name: odd, instanceType: zz.nada, maxSize: 3}\n\
         fargateProfiles:\n  - {name: fp, selectors: [{namespace: batch}]}\n",
    )
    .unwrap();
    let out = ladrillo()
        .current_dir(dir.path())
        .args(["--lang", "es", "scan", "--no-config", "--select", "ssh-open-to-internet", "cluster.yaml"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for wanted in [
        "capacidad: clúster \"prod\" (cluster.yaml), grupo de nodos administrado \"web\": 3 nodos × 29 pods (m5.large) = 87 pods",
        "grupo de nodos administrado \"odd\": desconocida: no hay datos de ENI del tipo de instancia zz.nada",
        "perfil de Fargate \"fp\": sin límite: Fargate ejecuta cada pod en un nodo propio",
    ] {
        assert!(text.contains(wanted), "no `{wanted}` in:\n{text}");
    }
    for english in ["cluster \"", "node group", "nodes ×", "unbounded", "unknown"] {
        assert!(!text.contains(english), "English `{english}` in:\n{text}");
    }
}

/// Pieces of `generate.ftl` lines that are commands or paths, the same in both languages.
const SHARED_PIECES: &[&str] = &[
    "eksctl create cluster -f eksctl/cluster.yaml",
    "`kubectl apply -k`:",
    "`ladrillo netpol explain",
    "(guide:G3.2; iam/",
    "`ladrillo init ... --account-id $(aws sts get-caller-identity --query Account --output text) --force`.",
    "(`aws eks describe-cluster --name",
    "--query cluster.identity.oidc.issuer`).",
];

/// The English phrases of `generate.ftl`: each line of each message cut at its placeables, the
/// pieces of two words or more but [`SHARED_PIECES`].
fn english_bundle_phrases() -> Vec<String> {
    let source = |lang: Lang| {
        i18n::sources(lang).iter().find(|(name, _)| *name == "generate.ftl").map(|(_, s)| *s).unwrap()
    };
    let spanish = source(Lang::Es);
    for shared in SHARED_PIECES {
        assert!(
            spanish.contains(shared),
            "`{shared}` is no longer in the Spanish file: drop it from SHARED_PIECES"
        );
    }
    let mut phrases = Vec::new();
    for line in source(Lang::En).lines() {
        if line.starts_with('#') {
            continue;
        }
        // A message's first line after `id =`, or one of its indented continuation lines.
        let value = match line.split_once(" = ") {
            Some((id, value)) if !line.starts_with(' ') && !id.contains(' ') => value,
            _ => line,
        };
        let mut rest = value;
        while !rest.is_empty() {
            let (piece, after) = match rest.find('{') {
                Some(open) => (&rest[..open], rest[open..].find('}').map_or("", |c| &rest[open + c + 1..])),
                None => (rest, ""),
            };
            let piece = piece.trim();
            let words =
                piece.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
            if words.count() >= 2 && !SHARED_PIECES.contains(&piece) {
                phrases.push(piece.to_string());
            }
            rest = after;
        }
    }
    phrases
}

/// Every file `init` writes and `webhook manifests` prints, for the flag sets that between them
/// use every message of `generate.ftl`, in one language (`--lang` or `LANG`).
fn generated_text(lang: &[(&str, &str)], flag: Option<&str>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let profiles: &[&[&str]] = &[
        &["--public-access-cidrs", "203.0.113.0/24", "--webhook"],
        &["--private", "--karpenter", "--account-id", "123456789012"],
        &[
            "--public-access-cidrs",
            "203.0.113.0/24",
            "--version",
            "1.32",
            "--extended-support",
            "--scan-cronjob",
        ],
        &[
            "--private",
            "--tags",
            "env=prod",
            "--zones",
            "us-east-1a,us-east-1b",
            "--kms-key-arn",
            "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            "--spot",
            "--instance-types",
            "m5.large,m5a.large",
        ],
    ];
    let command = |args: &[&str]| {
        let mut c = ladrillo();
        c.envs(lang.iter().copied());
        if let Some(code) = flag {
            c.args(["--lang", code]);
        }
        let out = c.current_dir(dir.path()).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let mut text = String::new();
    for (i, extra) in profiles.iter().enumerate() {
        let out = format!("b{i}");
        let base =
            ["init", "--name", "mi-cluster", "--region", "us-east-1", "--date", "2026-11-24", "--out", &out];
        command(&[&base[..], extra].concat());
        let mut stack = vec![dir.path().join(&out)];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    text.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
    }
    text.push_str(&command(&["webhook", "manifests"]));
    text.push_str(&command(&["webhook", "manifests", "--no-cert-manager"]));
    text
}

/// `init` and `webhook manifests` in Spanish (issue 14): their README, comments, descriptions
/// and waiver reasons hold none of the English phrases of `generate.ftl`, each of which the
/// English output does hold (so the list is the real text, and the check can fail).
#[test]
fn the_generated_bundle_and_manifests_speak_spanish() {
    let phrases = english_bundle_phrases();
    assert!(phrases.len() > 300, "only {} phrases: the ftl reader is broken", phrases.len());
    let english = generated_text(&[], None);
    let unused: Vec<&String> = phrases.iter().filter(|p| !english.contains(p.as_str())).collect();
    assert!(unused.is_empty(), "phrases the English output does not hold: {unused:#?}");
    for (env, flag) in [(&[][..], Some("es")), (&[("LANG", "es_ES.UTF-8")][..], None)] {
        let spanish = generated_text(env, flag);
        let left: Vec<&String> = phrases.iter().filter(|p| spanish.contains(p.as_str())).collect();
        assert!(left.is_empty(), "English left in the Spanish output ({env:?} {flag:?}): {left:#?}");
        assert!(spanish.contains("# Clúster EKS endurecido") && spanish.contains("## Antes de empezar"));
    }
}

/// `init --from`: the changes made to an eksctl file are listed in Spanish, and its errors too;
/// every English change text without arguments that the English run shows is absent.
#[test]
fn init_from_lists_its_changes_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: legacy, region: eu-west-1}\n\
         accessConfig: {authenticationMode: CONFIG_MAP}\niamIdentityMappings: [{arn: \"arn:aws:iam::111122223333:root\", groups: [\"system:masters\"]}]\n\
         nodeGroups:\n  - {name: ng-1, instanceType: m5.large, ssh: {allow: true}}\n  - {name: ng-2}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n").unwrap();
    let run = |lang: &str, file: &str, code: i32| {
        let out = ladrillo()
            .current_dir(dir.path())
            .args(["--lang", lang, "init", "--from", file, "--private", "--date", "2026-11-24", "--out"])
            .arg(format!("out-{lang}"))
            .assert()
            .code(code)
            .get_output()
            .clone();
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
    };
    let (english, spanish) = (run("en", "a.yaml", 0), run("es", "a.yaml", 0));
    let fixed: Vec<String> = i18n::audit::entries(Lang::En)
        .unwrap()
        .into_iter()
        .filter(|e| e.id.starts_with("init-from-") && e.variables.is_empty())
        .map(|e| i18n::text(Lang::En, &e.id))
        .filter(|t| english.contains(t.as_str()))
        .collect();
    assert!(fixed.len() >= 8, "only {} change texts found in:\n{english}", fixed.len());
    for t in &fixed {
        assert!(!spanish.contains(t.as_str()), "English `{t}` in:\n{spanish}");
    }
    for wanted in [
        "cambios de endurecimiento en a.yaml",
        "grupo de nodos ng-1: ssh.allow: true → false, SSM en lugar de SSH",
        "grupos de nodos: solo se conserva el primero de 2",
        "accessConfig.authenticationMode: CONFIG_MAP → API, entradas de acceso en lugar de aws-auth",
    ] {
        assert!(spanish.contains(wanted), "no `{wanted}` in:\n{spanish}");
    }
    let error = run("es", "b.yaml", 2);
    assert!(error.contains("b.yaml: no se encontró ningún ClusterConfig de eksctl"), "{error}");
}

/// RBAC findings in Spanish carry no English of their own: the full-wildcard request, the
/// precondition a half permission lacks, and the `(default)` mark of a built-in role are
/// translated; the English stays as it was.
#[test]
fn rbac_findings_in_spanish_have_no_english_words() {
    let manifests = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n\
        metadata: {name: developers-admin}\n\
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\n\
        subjects: [{kind: Group, name: developers, apiGroup: rbac.authorization.k8s.io}]\n---\n\
        apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: peek}\n\
        rules: [{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate, bind]}]\n---\n\
        apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: peek}\n\
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: peek}\n\
        subjects: [{kind: ServiceAccount, name: ci, namespace: tools}]\n";
    let run = |lang: &str| {
        let out = ladrillo()
            .args(["--lang", lang, "scan", "--no-config", "--select", "rbac", "-"])
            .write_stdin(manifests)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let es = run("es");
    for wanted in [
        "ClusterRole cluster-admin (predeterminado)",
        "permite * sobre * en todo el clúster",
        "pero no create/update/patch sobre roles.rbac.authorization.k8s.io o clusterroles.rbac.authorization.k8s.io,",
        "necesita además create/update/patch sobre roles.rbac.authorization.k8s.io o clusterroles",
    ] {
        assert!(es.contains(wanted), "no `{wanted}` in:\n{es}");
    }
    for english in ["(default)", " on ", " or "] {
        assert!(!es.contains(english), "English `{english}` in:\n{es}");
    }
    let en = run("en");
    for wanted in [
        "ClusterRole cluster-admin (default)",
        "allows * on * cluster-wide",
        "but not create/update/patch on roles.rbac.authorization.k8s.io or clusterroles.rbac.authorization.k8s.io,",
    ] {
        assert!(en.contains(wanted), "no `{wanted}` in:\n{en}");
    }
}

/// `audit-log`'s summary agrees with its numbers in both languages: one event read, analysed
/// and not evaluated is singular, more are plural.
#[test]
fn audit_log_summaries_agree_in_number() {
    let mix = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/audit/eks-mix.jsonl");
    let text = std::fs::read_to_string(&mix).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.jsonl");
    std::fs::write(&one, format!("{}\nnot json\n", text.lines().next().unwrap())).unwrap();
    let run = |lang: &str, file: &std::path::Path| {
        let out = ladrillo().args(["--lang", lang, "audit-log", "--no-config"]).arg(file).output().unwrap();
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
    };
    let cases: [(&str, &std::path::Path, &[&str]); 4] = [
        ("es", &one, &["de 1 evento analizado (de 1 leído) en 1 entrada; 1 registro mal formado"]),
        ("en", &one, &["from 1 event analysed of 1 read in 1 input; 1 malformed record"]),
        (
            "es",
            &mix,
            &[
                "de 8 eventos analizados (de 9 leídos) en 1 entrada",
                "no pudo evaluar 1 evento: la política de auditoría lo registró por debajo del nivel Request",
            ],
        ),
        (
            "en",
            &mix,
            &[
                "from 8 events analysed of 9 read",
                "could not evaluate 1 event: the audit policy logged it below level",
            ],
        ),
    ];
    for (lang, file, wanted) in cases {
        let out = run(lang, file);
        for w in wanted {
            assert!(out.contains(w), "{lang}: no `{w}` in:\n{out}");
        }
        for wrong in ["1 leídos", "lo registró los", "1 evento: la política de auditoría los", "logged them"]
        {
            assert!(!out.contains(wrong), "{lang}: `{wrong}` in:\n{out}");
        }
    }
}

/// A bad number or glob is refused with a sentence that says what the option or the config
/// takes, in the reader's language (clap's and globset's own English otherwise).
#[test]
fn bad_numbers_and_globs_are_explained_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".ladrillo.yaml"), "exclude: [\"[a-\"]\n").unwrap();
    std::fs::write(dir.path().join("pod.yaml"), PRIVILEGED_POD).unwrap();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["scan", "--jobs", "0", "pod.yaml"],
            "error: valor no válido '0' para '--jobs <N>': debe ser un número entero de 1 a 65535",
            "error: invalid value '0' for '--jobs <N>': must be a whole number from 1 to 65535",
        ),
        (
            &["scan", "--cluster", "--timeout", "abc"],
            "para '--timeout <SECONDS>': debe ser un número entero igual o mayor que 1",
            "for '--timeout <SECONDS>': must be a whole number of 1 or more",
        ),
        (
            &["init", "--nodes", "99999999999"],
            "para '--nodes <NODES>': debe ser un número entero de 0 a 4294967295",
            "for '--nodes <NODES>': must be a whole number from 0 to 4294967295",
        ),
        (
            &["scan", "pod.yaml"],
            ".ladrillo.yaml:1:11: glob no válido `[a-`: una clase de caracteres abierta con `[` no se cierra con `]`",
            ".ladrillo.yaml:1:11: invalid glob `[a-`: a character class opened with `[` is not closed with `]`",
        ),
    ];
    for (args, es, en) in cases {
        for (lang, wanted) in [("es", es), ("en", en)] {
            let out = ladrillo().current_dir(dir.path()).args(["--lang", lang]).args(*args).assert().code(2);
            let out = out.get_output();
            let text =
                String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
            assert!(text.contains(wanted), "{args:?} {lang}: no `{wanted}` in:\n{text}");
            for english in ["is not in", "invalid digit", "error parsing glob", "unclosed character class"] {
                assert!(!text.contains(english), "{args:?} {lang}: `{english}` in:\n{text}");
            }
        }
    }
}

/// The HTML pages in Spanish: the filters' "all" option agrees with each filter's name, and the
/// framework report shows its texts' code spans as code, as the scan's page does.
#[test]
fn html_pages_in_spanish() {
    let out = ladrillo()
        .args([
            "--lang",
            "es",
            "scan",
            "--no-config",
            "--format",
            "html",
            "--select",
            "privileged-container",
            "-",
        ])
        .write_stdin(PRIVILEGED_POD)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(out).unwrap();
    for wanted in [
        "Severidad<select name=\"severity\"><option value=\"\">todas</option>",
        "Regla<select name=\"rule\"><option value=\"\">todas</option>",
        "<select name=\"namespace\"><option value=\"\">todos</option>",
    ] {
        assert!(html.contains(wanted), "no `{wanted}` in:\n{html}");
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = ladrillo()
        .current_dir(root)
        .args(["--lang", "es", "report", "--no-config", "--framework", "cis-eks-1.8", "-f", "html"])
        .arg("examples/guide-cluster")
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("(<code>kube-bench run --targets node</code>)"), "{html}");
    assert!(!html.contains("`kube-bench"), "a Markdown code span left as it is:\n{html}");
}
