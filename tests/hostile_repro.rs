//! The reproductions of the hostile-input review, re-created from their descriptions: each runs
//! the binary on a small malicious file beside a good one, with its address space capped at
//! 2 GiB and a generous guard against hangs (not a timing assertion: a run that needs the guard
//! is a hang). Each must end with the good file still reported, or with a clear error naming the
//! file and the limit — never a crash, an abort or a hang.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

use std::fmt::Write as _;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;

/// A pod with a finding of its own, so the report shows that the good file was read.
const GOOD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: good-pod\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n";

/// Runs `ladrillo ARGS` in `dir` under a 2 GiB address-space limit.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("ladrillo");
    let mut c = Command::new("sh");
    c.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("-c")
        .arg("ulimit -v 2097152; exec \"$0\" \"$@\"")
        .arg(bin)
        .args(args)
        .timeout(Duration::from_secs(120));
    c.output().unwrap()
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// The run ended by itself with a report (exit 0, 1 or 2), not by a signal, a panic or the guard.
fn finished(o: &Output) {
    let code = o.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "status {:?}\nstderr: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr).chars().take(2000).collect::<String>()
    );
}

/// Writes `bad` (relative path → contents) and `good.yaml` into a fresh directory.
fn repo(bad: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in bad {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    dir
}

/// `scan .` finishes and still reports the good pod.
fn scan_keeps_good(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["scan", "."];
    args.extend(extra);
    let o = run_in(dir, &args);
    finished(&o);
    let t = text(&o);
    assert!(t.contains("good-pod"), "the good file was not reported:\n{}", head(&t));
    t
}

fn head(t: &str) -> String {
    t.chars().take(3000).collect()
}

// ---- 10. globs in the config -------------------------------------------------------------

#[test]
fn item10_a_huge_waiver_glob_is_a_config_error_not_a_panic() {
    let stars = "*".repeat(94_000);
    for key in ["name", "file", "namespace"] {
        let config =
            format!("waivers:\n  - rules: [privileged-container]\n    reason: r\n    {key}: \"{stars}\"\n");
        let dir = repo(&[(".ladrillo.yaml", config.as_bytes())]);
        let o = run_in(dir.path(), &["scan", "."]);
        assert_eq!(o.status.code(), Some(2), "{key}: {}", head(&text(&o)));
        let t = text(&o);
        assert!(t.contains(".ladrillo.yaml:4:"), "{key}: no position: {}", head(&t));
        assert!(t.contains("glob"), "{}", head(&t));
    }
    let config = format!("exclude: [\"{stars}\"]\n");
    let dir = repo(&[(".ladrillo.yaml", config.as_bytes())]);
    let o = run_in(dir.path(), &["scan", "."]);
    assert_eq!(o.status.code(), Some(2), "{}", head(&text(&o)));
    assert!(text(&o).contains(".ladrillo.yaml:1:"), "{}", head(&text(&o)));
}

// ---- 11. secret leaks ---------------------------------------------------------------------

fn akia() -> String {
    format!("AKIA{}", "QZ7RV2MX4KTN8WPL")
}

fn aws_secret() -> String {
    format!("{}{}", "Hq7zP2wX9mK4vR8tN1cL", "5yB3jF6gD0sA2eU7iO4q")
}

fn all_formats(dir: &Path, extra: &[&str]) -> String {
    let mut all = String::new();
    for format in ["text", "json", "sarif", "junit", "html", "markdown"] {
        let mut args = vec!["scan", ".", "--format", format];
        args.extend(extra);
        let o = run_in(dir, &args);
        finished(&o);
        all.push_str(&text(&o));
    }
    all
}

#[test]
fn item11a_unparseable_files_never_show_credentials() {
    let cases: [(&str, &str, &str); 3] = [
        (
            "a.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: s\nspec:\n  containers:\n    - name: c\n      env:\n        - name: DB_PASSWORD\n          value: \"Hunter2pw\" ]\n",
            "Hunter2pw",
        ),
        (
            "b.json",
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},\"data\":{\"password\":\"S3cr3tPw\",}}\n",
            "S3cr3tPw",
        ),
        (
            "c.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata: {password: Qz9Secret, x: [}\n",
            "Qz9Secret",
        ),
    ];
    for (name, body, secret) in cases {
        let dir = repo(&[(name, body.as_bytes())]);
        let all = all_formats(dir.path(), &[]);
        assert!(all.contains(name), "{name} not reported");
        assert!(!all.contains(secret), "{name}: {secret} shown:\n{}", head(&all));
    }
}

