//! Baselines: the findings of an earlier scan (its JSON report), so that a scan reports only
//! what is new. A finding matches a baseline entry by rule, file (for a rendered text, its
//! template or origin file), object (kind, namespace, name) and field path — never by line or column, so edits above a finding, or documents
//! moved within their file, do not make it new. Findings that are not about an object match
//! by their message instead of an object; so do findings about an object's namespace (at
//! `metadata.namespace`, such as a namespace without a default-deny policy), which are shown at
//! whichever workload of the namespace comes first and keep their identity when that changes.
//! Entries are counted: two equal findings need two entries.

use std::collections::HashMap;
use std::path::Path;

use crate::finding::Finding;

/// What identifies a finding across scans.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    rule: String,
    file: String,
    kind: String,
    namespace: String,
    name: String,
    path: String,
    /// Only for findings without an object.
    message: String,
}

/// `./a.yaml` and `a.yaml` are one file.
fn file_key(file: &str) -> String {
    file.strip_prefix("./").unwrap_or(file).to_string()
}

/// Where findings about a namespace rather than the object showing them are reported.
const NAMESPACE_PATH: &str = "metadata.namespace";

impl Key {
    fn of(f: &Finding) -> Self {
        let file = file_key(f.location.identity_file().unwrap_or_default());
        let path = f.path_text();
        match &f.object {
            Some(o) if path == NAMESPACE_PATH => Self {
                rule: f.rule.code.to_string(),
                file,
                kind: "Namespace".into(),
                namespace: o.namespace.as_deref().unwrap_or_default().to_string(),
                name: String::new(),
                path,
                message: f.message().into_owned(),
            },
            Some(o) => Self {
                rule: f.rule.code.to_string(),
                file,
                kind: o.kind.to_string(),
                namespace: o.namespace.as_deref().unwrap_or_default().to_string(),
                name: o.name.to_string(),
                path,
                message: String::new(),
            },
            None => Self {
                rule: f.rule.code.to_string(),
                file,
                kind: String::new(),
                namespace: String::new(),
                name: String::new(),
                path,
                message: f.message().into_owned(),
            },
        }
    }

    /// From one finding of a JSON report; `None` when it lacks the fields a report has.
    fn from_json(v: &serde_json::Value) -> Option<Self> {
        let text =
            |v: &serde_json::Value, k: &str| v.get(k).and_then(serde_json::Value::as_str).map(String::from);
        let object = v.get("object").filter(|o| !o.is_null());
        let path = text(v, "path").unwrap_or_default();
        let about_namespace = object.is_some() && path == NAMESPACE_PATH;
        Some(Self {
            rule: text(v, "rule")?,
            // A rendered place is identified by its template or origin file (`rendered_from`).
            file: file_key(
                &v.get("rendered_from")
                    .and_then(|r| text(r, "file"))
                    .or_else(|| text(v, "file"))
                    .unwrap_or_default(),
            ),
            kind: if about_namespace {
                "Namespace".into()
            } else {
                object.and_then(|o| text(o, "kind")).unwrap_or_default()
            },
            namespace: object.and_then(|o| text(o, "namespace")).unwrap_or_default(),
            name: if about_namespace {
                String::new()
            } else {
                object.and_then(|o| text(o, "name")).unwrap_or_default()
            },
            path,
            message: if object.is_some() && !about_namespace { String::new() } else { text(v, "message")? },
        })
    }
}

/// The findings of an earlier scan, counted by identity.
#[derive(Debug, Default)]
pub struct Baseline {
    entries: HashMap<Key, usize>,
}

impl Baseline {
    /// Reads a JSON report written by `scan --format json` or `--write-baseline`.
    ///
    /// # Errors
    /// When the file cannot be read or is not a ladrillo JSON report, with the reason.
    pub fn read(path: &Path) -> Result<Self, String> {
        let shown = path.display();
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read the baseline: {e}"))?;
        Self::parse(&text).map_err(|e| format!("{shown}: {e}"))
    }

    /// Parses the text of a JSON report.
    ///
    /// # Errors
    /// When the text is not a ladrillo JSON report (with the line and column of a syntax error).
    pub fn parse(text: &str) -> Result<Self, String> {
        let v: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| format!("{}:{}: not a JSON report: {e}", e.line(), e.column()))?;
        if v.get("schema_version").and_then(serde_json::Value::as_u64)
            != Some(u64::from(super::JSON_SCHEMA_VERSION))
        {
            return Err(format!(
                "not a ladrillo JSON report of schema_version {} (write one with `--write-baseline`)",
                super::JSON_SCHEMA_VERSION
            ));
        }
        let mut entries: HashMap<Key, usize> = HashMap::new();
        for list in ["findings", "suppressed"] {
            let Some(items) = v.get(list) else { continue };
            let Some(items) = items.as_array() else {
                return Err(format!("`{list}` is not a list"));
            };
            for (i, item) in items.iter().enumerate() {
                let key = Key::from_json(item)
                    .ok_or_else(|| format!("`{list}[{i}]` lacks `rule`, `file`, `path` or `message`"))?;
                *entries.entry(key).or_default() += 1;
            }
        }
        Ok(Self { entries })
    }

    /// Keeps only the findings the baseline does not hold (each entry matches one finding) and
    /// returns how many were left out.
    pub fn retain_new(&self, findings: &mut Vec<Finding>) -> usize {
        let mut left = self.entries.clone();
        let before = findings.len();
        findings.retain(|f| match left.get_mut(&Key::of(f)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        });
        before - findings.len()
    }
}
