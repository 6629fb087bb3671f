//! JUnit XML for CI dashboards: one test suite per file; every finding is a failed test case
//! (named by rule, object, field and line, numbered when that is not enough, so that no two
//! findings share a name), every input error an errored one.

use std::collections::{BTreeMap, HashMap};

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::diagnostic::InputError;
use crate::finding::Finding;
use crate::scan::ScanResult;

/// Writes the report, one suite at a time and each suite in chunks of cases: at most
/// [`CASES_AT_ONCE`] cases are built, written and dropped before the next. A tree of the whole
/// report took more memory than the scan itself on a large input, and one file can hold it all (a
/// whole-cluster export). Each chunk is written by quick-junit as the only suite of a report,
/// and its cases are cut out of that report's frame; the frames themselves (the declaration and
/// totals, each suite's opening and closing tags) are written once around them, so the text is
/// the one a single whole report gives.
pub fn write(result: &ScanResult, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_in_chunks(result, out, CASES_AT_ONCE)
}

/// Test cases built at a time.
const CASES_AT_ONCE: usize = 4096;

fn write_in_chunks(result: &ScanResult, out: &mut dyn std::io::Write, chunk: usize) -> std::io::Result<()> {
    let files = files(result);
    let mut frame = Report::new(REPORT);
    frame.failures = files.values().map(|(f, _)| f.len()).sum();
    frame.errors = files.values().map(|(_, e)| e.len()).sum();
    frame.tests = frame.failures + frame.errors;
    let frame = frame.to_string().map_err(io_error)?;
    let (open, close) = frame.split_at(suites_start(&frame));
    out.write_all(open.as_bytes())?;
    for (file, (findings, errors)) in files {
        let mut cases = SuiteCases::new(file);
        let all = findings.iter().map(|f| cases.finding(f)).chain(errors.iter().map(|e| error_case(e)));
        write_suite(file, findings.len(), errors.len(), all, chunk, out)?;
    }
    out.write_all(close.as_bytes())
}

/// Writes one suite: its opening tag (with the suite's totals), its cases a chunk at a time, its
/// closing tag.
fn write_suite(
    file: &str,
    failures: usize,
    errors: usize,
    mut cases: impl Iterator<Item = TestCase>,
    chunk: usize,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let with_totals = || {
        let mut suite = TestSuite::new(file.to_string());
        (suite.failures, suite.errors, suite.tests) = (failures, errors, failures + errors);
        suite
    };
    let one_suite = |suite: TestSuite| -> std::io::Result<String> {
        let mut one = Report::new(REPORT);
        one.add_test_suite(suite);
        let text = one.to_string().map_err(io_error)?;
        Ok(text.get(suites_start(&text)..suites_end(&text)).unwrap_or_default().to_string())
    };
    // A suite without cases is written as an empty element: its tag, opened instead of closed,
    // is what starts every chunk.
    let empty = one_suite(with_totals())?;
    let opening = format!("{}>", empty.strip_suffix("/>").unwrap_or(&empty));
    let mut closing = None;
    loop {
        let mut suite = with_totals();
        suite.test_cases.extend(cases.by_ref().take(chunk.max(1)));
        if suite.test_cases.is_empty() {
            break;
        }
        let text = one_suite(suite)?;
        let body = text.strip_prefix(opening.as_str()).ok_or_else(|| cut_error(file))?;
        // The closing tag is the last line.
        let last = body.rfind('\n').ok_or_else(|| cut_error(file))?;
        let (cases, end) = body.split_at(last);
        if closing.is_none() {
            out.write_all(opening.as_bytes())?;
        }
        out.write_all(cases.as_bytes())?;
        closing = Some(end.to_string());
    }
    out.write_all(closing.unwrap_or_default().as_bytes())
}

/// A chunk of a suite that does not start with its opening tag: quick-junit changed how it writes.
fn cut_error(file: &str) -> std::io::Error {
    std::io::Error::other(format!("JUnit suite of {file}: unexpected layout of the serialized suite"))
}

const REPORT: &str = "ladrillo scan";

/// Each suite's findings and input errors, by suite name.
type Files<'r> = BTreeMap<&'r str, (Vec<&'r Finding>, Vec<&'r InputError>)>;

fn files(result: &ScanResult) -> Files<'_> {
    let mut files = Files::new();
    for f in result.active() {
        files.entry(suite_name(f)).or_default().0.push(f);
    }
    for e in &result.errors {
        files.entry(e.file.as_str()).or_default().1.push(e);
    }
    files
}

/// Where a report's suites start: after its declaration and `<testsuites …>` lines, whose text
/// ladrillo sets (no line break in them).
fn suites_start(report: &str) -> usize {
    report.match_indices('\n').nth(1).map_or(report.len(), |(i, _)| i)
}

/// Where a report's suites end: at its closing `</testsuites>`.
fn suites_end(report: &str) -> usize {
    report.rfind("\n</testsuites>").unwrap_or(report.len())
}

