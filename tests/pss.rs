//! Pod Security Standards cases: `tests/pss/*.yaml` holds one case per document, an object and
//! the exact reasons expected per level and range of policy versions:
//!
//! ```yaml
//! case: what is tested
//! object: {apiVersion: v1, kind: Pod, ...}
//! expect:
//!   baseline v1.0..v1.33: []                  # allowed
//!   baseline v1.34..latest: ['reason (detail)']
//!   restricted: [...]                         # every version
//! ```
//!
//! Ranges are inclusive; each case must cover every version (v1.0 to v1.40, past the newest
//! known one, and `latest`) of both baseline and restricted exactly once. `privileged` is
//! always expected to allow, unless the case says otherwise. `evaluated: false` marks objects
//! that carry no pods.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use ladrillo::analysis::pss::{self, Level, Policy, Version};
use ladrillo::document::{Node, yaml};
use ladrillo::model::Object;

/// Versions every case is checked at: v1.0 to past the newest known, and latest.
fn versions() -> Vec<Version> {
    (0..=40).map(Version::V1).chain([Version::Latest]).collect()
}

fn parse_range(s: &str) -> Result<(Level, Vec<Version>), String> {
    let (level, range) = s.split_once(' ').unwrap_or((s, "v1.0..latest"));
    let level: Level = level.parse()?;
    let (from, to) = range.split_once("..").unwrap_or((range, range));
    let (from, to): (Version, Version) = (from.parse()?, to.parse()?);
    Ok((level, versions().into_iter().filter(|v| *v >= from && *v <= to).collect()))
}

fn strings(node: &Node) -> Vec<String> {
    node.items().map(|n| n.as_str().expect("reasons are strings").to_string()).collect()
}

#[test]
fn pss_cases() {
    let dir = common::root().join("tests/pss");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "yaml")) {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let stream = yaml::parse(&common::read(path));
        assert!(stream.errors.is_empty(), "{file}: {:?}", stream.errors);
        for doc in stream.documents.into_iter().filter(|d| !d.root.is_null()) {
            count += 1;
            let name = doc.root.get("case").and_then(Node::as_str).unwrap_or("?").to_string();
            let at = format!("{file}: {name}");
            let object_node = doc.root.get("object").unwrap_or_else(|| panic!("{at}: no object")).clone();
            let object = Object::from_root(object_node, None).unwrap().unwrap();
            if doc.root.get("evaluated").and_then(Node::as_bool) == Some(false) {
                if pss::evaluate_object(&object, Policy::default()).is_some() {
                    failures.push(format!("{at}: evaluated, expected not to be"));
                }
                continue;
            }
            let expect =
                doc.root.get("expect").and_then(Node::as_map).unwrap_or_else(|| panic!("{at}: no expect"));
            let mut covered: Vec<(Level, Version)> = Vec::new();
            let mut privileged_given = false;
            for (key, reasons) in expect.iter() {
                let (level, range) = parse_range(key).unwrap_or_else(|e| panic!("{at}: `{key}`: {e}"));
                privileged_given |= level == Level::Privileged;
                let expected = strings(reasons);
                for version in range {
                    if covered.contains(&(level, version)) {
                        failures.push(format!("{at}: {level}:{version} is expected twice"));
                    }
                    covered.push((level, version));
                    let policy = Policy::new(level, version);
                    let got = pss::evaluate_object(&object, policy).expect("pod-bearing").reasons();
                    if got != expected {
                        failures.push(format!("{at}: {policy}\n   expected {expected:#?}\n   got {got:#?}"));
                    }
                }
            }
            for level in [Level::Baseline, Level::Restricted] {
                let missing: Vec<String> = versions()
                    .into_iter()
                    .filter(|v| !covered.contains(&(level, *v)))
                    .map(|v| v.to_string())
                    .collect();
                if !missing.is_empty() {
                    failures.push(format!("{at}: no expectation for {level} at {}", missing.join(", ")));
                }
            }
            if !privileged_given {
                let e =
                    pss::evaluate_object(&object, Policy::new(Level::Privileged, Version::Latest)).unwrap();
                if !e.allowed() {
                    failures.push(format!("{at}: privileged denies: {:?}", e.reasons()));
                }
            }
        }
    }
    assert!(count > 0, "no cases found in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} of the PSS expectations failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

const PRIVILEGED_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n  containers:\n    - name: c\n      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, privileged: true}\n";