#[test]
fn item11b_an_aws_secret_key_beside_its_id_is_masked() {
    let cm = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: env\ndata:\n  env: \"AWS_ACCESS_KEY_ID={} AWS_SECRET_ACCESS_KEY={}\"\n",
        akia(),
        aws_secret()
    );
    let dir = repo(&[("cm.yaml", cm.as_bytes())]);
    let all = all_formats(dir.path(), &[]);
    assert!(!all.contains(&aws_secret()[..12]), "{}", head(&all));
    assert!(!all.contains(&akia()[4..]), "{}", head(&all));
}

#[test]
fn item11c_masking_does_not_depend_on_the_selected_rules() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - {name: c, image: nginx, env: [{name: DB_PASSWORD, value: Zx8Secretvalue}], securityContext: {privileged: true}}\n";
    let secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  labels: {a: \"b\", a: \"c\"}\ndata: {password: WnhTZWNyZXQ=, token: WnhTZWNyZXQ=}\n";
    let dir = repo(&[("pod.yaml", pod.as_bytes()), ("secret.yaml", secret.as_bytes())]);
    for select in [&["--select", "pod"][..], &["--select", "hygiene"][..], &[][..]] {
        let all = all_formats(dir.path(), select);
        assert!(all.contains("pod.yaml"), "{select:?}");
        assert!(!all.contains("Zx8Secretvalue"), "{select:?}:\n{}", head(&all));
        assert!(!all.contains("WnhTZWNyZXQ"), "{select:?}:\n{}", head(&all));
    }
}

#[test]
fn item11d_an_access_key_in_a_cloudformation_cluster_name_is_never_printed() {
    let cfn = format!(
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      Name: !Sub \"x-{}\"\n      RoleArn: arn:aws:iam::123456789012:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n",
        akia()
    );
    let dir = repo(&[("cfn.yaml", cfn.as_bytes())]);
    // Spanish reports render the messages from their arguments: masked there too.
    for extra in [&[][..], &["--lang", "es"][..]] {
        let all = all_formats(dir.path(), extra);
        assert!(all.contains("cfn.yaml"), "{extra:?}: {}", head(&all));
        assert!(!all.contains(&akia()[4..]), "{extra:?}: {}", head(&all));
    }
}

#[test]
fn item11d_an_access_key_as_a_resource_name_or_logical_id_is_never_printed() {
    // Terraform resource labels and CloudFormation logical IDs are the finding's object.
    let tf = format!(
        "resource \"aws_eks_cluster\" \"{k}\" {{\n  name     = \"c\"\n  role_arn = \"arn:aws:iam::123456789012:role/eks\"\n  vpc_config {{\n    subnet_ids = [\"subnet-1\", \"subnet-2\"]\n  }}\n}}\n",
        k = akia()
    );
    let cfn = format!(
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  {k}:\n    Type: AWS::EKS::Cluster\n    Properties:\n      Name: c\n      RoleArn: arn:aws:iam::123456789012:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n",
        k = akia()
    );
    for (name, body) in [("main.tf", tf), ("cfn.yaml", cfn)] {
        let dir = repo(&[(name, body.as_bytes())]);
        for extra in [&[][..], &["--lang", "es"][..]] {
            let all = all_formats(dir.path(), extra);
            assert!(all.contains(name), "{name} {extra:?}: {}", head(&all));
            assert!(!all.contains(&akia()[4..]), "{name} {extra:?}: {}", head(&all));
        }
    }
}

