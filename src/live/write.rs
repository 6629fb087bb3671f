//! Writing a scan's reports into the cluster (`scan --cluster --write-policy-reports`, the
//! in-cluster CronJob): each `PolicyReport` / `ClusterPolicyReport` (`wgpolicyk8s.io/v1alpha2`)
//! by server-side apply — `PATCH` with `application/apply-patch+yaml`, field manager
//! `ladrillo`, `force=true` — so a report is created the first time and replaced on every run.
//! Nothing but those two kinds can be written: any other object is refused before a request.

use futures::StreamExt as _;
use serde_json::Value;

use super::Options;
use super::fetch::{self, FetchError};
use crate::i18n::Lang;

/// The field manager the reports are applied with.
pub const FIELD_MANAGER: &str = "ladrillo";
/// The API group and version of the reports.
pub const GROUP_VERSION: &str = "wgpolicyk8s.io/v1alpha2";

/// What was written, and the first report that could not be.
#[derive(Debug, Default)]
pub struct Written {
    /// Reports applied.
    pub applied: usize,
    /// Reports not applied, with why (`PolicyReport shop/ladrillo: forbidden (403): …`).
    pub failed: Vec<String>,
}

/// Applies every report. `Err` when the cluster cannot be reached at all (no configuration);
/// reports refused one by one are in [`Written::failed`].
pub fn apply(options: &Options, reports: &[Value]) -> Result<Written, fetch::Error> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fetch::Error::Config(e.to_string()))?;
    runtime.block_on(apply_all(options, reports))
}

async fn apply_all(options: &Options, reports: &[Value]) -> Result<Written, fetch::Error> {
    let lang = options.lang;
    // Refused before any request: the writer writes reports and nothing else.
    let targets: Vec<(String, String, &Value)> = reports
        .iter()
        .map(|r| target(r).ok_or_else(|| fetch::Error::Config(crate::t!(lang, "live-write-not-a-report"))))
        .collect::<Result<_, _>>()?;
    let (client, _) = fetch::client(options).await?;
    let results: Vec<(String, Result<(), FetchError>)> =
        futures::stream::iter(targets.into_iter().map(|(what, path, report)| {
            let client = client.clone();
            async move {
                let r = apply_one(&client, options, &path, report).await;
                (what, r)
            }
        }))
        .buffer_unordered(options.concurrency.max(1))
        .collect()
        .await;
    let mut written = Written::default();
    for (what, result) in results {
        match result {
            Ok(()) => written.applied += 1,
            Err(e) => written.failed.push(format!("{what}: {}", describe(&e, lang, &what))),
        }
    }
    written.failed.sort();
    Ok(written)
}

/// A 404 on a report means the CRDs are not installed.
fn describe(e: &FetchError, lang: Lang, what: &str) -> String {
    match e {
        FetchError::Status(404, _) => crate::t!(lang, "live-write-not-served", version = GROUP_VERSION),
        e => e.describe(lang, what),
    }
}

/// `(Kind ns/name, path)` of a report, `None` for anything that is not one.
fn target(report: &Value) -> Option<(String, String, &Value)> {
    if report.get("apiVersion").and_then(Value::as_str) != Some(GROUP_VERSION) {
        return None;
    }
    let name = report.pointer("/metadata/name").and_then(Value::as_str).filter(|n| is_name(n))?;
    let namespace = report.pointer("/metadata/namespace").and_then(Value::as_str);
    match (report.get("kind").and_then(Value::as_str)?, namespace) {
        ("PolicyReport", Some(ns)) if is_name(ns) => Some((
            format!("PolicyReport {ns}/{name}"),
            format!("/apis/{GROUP_VERSION}/namespaces/{ns}/policyreports/{name}"),
            report,
        )),
        ("ClusterPolicyReport", None) => Some((
            format!("ClusterPolicyReport {name}"),
            format!("/apis/{GROUP_VERSION}/clusterpolicyreports/{name}"),
            report,
        )),
        _ => None,
    }
}

/// A name that is safe in a URL path: lowercase letters, digits, `-` and `.`.
fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && !s.starts_with('.')
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

async fn apply_one(
    client: &kube::Client,
    options: &Options,
    path: &str,
    report: &Value,
) -> Result<(), FetchError> {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("fieldManager", FIELD_MANAGER);
    query.append_pair("force", "true");
    let body = serde_json::to_vec(report).map_err(|e| FetchError::Garbage(e.to_string()))?;
    let request = http::Request::patch(format!("{path}?{}", query.finish()))
        .header(http::header::CONTENT_TYPE, "application/apply-patch+yaml")
        .header(http::header::ACCEPT, "application/json")
        .body(kube::client::Body::from(body))
        .map_err(|e| FetchError::Transport(e.to_string()))?;
    let exchange = async {
        let response = client.send(request).await.map_err(|e| FetchError::Transport(fetch::chain(&e)))?;
        let status = response.status();
        let body = fetch::read_capped(response.into_body(), options.max_response_bytes).await?;
        if status.is_success() {
            Ok(())
        } else {
            Err(FetchError::Status(status.as_u16(), fetch::status_message(&body, status)))
        }
    };
    tokio::time::timeout(options.timeout, exchange).await.map_err(|_| FetchError::Timeout(options.timeout))?
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_reports_have_a_target() {
        let ns = json!({ "apiVersion": GROUP_VERSION, "kind": "PolicyReport", "metadata": { "name": "ladrillo", "namespace": "shop" } });
        assert_eq!(
            target(&ns).map(|t| t.1),
            Some("/apis/wgpolicyk8s.io/v1alpha2/namespaces/shop/policyreports/ladrillo".to_string())
        );
        let cluster = json!({ "apiVersion": GROUP_VERSION, "kind": "ClusterPolicyReport", "metadata": { "name": "ladrillo" } });
        assert_eq!(
            target(&cluster).map(|t| t.1),
            Some("/apis/wgpolicyk8s.io/v1alpha2/clusterpolicyreports/ladrillo".to_string())
        );
        for other in [
            json!({ "apiVersion": "v1", "kind": "ConfigMap", "metadata": { "name": "x", "namespace": "shop" } }),
            json!({ "apiVersion": GROUP_VERSION, "kind": "PolicyReport", "metadata": { "name": "ladrillo" } }),
            json!({ "apiVersion": GROUP_VERSION, "kind": "PolicyReport", "metadata": { "name": "../x", "namespace": "shop" } }),
            json!({ "apiVersion": GROUP_VERSION, "kind": "ClusterPolicyReport", "metadata": { "name": "a", "namespace": "shop" } }),
        ] {
            assert!(target(&other).is_none(), "{other}");
        }
    }
}
