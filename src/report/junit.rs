//! JUnit XML for CI dashboards: one test suite per file; every finding is a failed test case
//! (named by rule, object, field and line, numbered when that is not enough, so that no two
//! findings share a name), every input error an errored one.

use std::collections::{BTreeMap, HashMap};

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::diagnostic::InputError;
use crate::finding::Finding;
use crate::scan::ScanResult;

/// Writes the report, one suite at a time: the cases of one file are built, written and dropped
/// before the next file's. A tree of the whole report took more memory than the scan itself on a
/// large input. Each suite is written by quick-junit as the only suite of a report, and its text
/// is cut out of that report's frame; the frame itself (the declaration, the totals) is written
/// once around them, so the text is the one a single whole report gives.
pub fn write(result: &ScanResult, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let files = files(result);
    let mut frame = Report::new(REPORT);
    frame.failures = files.values().map(|(f, _)| f.len()).sum();
    frame.errors = files.values().map(|(_, e)| e.len()).sum();
    frame.tests = frame.failures + frame.errors;
    let frame = frame.to_string().map_err(io_error)?;
    let (open, close) = frame.split_at(suites_start(&frame));
    out.write_all(open.as_bytes())?;
    for (file, (findings, errors)) in files {
        let mut one = Report::new(REPORT);
        one.add_test_suite(suite(file, &findings, &errors));
        let text = one.to_string().map_err(io_error)?;
        let suites = text.get(suites_start(&text)..suites_end(&text)).unwrap_or_default();
        out.write_all(suites.as_bytes())?;
    }
    out.write_all(close.as_bytes())
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

/// The suite of one file: every finding a failed test case (named by rule, object, field and
/// line, numbered when that is not enough, so that no two findings share a name), every input
/// error an errored one.
fn suite(file: &str, findings: &[&Finding], errors: &[&InputError]) -> TestSuite {
    let mut suite = TestSuite::new(file.to_string());
    // Test-case names already given: distinct findings get distinct names.
    let mut names: HashMap<String, usize> = HashMap::new();
    for f in findings {
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
        let seen = names.entry(name.clone()).or_default();
        *seen += 1;
        if *seen > 1 {
            name.push_str(&format!(" #{seen}"));
        }
        let mut case = TestCase::new(name, status);
        case.set_classname(file.to_string());
        suite.add_test_case(case);
    }
    for e in errors {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
        status.set_message(e.to_string()).set_type("input-error");
        let mut case = TestCase::new(format!("read {}", e.file), status);
        case.set_classname(e.file.clone());
        suite.add_test_case(case);
    }
    suite
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
        let mut streamed = Vec::new();
        write(&result, &mut streamed).unwrap();
        let whole = |result: &ScanResult| {
            let mut report = Report::new(REPORT);
            report.add_test_suites(files(result).iter().map(|(file, (f, e))| suite(file, f, e)));
            report.to_string().unwrap()
        };
        assert_eq!(String::from_utf8(streamed).unwrap(), whole(&result));
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
