//! The admission decision, a pure function: an AdmissionReview body and the Namespace labels
//! known to the webhook in, the HTTP status and the AdmissionReview response out. The object is
//! loaded with the one loader every command uses, and the scan engine runs the selected rules
//! that can judge one object ([`super::scope`]) with the same severity overrides and waivers as
//! `ladrillo scan`.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Value as Json, json};

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::input::Loader;
use crate::scan::{self, ScanSettings};
use crate::settings::{FailOn, WEBHOOK_MODE_LABEL, WebhookMode};

use super::review::{self, Review};

/// The longest denial message, in bytes (the API server shows it to the client in full).
pub const MAX_MESSAGE: usize = 4096;
/// The longest admission warning, in bytes (the API server may truncate longer ones).
pub const MAX_WARNING: usize = 256;
/// The most warnings in one response (the last one says how many more there were).
pub const MAX_WARNINGS: usize = 12;

/// The labels of a namespace, as the webhook's Namespace cache knows them.
pub trait NamespaceLabels {
    /// `None` when the namespace is not known.
    fn labels(&self, namespace: &str) -> Option<Vec<(String, String)>>;
}

impl NamespaceLabels for HashMap<String, Vec<(String, String)>> {
    fn labels(&self, namespace: &str) -> Option<Vec<(String, String)>> {
        self.get(namespace).cloned()
    }
}

/// What the webhook knows besides the review: the scan settings restricted to the rules that
/// run at admission, the default mode, exemptions and the language of messages.
#[derive(Debug)]
pub struct Webhook {
    pub settings: ScanSettings,
    /// The codes of the rules the config selects that only `scan` runs (see [`super::scope`]):
    /// not in `settings`.
    pub scan_only: Vec<&'static str>,
    pub mode: WebhookMode,
    pub exempt: Vec<String>,
    pub namespace_modes: Vec<(String, WebhookMode)>,
    pub lang: Lang,
}

/// How a review was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Allowed without findings, or not evaluated (DELETE, CONNECT, status and other
    /// subresources).
    Allowed,
    /// Allowed with findings as warnings.
    Warned,
    /// Allowed with findings as audit annotations.
    Audited,
    Denied,
    /// The namespace is exempt.
    Exempt,
    /// Not a review the webhook can answer (HTTP 400).
    Malformed,
}

impl Verdict {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Allowed => "allowed",
            Self::Warned => "warned",
            Self::Audited => "audited",
            Self::Denied => "denied",
            Self::Exempt => "exempt",
            Self::Malformed => "malformed",
        }
    }
}

/// The answer to one review.
#[derive(Debug)]
pub struct Decision {
    /// 200 for an answered review, 400 for a malformed one.
    pub status: u16,
    /// The AdmissionReview response (or, for a malformed review, the message as text).
    pub body: Vec<u8>,
    pub verdict: Verdict,
    pub operation: String,
    pub kind: String,
    pub namespace: String,
    pub name: String,
    pub uid: String,
    pub dry_run: bool,
    pub mode: Option<WebhookMode>,
    /// Codes of the rules whose findings denied the request.
    pub denied_by: Vec<&'static str>,
    /// Active findings (and input errors) reported about the object.
    pub findings: usize,
}

/// One problem to report: a rule's finding or an input error about the object.
struct Line {
    code: &'static str,
    name: &'static str,
    text: String,
    blocking: bool,
}

impl Webhook {
    /// Answers one review.
    #[must_use]
    pub fn decide(&self, body: Vec<u8>, namespaces: &dyn NamespaceLabels) -> Decision {
        match review::parse(body) {
            Ok(r) => self.answer(r, namespaces),
            Err(message) => Decision {
                status: 400,
                body: crate::t!(self.lang, "webhook-malformed", reason = message).into_bytes(),
                verdict: Verdict::Malformed,
                operation: String::new(),
                kind: String::new(),
                namespace: String::new(),
                name: String::new(),
                uid: String::new(),
                dry_run: false,
                mode: None,
                denied_by: Vec::new(),
                findings: 0,
            },
        }
    }

