//! Reports: one file per output format. Each renders a [`ScanResult`] to a string; writing it
//! to stdout or `--output` is the CLI's job.

pub mod compliance;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod policyreport;
pub mod sarif;
pub mod text;

use crate::finding::Finding;
use crate::scan::ScanResult;

/// Output formats of `ladrillo scan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Junit,
    Html,
    /// For pull-request comments and CI step summaries (links when run in GitHub Actions).
    Markdown,
    /// `PolicyReport`/`ClusterPolicyReport` objects (wgpolicyk8s.io/v1alpha2) for `kubectl apply`.
    Policyreport,
}

/// What to include beyond active findings.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReportOptions {
    pub show_suppressed: bool,
    pub color: bool,
    /// The language of headings, labels and messages (identifiers stay as they are).
    pub lang: crate::i18n::Lang,
    /// Text: one line per rule with its count of findings instead of each finding
    /// (`--statistics`).
    pub statistics: bool,
}

/// Renders a scan result in a format.
#[must_use]
pub fn render(result: &ScanResult, format: Format, options: ReportOptions) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write(result, format, options, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// What the HTML page shows beyond the scan result: analyses of the inputs that the scan command
/// runs before the scan consumes them, and only when the page is asked for.
#[derive(Debug, Default)]
pub struct HtmlExtras {
    /// Each framework's score, decided from the same scan's findings
    /// ([`compliance::Prepared::decide`]).
    pub frameworks: Vec<(crate::rules::frameworks::FrameworkId, compliance::Score)>,
    /// The NetworkPolicy reachability matrix, when the input has NetworkPolicies.
    pub reachability: Option<Reachability>,
}

/// What the page shows of NetworkPolicy reachability.
#[derive(Debug)]
pub enum Reachability {
    Matrix(crate::analysis::netpol::render::Matrix),
    /// More rows than a page's table can show (workloads, and address ranges the policies name):
    /// `ladrillo netpol reach` lists them.
    TooLarge {
        endpoints: usize,
        limit: usize,
    },
}

/// Most rows (workloads and address ranges) whose matrix the page shows: a table of n × n cells.
pub const REACHABILITY_LIMIT: usize = 40;

/// The reachability matrix of a set with NetworkPolicies, for the page; `None` without any.
/// The limit counts the address ranges too: thousands of `ipBlock` peers must not make the page
/// a table of millions of cells.
#[must_use]
pub fn reachability(set: &crate::model::ObjectSet, lang: crate::i18n::Lang) -> Option<Reachability> {
    set.of_kind("networking.k8s.io", "NetworkPolicy").next()?;
    let model = crate::analysis::netpol::Model::of(set);
    let too_large = |endpoints| Some(Reachability::TooLarge { endpoints, limit: REACHABILITY_LIMIT });
    if model.workloads.len() > REACHABILITY_LIMIT {
        return too_large(model.workloads.len());
    }
    let conns = model.reach();
    let ranges: std::collections::HashSet<_> = conns
        .iter()
        .flat_map(|c| [c.src, c.dst])
        .filter(|e| !matches!(e, crate::analysis::netpol::Endpoint::Workload(_)))
        .collect();
    let endpoints = model.workloads.len() + ranges.len();
    if endpoints > REACHABILITY_LIMIT {
        return too_large(endpoints);
    }
    Some(Reachability::Matrix(crate::analysis::netpol::render::matrix_cells(&model, &conns, lang)))
}

/// Writes a scan result in a format. Text, JSON, SARIF and HTML are streamed finding by finding, so
/// memory does not grow with the size of the report.
pub fn write(
    result: &ScanResult,
    format: Format,
    options: ReportOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_with(result, format, options, &HtmlExtras::default(), out)
}

/// [`write`], with the extras the HTML page shows (other formats ignore them).
pub fn write_with(
    result: &ScanResult,
    format: Format,
    options: ReportOptions,
    extras: &HtmlExtras,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::write(result, options, out),
        Format::Json => json::write(result, out),
        Format::Sarif => sarif::write(result, out),
        Format::Junit => junit::write(result, out),
        Format::Html => html::write(result, options, extras, out),
        Format::Markdown => {
            out.write_all(markdown::render_in(result, &markdown::Links::from_env(), options.lang).as_bytes())
        }
        Format::Policyreport => policyreport::write(result, out),
    }
}

/// Writes a value as indented JSON and a final newline. serde_json writes a few bytes at a time
/// (a brace, an indentation, a key): through a buffer of a known type those writes are copies
/// into it, and only full buffers go through the caller's `dyn Write` (a JSON report of 200,000
/// objects is over a million small writes).
pub(crate) fn write_json<T: serde::Serialize>(
    out: &mut dyn std::io::Write,
    value: &T,
) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut w, value).map_err(std::io::Error::other)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// A sequence serialized from an iterator, without collecting it first.
pub(crate) struct Lazy<F>(pub F);

impl<I, F> serde::Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// Spans of secret values per file, gathered from every finding (suppressed ones too): any
/// report that shows source text masks all of them, whichever finding it is showing.
#[must_use]
pub fn redactions_by_file(
    result: &ScanResult,
) -> std::collections::HashMap<&str, Vec<crate::document::Span>> {
    let mut redact: std::collections::HashMap<&str, Vec<crate::document::Span>> =
        std::collections::HashMap::new();
    for f in &result.findings {
        if let (Some(file), false) = (f.location.file_name(), f.redact().is_empty()) {
            redact.entry(file).or_default().extend(f.redact());
        }
    }
    for (file, spans) in &result.redactions {
        redact.entry(file.as_str()).or_default().extend(spans);
    }
    redact
}

/// The finding's fingerprint (see [`crate::finding::fingerprints`]): the one the scan gave it,
/// else its base fingerprint.
#[must_use]
pub fn fingerprint(f: &Finding) -> crate::finding::Fingerprint {
    f.fingerprint.unwrap_or_else(|| crate::finding::base_fingerprint(f, &[]))
}
