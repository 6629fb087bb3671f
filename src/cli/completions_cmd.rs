//! `ladrillo completions SHELL` and `ladrillo man [COMMAND...]`: shell completions and manual
//! pages generated from the command-line definitions, so they list exactly the options there are.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (`scan`, `rbac who-can`); the main page without one.
    pub command: Vec<String>,
}

/// Prints the completion script of a shell.
pub fn completions(args: &CompletionsArgs) -> i32 {
    let mut command = super::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "ladrillo", &mut out);
    if super::print_stdout(&String::from_utf8_lossy(&out)) { 0 } else { 2 }
}

/// Prints the roff manual page of `ladrillo` or of one of its commands (`ladrillo-scan(1)`).
pub fn man(args: &ManArgs) -> i32 {
    let mut page = super::Cli::command();
    // Names every subcommand for its page: `ladrillo-scan`, `ladrillo-rbac-who-can`.
    page.build();
    let mut name = String::from("ladrillo");
    for part in &args.command {
        let Some(sub) = page.find_subcommand(part).cloned() else {
            let known: Vec<String> = page.get_subcommands().map(|c| c.get_name().to_string()).collect();
            super::error(crate::t!(
                super::lang(),
                "man-unknown-command",
                command = format!("{name} {part}"),
                known = known.join(", ")
            ));
            return 2;
        };
        name = format!("{name} {part}");
        page = sub;
    }
    let mut out = Vec::new();
    let page = clap_mangen::Man::new(page)
        .source(format!("ladrillo {}", env!("CARGO_PKG_VERSION")))
        .manual("ladrillo manual");
    if let Err(e) = page.render(&mut out) {
        super::error(crate::t!(super::lang(), "man-cannot-render", reason = e.to_string()));
        return 2;
    }
    if super::print_stdout(&String::from_utf8_lossy(&out)) { 0 } else { 2 }
}
