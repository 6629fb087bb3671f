//! `--help` in the reader's language. clap renders help from the texts written once in the code
//! (the doc comments, in English); in another language every command's about and every
//! argument's help is replaced at run time by a message of `args.ftl`, and clap's own words (the
//! headings, `[default: …]`, `[possible values: …]`, the help and version flags) by ladrillo's.
//!
//! Ids: a command's about is `about-<path>` (`about-rbac-who-can`, `about-ladrillo` for the top), its
//! text after the options `about-<path>-after`; an argument's help is `opt-<id>` for the text most
//! commands that have the argument give it (the input and cluster options, `--lang`, `--help`),
//! else `opt-<path>-<id>`.

use clap::{Arg, Command};

use crate::i18n::{Lang, has, text};

/// The command line with its help in a language (English is the code's own).
#[must_use]
pub fn translate(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    // Built first, so the generated `--help`, `--version` and `help` entries exist to translate.
    cmd.build();
    walk(cmd, &mut Vec::new(), lang)
}

fn walk(mut cmd: Command, path: &mut Vec<String>, lang: Lang) -> Command {
    if path.last().is_some_and(|p| p == "help") {
        // `ladrillo help scan`: the help subcommand's own tree mirrors the real commands' names.
        return layout(cmd.about(text(lang, "help-subcommand")), lang);
    }
    let id = command_id(path);
    if let Some(about) = lookup(lang, std::slice::from_ref(&id)) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    if cmd.get_after_help().is_some()
        && let Some(after) = lookup(lang, &[format!("{id}-after")])
    {
        cmd = cmd.after_help(after).after_long_help(None::<&str>);
    }
    cmd = cmd
        .help_template(template(lang))
        .subcommand_help_heading(text(lang, "help-heading-commands"))
        .next_help_heading(None::<&str>);
    let args: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for arg_id in args {
        let ids = arg_ids(path, &arg_id);
        cmd = cmd.mut_arg(&arg_id, |a| translate_arg(a, &ids, lang));
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        path.push(name.clone());
        cmd = cmd.mut_subcommand(&name, |c| walk(c, path, lang));
        path.pop();
    }
    cmd
}

/// `about-ladrillo`, `about-scan`, `about-rbac-who-can`.
#[must_use]
pub fn command_id(path: &[String]) -> String {
    if path.is_empty() { "about-ladrillo".to_string() } else { format!("about-{}", path.join("-")) }
}

/// The ids an argument's help may have, most specific first.
#[must_use]
pub fn arg_ids(path: &[String], arg: &str) -> [String; 2] {
    let arg = arg.replace('_', "-");
    let specific =
        if path.is_empty() { format!("opt-ladrillo-{arg}") } else { format!("opt-{}-{arg}", path.join("-")) };
    [specific, format!("opt-{arg}")]
}

/// The ids of the description of an argument's possible value, from the argument's ids:
/// `value-<id>-<value>` or `value-<path>-<id>-<value>`.
fn value_ids(arg_ids: &[String], value: &str) -> Vec<String> {
    let value: String = value.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    arg_ids.iter().map(|id| format!("value{}-{value}", id.strip_prefix("opt").unwrap_or(id))).collect()
}

fn lookup(lang: Lang, ids: &[String]) -> Option<String> {
    ids.iter().find(|id| has(lang, id)).map(|id| text(lang, id))
}

fn translate_arg(arg: Arg, ids: &[String], lang: Lang) -> Arg {
    let Some(base) = lookup(lang, ids) else { return arg };
    let mut help = base.clone();
    // clap appends its own English `[default: …]` and `[possible values: …]`: written here.
    let defaults: Vec<String> =
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty()
        && !arg.is_hide_default_value_set()
        && arg.get_num_args().is_none_or(|n| n.takes_values())
    {
        help.push(' ');
        help.push_str(&crate::t!(lang, "help-default", value = defaults.join(", ")));
    }
    let values: Vec<clap::builder::PossibleValue> =
        if arg.is_hide_possible_values_set() || !arg.get_action().takes_values() {
            Vec::new()
        } else {
            arg.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect()
        };
    let names: Vec<&str> = values.iter().map(clap::builder::PossibleValue::get_name).collect();
    // Values with a description are listed one a line in the long help, as clap does.
    let long = values.iter().any(|v| v.get_help().is_some()).then(|| {
        let mut long = base.clone();
        long.push_str("\n\n");
        long.push_str(&text(lang, "help-possible-values-heading"));
        for v in &values {
            // Only a value the code describes has a description (ids are shared between commands).
            let described = v
                .get_help()
                .and_then(|_| value_ids(ids, v.get_name()).into_iter().find(|id| has(lang, id)))
                .map(|id| text(lang, &id));
            long.push_str("\n- ");
            long.push_str(v.get_name());
            if let Some(d) = described {
                long.push_str(": ");
                long.push_str(&d);
            }
        }
        long
    });
    if !names.is_empty() {
        help.push(' ');
        help.push_str(&crate::t!(lang, "help-possible-values", values = names.join(", ")));
    }
    let heading = if arg.is_positional() { "help-heading-arguments" } else { "help-heading-options" };
    // Under a heading of its own, an argument is listed by display order: positionals keep
    // their place on the command line.
    let arg = match arg.get_index() {
        Some(i) if arg.is_positional() => arg.display_order(i),
        _ => arg,
    };
    let arg = match long {
        Some(mut long) => {
            if !defaults.is_empty() {
                long.push_str("\n\n");
                long.push_str(&crate::t!(lang, "help-default", value = defaults.join(", ")));
            }
            arg.long_help(long)
        }
        None => arg.long_help(None::<&str>),
    };
    arg.help(help).hide_default_value(true).hide_possible_values(true).help_heading(text(lang, heading))
}

