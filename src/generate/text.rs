//! Quoting for the text the generators emit: YAML and JSON share double-quoted strings; HCL
//! also escapes its template sequences.

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
pub fn json(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}