fn messages(result: &ladrillo::scan::ScanResult) -> Vec<String> {
    result.active().map(|f| format!("{}: {}", f.rule.name, f.message())).collect()
}

#[test]
fn scan_leaves_a_check_to_the_workload_rule_that_covers_it() {
    let alone = messages(&common::scan_text(PRIVILEGED_POD, &["pss-violation"]));
    assert_eq!(
        alone,
        [
            "pss-violation: does not meet the target Pod Security level \"restricted:latest\" (ladrillo's default, not known to be enforced by admission): privileged (container \"c\" must not set securityContext.privileged=true)"
        ]
    );
    let both = messages(&common::scan_text(PRIVILEGED_POD, &["pss-violation", "privileged-container"]));
    assert_eq!(both, ["privileged-container: container \"c\" runs privileged"]);
}

/// A violation is left to the rule of its cause only when that rule reports every field the
/// check rejects: run-as-root accepts a non-zero UID and reads the settings containers end up
/// with; dangerous-capabilities allows the baseline set and reads `chown` as CHOWN.
#[test]
fn a_violation_the_cause_rule_would_miss_stays_reported() {
    let pod = |pod_sc: &str, c_sc: &str| {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  securityContext: {{seccompProfile: {{type: RuntimeDefault}}{pod_sc}}}\n  \
             containers:\n    - name: c\n      securityContext: {{allowPrivilegeEscalation: false{c_sc}}}\n"
        )
    };
    let rules = ["pss-violation", "run-as-root", "dangerous-capabilities", "capabilities-not-dropped"];
    let pss = |text: &str| -> Vec<String> {
        messages(&common::scan_text(text, &rules))
            .into_iter()
            .filter(|m| m.starts_with("pss-violation"))
            .collect()
    };
    let drop_all = ", capabilities: {drop: [ALL]}";
    let cases = [
        // A non-zero UID without runAsNonRoot: true.
        (pod(", runAsUser: 1000", drop_all), Some("runAsNonRoot != true")),
        // runAsNonRoot: false in the container, a non-zero UID from the pod.
        (
            pod(", runAsUser: 1000", ", runAsNonRoot: false, capabilities: {drop: [ALL]}"),
            Some("runAsNonRoot != true"),
        ),
        // A pod-level runAsUser: 0 that the container overrides.
        (
            pod(", runAsUser: 0, runAsNonRoot: true", ", runAsUser: 1000, capabilities: {drop: [ALL]}"),
            Some("runAsUser=0"),
        ),
        // A pod-level runAsNonRoot: false that the container overrides.
        (
            pod(", runAsNonRoot: false", ", runAsNonRoot: true, capabilities: {drop: [ALL]}"),
            Some("runAsNonRoot != true"),
        ),
        // A baseline capability, which restricted does not allow.
        (
            pod(", runAsNonRoot: true", ", capabilities: {drop: [ALL], add: [CHOWN]}"),
            Some("unrestricted capabilities"),
        ),
        // Fully reported by the cause rules: left to them.
        (pod("", drop_all), None),
        (pod(", runAsNonRoot: true", ", capabilities: {drop: [ALL], add: [SYS_ADMIN]}"), None),
        (pod(", runAsNonRoot: true, runAsUser: 0", drop_all), None),
    ];
    for (text, expected) in cases {
        let found = pss(&text);
        match expected {
            Some(reason) => {
                assert!(found.iter().any(|m| m.contains(reason)), "{reason} missing for\n{text}{found:#?}")
            }
            None => assert!(found.is_empty(), "{text}{found:#?}"),
        }
    }
    // Under baseline, admission compares names exactly: `chown` is not CHOWN.
    let baseline = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n  labels: {pod-security.kubernetes.io/enforce: baseline}\n---\n\
                    apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: b}\nspec:\n  containers:\n    - name: c\n      \
                    securityContext: {capabilities: {add: [chown]}}\n";
    let found = pss(baseline);
    assert!(found.iter().any(|m| m.contains("non-default capabilities")), "{found:#?}");
}