/// The headings of a command and of all its subcommands in the language.
fn layout(cmd: Command, lang: Lang) -> Command {
    let mut cmd =
        cmd.help_template(template(lang)).subcommand_help_heading(text(lang, "help-heading-commands"));
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |c| {
            let c = if name == "help" { c.about(text(lang, "help-subcommand")) } else { c };
            layout(c, lang)
        });
    }
    cmd
}

/// clap's default layout with the usage heading in the language (the option and argument
/// headings are set per argument).
fn template(lang: Lang) -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        text(lang, "clap-usage")
    )
}

/// The English `args.ftl`: the texts of the code's doc comments under the ids above, so the
/// translations have a reference to follow and a test notices a changed doc comment.
#[must_use]
#[cfg(test)]
pub fn english_ftl(cli: Command) -> String {
    let mut cli = cli;
    cli.build();
    let mut commands = Vec::new();
    let (mut args, mut values) = (Vec::new(), Vec::new());
    collect(&cli, &mut Vec::new(), &mut commands, &mut args, &mut values);
    let mut out = String::from(
        "# The help of every command and argument (`--help`), from the doc comments of src/cli.\n\
         # Generated: LADRILLO_UPDATE_DOCS=1 cargo test --lib cli::help_i18n\n\n",
    );
    for (id, text) in commands {
        out.push_str(&format!("{id} = {}\n", escape(&text)));
    }
    out.push('\n');
    // An argument's most common text has one id for all the commands that describe it so; the
    // others have their own.
    let mut texts = std::collections::BTreeMap::<&str, std::collections::BTreeMap<&str, usize>>::new();
    for (_, arg, help) in &args {
        *texts.entry(arg).or_default().entry(help).or_default() += 1;
    }
    let common = |arg: &str| {
        texts.get(arg).and_then(|t| t.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(h, _)| *h))
    };
    let mut lines = std::collections::BTreeSet::new();
    for (path, arg, help) in &args {
        let [specific, shared] = arg_ids(path, arg);
        // `opt-help` and `opt-version` are clap's flags: a command's own argument of that name
        // keeps its own id.
        let reserved = arg == "help" || arg == "version";
        let id = if common(arg) == Some(help.as_str()) && !reserved { shared } else { specific };
        lines.insert(format!("{id} = {}\n", escape(help)));
    }
    let mut texts =
        std::collections::BTreeMap::<(&str, &str), std::collections::BTreeMap<&str, usize>>::new();
    for (_, arg, value, help) in &values {
        *texts.entry((arg, value)).or_default().entry(help).or_default() += 1;
    }
    for (path, arg, value, help) in &values {
        let common = texts
            .get(&(arg.as_str(), value.as_str()))
            .and_then(|t| t.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(h, _)| *h));
        let [specific, shared] = value_ids(&arg_ids(path, arg), value)
            .try_into()
            .unwrap_or_else(|_| unreachable!("two ids per argument"));
        let id = if common == Some(help.as_str()) { shared } else { specific };
        lines.insert(format!("{id} = {}\n", escape(help)));
    }
    lines.insert("opt-help = Print help\n".to_string());
    lines.insert("opt-version = Print version\n".to_string());
    out.extend(lines);
    out
}

/// An argument's help: the command's path, the argument's id, the text.
#[cfg(test)]
type ArgHelp = (Vec<String>, String, String);
/// A possible value's description: the command's path, the argument's id, the value, the text.
#[cfg(test)]
type ValueHelp = (Vec<String>, String, String, String);

