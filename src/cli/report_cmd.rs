//! `ladrillo report --framework F`.

use std::path::PathBuf;

use clap::Args;

use super::input_args::InputArgs;
use super::output_guard::OutputGuard;
use crate::input::Inputs;
use crate::report::compliance::{self, ReportFormat};
use crate::rules::frameworks::FrameworkId;
use crate::scan::ScanSettings;
use crate::settings::{Config, Selector};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Files, directories (walked recursively, .gitignore-aware) or `-` for stdin.
    #[arg(default_value = ".", conflicts_with = "cluster")]
    pub paths: Vec<String>,
    /// The framework to score.
    #[arg(long, value_enum)]
    pub framework: FrameworkId,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Write the report to a file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Evaluate waiver expiry dates as of this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

pub fn run(args: &ReportArgs) -> i32 {
    let today = match &args.date {
        Some(d) => match d.parse::<jiff::civil::Date>() {
            Ok(d) => d,
            Err(_) => {
                super::error(crate::t!(super::lang(), "not-a-date", value = d.as_str()));
                return 2;
            }
        },
        None => jiff::Zoned::now().date(),
    };
    let config = match args.input.config(&args.paths) {
        Ok(c) => c,
        Err(errors) => {
            errors.iter().for_each(super::error);
            return 2;
        }
    };
    let guard = args.output.as_deref().map(OutputGuard::new);
    let config_path = config.file.as_ref().and_then(|f| f.path.clone());
    if let Some(Err(e)) = guard.as_ref().map(|g| g.check_arguments(&args.paths, config_path.as_deref())) {
        super::error(e);
        return 2;
    }
    // The same reading options as `scan` (`--render`, `--hidden`, `--stdin-filename`, the
    // config's excludes...), so a report covers what a scan of the same paths covers.
    let mut options = args.input.options(&config);
    let settings = settings(args.framework, config, today);
    options.progress = settings.progress.clone();
    let inputs = if args.input.cluster.cluster {
        match args.input.cluster.load(&[], None, &[], &crate::input::Options::default()) {
            Ok(l) => l.inputs,
            Err(e) => {
                super::error(e);
                return 2;
            }
        }
    } else {
        Inputs::from_paths(&args.paths, &options)
    };
    if let Some(Err(e)) = guard.as_ref().map(|g| g.check_files(&inputs.files)) {
        super::error(e);
        return 2;
    }
    let report = compliance::evaluate(args.framework, inputs, &settings);
    let text = compliance::render_in(&report, args.format, super::lang());
    let written = match &args.output {
        Some(path) => std::fs::write(path, text).map_err(|e| {
            crate::t!(
                super::lang(),
                "cannot-write",
                what = path.display().to_string(),
                reason = crate::i18n::io_reason(super::lang(), &e)
            )
        }),
        None => super::print_stdout(&text).then_some(()).ok_or_else(String::new),
    };
    if let Err(e) = written {
        if !e.is_empty() {
            super::error(e);
        }
        return 2;
    }
    if args.format != ReportFormat::Text {
        report.scan.errors.iter().for_each(|e| super::error(e.to_string_in(super::lang())));
    }
    if report.decided_nothing() {
        super::error(compliance::words::nothing_decided(args.framework.as_str(), super::lang()));
    }
    report.exit_code()
}

/// Every rule the framework's controls need, whatever the config selects; the config's
/// `ignore`, severities and waivers still apply (an ignored rule leaves its controls manual).
fn settings(framework: FrameworkId, config: Config, today: jiff::civil::Date) -> ScanSettings {
    let select: Vec<Selector> =
        compliance::rule_names(framework).into_iter().filter_map(|n| Selector::parse(n).ok()).collect();
    ScanSettings::new(config, &select, &[], today)
}
