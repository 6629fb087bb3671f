//! The HTML reports in a real browser: headless Chromium loads the page from a file, runs its
//! filter script with a filter in the address, and the test reads the resulting DOM and the
//! browser's console. Needs Chromium (Debian package `chromium`), so it is ignored by default:
//! `cargo test --test html_browser -- --ignored` (set `LADRILLO_CHROMIUM` to a browser binary
//! elsewhere than on `PATH`). The screenshots it writes (`tmp/html-browser/*.png` in the target
//! directory, paths printed) are for a person to look at. What needs no browser is tested in
//! `tests/output.rs` and `tests/frameworks.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use ladrillo::i18n::Lang;
use ladrillo::report::{self, Format, ReportOptions};

/// The browser: `LADRILLO_CHROMIUM`, else the first of the usual names on `PATH`.
fn chromium() -> PathBuf {
    if let Some(p) = std::env::var_os("LADRILLO_CHROMIUM") {
        return PathBuf::from(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser", "google-chrome", "chrome"] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    panic!("no Chromium on PATH (Debian: apt-get install chromium) and LADRILLO_CHROMIUM is not set");
}

/// Loads `file#hash` headless: the DOM after scripts ran, and the browser's log (console
/// messages and errors included).
fn load(file: &Path, hash: &str) -> (String, String) {
    let url = format!("file://{}{hash}", file.display());
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", &url])
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A screenshot for review, under the target directory's `tmp/html-browser/`.
fn screenshot(file: &Path, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-browser");
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join(format!("{name}.png"));
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new(chromium())
        .args(["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", png.display()))
        .args(["--window-size=1280,1600", &format!("file://{}", file.display())])
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000, "{} is no screenshot", png.display());
    png
}

/// The opening tags that start with `start` (attributes only, not the content).
fn tags<'d>(dom: &'d str, start: &str) -> Vec<&'d str> {
    dom.match_indices(start).map(|(i, _)| &dom[i..i + dom[i..].find('>').unwrap()]).collect()
}

/// Console errors, failed loads and policy violations in a browser log.
fn problems(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|l| {
            l.contains("Uncaught")
                || l.contains("Refused to")
                || l.contains("ERR_")
                || (l.contains(":CONSOLE") && (l.contains("error") || l.contains("Error")))
        })
        .collect()
}

const HOSTILE: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: \"<script>document.title='owned'</script>\"
  namespace: \"<img src=x onerror=alert(1)>\"
spec:
  containers:
    - name: \"</pre><b>app\"
      image: nginx:1.27.3@sha256:0000000000000000000000000000000000000000000000000000000000000000
      securityContext:
        privileged: true
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  namespace: prod
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: web
          image: nginx:latest
";

