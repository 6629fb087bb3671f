//! Secrets found by the `secrets` rules never reach any output: not the finding's message, help
//! or notes, and not the text, JSON, SARIF or JUnit report (the text report's source excerpt
//! masks them).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use ladrillo::report::{self, Format, ReportOptions};

// Fake credentials, assembled at run time so no complete token sits in the source.
fn secrets() -> Vec<(&'static str, String)> {
    vec![
        ("aws-key-id", format!("AKIA{}", "QZ7RV2MX4KTN8WPL")),
        ("aws-secret", format!("{}{}", "Hq7zP2wX9mK4vR8tN1cL", "5yB3jF6gD0sA2eU7iO4q")),
        ("password", "Vx9#qLm2-Rt7Pz".to_string()),
        ("github", format!("ghp_{}", "Zq8Wm3Rt6Yp1Kc4Vn7Bx2Ls5Hd9Gf0Ja3Ue6M")),
        ("slack", format!("xoxb-{}", "5482917360-QmRzTkWpYv")),
        ("url-password", "Pw4Kz9Qm7Tr2".to_string()),
        ("api-token", "Tk3Vr8Nq5Zm1Lw6Y".to_string()),
        ("applied", "Uj5Rx8Kd2Wq7Ne4B".to_string()),
        ("pem-material", format!("{}{}", "MIIEvQIBADANBgkqhkiG9w0BAQEF", "Jq4Zr8Wt2Xm6Kp0Ls3")),
    ]
}

fn b64(v: &str) -> String {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in v.as_bytes().chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn pem(material: &str) -> String {
    format!("-----BEGIN RSA PRIVATE KEY-----\n{material}\n-----END RSA PRIVATE KEY-----\n")
}

fn manifest() -> String {
    let s: std::collections::BTreeMap<&str, String> = secrets().into_iter().collect();
    let applied = format!(
        r#"{{"apiVersion":"v1","kind":"Secret","metadata":{{"name":"db"}},"data":{{"password":"{}"}}}}"#,
        b64(&s["applied"])
    );
    format!(
        r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    example.com/api-token: {api_token}
spec:
  template:
    spec:
      containers:
        - name: app
          env:
            - name: AWS_ACCESS_KEY_ID
              value: {aws_key_id}
            - name: AWS_SECRET_ACCESS_KEY
              value: "{aws_secret}"
            - name: DB_PASSWORD
              value: "{password}"
            - name: GITHUB_TOKEN
              value: {github}
            - name: SLACK_TOKEN
              value: {slack}
            - name: DATABASE_URL
              value: postgres://app:{url_password}@db:5432/app
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  credentials: |
    [default]
    aws_access_key_id = {aws_key_id}
    aws_secret_access_key = {aws_secret}
  password: "{password}"
binaryData:
  tls.key: {pem_b64}
---
apiVersion: v1
kind: Secret
metadata:
  name: db
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{applied}'
data:
  password: {applied_b64}
"#,
        api_token = s["api-token"],
        aws_key_id = s["aws-key-id"],
        aws_secret = s["aws-secret"],
        password = s["password"],
        github = s["github"],
        slack = s["slack"],
        url_password = s["url-password"],
        pem_b64 = b64(&pem(&s["pem-material"])),
        applied_b64 = b64(&s["applied"]),
    )
}

/// Every 6-character window of a secret past its public type prefix.
fn fragments(name: &str, value: &str) -> Vec<String> {
    let skip = match name {
        "aws-key-id" => 4,
        "github" => 4,
        "slack" => 5,
        _ => 0,
    };
    let chars: Vec<char> = value.chars().skip(skip).collect();
    chars.windows(6).map(|w| w.iter().collect()).collect()
}

#[test]
fn no_output_contains_a_secret() {
    let text = manifest();
    let result = common::scan_text(&text, &["secrets"]);
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    // Every placement is found: 6 env vars, 3 ConfigMap entries, 2 annotations.
    assert_eq!(
        result.findings.len(),
        11,
        "{:#?}",
        result.findings.iter().map(|f| f.message()).collect::<Vec<_>>()
    );

    let mut outputs: Vec<(String, String)> = Vec::new();
    for f in &result.findings {
        outputs.push((format!("message of {}", f.rule.code), f.message().into_owned()));
        outputs.push((format!("help of {}", f.rule.code), f.help().unwrap_or_default().into_owned()));
        outputs.push((format!("notes of {}", f.rule.code), f.notes().join("\n")));
        outputs.push((format!("path of {}", f.rule.code), f.path_text()));
    }
    for (format, name) in [
        (Format::Text, "text"),
        (Format::Json, "json"),
        (Format::Sarif, "sarif"),
        (Format::Junit, "junit"),
        (Format::Html, "html"),
    ] {
        for color in [false, true] {
            let options = ReportOptions { show_suppressed: true, color, ..Default::default() };
            outputs.push((format!("{name} report"), report::render(&result, format, options)));
        }
    }

    let mut leaks = Vec::new();
    let mut all = secrets();
    let encoded: Vec<(&str, String)> = all
        .iter()
        .filter(|(n, _)| *n == "applied" || *n == "pem-material")
        .map(|(n, v)| (*n, if *n == "applied" { b64(v) } else { b64(&pem(v)) }))
        .collect();
    all.extend(encoded);
    for (secret, value) in all {
        for fragment in fragments(secret, &value) {
            for (place, out) in &outputs {
                if out.contains(&fragment) {
                    leaks.push(format!("{place} contains part of {secret}: {fragment}"));
                }
            }
        }
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));

    // The text report still shows where: the env var names and ConfigMap keys, masked values.
    let rendered = report::render(&result, Format::Text, ReportOptions::default());
    assert!(rendered.contains("AWS_SECRET_ACCESS_KEY"));
    assert!(rendered.contains("value: ****"));
    assert!(rendered.contains("(AKIA…)"));
}