// ---- 12. terminal injection -------------------------------------------------------------------

const HOSTILE_NAME: &str = "x\u{1b}[2J\u{1b}]0;pwned\u{7}\n--> fake.yaml:1:1\u{202e}";

fn no_raw_controls(out: &str, what: &str) {
    for c in out.chars() {
        let allowed = c == '\n' || c == '\t';
        assert!(
            allowed || !(c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "{what}: raw {c:?} in output:\n{}",
            head(out)
        );
    }
    assert!(
        !out.lines().any(|l| l.trim_start().starts_with("--> fake.yaml")),
        "{what}: forged line:\n{}",
        head(out)
    );
}

#[test]
fn item12_control_and_bidi_characters_never_reach_the_terminal() {
    let quoted = HOSTILE_NAME.replace('\u{1b}', "\\e").replace('\u{7}', "\\a").replace('\n', "\\n");
    let manifest = format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"{quoted}\"\n  namespace: \"{quoted}\"\n  labels: {{app: web}}\nspec:\n  containers:\n    - name: \"{quoted}\"\n      image: nginx\n      securityContext: {{privileged: true}}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: \"{quoted}\"\nroleRef: {{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}}\nsubjects:\n  - {{kind: User, name: \"{quoted}\", apiGroup: rbac.authorization.k8s.io}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: \"{quoted}\"\n  namespace: \"{quoted}\"\nspec:\n  podSelector: {{}}\n  ingress: [{{}}]\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let file_name = "evil\u{1b}[31m\u{202e}.yaml";
    std::fs::write(dir.path().join(file_name), &manifest).unwrap();
    std::fs::write(dir.path().join("broken\u{7}.yaml"), "a: [\n").unwrap();
    let commands: &[&[&str]] = &[
        &["scan", "."],
        &["scan", ".", "--format", "markdown"],
        &["pss", "."],
        &["rbac", "who-can", "get", "secrets", "."],
        &["rbac", "rules", "."],
        &["netpol", "reach", "."],
    ];
    for args in commands {
        let o = run_in(dir.path(), args);
        finished(&o);
        no_raw_controls(&text(&o), &args.join(" "));
    }
    let o = run_in(dir.path(), &["scan", ".", "--format", "html"]);
    finished(&o);
    let html = text(&o);
    assert!(!html.contains('\u{1b}') && !html.contains('\u{7}'), "raw ESC/BEL in HTML");
}

// ---- 1–9. resource exhaustion -----------------------------------------------------------------

#[test]
fn item1_terraform_locals_that_double_a_string() {
    let mut tf = String::from("locals {\n  a0 = \"0123456789abcdef\"\n");
    for i in 1..=33 {
        let _ = writeln!(tf, "  a{i} = \"${{local.a{p}}}${{local.a{p}}}\"", p = i - 1);
    }
    tf.push_str("}\nresource \"aws_eks_cluster\" \"c\" {\n  name = local.a33\n  role_arn = \"arn\"\n  vpc_config {\n    subnet_ids = [\"a\"]\n  }\n}\n");
    let mut list = String::from("locals {\n  s = \"0123456789abcdef0123456789abcdef\"\n  l0 = [local.s]\n");
    for i in 1..=6 {
        let refs = vec![format!("local.l{}", i - 1); 10].join(", ");
        let _ = writeln!(list, "  l{i} = [{refs}]");
    }
    list.push_str("}\nresource \"aws_eks_cluster\" \"d\" {\n  name = \"d\"\n  role_arn = \"arn\"\n  tags = { t = local.l6 }\n  vpc_config {\n    subnet_ids = local.l6\n  }\n}\n");
    let dir = repo(&[("tf/main.tf", tf.as_bytes()), ("tf2/main.tf", list.as_bytes())]);
    scan_keeps_good(dir.path(), &[]);
}

#[test]
fn item2_yaml_aliases_that_expand_bytes() {
    let big = "x".repeat(64 * 1024);
    let mut y = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  s: &s \"{big}\"\nx:\n  l0: &l0 [*s]\n"
    );
    for i in 1..=5 {
        let refs = vec![format!("*l{}", i - 1); 10].join(", ");
        let _ = writeln!(y, "  l{i}: &l{i} [{refs}]");
    }
    let dir = repo(&[("bomb.yaml", y.as_bytes())]);
    let t = scan_keeps_good(dir.path(), &[]);
    assert!(t.contains("bomb.yaml:") && t.contains("alias expansion"), "{}", head(&t));
    // A large scalar aliased a few hundred times.
    let big = "y".repeat(8 * 1024 * 1024);
    let mut y = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n  s: &s \"{big}\"\nitems:\n"
    );
    for _ in 0..200 {
        y.push_str("  - *s\n");
    }
    let dir = repo(&[("wide.yaml", y.as_bytes())]);
    let t = scan_keeps_good(dir.path(), &[]);
    assert!(t.contains("wide.yaml:") && t.contains("alias expansion"), "{}", head(&t));
}

