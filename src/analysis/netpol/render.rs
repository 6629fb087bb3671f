//! Renderings of a reachability listing: one line per allowed pair (`SRC => DST : CONNS`),
//! JSON, and a matrix.

use std::fmt::Write as _;

use serde_json::json;

use super::conns::{ConnSet, Protocol};
use super::eval::{Connection, Endpoint};
use super::model::Model;
use crate::i18n::Lang;

/// One line: `ns/a[Deployment] => ns/b[Deployment] : TCP 80`.
#[must_use]
pub fn line(model: &Model, c: &Connection, lang: Lang) -> String {
    let mut s = format!(
        "{} => {} : {}",
        model.endpoint_text(c.src),
        model.endpoint_text(c.dst),
        c.allowed.text(lang)
    );
    if !c.allowed.uncertain().is_empty() {
        let ns = model.unknown_in(c.src, c.dst);
        let _ =
            write!(s, " [{}]", crate::t!(lang, "netpol-depends-on-labels", namespaces = quoted(&ns, lang)));
    }
    s
}

/// `"a"`, `"a" or "b"`, … in a language.
pub(crate) fn quoted(names: &[String], lang: Lang) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .reduce(|first, second| crate::t!(lang, "or", first = first, second = second))
        .unwrap_or_default()
}

/// The text listing, one line per connection, then a note on each host-network workload listed.
#[must_use]
pub fn text(model: &Model, conns: &[Connection], lang: Lang) -> String {
    let mut out = String::new();
    for c in conns {
        out.push_str(&line(model, c, lang));
        out.push('\n');
    }
    for w in host_network(model, conns) {
        out.push_str(&host_network_note(model, w, lang));
        out.push('\n');
    }
    out
}

/// The note on a workload of the host network: NetworkPolicy does not restrict it.
#[must_use]
pub fn host_network_note(model: &Model, w: Endpoint, lang: Lang) -> String {
    crate::t!(lang, "netpol-host-network-note", workload = model.endpoint_text(w))
}

/// The host-network workloads among the endpoints of the connections, in model order.
fn host_network(model: &Model, conns: &[Connection]) -> Vec<Endpoint> {
    (0..model.workloads.len())
        .filter(|&i| model.pods(i).host_network)
        .map(Endpoint::Workload)
        .filter(|e| conns.iter().any(|c| c.src == *e || c.dst == *e))
        .collect()
}

fn conns_json(c: &ConnSet) -> serde_json::Value {
    let mut ports = serde_json::Map::new();
    for p in Protocol::ALL {
        let r = c.ports_of(p);
        if !r.is_empty() {
            ports.insert(
                p.as_str().into(),
                json!(r.spans().iter().map(|&(lo, hi)| [lo, hi]).collect::<Vec<_>>()),
            );
        }
    }
    json!({ "all": c.is_all(), "text": c.to_string(), "ports": ports })
}

/// JSON: an array of `{src, dst, hostNetwork, connections, possible, unknownNamespaces}`
/// (`hostNetwork` lists the endpoints that run on the host network).
#[must_use]
pub fn json(model: &Model, conns: &[Connection]) -> String {
    let mut out = String::new();
    let mut array = JsonArray::default();
    for c in conns {
        array.push(&mut out, &json_item(model, c));
    }
    array.finish(&mut out);
    out
}

/// One element of the [`json`] array.
#[must_use]
pub fn json_item(model: &Model, c: &Connection) -> serde_json::Value {
    let uncertain = c.allowed.uncertain();
    let host: Vec<String> = [c.src, c.dst]
        .into_iter()
        .filter(|e| matches!(e, Endpoint::Workload(i) if model.pods(*i).host_network))
        .map(|e| model.endpoint_text(e))
        .collect();
    json!({
        "src": model.endpoint_text(c.src),
        "dst": model.endpoint_text(c.dst),
        "hostNetwork": host,
        "connections": conns_json(&c.allowed.definite),
        "possible": if uncertain.is_empty() { serde_json::Value::Null } else { conns_json(&uncertain) },
        "unknownNamespaces": if uncertain.is_empty() { Vec::new() } else { model.unknown_in(c.src, c.dst) },
    })
}

