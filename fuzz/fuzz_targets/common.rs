//! What every target does with its input: load it as the CLI loads a file of that name, run the
//! default rules, and render the text and HTML reports (which read back into the input for
//! excerpts). A panic, an abort, a timeout or memory over the limit is a crash.

use ladrillo::input::Loader;
use ladrillo::report::{Format, ReportOptions};
use ladrillo::scan::{ScanSettings, scan};
use ladrillo::settings::Config;

/// Scans `bytes` as a file called `name` with `config` and renders the reports.
pub fn scan_as(name: &str, bytes: &[u8], config: Config) {
    let today = jiff::civil::date(2026, 1, 1);
    let settings = ScanSettings::new(config, &[], &[], today);
    let mut loader = Loader::default();
    loader.text(name, bytes.to_vec());
    let result = scan(loader.finish(), &settings);
    for format in [Format::Text, Format::Json, Format::Html] {
        let _ = ladrillo::report::render(&result, format, ReportOptions::default());
    }
}
