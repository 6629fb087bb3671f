//! Command-line definitions and glue only: parse arguments, call the library, print, and map
//! the outcome to an exit code (0 clean, 1 findings, 2 usage or input errors).

mod audit_log_cmd;
mod bundle_writer;
mod clap_errors;
mod cluster_args;
mod completions_cmd;
mod help_i18n;
mod init_cmd;
mod input_args;
mod max_pods_cmd;
mod netpol_cmd;
mod numbers;
mod output_guard;
mod pss_cmd;
mod rbac_cmd;
mod report_cmd;
mod rules_cmd;
mod scan_cmd;
mod webhook_cmd;

use std::io::{IsTerminal, Write};

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// Audit Kubernetes manifests and EKS cluster definitions against the guide, the CIS Amazon EKS
/// Benchmark and the Pod Security Standards.
#[derive(Debug, Parser)]
#[command(name = "ladrillo", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of messages and reports: `en` or `es` (default: from LC_ALL, LC_MESSAGES or
    /// LANG, else English).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan manifests (files, directories, `-` for stdin) and report findings.
    Scan(scan_cmd::ScanArgs),
    /// Evaluate pod-bearing objects against a Pod Security Standards level and version.
    Pss(pss_cmd::PssArgs),
    /// Score the inputs against a compliance framework: every control with pass, fail,
    /// not-applicable or manual, and the share passed.
    Report(report_cmd::ReportArgs),
    /// List every rule.
    Rules(rules_cmd::RulesArgs),
    /// Show the documentation of one rule (by code or name).
    Explain(rules_cmd::ExplainArgs),
    /// VPC CNI max pods per EC2 instance type, as EKS managed node groups set it.
    MaxPods(max_pods_cmd::MaxPodsArgs),
    /// Generate a hardened EKS cluster bundle (eksctl, Terraform, manifests, IAM) that passes
    /// its own audit; `--from cluster.yaml` hardens an existing eksctl config.
    Init(Box<init_cmd::InitArgs>),
    /// RBAC questions answered offline: who-can, can-i, rules.
    Rbac(rbac_cmd::RbacArgs),
    /// NetworkPolicy reachability: who can reach whom, and why.
    Netpol(netpol_cmd::NetpolArgs),
    /// Threat detections over Kubernetes and EKS audit logs (files, exports, CloudWatch
    /// subscription records, `-` for stdin, `--follow`).
    AuditLog(audit_log_cmd::AuditLogArgs),
    /// Validating admission webhook: an HTTPS server that runs the scan's rules on each object
    /// the API server admits (enforce, warn or audit).
    Webhook(Box<webhook_cmd::WebhookArgs>),
    /// Print the shell completion script (bash, zsh, fish, powershell, elvish) to standard output.
    Completions(completions_cmd::CompletionsArgs),
    /// Print the manual page (roff) of ladrillo or of one command: `ladrillo man scan | man -l -`.
    Man(completions_cmd::ManArgs),
}

/// When to colour text output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output written to stdout.
    #[must_use]
    pub fn enabled(self, to_file: bool) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                !to_file
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        }
    }
}

/// Runs the CLI and returns the process exit code.
#[must_use]
pub fn run() -> i32 {
    // The language is known before the arguments are parsed, so that clap's errors and the
    // values the parsers refuse are worded in it too.
    let argv: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let early = clap_errors::early_lang(&argv);
    let _ = LANG.set(early);
    // `--help` is rendered from this command, its texts in the run's language.
    let command = help_i18n::translate(Cli::command(), early);
    let parsed = command
        .try_get_matches_from(std::env::args_os())
        .and_then(|mut m| Cli::from_arg_matches_mut(&mut m).map_err(|e| e.format(&mut Cli::command())));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            match clap_errors::render(&e, early).filter(|_| e.use_stderr()) {
                Some(text) => eprint!("{}", crate::diagnostic::escape_output(&text)),
                None => {
                    let _ = e.print();
                }
            }
            return code;
        }
    };
    let chosen = crate::i18n::Lang::select(cli.lang.as_deref()).map_err(|_| {
        let value = cli.lang.clone().unwrap_or_default();
        let accepted: Vec<&str> = crate::i18n::Lang::ALL.iter().map(|l| l.code()).collect();
        crate::msg!("unknown-language", value = value, accepted = accepted.join(", "))
    });
    match chosen {
        Ok(l) => {
            let _ = LANG.set(l);
        }
        Err(m) => {
            error(m.render(lang()));
            return 2;
        }
    }
    match cli.command {
        Command::Scan(args) => scan_cmd::run(&args),
        Command::Pss(args) => pss_cmd::run(&args),
        Command::Report(args) => report_cmd::run(&args),
        Command::Rules(args) => rules_cmd::rules(&args),
        Command::Explain(args) => rules_cmd::explain(&args),
        Command::MaxPods(args) => max_pods_cmd::run(&args),
        Command::Init(args) => init_cmd::run(&args),
        Command::Rbac(args) => rbac_cmd::run(&args),
        Command::Netpol(args) => netpol_cmd::run(&args),
        Command::AuditLog(args) => audit_log_cmd::run(&args),
        Command::Webhook(args) => webhook_cmd::run(&args),
        Command::Completions(args) => completions_cmd::completions(&args),
        Command::Man(args) => completions_cmd::man(&args),
    }
}

static LANG: std::sync::OnceLock<crate::i18n::Lang> = std::sync::OnceLock::new();

/// The language of this run: `--lang`, else the environment's.
pub(crate) fn lang() -> crate::i18n::Lang {
    *LANG.get_or_init(crate::i18n::Lang::from_env)
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub(crate) fn print_stdout(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    // Names and messages come from the input: no control or bidirectional character reaches
    // the terminal raw (newlines and tabs of the layout stay).
    let text = crate::diagnostic::escape_output(text);
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            error(crate::t!(lang(), "cannot-write-output", reason = crate::i18n::io_reason(lang(), &e)));
            false
        }
    }
}

/// Prints a warning line to stderr.
pub(crate) fn warning(message: impl std::fmt::Display) {
    eprintln!("{}", crate::t!(lang(), "warning", message = message.to_string()));
}

/// Prints the warnings of a config read, each with its place.
pub(crate) fn config_warnings(config: &crate::settings::Config) {
    for w in &config.warnings {
        warning(w.to_string_in(lang()));
    }
}

/// Prints an error line to stderr.
pub(crate) fn error(message: impl std::fmt::Display) {
    let message = crate::diagnostic::escape_inline(&message.to_string()).into_owned();
    eprintln!("{}", crate::t!(lang(), "error", message = message));
}