#[cfg(test)]
fn collect(
    cmd: &Command,
    path: &mut Vec<String>,
    commands: &mut Vec<(String, String)>,
    args: &mut Vec<ArgHelp>,
    values: &mut Vec<ValueHelp>,
) {
    let id = command_id(path);
    if let Some(about) = cmd.get_about() {
        commands.push((id.clone(), one_line(&about.to_string())));
    }
    if let Some(after) = cmd.get_after_help() {
        commands.push((format!("{id}-after"), one_line(&after.to_string())));
    }
    for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let arg = a.get_id().to_string();
        // clap's own flags are worded below; a command's own `--version` (init's Kubernetes
        // version) is an argument like any other.
        if matches!(
            a.get_action(),
            clap::ArgAction::Help
                | clap::ArgAction::HelpShort
                | clap::ArgAction::HelpLong
                | clap::ArgAction::Version
        ) {
            continue;
        }
        if let Some(help) = a.get_help() {
            args.push((path.clone(), arg.clone(), one_line(&help.to_string())));
        }
        for v in a.get_possible_values().iter().filter(|v| !v.is_hide_set()) {
            if let Some(help) = v.get_help() {
                values.push((
                    path.clone(),
                    arg.clone(),
                    v.get_name().to_string(),
                    one_line(&help.to_string()),
                ));
            }
        }
    }
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        path.push(sub.get_name().to_string());
        collect(sub, path, commands, args, values);
        path.pop();
    }
}

#[cfg(test)]
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Braces are Fluent's placeables: written as string literals.
#[cfg(test)]
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' => out.push_str("{ \"{\" }"),
            '}' => out.push_str("{ \"}\" }"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_english_args_ftl_is_the_doc_comments() {
        let generated = english_ftl(crate::cli::Cli::command());
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/en/args.ftl");
        if std::env::var_os("LADRILLO_UPDATE_DOCS").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let file = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            file == generated,
            "src/i18n/en/args.ftl is stale: LADRILLO_UPDATE_DOCS=1 cargo test --lib cli::help_i18n"
        );
    }

    /// Every command and every visible argument of the whole tree has its help in Spanish.
    #[test]
    fn every_command_and_argument_has_spanish_help() {
        let mut cli = crate::cli::Cli::command();
        cli.build();
        let mut missing = Vec::new();
        check(&cli, &mut Vec::new(), &mut missing);
        assert!(missing.is_empty(), "no Spanish help (src/i18n/es/args.ftl):\n{}", missing.join("\n"));
    }

    fn check(cmd: &Command, path: &mut Vec<String>, missing: &mut Vec<String>) {
        let id = command_id(path);
        if !has(Lang::Es, &id) {
            missing.push(id.clone());
        }
        if cmd.get_after_help().is_some() && !has(Lang::Es, &format!("{id}-after")) {
            missing.push(format!("{id}-after"));
        }
        for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let mut ids = arg_ids(path, a.get_id().as_str()).to_vec();
            // A command's own `--version` or `--help` must not fall back to clap's flag's text.
            let clap_flag = matches!(
                a.get_action(),
                clap::ArgAction::Help
                    | clap::ArgAction::HelpShort
                    | clap::ArgAction::HelpLong
                    | clap::ArgAction::Version
            );
            if matches!(a.get_id().as_str(), "help" | "version") && !clap_flag {
                ids.truncate(1);
            }
            if !ids.iter().any(|i| has(Lang::Es, i)) {
                missing.push(ids.join(" or "));
            }
            for v in a.get_possible_values().iter().filter(|v| v.get_help().is_some()) {
                let ids = value_ids(&ids, v.get_name());
                if !ids.iter().any(|i| has(Lang::Es, i)) {
                    missing.push(ids.join(" or "));
                }
            }
        }
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            path.push(sub.get_name().to_string());
            check(sub, path, missing);
            path.pop();
        }
    }

    /// The whole tree translated: no English heading, flag or clap phrase left in any help page.
    #[test]
    fn spanish_help_pages_have_no_english_of_clap() {
        let mut cli = translate(crate::cli::Cli::command(), Lang::Es);
        let mut pages = vec![cli.render_long_help().to_string(), cli.render_help().to_string()];
        for sub in cli.get_subcommands_mut() {
            pages.push(sub.render_long_help().to_string());
            pages.push(sub.render_help().to_string());
            for s in sub.get_subcommands_mut() {
                pages.push(s.render_long_help().to_string());
            }
        }
        for page in pages {
            for english in [
                "Usage:",
                "Options:",
                "Arguments:",
                "Commands:",
                "Print help",
                "Print version",
                "[default:",
                "[possible values:",
                "Possible values:",
                "Print this message",
            ] {
                assert!(!page.contains(english), "`{english}` in:\n{page}");
            }
        }
    }
}