#[test]
fn item3_cloudformation_refs_to_a_large_default() {
    let default = "d".repeat(100 * 1024);
    let refs = vec!["!Ref P"; 30_000].join(", ");
    let cfn = format!(
        "AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  P:\n    Type: String\n    Default: \"{default}\"\nResources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      Name: c\n      RoleArn: arn\n      ResourcesVpcConfig: {{SubnetIds: [a]}}\n      Tags: [{refs}]\n"
    );
    let dir = repo(&[("cfn.yaml", cfn.as_bytes())]);
    scan_keeps_good(dir.path(), &[]);
}

#[test]
fn item4_anchors_nesting_anchors_do_not_overflow_the_stack() {
    let mut y = String::from("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\nx:\n  a0: &a0 v\n");
    for k in 1..=1000 {
        let _ = writeln!(y, "  a{k}: &a{k} [[[[[[[[[[[[*a{}]]]]]]]]]]]]", k - 1);
    }
    y.push_str("data:\n  d: *a1000\n");
    let dir = repo(&[("deep.yaml", y.as_bytes())]);
    let t = scan_keeps_good(dir.path(), &[]);
    assert!(t.contains("deep.yaml:"), "{}", head(&t));
    for args in [&["pss", "."][..], &["netpol", "reach", "."][..], &["rbac", "rules", "."][..]] {
        finished(&run_in(dir.path(), args));
    }
}

#[test]
fn item5_merge_keys_are_not_quadratic() {
    let keys: Vec<String> = (0..40_000).map(|i| format!("k{i}: {i}")).collect();
    let y = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\nx: &a {{{}}}\ndata: {{<<: [{}]}}\n",
        keys.join(", "),
        vec!["*a"; 24].join(", ")
    );
    let dir = repo(&[("merge.yaml", y.as_bytes())]);
    scan_keeps_good(dir.path(), &[]);
}

/// A one-line `List` of pods: every excerpt is a window of the line, so the report grows with
/// the findings, not with findings × line length.
#[test]
fn item6_excerpts_of_a_very_long_line_are_windowed() {
    let pod = r#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"nginx","securityContext":{"privileged":true}}]}}"#;
    let items: Vec<String> = (0..700).map(|i| pod.replace("\"p\"", &format!("\"p{i}\""))).collect();
    let list = format!("{{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{}]}}", items.join(","));
    let dir = repo(&[("list.json", list.as_bytes())]);
    for format in ["text", "html"] {
        let o = run_in(dir.path(), &["scan", ".", "--format", format]);
        finished(&o);
        let t = text(&o);
        assert!(t.contains("good-pod") && t.contains("p699"), "{format}");
        // Each finding shows a bounded window: well under the line's length per finding.
        // (HTML names the file once above its findings: count the findings' blocks there.)
        let marker = if format == "html" { "<article class=\"f" } else { "list.json" };
        let findings = t.matches(marker).count().max(1);
        assert!(findings > 700, "{format}: {findings} findings");
        assert!(t.len() / findings < list.len() / 4, "{format}: {} bytes for {findings} findings", t.len());
    }
}

