//! Quoting and small layouts for the text the sections emit: YAML and JSON share double-quoted
//! strings; HCL also escapes its template sequences.

use serde_json::Value;

/// Text as comment lines at an indent: `{indent}# line` for each line, each ending in a newline
/// (the generated files' comments come from `generate.ftl` in the reader's language).
#[must_use]
pub fn comment(indent: &str, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.lines() {
        out.push_str(indent);
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A double-quoted YAML/JSON string.
pub fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// A double-quoted HCL string literal (`${` and `%{` would start a template).
pub fn hq(s: &str) -> String {
    q(s).replace("${", "$${").replace("%{", "%%{")
}

/// A YAML flow sequence of quoted strings: `["a", "b"]`.
pub fn flow(items: &[impl AsRef<str>]) -> String {
    let inner: Vec<String> = items.iter().map(|s| q(s.as_ref())).collect();
    format!("[{}]", inner.join(", "))
}

/// An HCL list of quoted strings.
pub fn hlist(items: &[impl AsRef<str>]) -> String {
    let inner: Vec<String> = items.iter().map(|s| hq(s.as_ref())).collect();
    format!("[{}]", inner.join(", "))
}

/// Pretty JSON with a trailing newline (key order as built: callers insert in a fixed order).
pub fn json(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// A JSON value as YAML block lines at an indent (maps and sequences nested, strings quoted).
#[must_use]
pub fn yaml_lines(v: &Value, indent: usize) -> Vec<String> {
    let mut out = Vec::new();
    emit(v, indent, &mut out);
    out
}

fn key(k: &str) -> String {
    if k.chars().all(|c| c.is_ascii_alphanumeric()) { k.to_string() } else { q(k) }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => q(s),
        other => other.to_string(),
    }
}

fn emit(v: &Value, indent: usize, out: &mut Vec<String>) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(m) => {
            for (k, val) in m {
                match val {
                    Value::Object(c) if !c.is_empty() => {
                        out.push(format!("{pad}{}:", key(k)));
                        emit(val, indent + 2, out);
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push(format!("{pad}{}:", key(k)));
                        emit(val, indent + 2, out);
                    }
                    _ => out.push(format!("{pad}{}: {}", key(k), scalar(val))),
                }
            }
        }
        Value::Array(a) => {
            for item in a {
                match item {
                    Value::Object(_) | Value::Array(_) => {
                        let mut inner = Vec::new();
                        emit(item, indent + 2, &mut inner);
                        for (i, line) in inner.into_iter().enumerate() {
                            if i == 0 {
                                out.push(format!("{pad}- {}", line.get(indent + 2..).unwrap_or_default()));
                            } else {
                                out.push(line);
                            }
                        }
                    }
                    _ => out.push(format!("{pad}- {}", scalar(item))),
                }
            }
        }
        other => out.push(format!("{pad}{}", scalar(other))),
    }
}
