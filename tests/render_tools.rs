//! `--render`: chart and kustomization directories are rendered by `helm template`,
//! `kustomize build` or `kubectl kustomize`, and what they print is scanned.
//!
//! CI installs none of these tools and the tests must not depend on the machine's, so every test
//! puts stand-ins on `PATH` (a temporary directory holding nothing else): small shell scripts that
//! record their arguments and environment and print the recorded renderings of
//! `tests/data/render/` (see `tests/render.rs`), or fail the way a tool can fail (exit non-zero,
//! hang, flood, print what is not YAML). What they check is ladrillo's side: which command runs
//! with which arguments and environment, where findings point, and that a directory that could
//! not be rendered is reported as not scanned while the other inputs still are.
//! `tests/render_real.rs` checks the kustomize recording against the real `kubectl kustomize`.
#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use std::os::unix::fs::PermissionsExt as _;
use std::path::PathBuf;

use assert_cmd::Command;

const CHART: &str = "tests/data/render/web";
const OVERLAY: &str = "tests/data/render/kustomize/overlays/prod";

/// A directory of stand-in tools, which is all of `PATH` for the `ladrillo` it runs.
struct Tools {
    dir: tempfile::TempDir,
}

impl Tools {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().unwrap() }
    }

    /// `helm` printing a recording of `tests/data/render` after recording its arguments.
    fn helm(&self, recording: &str) -> &Self {
        let recording = common::root().join("tests/data/render").join(recording);
        self.script("helm", &format!("exec /bin/cat '{}'\n", recording.display()))
    }

    /// `name` (kustomize or kubectl) building the overlay as kustomize would through ladrillo's
    /// wrapper kustomization: the recorded build of `overlays/prod`, with each origin path made
    /// relative to the wrapper (the wrapper's one resource, then the recorded path).
    fn kustomize(&self, name: &str) -> &Self {
        let recording = common::root().join("tests/data/render/kustomize-prod.kustomize-build.yaml");
        let copy = self.file(&format!("{name}.wrapper"));
        self.script(
            name,
            &format!(
                "/bin/cp \"$2/kustomization.yaml\" '{copy}'\n\
                 rel=$(/bin/sed -n 's/^  - \"\\(.*\\)\"$/\\1/p' \"$2/kustomization.yaml\")\n\
                 exec /bin/sed \"s#^      path: #      path: $rel/#\" '{recording}'\n",
                copy = copy.display(),
                recording = recording.display()
            ),
        )
    }

    /// A script named `name` that first writes its arguments (one a line) to `NAME.args` and its
    /// environment to `NAME.env`.
    fn script(&self, name: &str, body: &str) -> &Self {
        let path = self.dir.path().join(name);
        let args = self.file(&format!("{name}.args"));
        let env = self.file(&format!("{name}.env"));
        std::fs::write(
            &path,
            format!(
                "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n/usr/bin/env > '{}'\n{body}",
                args.display(),
                env.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        self
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn ran(&self, name: &str) -> bool {
        self.file(&format!("{name}.args")).exists()
    }

    fn args(&self, name: &str) -> Vec<String> {
        common::read(&self.file(&format!("{name}.args"))).lines().map(str::to_string).collect()
    }

    /// `ladrillo` run from the repository root with only these tools on `PATH`.
    fn ladrillo(&self) -> Command {
        let mut c = Command::cargo_bin("ladrillo").unwrap();
        c.current_dir(common::root()).env("PATH", self.dir.path()).env("NO_COLOR", "1");
        c.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
        c
    }
}

fn json_of(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A privileged Pod in a file of its own, to show the other inputs are still scanned.
fn pod_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let pod = dir.path().join("pod.yaml");
    std::fs::write(
        &pod,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: a:1\n      securityContext:\n        privileged: true\n",
    )
    .unwrap();
    let pod = pod.to_str().unwrap().to_string();
    (dir, pod)
}

#[test]
fn a_chart_directory_is_rendered_by_helm_with_its_values() {
    let tools = Tools::new();
    tools.helm("web-debug.helm-template.yaml");
    let values = format!("{CHART}/values-debug.yaml");
    let out = tools
        .ladrillo()
        .args(["scan", "--no-config", "-f", "json", "--select", "privileged-container"])
        .args(["--render", "--helm-values", &values, CHART])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(tools.args("helm"), ["template", CHART, &format!("--values={values}")]);
    let json = json_of(&out);
    let f = &json["findings"][0];
    assert_eq!(f["name"], "privileged-container");
    assert_eq!(f["file"], format!("helm template {CHART}"));
    assert_eq!(f["line"], 36);
    // The chart's name (`web-app`) is replaced by its directory: the path opens the template.
    let template = f["rendered_from"]["file"].as_str().unwrap();
    assert_eq!(template, format!("{CHART}/templates/deployment.yaml"));
    assert!(common::root().join(template).is_file());
    let notes = json["summary"]["input_notes"].to_string();
    assert!(notes.contains(&format!("rendered by `helm template {CHART} --values={values}`")), "{notes}");
}

#[test]
fn a_kustomization_is_built_by_kubectl_when_kustomize_is_absent() {
    let tools = Tools::new();
    tools.kustomize("kubectl");
    let out = tools
        .ladrillo()
        .args([
            "scan",
            "--no-config",
            "-f",
            "json",
            "--select",
            "host-network,exposed-service",
            "--render",
            OVERLAY,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    // The wrapper kustomization, never the user's, is built, with plugins and Helm off and
    // files outside the kustomization's root refused.
    let args = tools.args("kubectl");
    assert_eq!(args[0], "kustomize");
    assert_eq!(
        args[2..],
        ["--enable-alpha-plugins=false", "--enable-helm=false", "--load-restrictor=LoadRestrictionsRootOnly"]
    );
    let wrapper = common::read(&tools.file("kubectl.wrapper"));
    assert!(wrapper.contains("buildMetadata: [originAnnotations]"), "{wrapper}");
    let resource = wrapper.lines().find_map(|l| l.strip_prefix("  - ")).unwrap();
    let resource: String = serde_json::from_str(resource).unwrap();
    assert!(resource.ends_with(OVERLAY), "{resource}");
    assert!(!std::path::Path::new(&args[1]).exists(), "the wrapper is removed after the build");

    let json = json_of(&out);
    let found: Vec<(&str, &str, &str)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert_eq!(f["file"], format!("kustomize build {OVERLAY}"));
            (
                f["name"].as_str().unwrap(),
                f["rendered_from"]["file"].as_str().unwrap(),
                f["rendered_from"]["by"].as_str().unwrap(),
            )
        })
        .collect();
    // Origins relative to the wrapper are shown under the overlay as named, and open the file.
    assert_eq!(
        found,
        [
            ("exposed-service", "tests/data/render/kustomize/overlays/prod/service.yaml", "kustomize"),
            ("host-network", "tests/data/render/kustomize/base/deployment.yaml", "kustomize"),
        ]
    );
    for (_, file, _) in &found {
        assert!(common::root().join(file).is_file(), "{file}");
    }
    // The overlay's patch is part of the build, never an object of its own.
    assert_eq!(json["summary"]["objects"], 2);
    let notes = json["summary"]["input_notes"].to_string();
    assert!(notes.contains(&format!("rendered by `kubectl kustomize {OVERLAY}`")), "{notes}");
}

#[test]
fn kustomize_is_preferred_to_kubectl() {
    let tools = Tools::new();
    tools.kustomize("kustomize");
    tools.kustomize("kubectl");
    tools.ladrillo().args(["scan", "--no-config", "--fail-on", "none", "--render", OVERLAY]).assert().code(0);
    assert_eq!(tools.args("kustomize")[0], "build");
    assert!(!tools.ran("kubectl"));
}

#[test]
fn tool_paths_can_be_given() {
    let tools = Tools::new();
    tools.helm("web-debug.helm-template.yaml");
    let elsewhere = Tools::new();
    elsewhere.helm("web-debug.helm-template.yaml");
    let helm = elsewhere.file("helm");
    tools
        .ladrillo()
        .args(["scan", "--no-config", "--fail-on", "none", "--render", "--helm-path"])
        .arg(&helm)
        .arg(CHART)
        .assert()
        .code(0);
    assert!(elsewhere.ran("helm"));
    assert!(!tools.ran("helm"), "the helm on PATH is not run when one is given");
}

#[test]
fn the_tool_runs_without_the_callers_environment_and_without_network() {
    let tools = Tools::new();
    tools.kustomize("kustomize");
    tools
        .ladrillo()
        .env("AWS_SECRET_ACCESS_KEY", "not-for-tools")
        .env("KUBECONFIG", "/nonexistent/kubeconfig")
        .env("HELM_PLUGINS", "/nonexistent/plugins")
        .args(["scan", "--no-config", "--fail-on", "none", "--render", OVERLAY])
        .assert()
        .code(0);
    let env = common::read(&tools.file("kustomize.env"));
    for absent in ["AWS_SECRET_ACCESS_KEY", "KUBECONFIG", "HELM_PLUGINS", "NO_COLOR"] {
        assert!(!env.lines().any(|l| l.starts_with(&format!("{absent}="))), "{absent} passed on:\n{env}");
    }
    for present in
        ["GIT_ALLOW_PROTOCOL=file", "HTTPS_PROXY=http://127.0.0.1:9", "HTTP_PROXY=http://127.0.0.1:9"]
    {
        assert!(env.lines().any(|l| l == present), "{present} missing:\n{env}");
    }
    assert!(env.lines().any(|l| l == format!("PATH={}", tools.dir.path().display())), "{env}");
}

#[test]
fn without_render_no_tool_runs_and_the_chart_is_named_as_not_read() {
    let tools = Tools::new();
    tools.helm("web-debug.helm-template.yaml");
    tools.kustomize("kubectl");
    let out = tools.ladrillo().args(["scan", "--no-config", CHART]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains(&format!("{CHART} is a Helm chart: render it first")), "{text}");
    assert!(text.contains("or pass --render"), "{text}");
    tools.ladrillo().args(["scan", "--no-config", "--fail-on", "none", OVERLAY]).assert().code(0);
    assert!(!tools.ran("helm") && !tools.ran("kubectl"));
}

#[test]
fn with_render_and_no_tool_the_directory_is_not_scanned_and_the_others_are() {
    let tools = Tools::new();
    let (_dir, pod) = pod_file();
    let out = tools
        .ladrillo()
        .args(["scan", "--no-config", "--select", "privileged-container", "--render", CHART, OVERLAY, &pod])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains(&format!(
            "{CHART} was not scanned: helm is not on PATH (install it, or give its path with --helm-path)"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("{OVERLAY} was not scanned: neither kustomize nor kubectl is on PATH")),
        "{text}"
    );
    assert!(text.contains("privileged-container: container \"a\" runs privileged"), "{text}");
    // The chart's files were not read in its place.
    assert!(!text.contains("templates not read"), "{text}");
}

#[test]
fn a_failing_tool_is_an_error_of_its_directory_and_the_other_inputs_are_scanned() {
    let tools = Tools::new();
    tools.script(
        "helm",
        "echo 'Error: template: web-app/templates/deployment.yaml:18:20: executing: nil pointer' >&2\nexit 1\n",
    );
    let (_dir, pod) = pod_file();
    let out = tools
        .ladrillo()
        .args(["scan", "--no-config", "--select", "privileged-container", "--render", CHART, &pod])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains(&format!(
            "{CHART} was not scanned: the tool failed (exit code 1): Error: template: web-app/templates/deployment.yaml:18:20: executing: nil pointer"
        )),
        "{text}"
    );
    assert!(text.contains("privileged-container: container \"a\" runs privileged"), "{text}");
}

#[test]
fn what_a_failing_tool_prints_is_masked() {
    // helm quotes values in its errors; a credential there is masked like one in the input.
    let key = format!("AKIA{}", "QZ7RV2MX4KTN8WPL");
    let tools = Tools::new();
    tools.script("helm", &format!("echo 'Error: values: accessKey {key} is not a string' >&2\nexit 1\n"));
    for command in ["scan", "pss"] {
        for format in ["text", "json"] {
            let out = tools
                .ladrillo()
                .args([command, "--no-config", "--render", "-f", format, CHART])
                .output()
                .unwrap();
            let all = stdout(&out) + &String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{command} {format}: {all}");
            assert!(all.contains("accessKey"), "{command} {format}: {all}");
            assert!(!all.contains(&key[4..]), "{command} {format}: {all}");
        }
    }
}

#[test]
fn a_tool_that_hangs_is_stopped_with_what_it_started() {
    let tools = Tools::new();
    let pid_file = tools.file("sleep.pid");
    tools.script("helm", &format!("/bin/sleep 300 &\necho $! > '{}'\nwait\n", pid_file.display()));
    let (_dir, pod) = pod_file();
    let out = tools
        .ladrillo()
        .args([
            "scan",
            "--no-config",
            "--select",
            "privileged-container",
            "--render",
            "--render-timeout",
            "1",
            CHART,
            &pod,
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains(&format!(
            "{CHART} was not scanned: the tool did not finish in 1 s and was stopped (--render-timeout)"
        )),
        "{text}"
    );
    assert!(text.contains("runs privileged"), "{text}");
    // The tool's own child was killed with it (its process group), not left running.
    let pid = common::read(&pid_file).trim().to_string();
    let alive = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|s| s.rsplit_once(')').is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z')))
    };
    for _ in 0..100 {
        if !alive() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(!alive(), "sleep {pid} still running");
}

#[test]
fn a_tool_that_floods_is_stopped_at_the_file_size_limit() {
    let tools = Tools::new();
    tools.script("kustomize", "exec /usr/bin/yes 'kind: ConfigMap'\n");
    let out = tools.ladrillo().args(["scan", "--no-config", "--render", OVERLAY]).output().unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains(&format!(
            "{OVERLAY} was not scanned: the tool printed more than 64 MiB and was stopped"
        )),
        "{text}"
    );
}

#[test]
fn what_a_tool_prints_that_is_not_yaml_is_an_error_at_its_position() {
    let tools = Tools::new();
    tools.script("helm", "printf 'apiVersion: v1\\nkind: [Pod\\n'\n");
    let out = tools.ladrillo().args(["scan", "--no-config", "--render", CHART]).output().unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains(&format!("helm template {CHART}:")), "{text}");
    // And binary output is refused as such.
    tools.script("helm", "printf '\\377\\376k\\000'\n");
    let out = tools.ladrillo().args(["scan", "--no-config", "--render", CHART]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
}

#[test]
fn charts_found_in_a_walk_are_rendered_once_with_their_subcharts() {
    let tools = Tools::new();
    tools.helm("web-debug.helm-template.yaml");
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("charts/web");
    for (file, text) in [
        ("Chart.yaml", "apiVersion: v2\nname: web-app\nversion: 0.1.0\n"),
        ("templates/deployment.yaml", "kind: {{ .Values.kind }}\n"),
        ("charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 0.1.0\n"),
        ("charts/db/templates/sts.yaml", "kind: {{ .Values.kind }}\n"),
    ] {
        let path = chart.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let out = tools
        .ladrillo()
        .current_dir(dir.path())
        .args(["scan", "--no-config", "-f", "json", "--select", "privileged-container", "--render", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(tools.args("helm"), ["template", "./charts/web"]);
    let json = json_of(&out);
    assert_eq!(json["findings"][0]["rendered_from"]["file"], "charts/web/templates/deployment.yaml");
    assert!(!json["summary"]["input_notes"].to_string().contains("not read"), "{}", json["summary"]);
}

#[test]
fn helm_values_need_render_and_a_chart() {
    let tools = Tools::new();
    tools.helm("web-debug.helm-template.yaml");
    tools
        .ladrillo()
        .args(["scan", "--no-config", "--helm-values", "v.yaml", CHART])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--render"));
    tools
        .ladrillo()
        .args([
            "scan",
            "--no-config",
            "--render",
            "--helm-values",
            "v.yaml",
            "tests/data/render/web-debug.helm-template.yaml",
        ])
        .assert()
        .code(2)
        .stdout(predicates::str::contains("--helm-values is for Helm chart directories"));
    // A values file that is not there is not handed to Helm (which would also fetch a URL).
    tools
        .ladrillo()
        .args(["scan", "--no-config", "--render", "--helm-values", "https://example.invalid/v.yaml", CHART])
        .assert()
        .code(2)
        .stdout(predicates::str::contains(format!(
            "{CHART} was not scanned: the values file https://example.invalid/v.yaml is not a file"
        )));
    assert!(!tools.ran("helm"));
}

#[test]
fn a_directory_named_twice_is_rendered_once() {
    let tools = Tools::new();
    tools.helm("web-debug.helm-template.yaml");
    let out = tools
        .ladrillo()
        .args(["scan", "--no-config", "-f", "json", "--select", "privileged-container", "--render", CHART])
        .arg(format!("./{CHART}"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let json = json_of(&out);
    assert_eq!(json["findings"].as_array().unwrap().len(), 1, "{}", json["findings"]);
}

/// Writes `files` (path, text) under `root`.
fn write_tree(root: &std::path::Path, files: &[(&str, &str)]) {
    for (file, text) in files {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

const SERVICE: &str = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n";
const DEPLOYMENT: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: c\n          image: web:1\n";

/// Each rendered text is resolved with its own chart (its scope), as the chart's files would
/// be: a Service of one chart never counts as selecting the pods of another.
#[test]
fn two_rendered_charts_are_two_projects() {
    let tools = Tools::new();
    let dir = tempfile::tempdir().unwrap();
    // Chart a has a workload of its own (the rule checks namespaces with workloads), not the
    // Service's.
    let other = DEPLOYMENT.replace("web", "other");
    write_tree(
        dir.path(),
        &[
            ("a/Chart.yaml", "apiVersion: v2\nname: a\nversion: 0.1.0\n"),
            ("b/Chart.yaml", "apiVersion: v2\nname: b\nversion: 0.1.0\n"),
            (
                "a.out",
                &format!(
                    "---\n# Source: a/templates/svc.yaml\n{SERVICE}---\n# Source: a/templates/other.yaml\n{other}"
                ),
            ),
            ("b.out", &format!("---\n# Source: b/templates/deploy.yaml\n{DEPLOYMENT}")),
            (
                "both.out",
                &format!(
                    "---\n# Source: a/templates/svc.yaml\n{SERVICE}---\n# Source: a/templates/other.yaml\n{other}---\n# Source: a/templates/deploy.yaml\n{DEPLOYMENT}"
                ),
            ),
        ],
    );
    let (a, b, both) = (dir.path().join("a.out"), dir.path().join("b.out"), dir.path().join("both.out"));
    let selects_nothing = |script: &str| {
        tools.script("helm", script);
        let out = tools
            .ladrillo()
            .current_dir(dir.path())
            .args([
                "scan",
                "--no-config",
                "-f",
                "json",
                "--select",
                "service-selects-nothing",
                "--fail-on",
                "none",
            ])
            .args(["--render", "./a", "./b"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
        json_of(&out)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rendered_from"]["file"].clone())
            .collect::<Vec<_>>()
    };
    let split = format!(
        "case \"$2\" in ./a) exec /bin/cat '{}';; *) exec /bin/cat '{}';; esac\n",
        a.display(),
        b.display()
    );
    assert_eq!(selects_nothing(&split), ["a/templates/svc.yaml"]);
    // The same two objects rendered by one chart are one project: the Service selects the pods.
    let together = format!("case \"$2\" in ./a) exec /bin/cat '{}';; *) exit 0;; esac\n", both.display());
    assert_eq!(selects_nothing(&together), Vec::<serde_json::Value>::new());
}

#[test]
fn other_commands_render_too() {
    let tools = Tools::new();
    tools.helm("web-debug.helm-template.yaml");
    let out = tools.ladrillo().args(["pss", "--no-config", "--render", CHART]).output().unwrap();
    let text = stdout(&out);
    assert!(tools.ran("helm"));
    assert!(text.contains("privileged"), "{text}");
}

#[test]
fn report_renders_like_scan() {
    let tools = Tools::new();
    tools.helm("web-debug.helm-template.yaml");
    let out = tools
        .ladrillo()
        .args(["report", "--no-config", "--framework", "pss-baseline", "-f", "json", "--render", CHART])
        .output()
        .unwrap();
    assert!(tools.ran("helm"), "{}", String::from_utf8_lossy(&out.stderr));
    let json = json_of(&out);
    let text = json.to_string();
    assert!(text.contains(&format!("helm template {CHART}")), "{text}");
    assert_eq!(out.status.code(), Some(1), "{text}");
}