/// 1,000 pods of one namespace (a million pairs) and 12,000 `/32` peers: the listing is
/// computed per group of pods no policy tells apart and streamed, the peers swept once.
#[test]
fn item7_netpol_reach_many_pods_and_ip_blocks() {
    let mut y = String::new();
    for i in 0..1_000 {
        let _ = write!(
            y,
            "---\napiVersion: v1\nkind: Pod\nmetadata: {{name: p{i}, namespace: ns, labels: {{app: a{}}}}}\nspec: {{containers: [{{name: c, image: nginx}}]}}\n",
            i % 7
        );
    }
    y.push_str("---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np, namespace: ns}\nspec:\n  podSelector: {matchLabels: {app: a1}}\n  ingress:\n    - from:\n");
    for i in 0..12_000u32 {
        // Every other address, so the peers do not merge into one range.
        let a = 2 * i;
        let _ = writeln!(y, "        - ipBlock: {{cidr: 10.{}.{}.{}/32}}", a >> 16, (a >> 8) & 255, a & 255);
    }
    let dir = repo(&[("many.yaml", y.as_bytes())]);
    let o = run_in(dir.path(), &["netpol", "reach", "many.yaml"]);
    finished(&o);
    let t = String::from_utf8_lossy(&o.stdout);
    // p1 (app: a1) admits only the listed addresses; the others admit everything.
    assert!(!t.contains("ns/p0[Pod] => ns/p1[Pod]"), "pods reach an isolated pod");
    assert!(t.contains("ns/p0[Pod] => ns/p2[Pod] : All Connections"), "{}", head(&t));
    assert!(t.contains("10.0.0.0 => ns/p1[Pod] : All Connections"), "{}", head(&t));
    assert!(t.contains("10.0.93.190 => ns/p1[Pod]"), "the last peer is missing");
    assert!(!t.contains("10.0.0.1 => ns/p1[Pod]"), "an address between peers is admitted");
    // 857 pods reachable from 999 others each, 143 from none; plus the address lines.
    let pairs = t.lines().filter(|l| l.starts_with("ns/") && l.contains("=> ns/")).count();
    assert_eq!(pairs, 857 * 999, "pod-to-pod lines");
}

#[cfg(unix)]
#[test]
fn item8_non_regular_files_are_bounded_and_fifos_do_not_block() {
    let dir = repo(&[]);
    let o = run_in(dir.path(), &["scan", "/dev/zero", "good.yaml"]);
    finished(&o);
    let t = text(&o);
    // Named, a device is read up to the named limit, and its first NUL byte ends the reading.
    assert!(t.contains("/dev/zero") && t.contains("binary file"), "{}", head(&t));
    // Piped into standard input, the same: not 500 MiB of zeros read before an error.
    let bin = assert_cmd::cargo::cargo_bin("ladrillo");
    let o = Command::new("sh")
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .arg("-c")
        .arg("ulimit -v 2097152; exec \"$0\" scan - good.yaml < /dev/zero")
        .arg(bin)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    finished(&o);
    let t = text(&o);
    assert!(t.contains("binary file") && t.contains("--> -:1:1") && t.contains("good-pod"), "{}", head(&t));
    assert!(t.contains("good-pod"));
    let fifo = dir.path().join("pipe.yaml");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let o = run_in(dir.path(), &["scan", "pipe.yaml", "good.yaml"]);
    finished(&o);
    let t = text(&o);
    assert!(t.contains("good-pod") && t.contains("pipe.yaml"), "{}", head(&t));
    // audit-log too: a named pipe with no writer is an input error, not a wait without end.
    let o = run_in(dir.path(), &["audit-log", "--no-config", "pipe.yaml"]);
    finished(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("pipe.yaml: named pipe with no writer"), "{o:?}");
}