#[test]
fn coverage_by_rules_not_present_never_hides_a_violation() {
    let text = PRIVILEGED_POD.replace("spec:\n", "spec:\n  hostNetwork: true\n");
    let found = messages(&common::scan_text(&text, &["all"]));
    let hosts = found.iter().filter(|m| m.contains("host namespaces (hostNetwork=true)")).count();
    let covered_elsewhere = ladrillo::rules::find("host-network").is_some();
    assert_eq!(hosts, usize::from(!covered_elsewhere), "{found:#?}");
}

fn config(text: &str) -> Result<ladrillo::settings::Config, Vec<String>> {
    let file = common::source(".ladrillo.yaml", text);
    ladrillo::settings::Config::parse(&file).map_err(|e| e.iter().map(ToString::to_string).collect())
}

#[test]
fn pss_config_section_sets_the_default_policy() {
    let c = config("pss:\n  level: baseline\n  version: v1.30\n").unwrap();
    assert_eq!(c.pss, Some(Policy::new(Level::Baseline, Version::V1(30))));
    let settings = ladrillo::scan::ScanSettings::new(c, &[], &[], common::test_day());
    assert_eq!(settings.options.pss.to_string(), "baseline:v1.30");
    let c = config("pss: {version: v1.25}\n").unwrap();
    assert_eq!(c.pss, Some(Policy::new(Level::Restricted, Version::V1(25))));
    assert_eq!(
        ladrillo::scan::ScanSettings::new(
            ladrillo::settings::Config::default(),
            &[],
            &[],
            common::test_day()
        )
        .options
        .pss,
        Policy::default()
    );
}

#[test]
fn pss_config_errors_have_positions() {
    let errors = config("pss:\n  levle: baseline\n  version: v1.030\n").unwrap_err();
    assert_eq!(
        errors,
        [
            ".ladrillo.yaml:2:3: unknown key `levle`; did you mean `level`?",
            ".ladrillo.yaml:3:12: `version` must be \"latest\" or \"v1.x\"; found `v1.030`",
        ]
    );
    let errors = config("pss: {kubernetes-version: 1.30}\n").unwrap_err();
    assert_eq!(
        errors,
        [
            ".ladrillo.yaml:1:27: `kubernetes-version` must be a quoted Kubernetes release such as \"1.30\"; found `1.3`"
        ]
    );
    let c = config("pss: {kubernetes-version: \"1.30\"}\n").unwrap();
    assert_eq!((c.pss, c.pss_kubernetes_version), (Some(Policy::default()), Some(30)));
    let errors = config("pss: restricted\n").unwrap_err();
    assert_eq!(errors, [".ladrillo.yaml:1:6: `pss` must be a mapping with `level` and `version`"]);
    let errors = config("pss: {level: strict}\n").unwrap_err();
    assert_eq!(
        errors[0],
        ".ladrillo.yaml:1:14: `level` must be one of privileged, baseline, restricted; found `strict`"
    );
}