    fn answer(&self, mut r: Review, namespaces: &dyn NamespaceLabels) -> Decision {
        let mut decision = Decision {
            status: 200,
            body: Vec::new(),
            verdict: Verdict::Allowed,
            operation: r.operation.clone(),
            kind: r.kind.clone(),
            namespace: r.namespace.clone(),
            name: r.name.clone(),
            uid: r.uid.clone(),
            dry_run: r.dry_run,
            mode: None,
            denied_by: Vec::new(),
            findings: 0,
        };
        let mut response = serde_json::Map::new();
        response.insert("uid".into(), json!(r.uid));
        response.insert("allowed".into(), json!(true));
        let is_namespace = r.kind == "Namespace" && r.resource == "namespaces";
        // A Namespace object is judged under its own name's settings.
        let ns_name =
            if is_namespace && r.namespace.is_empty() { r.name.clone() } else { r.namespace.clone() };
        let labels = (!ns_name.is_empty()).then(|| namespaces.labels(&ns_name)).flatten();
        let (mode, mut warnings) = self.mode_of(&ns_name, labels.as_deref());
        decision.mode = mode;
        let evaluated = matches!(r.operation.as_str(), "CREATE" | "UPDATE") && evaluated_subresource(&r);
        match mode {
            None => decision.verdict = Verdict::Exempt,
            Some(_) if !evaluated => {}
            Some(mode) => {
                let pss_labels = if is_namespace { None } else { labels.as_deref() };
                let lines = self.lines(&mut r, pss_labels);
                decision.findings = lines.len();
                let blocking: Vec<&Line> = lines.iter().filter(|l| l.blocking).collect();
                match mode {
                    WebhookMode::Enforce if !blocking.is_empty() => {
                        decision.verdict = Verdict::Denied;
                        let mut denied_by: Vec<&'static str> = blocking.iter().map(|l| l.code).collect();
                        denied_by.dedup();
                        decision.denied_by = denied_by;
                        response.insert("allowed".into(), json!(false));
                        response.insert(
                            "status".into(),
                            json!({
                                "code": 403,
                                "reason": "Forbidden",
                                "message": self.denial(&r, &blocking),
                            }),
                        );
                        warnings.extend(lines.iter().filter(|l| !l.blocking).map(|l| l.text.clone()));
                    }
                    WebhookMode::Enforce | WebhookMode::Warn => {
                        if !lines.is_empty() {
                            decision.verdict = Verdict::Warned;
                        }
                        warnings.extend(lines.iter().map(|l| l.text.clone()));
                    }
                    WebhookMode::Audit => {
                        if !lines.is_empty() {
                            decision.verdict = Verdict::Audited;
                            let verdict = if blocking.is_empty() { "allow" } else { "would-deny" };
                            let codes: Vec<String> =
                                lines.iter().map(|l| format!("{} {}", l.code, l.name)).collect();
                            response.insert(
                                "auditAnnotations".into(),
                                json!({
                                    "verdict": verdict,
                                    "findings": bounded(&codes.join("; "), MAX_MESSAGE),
                                }),
                            );
                        }
                    }
                }
            }
        }
        if !warnings.is_empty() {
            response.insert("warnings".into(), json!(self.bounded_warnings(&warnings)));
        }
        decision.body = serde_json::to_vec(&json!({
            "apiVersion": "admission.k8s.io/v1",
            "kind": "AdmissionReview",
            "response": response,
        }))
        .unwrap_or_default();
        decision
    }

    /// The mode of a namespace (`None`: exempt) and warnings about its label.
    fn mode_of(
        &self,
        namespace: &str,
        labels: Option<&[(String, String)]>,
    ) -> (Option<WebhookMode>, Vec<String>) {
        if !namespace.is_empty() && self.exempt.iter().any(|e| e == namespace) {
            return (None, Vec::new());
        }
        if let Some((_, m)) = self.namespace_modes.iter().find(|(n, _)| n == namespace) {
            return (Some(*m), Vec::new());
        }
        let label = labels.and_then(|l| l.iter().find(|(k, _)| k == WEBHOOK_MODE_LABEL));
        match label.map(|(_, v)| WebhookMode::parse(v)) {
            Some(Ok(m)) => (Some(m), Vec::new()),
            // An unreadable mode fails closed, as Pod Security admission reads an invalid level.
            Some(Err(_)) => (
                Some(WebhookMode::Enforce),
                vec![crate::t!(
                    self.lang,
                    "webhook-invalid-mode-label",
                    label = WEBHOOK_MODE_LABEL,
                    value = label.map(|(_, v)| v.clone()).unwrap_or_default()
                )],
            ),
            None => (Some(self.mode), Vec::new()),
        }
    }

