//! JUnit XML for CI dashboards: one test suite per file; every finding is a failed test case
//! (named by rule, object, field and line, numbered when that is not enough, so that no two
//! findings share a name), every input error an errored one.

use std::collections::BTreeMap;

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::scan::ScanResult;

/// Writes the report. The XML goes straight to `out` rather than into one text first (tens of
/// MB on a large input, beside the report's own tree).
pub fn write(result: &ScanResult, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut suites: BTreeMap<String, TestSuite> = BTreeMap::new();
    // Test-case names already given in each suite: distinct findings get distinct names.
    let mut names: std::collections::HashMap<(String, String), usize> = std::collections::HashMap::new();
    fn suite<'s>(suites: &'s mut BTreeMap<String, TestSuite>, name: &str) -> &'s mut TestSuite {
        suites.entry(name.to_string()).or_insert_with(|| TestSuite::new(name.to_string()))
    }
    for f in result.active() {
        // A place in a rendered text is filed under its template or origin file.
        let rendered = f.location.rendered();
        let file = rendered.map(|r| r.source.as_str()).or(f.location.file_name()).unwrap_or("(no file)");
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
        let seen = names.entry((file.to_string(), name.clone())).or_default();
        *seen += 1;
        if *seen > 1 {
            name.push_str(&format!(" #{seen}"));
        }
        let mut case = TestCase::new(name, status);
        case.set_classname(file.to_string());
        suite(&mut suites, file).add_test_case(case);
    }
    for e in &result.errors {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
        status.set_message(e.to_string()).set_type("input-error");
        let mut case = TestCase::new(format!("read {}", e.file), status);
        case.set_classname(e.file.clone());
        suite(&mut suites, &e.file).add_test_case(case);
    }
    let mut report = Report::new("ladrillo scan");
    report.add_test_suites(suites.into_values());
    report.serialize(out).map_err(io_error)
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

    #[test]
    fn a_write_error_keeps_its_kind() {
        let e = write(&ScanResult::default(), &mut Full).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::StorageFull, "{e}");
    }
}