fn render_all(result: &ladrillo::scan::ScanResult) -> String {
    [Format::Text, Format::Json, Format::Sarif, Format::Junit, Format::Html]
        .into_iter()
        .map(|f| {
            report::render(
                result,
                f,
                ReportOptions { show_suppressed: true, color: false, ..Default::default() },
            )
        })
        .collect()
}

/// A finding on a line of a Secret's `data` or `stringData` (a repeated key) showed the value in
/// the text and HTML excerpts.
#[test]
fn secret_object_values_are_masked_in_every_excerpt() {
    let value = "Qw7Zk2Lm9Rt4Vx";
    let text = format!(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: {value}1\n  password: {value}2\ndata:\n  token: {}\n  token: {}\n",
        b64(&format!("{value}3")),
        b64(&format!("{value}4"))
    );
    let result = common::scan_text(&text, &["all"]);
    assert!(result.findings.iter().any(|f| f.rule.name == "duplicate-key"));
    let out = render_all(&result);
    assert!(!out.contains(value), "{out}");
    assert!(!out.contains(&b64(&format!("{value}4"))), "{out}");
}

/// A syntax error on a line holding a credential showed it in the error excerpt.
#[test]
fn credential_values_are_masked_in_syntax_error_excerpts() {
    let value = "Qw7Zk2Lm9Rt4Vx";
    let text =
        format!("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: {value}: [\n");
    let result = common::scan_text(&text, &["all"]);
    assert_eq!(result.errors.len(), 1);
    let out = render_all(&result);
    assert!(!out.contains(value), "{out}");
}

/// The ambiguous-scalar message quoted a Secret's value (a numeric PIN read as octal).
#[test]
fn ambiguous_secret_values_are_not_quoted() {
    let text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  pin: 0175316\n";
    let result = common::scan_text(text, &["ambiguous-scalar"]);
    assert_eq!(result.findings.len(), 1);
    let out = render_all(&result);
    assert!(!out.contains("0175316"), "{out}");
    assert!(!out.contains("64206"), "{out}"); // what YAML 1.1 reads
}
