//! Words for alert messages: the user, and an exec command with credentials masked.

use super::event::{Record, query_values};
use crate::i18n::{Msg, Text};
use crate::rules::secrets::detect;

/// `user "alice"` (`the anonymous user` for `system:anonymous`), in the reader's language.
#[must_use]
pub fn user(ev: &Record<'_>) -> Msg {
    match ev.username() {
        "" => crate::msg!("audit-user-unauthenticated"),
        "system:anonymous" => crate::msg!("audit-user-anonymous"),
        u => crate::msg!("audit-user", name = u),
    }
}

/// A name the request did not give (the server generated it).
#[must_use]
pub fn name_or_generated(name: Option<&str>) -> crate::i18n::Arg {
    match name {
        Some(n) => n.into(),
        None => crate::msg!("audit-generated-name").into(),
    }
}

/// Texts joined with `sep` (`, `, `; `), each rendered in the reader's language.
#[must_use]
pub fn join(items: Vec<Text>, sep: &'static str) -> Msg {
    let id = if sep == "; " { "audit-join-semicolon" } else { "audit-join-comma" };
    match joined(items.into_iter().map(arg).collect(), id) {
        crate::i18n::Arg::Msg(m) => *m,
        other => crate::msg!("audit-one", item = other),
    }
}

/// The items joined by halves: the text is the same as joining one item at a time (the message
/// is `first, rest`), but messages nest log n deep instead of n, and each item's arguments are
/// copied into its enclosing messages log n times instead of up to n (a message's arguments are
/// one encoded string: a workload with thousands of findings made that quadratic).
fn joined(mut items: Vec<crate::i18n::Arg>, id: &'static str) -> crate::i18n::Arg {
    if items.len() <= 1 {
        return items.pop().unwrap_or_else(|| crate::i18n::Arg::from(""));
    }
    let rest = items.split_off(items.len() / 2);
    crate::msg!(id, first = joined(items, id), rest = joined(rest, id)).into()
}

fn arg(t: Text) -> crate::i18n::Arg {
    match t {
        Text::Plain(s) => s.into(),
        Text::Msg(m) => m.into(),
    }
}

/// The command arguments of an exec request (`command=` parameters of the request URI).
#[must_use]
pub fn command_args(ev: &Record<'_>) -> Vec<String> {
    query_values(ev.request_uri.as_deref().unwrap_or_default(), "command").collect()
}

/// The command as one line, each credential-looking word replaced by `***`: a password typed
/// on a command line (`mysql -pS3cret`, `--token=…`, `sh -c "curl -H 'Authorization: …'"`) is
/// still a password. Words are looked at inside each argument too.
#[must_use]
pub fn redacted_command(args: &[String]) -> String {
    let mut mask_next = false;
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        let words: Vec<String> = a.split(' ').map(|w| redact_word(w, &mut mask_next)).collect();
        out.push(words.join(" "));
    }
    out.join(" ")
}

fn redact_word(w: &str, mask_next: &mut bool) -> String {
    if w.is_empty() {
        return String::new();
    }
    if std::mem::take(mask_next) || !detect::scan_formats(w).is_empty() {
        return "***".to_string();
    }
    if let Some(long) = w.strip_prefix("--") {
        // `--password=…`, `--token …`.
        match long.split_once('=') {
            Some((name, value)) if !value.is_empty() && detect::credential_name(name).is_some() => {
                return format!("--{name}=***");
            }
            None if detect::credential_name(long).is_some() => *mask_next = true,
            _ => {}
        }
    } else if let Some(short) = w.strip_prefix('-') {
        // `mysql -pS3cret`, `-p S3cret`.
        match short.strip_prefix('p') {
            Some("") => *mask_next = true,
            Some(rest) if detect::looks_secret(rest) => return "-p***".to_string(),
            _ => {}
        }
    } else if let Some((name, value)) = w.split_once('=') {
        if !value.is_empty() && detect::credential_name(name).is_some() {
            return format!("{name}=***");
        }
    } else if let Some(header) = w.strip_suffix(':')
        && detect::credential_name(header).is_some()
    {
        // `Authorization: Bearer …`-style headers: the next word is the secret.
        *mask_next = true;
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_masked() {
        let args: Vec<String> =
            ["mysql", "-u", "root", "-pS3cretPass", "--password", "hunter22", "--token=abcd1234"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        assert_eq!(redacted_command(&args), "mysql -u root -p*** --password *** --token=***");
        let aws = vec!["env".to_string(), "AKIA2E0A8F3B244C9986".to_string()];
        assert_eq!(redacted_command(&aws), "env ***");
        let shell = vec!["sh".to_string(), "-c".to_string(), "mysql -pS3cretPass db".to_string()];
        assert_eq!(redacted_command(&shell), "sh -c mysql -p*** db");
    }

    #[test]
    fn joins_read_one_item_after_another_in_both_languages() {
        use crate::i18n::Lang;
        assert_eq!(join(Vec::new(), ", ").render(Lang::En), "");
        assert_eq!(join(vec![Text::from("a")], ", ").render(Lang::En), "a");
        let one = join(vec![Text::Msg(crate::msg!("audit-user", name = "bob"))], "; ");
        assert_eq!(one, crate::msg!("audit-user", name = "bob"));
        for n in [2, 3, 7, 64, 10_000] {
            let items: Vec<Text> = (0..n).map(|i| Text::from(format!("i{i}"))).collect();
            let want: Vec<String> = (0..n).map(|i| format!("i{i}")).collect();
            for lang in [Lang::En, Lang::Es] {
                assert_eq!(join(items.clone(), "; ").render(lang), want.join("; "));
                assert_eq!(join(items.clone(), ", ").render(lang), want.join(", "));
            }
        }
    }
}