#[test]
#[ignore = "needs headless Chromium (Debian package `chromium`): cargo test --test html_browser -- --ignored"]
fn the_scan_report_works_in_chromium() {
    let result = common::scan_text(HOSTILE, &["pod"]);
    let dir = tempfile::tempdir().unwrap();
    for lang in Lang::ALL {
        let html = report::render(&result, Format::Html, ReportOptions { lang, ..ReportOptions::default() });
        let file = dir.path().join(format!("scan-{}.html", lang.code()));
        std::fs::write(&file, &html).unwrap();

        // No filter: every finding shown, the form visible, nothing from the input ran.
        let (dom, log) = load(&file, "");
        assert!(problems(&log).is_empty(), "browser problems: {:?}", problems(&log));
        assert!(!dom.contains("owned") || dom.contains("&lt;script&gt;document.title"), "{dom}");
        assert!(dom.contains("<title>"), "{dom}");
        assert!(!dom.contains("<title>owned"), "an input name ran as a script");
        assert_eq!(dom.matches("<script").count(), 1, "only the page's own script");
        assert!(!dom.contains("<img"), "an input name became an element");
        assert!(
            !dom.contains("<form id=\"filters\" class=\"filters\" hidden"),
            "the script did not show the filters"
        );
        let total = dom.matches("data-item=").count();
        assert_eq!(total, result.active().count());
        assert!(!dom.contains("data-item=\"\" hidden"), "a finding hidden without a filter");

        // A filter in the address: only high findings of namespace prod are left.
        let (dom, log) = load(&file, "#severity=high&namespace=prod");
        assert!(problems(&log).is_empty(), "browser problems: {:?}", problems(&log));
        let shown: Vec<&str> =
            tags(&dom, "<article ").into_iter().filter(|t| !t.contains("hidden")).collect();
        let expected = result
            .active()
            .filter(|f| {
                f.severity.as_str() == "high"
                    && f.object.as_ref().and_then(|o| o.namespace.as_deref()) == Some("prod")
            })
            .count();
        assert!(expected > 0);
        assert_eq!(shown.len(), expected, "{dom}");
        assert!(
            shown
                .iter()
                .all(|a| a.contains("data-severity=\"high\"") && a.contains("data-namespace=\"prod\""))
        );
        let count =
            ladrillo::t!(lang, "report-html-shown", shown = expected.to_string(), total = total.to_string());
        assert!(dom.contains(&count), "the count `{count}` is not shown");

        // A part of the address that does not decode (a link cut short) is ignored, and the
        // rest still filters: only the findings of namespace prod, of any severity.
        let (dom, log) = load(&file, "#severity=%E0%A4%A&namespace=prod");
        assert!(problems(&log).is_empty(), "browser problems: {:?}", problems(&log));
        let shown = tags(&dom, "<article ").into_iter().filter(|t| !t.contains("hidden")).count();
        let expected = result
            .active()
            .filter(|f| f.object.as_ref().and_then(|o| o.namespace.as_deref()) == Some("prod"))
            .count();
        assert!(expected > 0 && expected < total);
        assert_eq!(shown, expected, "{dom}");
        let count =
            ladrillo::t!(lang, "report-html-shown", shown = expected.to_string(), total = total.to_string());
        assert!(dom.contains(&count), "the count `{count}` is not shown");
        let png = screenshot(&file, &format!("scan-{}", lang.code()));
        eprintln!("screenshot for review: {}", png.display());
    }
}

#[test]
#[ignore = "needs headless Chromium (Debian package `chromium`): cargo test --test html_browser -- --ignored"]
fn the_framework_report_works_in_chromium() {
    use ladrillo::input::Inputs;
    use ladrillo::report::compliance::{self, ReportFormat};
    use ladrillo::rules::frameworks::FrameworkId;
    use ladrillo::settings::{Config, Selector};
    let framework = FrameworkId::CisEks18;
    let select: Vec<Selector> =
        compliance::rule_names(framework).into_iter().map(|n| Selector::parse(n).unwrap()).collect();
    let settings = ladrillo::scan::ScanSettings::new(Config::default(), &select, &[], common::test_day());
    let paths = [common::root().join("tests/data/frameworks").display().to_string()];
    let r = compliance::evaluate(framework, Inputs::from_paths(&paths, &settings.input_options()), &settings);
    let dir = tempfile::tempdir().unwrap();
    for lang in Lang::ALL {
        let file = dir.path().join(format!("cis-{}.html", lang.code()));
        std::fs::write(&file, compliance::render_in(&r, ReportFormat::Html, lang)).unwrap();
        let (dom, log) = load(&file, "#status=fail");
        assert!(problems(&log).is_empty(), "browser problems: {:?}", problems(&log));
        let rows = tags(&dom, "<tr data-item");
        assert_eq!(rows.len(), r.controls.len());
        assert!(r.score.fail > 0 && r.score.fail < rows.len(), "the input must fail some controls only");
        let visible: Vec<&str> = rows.into_iter().filter(|t| !t.contains("hidden")).collect();
        assert_eq!(visible.len(), r.score.fail, "{visible:?}");
        assert!(visible.iter().all(|t| t.contains("data-status=\"fail\"")), "{visible:?}");
        let png = screenshot(&file, &format!("cis-{}", lang.code()));
        eprintln!("screenshot for review: {}", png.display());
    }
}