/// A named pipe, a socket or a looping link met by a directory walk was passed over without a
/// word (and a pipe must never be opened there: without a writer it blocks). Each is now an input
/// error naming the path (exit 2), links to directories are named as not followed (so a link
/// cycle cannot loop the walk), and the good file beside them is still reported.
#[cfg(unix)]
#[test]
fn item8_special_files_and_link_cycles_in_a_walk_are_named() {
    use std::os::unix::fs::symlink;
    let dir = repo(&[("sub/ok.yaml", b"# nothing here\n")]);
    let d = dir.path();
    assert!(std::process::Command::new("mkfifo").arg(d.join("pipe.yaml")).status().unwrap().success());
    let _socket = std::os::unix::net::UnixListener::bind(d.join("sock.yaml")).unwrap();
    symlink("loop.yaml", d.join("loop.yaml")).unwrap();
    symlink(".", d.join("self")).unwrap();
    symlink("..", d.join("sub/up")).unwrap();
    let o = run_in(d, &["scan", "."]);
    assert_eq!(o.status.code(), Some(2), "{}", head(&text(&o)));
    let t = text(&o);
    assert!(t.contains("good-pod"), "{}", head(&t));
    for (path, what) in [
        ("pipe.yaml", "named pipe (FIFO), not a regular file: not read"),
        ("sock.yaml", "socket, not a regular file: not read"),
        ("loop.yaml", "symbolic link loop"),
    ] {
        assert!(
            t.lines().any(|l| l.contains(what)) && t.contains(&format!("./{path}")),
            "{path}: {what}\n{}",
            head(&t)
        );
    }
    for link in ["./self", "./sub/up"] {
        assert!(
            t.contains(&format!("note: {link}: link to a directory, not followed")),
            "{link}\n{}",
            head(&t)
        );
    }
    // The same in JSON: errors name the paths, the notes the links.
    let o = run_in(d, &["scan", ".", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let files = |key: &str| -> Vec<String> {
        let list = v["summary"][key].as_array().cloned().or_else(|| v[key].as_array().cloned());
        list.unwrap_or_default().iter().map(|e| e["file"].as_str().unwrap_or_default().to_string()).collect()
    };
    let errors = files("errors");
    for path in ["./loop.yaml", "./pipe.yaml", "./sock.yaml"] {
        assert!(errors.iter().any(|e| e == path), "{path} not in {errors:?}");
    }
    assert_eq!(files("input_notes"), ["./self", "./sub/up"]);
}

#[test]
fn item9_output_is_bounded_per_file() {
    let mut y = String::from("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dups\ndata:\n");
    for _ in 0..200_000 {
        y.push_str("  a: b\n");
    }
    let dir = repo(&[("dups.yaml", y.as_bytes())]);
    for format in ["text", "json"] {
        let o = run_in(dir.path(), &["scan", ".", "--format", format]);
        finished(&o);
        let t = text(&o);
        assert!(t.contains("good-pod"));
        assert!(t.len() < 8 * 1024 * 1024, "{format}: {} bytes of output", t.len());
        assert!(t.contains("elided"), "{format}: no count of what was left out");
    }
}

// ---- 15. messages -------------------------------------------------------------------------------

#[test]
fn item15_utf32_is_named_and_alias_keys_point_at_the_alias() {
    let dir = repo(&[("u32.yaml", b"\xff\xfe\x00\x00a\x00\x00\x00")]);
    let t = scan_keeps_good(dir.path(), &[]);
    assert!(t.contains("UTF-32"), "{}", head(&t));
    let y = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &k dup\ndata:\n  dup: a\n  *k : b\n";
    let dir = repo(&[("alias.yaml", y.as_bytes())]);
    let t = scan_keeps_good(dir.path(), &[]);
    assert!(t.contains("alias.yaml:7:"), "{}", head(&t));
    assert!(!t.contains("first at line 7") && !t.contains("first at line 4"), "{}", head(&t));
}