    /// The active findings and input errors about the request's object; on UPDATE, what the old
    /// object already had never blocks (an object admitted before can still be changed, its
    /// finalizers removed).
    fn lines(&self, r: &mut Review, ns_labels: Option<&[(String, String)]>) -> Vec<Line> {
        let Some(mut object) = r.object.take() else { return Vec::new() };
        review::complete(&mut object, &r.namespace, &r.name);
        let (findings, errors) = self.evaluate(r, object, review::object_path(), ns_labels);
        let old: Vec<(&'static str, String)> = match (r.operation.as_str(), r.old_object.take()) {
            ("UPDATE", Some(mut old)) => {
                review::complete(&mut old, &r.namespace, &r.name);
                let (f, _) = self.evaluate(r, old, review::old_object_path(), ns_labels);
                f.iter().map(|f| (f.rule.code, f.path_text())).collect()
            }
            _ => Vec::new(),
        };
        let threshold = match self.settings.fail_on {
            FailOn::Never => None,
            FailOn::Severity(s) => Some(s),
        };
        let mut lines: Vec<Line> = errors
            .into_iter()
            .map(|e| Line { code: "input", name: "input-error", text: e.message.clone(), blocking: true })
            .collect();
        for f in findings {
            let existed = old.iter().any(|(c, p)| *c == f.rule.code && *p == f.path_text());
            lines.push(Line {
                code: f.rule.code,
                name: f.rule.name,
                blocking: !existed && threshold.is_some_and(|t| f.severity >= t),
                text: self.describe(&f, existed),
            });
        }
        lines
    }

    /// Runs the rules over one object of the review, its Namespace (with the cached labels)
    /// beside it: the active findings about the object and the input errors.
    fn evaluate(
        &self,
        r: &Review,
        object: crate::document::Node,
        path: crate::document::FieldPath,
        ns_labels: Option<&[(String, String)]>,
    ) -> (Vec<Finding>, Vec<crate::diagnostic::InputError>) {
        let mut loader = Loader::default();
        loader.sequential();
        if let Some(labels) = ns_labels {
            let labels: serde_json::Map<String, Json> =
                labels.iter().map(|(k, v)| (k.clone(), Json::String(v.clone()))).collect();
            let ns = json!({"apiVersion": "v1", "kind": "Namespace",
                "metadata": {"name": r.namespace, "labels": labels}});
            loader.text(format!("cluster:namespaces/{}", r.namespace), ns.to_string());
        }
        loader.document(Arc::clone(&r.file), 0, path, object);
        let inputs = loader.finish();
        let index = inputs
            .set
            .objects()
            .iter()
            .position(|o| o.origin.as_ref().is_some_and(|or| Arc::ptr_eq(&or.file, &r.file)));
        let Some(index) = index else {
            let errors = inputs.errors;
            return (Vec::new(), errors);
        };
        let result = scan::scan_object(inputs, index, &self.settings);
        let findings = result.findings.into_iter().filter(|f| f.suppressed.is_none()).collect();
        (findings, result.errors)
    }

    /// `POD001 privileged-container at spec.containers[0]...: message (help)`.
    fn describe(&self, f: &Finding, existed: bool) -> String {
        let mut s = format!("{} {}", f.rule.code, f.rule.name);
        let path = f.path_text();
        if !path.is_empty() {
            s.push_str(" at ");
            s.push_str(&path);
        }
        s.push_str(": ");
        s.push_str(&f.message());
        if let Some(help) = f.help_in(self.lang) {
            s.push_str(" (");
            s.push_str(&help);
            s.push(')');
        }
        if existed {
            s.push(' ');
            s.push_str(&crate::t!(self.lang, "webhook-already-there"));
        }
        s
    }

    fn denial(&self, r: &Review, blocking: &[&Line]) -> String {
        let threshold = match self.settings.fail_on {
            FailOn::Severity(s) => s.as_str(),
            FailOn::Never => "none",
        };
        let mut message = crate::t!(
            self.lang,
            "webhook-denied",
            kind = r.kind.clone(),
            count = blocking.len(),
            threshold = threshold
        );
        for (i, l) in blocking.iter().enumerate() {
            let more = crate::t!(self.lang, "webhook-more", count = blocking.len() - i);
            if message.len() + l.text.len() + 3 + more.len() + 3 > MAX_MESSAGE {
                message.push_str("\n- ");
                message.push_str(&more);
                break;
            }
            message.push_str("\n- ");
            message.push_str(&l.text);
        }
        message
    }

    fn bounded_warnings(&self, all: &[String]) -> Vec<String> {
        let mut out: Vec<String> = all.iter().take(MAX_WARNINGS).map(|w| bounded(w, MAX_WARNING)).collect();
        if all.len() > MAX_WARNINGS {
            out.pop();
            out.push(crate::t!(self.lang, "webhook-more", count = all.len() - (MAX_WARNINGS - 1)));
        }
        out
    }
}

/// Which subresources are judged: the object itself and `pods/ephemeralcontainers` (the Pod with
/// its new containers). `status`, `scale`, `binding` and the rest carry no spec the rules read.
fn evaluated_subresource(r: &Review) -> bool {
    r.sub_resource.is_empty() || (r.resource == "pods" && r.sub_resource == "ephemeralcontainers")
}

/// `text` cut to at most `max` bytes at a character boundary, with `…` when cut.
#[must_use]
pub fn bounded(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max.saturating_sub('…'.len_utf8());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}