/// A version or release newer than any ladrillo knows is valid (the admission controller accepts
/// it and evaluates it as its newest), and said at its value; a malformed one is an error.
#[test]
fn pss_config_versions_newer_than_known_are_warned_about() {
    let newest = pss::NEWEST;
    let c = config(&format!(
        "pss:\n  version: v1.{}\n  kubernetes-version: \"1.{}\"\naudit-log:\n  pss: {{version: v1.99}}\n",
        newest + 1,
        newest + 2
    ))
    .unwrap();
    let warnings: Vec<String> = c.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            format!(
                ".ladrillo.yaml:2:12: Pod Security version v1.{} is newer than v1.{newest}, the newest ladrillo knows: it is evaluated as v1.{newest}, as the admission controller evaluates a version newer than its own",
                newest + 1
            ),
            format!(
                ".ladrillo.yaml:5:18: Pod Security version v1.99 is newer than v1.{newest}, the newest ladrillo knows: it is evaluated as v1.{newest}, as the admission controller evaluates a version newer than its own"
            ),
            format!(
                ".ladrillo.yaml:3:23: Kubernetes 1.{} is newer than 1.{newest}, the newest release whose Pod Security checks ladrillo knows: its checks are evaluated as those of 1.{newest}",
                newest + 2
            ),
        ]
    );
    // An emulated older release clamps the version as its API server does: nothing to say.
    let c = config("pss: {version: v1.99, kubernetes-version: \"1.30\"}\n").unwrap();
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let c = config(&format!("pss: {{version: v1.{newest}}}\n")).unwrap();
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    for bad in ["1.x", "v1", "latest2", "v2.0"] {
        let errors = config(&format!("pss: {{version: {bad}}}\n")).unwrap_err();
        assert_eq!(
            errors,
            [format!(".ladrillo.yaml:1:16: `version` must be \"latest\" or \"v1.x\"; found `{bad}`")]
        );
        let errors = config(&format!("audit-log:\n  pss: {{version: {bad}}}\n")).unwrap_err();
        assert_eq!(errors.len(), 1, "{bad}: {errors:?}");
    }
}

#[test]
fn configured_default_level_is_used_without_namespace_labels() {
    let default_pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n";
    let c = config("pss: {level: baseline}\n").unwrap();
    let select = [ladrillo::settings::Selector::parse("pss-violation").unwrap()];
    let settings = ladrillo::scan::ScanSettings::new(c, &select, &[], common::test_day());
    let result = ladrillo::scan::scan_files(&[common::source("p.yaml", default_pod)], &settings);
    assert_eq!(messages(&result), Vec::<String>::new());
    assert_eq!(messages(&common::scan_text(default_pod, &["pss-violation"])).len(), 4);
}

mod cli {
    use assert_cmd::Command;

    fn pss(args: &[&str], stdin: &str) -> (i32, String) {
        let out = Command::cargo_bin("ladrillo")
            .unwrap()
            .arg("pss")
            .args(args)
            .write_stdin(stdin)
            .output()
            .unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
    }

