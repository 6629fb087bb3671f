//! clap's parse errors (unknown options, invalid values, missing arguments…) worded in the
//! reader's language: clap writes English only, so in Spanish its error kinds and their context
//! are rendered from the Fluent bundles. `--help` texts stay clap's.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, text};

/// The language of a run before its arguments are parsed: the value of `--lang` when one that
/// ladrillo speaks is given, else the environment's.
pub(super) fn early_lang(args: &[String]) -> Lang {
    let mut flag = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            flag = it.next().cloned();
        } else if let Some(v) = a.strip_prefix("--lang=") {
            flag = Some(v.to_string());
        }
    }
    flag.and_then(|f| Lang::parse(&f).ok()).unwrap_or_else(Lang::from_env)
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// The first line of the error (after `error: `), or `None` where the kind or its context is
/// not one ladrillo words (clap's own text is shown then).
fn head(e: &clap::Error, lang: Lang) -> Option<String> {
    let arg = || string(e, ContextKind::InvalidArg);
    let value = || string(e, ContextKind::InvalidValue);
    Some(match e.kind() {
        ErrorKind::UnknownArgument => crate::t!(lang, "clap-unknown-argument", arg = arg()?),
        ErrorKind::InvalidSubcommand => {
            crate::t!(lang, "clap-invalid-subcommand", name = string(e, ContextKind::InvalidSubcommand)?)
        }
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg()?, value()?);
            let mut s = if value.is_empty() {
                crate::t!(lang, "clap-value-required", arg = arg)
            } else {
                crate::t!(lang, "clap-invalid-value", value = value, arg = arg)
            };
            let valid = strings(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                s.push_str("\n  ");
                s.push_str(&crate::t!(lang, "clap-possible-values", values = valid.join(", ")));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let (arg, value) = (arg()?, value()?);
            let mut s = crate::t!(lang, "clap-invalid-value", value = value, arg = arg);
            if let Some(source) = std::error::Error::source(e) {
                s.push_str(": ");
                s.push_str(&source.to_string());
            }
            s
        }
        ErrorKind::MissingRequiredArgument => {
            let mut s = text(lang, "clap-missing-required");
            for a in strings(e, ContextKind::InvalidArg) {
                s.push_str("\n  ");
                s.push_str(&a);
            }
            s
        }
        ErrorKind::MissingSubcommand => {
            let mut s =
                crate::t!(lang, "clap-missing-subcommand", name = string(e, ContextKind::InvalidSubcommand)?);
            let valid = strings(e, ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                s.push_str("\n  ");
                s.push_str(&crate::t!(lang, "clap-subcommands", values = valid.join(", ")));
            }
            s
        }
        ErrorKind::ArgumentConflict => {
            let arg = arg()?;
            match e.get(ContextKind::PriorArg) {
                Some(ContextValue::String(p)) if *p == arg => {
                    crate::t!(lang, "clap-conflict-repeated", arg = arg)
                }
                Some(ContextValue::String(p)) => {
                    crate::t!(lang, "clap-conflict", arg = arg, other = format!("'{p}'"))
                }
                Some(ContextValue::Strings(v)) => {
                    let other = v.iter().map(|p| format!("'{p}'")).collect::<Vec<_>>().join(", ");
                    crate::t!(lang, "clap-conflict", arg = arg, other = other)
                }
                _ => crate::t!(lang, "clap-conflict", arg = arg, other = text(lang, "clap-conflict-others")),
            }
        }
        ErrorKind::NoEquals => crate::t!(lang, "clap-no-equals", arg = arg()?),
        ErrorKind::TooManyValues => crate::t!(lang, "clap-too-many-values", value = value()?, arg = arg()?),
        ErrorKind::TooFewValues => crate::t!(
            lang,
            "clap-wrong-number-of-values",
            arg = arg()?,
            expected = string(e, ContextKind::MinValues)?,
            actual = string(e, ContextKind::ActualNumValues)?
        ),
        ErrorKind::WrongNumberOfValues => crate::t!(
            lang,
            "clap-wrong-number-of-values",
            arg = arg()?,
            expected = string(e, ContextKind::ExpectedNumValues)?,
            actual = string(e, ContextKind::ActualNumValues)?
        ),
        ErrorKind::InvalidUtf8 => text(lang, "clap-invalid-utf8"),
        _ => return None,
    })
}

/// The whole error text in a language: the problem, what clap suggests, the usage line and
/// where to read more. `None` keeps clap's English text (English, or a kind not worded here).
pub(super) fn render(e: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let mut out = crate::t!(lang, "error", message = head(e, lang)?);
    let mut tips = Vec::new();
    for (kind, id) in [
        (ContextKind::SuggestedSubcommand, "clap-similar-subcommand"),
        (ContextKind::SuggestedArg, "clap-similar-argument"),
        (ContextKind::SuggestedValue, "clap-similar-value"),
    ] {
        let names = strings(e, kind);
        if !names.is_empty() {
            let names = names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
            tips.push(crate::t!(lang, id, names = names));
        }
    }
    if let Some(ContextValue::StyledStrs(suggested)) = e.get(ContextKind::Suggested) {
        for s in suggested {
            let s = s.to_string();
            // clap's one fixed suggestion: an argument that looks like an option.
            let tip = s
                .strip_prefix("to pass '")
                .and_then(|rest| rest.split_once("' as a value"))
                .map_or(s.clone(), |(arg, _)| crate::t!(lang, "clap-tip-as-value", arg = arg));
            tips.push(tip);
        }
    }
    if !tips.is_empty() {
        out.push('\n');
        for t in tips {
            out.push_str("\n  ");
            out.push_str(&crate::t!(lang, "clap-tip", tip = t));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage
            .strip_prefix("Usage:")
            .map_or(usage.clone(), |rest| format!("{}{rest}", text(lang, "clap-usage")));
        out.push_str("\n\n");
        out.push_str(&usage);
    }
    out.push_str("\n\n");
    out.push_str(&text(lang, "clap-more-information"));
    out.push('\n');
    Some(out)
}