/// A pretty-printed JSON array written one element at a time (the text `serde_json` gives the
/// whole array), so a listing of millions of pairs is never held in memory.
#[derive(Debug, Default)]
pub struct JsonArray {
    started: bool,
}

impl JsonArray {
    /// Appends one element to `out`.
    pub fn push(&mut self, out: &mut String, item: &serde_json::Value) {
        out.push_str(if self.started { ",\n" } else { "[\n" });
        self.started = true;
        let text = serde_json::to_string_pretty(item).unwrap_or_else(|_| "null".into());
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str("  ");
            out.push_str(line);
        }
    }

    /// Closes the array (and the line).
    pub fn finish(self, out: &mut String) {
        out.push_str(if self.started { "\n]\n" } else { "[]\n" });
    }
}

/// The cells of a reachability matrix: numbered endpoints as rows (sources) and columns
/// (destinations). Cells are `all`, `-` (nothing), `.` (itself), or the connections; `?` marks what
/// only possibly is allowed.
#[derive(Clone, Debug, Default)]
pub struct Matrix {
    /// Each endpoint described, in row (and column) order.
    pub endpoints: Vec<String>,
    /// `cells[source][destination]`.
    pub cells: Vec<Vec<String>>,
}

/// The [`Matrix`] of the connections, in a language.
#[must_use]
pub fn matrix_cells(model: &Model, conns: &[Connection], lang: Lang) -> Matrix {
    let all = crate::i18n::text(lang, "netpol-matrix-all");
    let mut endpoints: Vec<Endpoint> = (0..model.workloads.len()).map(Endpoint::Workload).collect();
    for c in conns {
        for e in [c.src, c.dst] {
            if !endpoints.contains(&e) {
                endpoints.push(e);
            }
        }
    }
    endpoints.sort_by(|a, b| model.cmp_endpoint(*a, *b));
    let n = endpoints.len();
    let pos = |e: Endpoint| endpoints.iter().position(|x| *x == e).unwrap_or(0);
    let mut cells = vec![vec!["-".to_string(); n]; n];
    for (i, row) in cells.iter_mut().enumerate() {
        if let Some(own) = row.get_mut(i) {
            *own = ".".into();
        }
    }
    for c in conns {
        let a = &c.allowed;
        let mut cell = if a.definite.is_all() {
            all.clone()
        } else if a.definite.is_empty() {
            String::new()
        } else {
            a.definite.text(lang)
        };
        let extra = a.uncertain();
        if !extra.is_empty() {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push('?');
            cell.push_str(&if extra.is_all() { all.clone() } else { extra.text(lang) });
        }
        if let Some(slot) = cells.get_mut(pos(c.src)).and_then(|r| r.get_mut(pos(c.dst))) {
            *slot = cell;
        }
    }
    Matrix { endpoints: endpoints.iter().map(|e| model.endpoint_text(*e)).collect(), cells }
}

/// A matrix as text: the numbered endpoints, then the rows (see [`Matrix`]).
#[must_use]
pub fn matrix(model: &Model, conns: &[Connection], lang: Lang) -> String {
    let Matrix { endpoints, cells } = matrix_cells(model, conns, lang);
    let n = endpoints.len();
    let mut out = String::new();
    for (i, e) in endpoints.iter().enumerate() {
        let _ = writeln!(out, "[{}] {e}", i + 1);
    }
    out.push('\n');
    let head = crate::i18n::text(lang, "netpol-matrix-head");
    let mut widths: Vec<usize> = (0..n)
        .map(|j| {
            cells
                .iter()
                .map(|r| r.get(j).map_or(0, |c| c.chars().count()))
                .max()
                .unwrap_or(1)
                .max(format!("[{}]", j + 1).len())
        })
        .collect();
    let first = head.chars().count().max(format!("[{n}]").len());
    widths.insert(0, first);
    let mut row_text = |cols: Vec<String>| {
        let line: Vec<String> = cols.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}", w = *w)).collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    };
    let mut header = vec![head];
    header.extend((0..n).map(|j| format!("[{}]", j + 1)));
    row_text(header);
    for (i, row) in cells.into_iter().enumerate() {
        let mut cols = vec![format!("[{}]", i + 1)];
        cols.extend(row);
        row_text(cols);
    }
    out
}