    const DEFAULT_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: web}\nspec:\n  containers:\n    - name: c\n";

    /// `pss --version v1.99` was accepted without a word: it is evaluated as the newest version
    /// ladrillo knows, and stderr says so; a malformed version is an error.
    #[test]
    fn a_version_newer_than_known_is_evaluated_as_the_newest_and_said() {
        let newest = format!("v1.{}", ladrillo::analysis::pss::NEWEST);
        let run = |args: &[&str]| {
            let out = Command::cargo_bin("ladrillo")
                .unwrap()
                .args(["pss", "--no-config", "--format", "json"])
                .args(args)
                .arg("-")
                .write_stdin(DEFAULT_POD)
                .output()
                .unwrap();
            (out.status.code(), String::from_utf8(out.stderr).unwrap(), out.stdout)
        };
        let (code, stderr, stdout) = run(&["--version", "v1.99"]);
        assert_eq!(code, Some(1), "{stderr}");
        assert_eq!(
            stderr,
            format!(
                "warning: Pod Security version v1.99 is newer than {newest}, the newest ladrillo knows: it is evaluated as {newest}, as the admission controller evaluates a version newer than its own\n"
            )
        );
        // The same verdicts as at the newest version, the version shown as given.
        let (_, quiet, at_newest) = run(&["--version", &newest]);
        assert_eq!(quiet, "");
        let reasons = |out: &[u8]| {
            let v: serde_json::Value = serde_json::from_slice(out).unwrap();
            v["results"][0]["reasons"].clone()
        };
        assert_eq!(reasons(&stdout), reasons(&at_newest));
        let (_, stderr, _) = run(&["--version", "v1.99", "--kubernetes-version", "1.30"]);
        assert_eq!(stderr, "");
        let (_, stderr, _) = run(&["--kubernetes-version", "1.99"]);
        assert!(stderr.starts_with("warning: Kubernetes 1.99 is newer than 1."), "{stderr}");
        for bad in ["1.x", "v1", "latest2", "v1.030"] {
            let (code, stderr, _) = run(&["--version", bad]);
            assert_eq!(code, Some(2), "{bad}: {stderr}");
            assert!(stderr.contains("must be \"latest\" or \"v1.x\""), "{bad}: {stderr}");
        }
    }

    #[test]
    fn exit_codes_and_json() {
        let (code, out) = pss(&["--level", "baseline", "-"], DEFAULT_POD);
        assert_eq!(code, 0, "{out}");
        let (code, out) =
            pss(&["--level", "restricted", "--version", "v1.7", "--format", "json", "-"], DEFAULT_POD);
        assert_eq!(code, 1);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            json["results"][0],
            serde_json::json!({
                "file": "-", "line": 1,
                "object": {"apiVersion": "v1", "kind": "Pod", "namespace": "web", "name": "p"},
                "level": "restricted", "version": "v1.7", "allowed": false,
                "reasons": ["runAsNonRoot != true (pod or container \"c\" must set securityContext.runAsNonRoot=true)"]
            })
        );
        let (code, _) = pss(&["-"], "apiVersion: v1\nkind: Pod\nspec:\n  hostPID: 1\n");
        assert_eq!(code, 2);
        let (code, _) = pss(&["--version", "v1.01", "-"], DEFAULT_POD);
        assert_eq!(code, 2);
        let (code, _) = pss(&["-"], "apiVersion: v1\nkind: Pod\nspec: [\n");
        assert_eq!(code, 2);
    }

    #[test]
    fn text_names_object_policy_and_reasons() {
        let (code, out) = pss(&["--version", "v1.7", "-"], DEFAULT_POD);
        assert_eq!(code, 1);
        assert_eq!(
            out,
            "-:1: Pod web/p: denied by restricted:v1.7\n  runAsNonRoot != true (pod or container \"c\" must set \
             securityContext.runAsNonRoot=true)\n1 object evaluated at restricted:v1.7: 0 allowed, 1 denied\n"
        );
    }

    #[test]
    fn text_in_spanish_keeps_the_api_server_reasons() {
        let (code, out) = pss(&["--lang", "es", "--version", "v1.7", "-"], DEFAULT_POD);
        assert_eq!(code, 1);
        assert_eq!(
            out,
            "-:1: Pod web/p: denegado por restricted:v1.7\n  runAsNonRoot != true (pod or container \"c\" must set \
             securityContext.runAsNonRoot=true)\n1 objeto evaluado con restricted:v1.7: 0 admitidos, 1 denegado\n"
        );
        let (_, out) =
            pss(&["--lang", "es", "--kubernetes-version", "1.34", "--level", "baseline", "-"], DEFAULT_POD);
        assert_eq!(
            out,
            "-:1: Pod web/p: admitido por baseline:latest\n1 objeto evaluado con baseline:latest en Kubernetes 1.34: 1 admitido, 0 denegados\n"
        );
    }

    #[test]
    fn kubernetes_version_emulates_an_older_api_server() {
        // hostUsers: false relaxes runAsNonRoot from policy v1.35, which a 1.34 server lacks.
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostUsers: false\n  \
                   securityContext: {seccompProfile: {type: RuntimeDefault}}\n  containers:\n    - name: c\n      \
                   securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n";
        let (code, out) = pss(&["-"], pod);
        assert_eq!(code, 0, "{out}");
        let (code, out) = pss(&["--kubernetes-version", "1.34", "-"], pod);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains("runAsNonRoot != true"), "{out}");
        assert!(
            out.ends_with("evaluated at restricted:latest on Kubernetes 1.34: 0 allowed, 1 denied\n"),
            "{out}"
        );
        let (code, _) = pss(&["--kubernetes-version", "1.35", "-"], pod);
        assert_eq!(code, 0);
        let (code, _) = pss(&["--kubernetes-version", "35", "-"], pod);
        assert_eq!(code, 2);
    }
}