/// The suite a finding is filed in: its file, or for a place in a rendered text its template or
/// origin file.
fn suite_name(f: &Finding) -> &str {
    f.location.rendered().map(|r| r.source.as_str()).or(f.location.file_name()).unwrap_or("(no file)")
}

/// The cases of one file's suite: every finding a failed test case (named by rule, object, field
/// and line, numbered when that is not enough, so that no two findings share a name), every
/// input error an errored one.
struct SuiteCases<'a> {
    file: &'a str,
    /// Test-case names already given: distinct findings get distinct names.
    names: HashMap<String, usize>,
}

impl<'a> SuiteCases<'a> {
    fn new(file: &'a str) -> Self {
        Self { file, names: HashMap::new() }
    }

    fn finding(&mut self, f: &Finding) -> TestCase {
        let file = self.file;
        let rendered = f.location.rendered();
        let target = f.object.as_ref().map_or_else(|| file.to_string(), ToString::to_string);
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        status.set_message(f.message().into_owned()).set_type(f.severity.as_str());
        let mut description = String::new();
        if let (Some(p), Some(shown)) = (f.location.start(), f.location.file_name()) {
            match rendered {
                Some(_) => {
                    description.push_str(&format!("{file} (rendered at {shown}:{}:{})\n", p.line, p.column))
                }
                None => description.push_str(&format!("{shown}:{}:{}\n", p.line, p.column)),
            }
        }
        if !f.path_text().is_empty() {
            description.push_str(&format!("field: {}\n", f.path_text()));
        }
        if let Some(h) = f.help() {
            description.push_str(&format!("help: {h}\n"));
        }
        status.set_description(description);
        // Rule and object, then the field, then the line tell findings apart; a number the rest.
        let mut name = format!("{} {}: {target}", f.rule.code, f.rule.name);
        if !f.path_text().is_empty() {
            name.push_str(&format!(" at {}", f.path_text()));
        }
        if let Some(p) = f.location.start() {
            name.push_str(&format!(" (line {})", p.line));
        }
        let seen = self.names.entry(name.clone()).or_default();
        *seen += 1;
        if *seen > 1 {
            name.push_str(&format!(" #{seen}"));
        }
        let mut case = TestCase::new(name, status);
        case.set_classname(file.to_string());
        case
    }
}

/// An input error's errored test case.
fn error_case(e: &InputError) -> TestCase {
    let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
    status.set_message(e.to_string()).set_type("input-error");
    let mut case = TestCase::new(format!("read {}", e.file), status);
    case.set_classname(e.file.clone());
    case
}

/// The writer's own error inside the serializer's (a full disk, a closed pipe), so that the
/// message names it as for every other format; the serializer's otherwise.
fn io_error(e: quick_junit::SerializeError) -> std::io::Error {
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        let io = s
            .downcast_ref::<std::io::Error>()
            .or_else(|| s.downcast_ref::<std::sync::Arc<std::io::Error>>().map(AsRef::as_ref));
        if let Some(io) = io {
            return std::io::Error::new(io.kind(), io.to_string());
        }
        source = s.source();
    }
    std::io::Error::other(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer whose disk is full.
    struct Full;

    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// The suites written one at a time read as the whole report quick-junit writes at once.
    #[test]
    fn suites_written_one_at_a_time_make_the_whole_report() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures").to_string();
        let date = jiff::civil::date(2026, 1, 1);
        let settings = crate::scan::ScanSettings::new(crate::settings::Config::default(), &[], &[], date);
        let mut result = crate::scan::scan_paths(&[fixtures, "/nonexistent/ladrillo".into()], &settings);
        assert!(result.active().count() > 100 && !result.errors.is_empty());
        let whole = |result: &ScanResult| {
            let mut report = Report::new(REPORT);
            report.add_test_suites(files(result).iter().map(|(file, (findings, errors))| {
                let mut cases = SuiteCases::new(file);
                let mut suite = TestSuite::new(file.to_string());
                suite.add_test_cases(findings.iter().map(|f| cases.finding(f)));
                suite.add_test_cases(errors.iter().map(|e| error_case(e)));
                suite
            }));
            report.to_string().unwrap()
        };
        let expected = whole(&result);
        // Suites of one chunk, and suites cut into chunks of one case, of two, of three.
        assert!(files(&result).values().any(|(f, _)| f.len() > 3));
        for chunk in [CASES_AT_ONCE, 1, 2, 3] {
            let mut streamed = Vec::new();
            write_in_chunks(&result, &mut streamed, chunk).unwrap();
            assert_eq!(String::from_utf8(streamed).unwrap(), expected, "chunks of {chunk}");
        }
        // And with nothing to report.
        result.findings.clear();
        result.errors.clear();
        let mut empty = Vec::new();
        write(&result, &mut empty).unwrap();
        assert_eq!(String::from_utf8(empty).unwrap(), whole(&result));
    }

    #[test]
    fn a_write_error_keeps_its_kind() {
        let e = write(&ScanResult::default(), &mut Full).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::StorageFull, "{e}");
    }
}
