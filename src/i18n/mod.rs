//! The user's language: English or Spanish, chosen with `--lang` or from the POSIX locale
//! variables, and every user-facing text looked up by message id in Project Fluent bundles
//! (`.ftl` files per language, embedded in the binary). The bottom layer: it knows no rule, report
//! or command, only ids, arguments and languages.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock};

use compact_str::CompactString;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub mod args;
#[cfg(test)]
mod tests;

/// A language ladrillo speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Self::En, Self::Es];

    /// The code `--lang` accepts (`en`, `es`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
        }
    }

    /// Parses `--lang`: a language code, optionally with a region (`es-ES`, `es_MX`). Anything
    /// else is an error naming the accepted values.
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::from_locale(s).ok_or_else(|| {
            let accepted: Vec<&str> = Self::ALL.iter().map(|l| l.code()).collect();
            format!("unknown language `{s}` (accepted: {})", accepted.join(", "))
        })
    }

    /// The language of a POSIX locale name (`es_ES.UTF-8`, `en_US`, `es`), if ladrillo speaks it.
    fn from_locale(locale: &str) -> Option<Self> {
        let base = locale.split(['.', '@']).next().unwrap_or("");
        let language = base.split(['_', '-']).next().unwrap_or("");
        Self::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(language))
    }

    /// The language of the environment: the first set and non-empty of `LC_ALL`, `LC_MESSAGES`
    /// and `LANG` (the POSIX precedence) decides; a language ladrillo does not speak, `C` or
    /// `POSIX` mean English.
    #[must_use]
    pub fn from_env() -> Self {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any variable source (tests use a map).
    #[must_use]
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|v| Self::from_locale(&v))
            .unwrap_or_default()
    }

    /// `--lang` if given (an unknown value is an error), else the environment's.
    pub fn select(flag: Option<&str>) -> Result<Self, String> {
        flag.map_or_else(|| Ok(Self::from_env()), Self::parse)
    }
}

/// One argument of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Inline up to 24 bytes: names of objects, containers and fields mostly fit, and a finding
    /// keeps its message's arguments for the whole run.
    Str(CompactString),
    Num(i64),
    /// A message of its own, rendered in the same language (a translated fragment).
    Msg(Box<Msg>),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Str(s.into())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Str(s.into())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Self::Str(s.as_str().into())
    }
}

impl From<&CompactString> for Arg {
    fn from(s: &CompactString) -> Self {
        Self::Str(s.clone())
    }
}

impl From<CompactString> for Arg {
    fn from(s: CompactString) -> Self {
        Self::Str(s)
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Self::Msg(Box::new(m))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Self::Num(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, u8, i64, i32);

/// A message id with its arguments, rendered in a language when it is shown (so a finding made
/// once can be reported in either language). The arguments are encoded in one byte string at
/// their final size ([`args`]): read them with [`Msg::args`].
///
/// Equal arguments made on one thread share one copy (see [`shared_args`]): findings repeat the
/// same names, containers and notes hundreds of thousands of times on a large input, and a clone
/// (a note every finding of a namespace carries) is a reference.
#[derive(Clone, PartialEq, Eq)]
pub struct Msg {
    pub id: Cow<'static, str>,
    /// None when the message has no arguments.
    args: Option<Arc<[u8]>>,
}

/// Encoded arguments a thread remembers for sharing before it forgets them all and starts again.
const MAX_SHARED_ARGS: usize = 16_384;

/// Longer arguments are kept as they are: rarely repeated.
const MAX_SHARED_ARGS_LEN: usize = 512;

thread_local! {
    static SHARED_ARGS: std::cell::RefCell<std::collections::HashSet<Arc<[u8]>>> =
        std::cell::RefCell::new(std::collections::HashSet::new());
}

/// `encoded` as a message keeps it: none when empty, else the copy this thread already made of
/// equal arguments, or a new one.
fn shared_args(encoded: &[u8]) -> Option<Arc<[u8]>> {
    match encoded.len() {
        0 => None,
        n if n > MAX_SHARED_ARGS_LEN => Some(Arc::from(encoded)),
        _ => Some(crate::shared::shared(&SHARED_ARGS, encoded, MAX_SHARED_ARGS, |b| Arc::from(b))),
    }
}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Msg").field("id", &self.id).field("args", &args::DebugArgs(self.encoded())).finish()
    }
}

impl Msg {
    #[must_use]
    pub fn new(id: impl Into<Cow<'static, str>>) -> Self {
        Self { id: id.into(), args: None }
    }

    /// A message with all its arguments at once (what [`msg!`] builds, from an array on the
    /// stack: the encoded string is the message's one allocation).
    #[must_use]
    pub fn with_args(id: impl Into<Cow<'static, str>>, list: &[(&'static str, Arg)]) -> Self {
        let mut buf = Vec::new();
        for (name, value) in list {
            args::push_arg(&mut buf, name, value);
        }
        Self { id: id.into(), args: shared_args(&buf) }
    }

    /// The encoded arguments (empty when there are none).
    fn encoded(&self) -> &[u8] {
        self.args.as_deref().unwrap_or_default()
    }

    /// The arguments, in order.
    pub fn args(&self) -> args::Iter<'_> {
        args::iter(self.encoded())
    }

    /// Whether the message has arguments.
    #[must_use]
    pub fn has_args(&self) -> bool {
        self.args.is_some()
    }

    /// The English text, shared: a message without arguments (a rule's help line) is rendered
    /// once per process, and every finding that shows it holds the same text.
    #[must_use]
    pub fn english_shared(&self) -> Arc<str> {
        type Cache = Mutex<std::collections::HashMap<&'static str, Arc<str>>>;
        static CACHE: OnceLock<Cache> = OnceLock::new();
        match (&self.id, self.args.is_none()) {
            (Cow::Borrowed(id), true) => {
                let cache = CACHE.get_or_init(Cache::default);
                let mut cache = cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                Arc::clone(cache.entry(id).or_insert_with(|| Arc::from(self.render(Lang::En))))
            }
            _ => Arc::from(self.render(Lang::En)),
        }
    }

    /// Rewrites every text argument, in nested messages too, where `f` returns a new text (masking
    /// a credential that an input name carries into a message).
    pub fn map_text(&mut self, f: &impl Fn(&str) -> Option<String>) {
        if let Some(new) = args::map_text(self.encoded(), f) {
            self.args = shared_args(&new);
        }
    }

    /// Whether `f` holds for a text argument, in nested messages too.
    #[must_use]
    pub fn any_text(&self, f: &impl Fn(&str) -> bool) -> bool {
        args::any_text(self.encoded(), f)
    }

    /// The message in a language.
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        render(lang, &self.id, self.encoded())
    }
}

fn render(lang: Lang, id: &str, list: &[u8]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args::iter(list) {
        let value: FluentValue<'_> = match value {
            args::ArgRef::Str(s) => s.into(),
            args::ArgRef::Num(n) => n.into(),
            args::ArgRef::Msg(id, nested) => render(lang, id, nested).into(),
        };
        fluent.set(name, value);
    }
    format(lang, id, Some(&fluent))
}

/// A user-facing text: a message rendered in the reader's language, or text not translated yet.
#[derive(Clone, Debug, PartialEq)]
pub enum Text {
    Plain(String),
    Msg(Msg),
}

impl Text {
    /// The text in a language (plain text is the same in every language).
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Self::Plain(s) => s.clone(),
            Self::Msg(m) => m.render(lang),
        }
    }

    /// The English text (what machine-readable outputs keep) and the message, when it is one.
    #[must_use]
    pub fn into_parts(self) -> (String, Option<Msg>) {
        match self {
            Self::Plain(s) => (s, None),
            Self::Msg(m) => (m.render(Lang::En), Some(m)),
        }
    }

    /// The message, when the text is one.
    #[must_use]
    pub fn into_msg(self) -> Option<Msg> {
        match self {
            Self::Msg(m) => Some(m),
            Self::Plain(_) => None,
        }
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Self::Plain(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self::Plain(s.to_string())
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Self {
        Self::Plain(s.clone())
    }
}

impl From<std::borrow::Cow<'_, str>> for Text {
    fn from(s: std::borrow::Cow<'_, str>) -> Self {
        Self::Plain(s.into_owned())
    }
}

impl From<Msg> for Text {
    fn from(m: Msg) -> Self {
        Self::Msg(m)
    }
}

/// `msg!("id", name = value, …)`: a [`Msg`] with its arguments.
#[macro_export]
macro_rules! msg {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::with_args($id, &[$((stringify!($name), ::core::convert::Into::<$crate::i18n::Arg>::into($value))),*])
    };
}

/// `t!(lang, "id", name = value, …)`: the message rendered in `lang`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::msg!($id $(, $name = $value)*).render($lang)
    };
}

/// The message `id` without arguments in a language.
#[must_use]
pub fn text(lang: Lang, id: &str) -> String {
    format(lang, id, None)
}

/// Why an I/O operation failed, in a language: the common kinds are worded by ladrillo (the
/// operating system's own text is English only); any other keeps the system's text.
#[must_use]
pub fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    io_msg(e).render(lang)
}

/// [`io_reason`] as a message, rendered later in the reader's language.
#[must_use]
pub fn io_msg(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    let id = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::StorageFull => "io-storage-full",
        K::ReadOnlyFilesystem => "io-read-only",
        K::DirectoryNotEmpty => "io-directory-not-empty",
        K::InvalidData | K::InvalidInput => "io-invalid-data",
        K::UnexpectedEof => "io-unexpected-eof",
        _ => return crate::msg!("io-other", reason = e.to_string()),
    };
    Msg::new(id)
}

/// A syntax error of `serde_json` (its text without the position) as a message: its fixed
/// texts are worded by ladrillo; anything else (a type mismatch naming Rust types) is quoted as
/// the parser wrote it.
#[must_use]
pub fn json_syntax(detail: &str) -> Msg {
    const KNOWN: [(&str, &str); 22] = [
        ("EOF while parsing a list", "json-eof-list"),
        ("EOF while parsing an object", "json-eof-object"),
        ("EOF while parsing a string", "json-eof-string"),
        ("EOF while parsing a value", "json-eof-value"),
        ("expected `:`", "json-expected-colon"),
        ("expected `,` or `]`", "json-expected-comma-bracket"),
        ("expected `,` or `}`", "json-expected-comma-brace"),
        ("expected ident", "json-expected-ident"),
        ("expected value", "json-expected-value"),
        ("expected `\"`", "json-expected-quote"),
        ("invalid escape", "json-invalid-escape"),
        ("invalid number", "json-invalid-number"),
        ("number out of range", "json-number-out-of-range"),
        ("invalid unicode code point", "json-invalid-code-point"),
        ("control character (\\u0000-\\u001F) found while parsing a string", "json-control-character"),
        ("key must be a string", "json-key-not-string"),
        ("lone leading surrogate in hex escape", "json-lone-surrogate"),
        ("trailing comma", "json-trailing-comma"),
        ("trailing characters", "json-trailing-characters"),
        ("unexpected end of hex escape", "json-end-of-hex-escape"),
        ("recursion limit exceeded", "json-recursion-limit"),
        ("invalid value: expected key to be a number in quotes", "json-key-not-number"),
    ];
    KNOWN
        .iter()
        .find(|(text, _)| *text == detail)
        .map_or_else(|| crate::msg!("json-parser-said", text = detail), |(_, id)| Msg::new(*id))
}

/// Whether a language has a message (tests and callers with optional texts).
#[must_use]
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Formats a message; a message missing in the language falls back to English, and one missing
/// in English shows its id (the completeness tests keep both from happening).
fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let found = [lang, Lang::En].into_iter().find_map(|l| {
        let b = bundle(l);
        b.get_message(id).and_then(|m| m.value()).map(|p| (b, p))
    });
    let Some((bundle, pattern)) = found else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, args, &mut errors);
    debug_assert!(errors.is_empty(), "message `{id}`: {errors:?}");
    out.into_owned()
}

/// The `.ftl` files of a language, by file name; every language has the same files.
#[must_use]
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    macro_rules! files {
        ($dir:literal: $($name:literal),*) => {
            &[$(($name, include_str!(concat!($dir, "/", $name)))),*]
        };
    }
    match lang {
        Lang::En => {
            files!("en": "cli.ftl", "report.ftl", "rules.ftl", "help.ftl", "webhook.ftl", "messages.ftl", "defaults.ftl", "frameworks.ftl", "audit.ftl", "input.ftl", "args.ftl", "generate.ftl")
        }
        Lang::Es => {
            files!("es": "cli.ftl", "report.ftl", "rules.ftl", "help.ftl", "webhook.ftl", "messages.ftl", "defaults.ftl", "frameworks.ftl", "audit.ftl", "input.ftl", "args.ftl", "generate.ftl")
        }
    }
}

/// The message of `defaults.ftl` whose English text is `english`: the cluster model keeps the
/// documented default behind a value as English text (`Field::Default`), and a finding's note
/// shows it in the reader's language through this id. `None` for a text without a message (the
/// note then shows it as written; `tests/rules.rs` fails on such a note in a fixture).
#[must_use]
pub fn default_reason_id(english: &str) -> Option<&'static str> {
    static INDEX: OnceLock<std::collections::HashMap<String, &'static str>> = OnceLock::new();
    INDEX.get_or_init(|| english_index("defaults.ftl")).get(english).copied()
}

/// The message of `frameworks.ftl` whose English text is `english`: the framework tables keep
/// their titles and what to check by hand in English, and reports in another language show them
/// through this id. `None` for a text without a message (shown as written).
#[must_use]
pub fn framework_text_id(english: &str) -> Option<&'static str> {
    static INDEX: OnceLock<std::collections::HashMap<String, &'static str>> = OnceLock::new();
    INDEX.get_or_init(|| english_index("frameworks.ftl")).get(english).copied()
}

/// English text → id of the messages of one English file that take no argument.
fn english_index(file: &str) -> std::collections::HashMap<String, &'static str> {
    let mut map = std::collections::HashMap::new();
    let source = sources(Lang::En).iter().find(|(name, _)| *name == file).map(|(_, s)| *s);
    let resource = match fluent_syntax::parser::parse(source.unwrap_or_default()) {
        Ok(r) | Err((r, _)) => r,
    };
    for entry in resource.body {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let plain = m.value.as_ref().is_some_and(|p| {
                p.elements.iter().all(|e| matches!(e, fluent_syntax::ast::PatternElement::TextElement { .. }))
            });
            if plain {
                map.insert(text(Lang::En, m.id.name), m.id.name);
            }
        }
    }
    map
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = match lang {
        Lang::En => &BUNDLES[0],
        Lang::Es => &BUNDLES[1],
    };
    slot.get_or_init(|| build(lang))
}

/// A language's bundle. Syntax errors and duplicate ids are caught by the tests; at run time a
/// resource with errors still contributes the messages that parsed.
fn build(lang: Lang) -> Bundle {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps placeables in Unicode isolation marks (FSI/PDI) for bidirectional text; in a
    // terminal, a file name or JSON they are invisible garbage.
    bundle.set_use_isolating(false);
    for (_, text) in sources(lang) {
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Messages and their placeables, per file, for the completeness tests.
pub mod audit {
    use std::collections::BTreeSet;

    use fluent_syntax::ast;

    use super::{Lang, sources};

    /// One message of one `.ftl` file: its id, the variables it uses (`$name`) and its text as
    /// written (to spot a translation left in English).
    #[derive(Debug)]
    pub struct Entry {
        pub file: &'static str,
        pub id: String,
        pub variables: BTreeSet<String>,
        pub text: String,
    }

    /// Every message of a language, or the parse errors of its files.
    pub fn entries(lang: Lang) -> Result<Vec<Entry>, Vec<String>> {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for (file, source) in sources(lang) {
            let resource = match fluent_syntax::parser::parse(*source) {
                Ok(r) => r,
                Err((r, errs)) => {
                    errors.extend(errs.iter().map(|e| format!("src/i18n/{}/{file}: {e:?}", lang.code())));
                    r
                }
            };
            for entry in resource.body {
                if let ast::Entry::Message(m) = entry {
                    let mut variables = BTreeSet::new();
                    let mut text = String::new();
                    if let Some(p) = &m.value {
                        pattern(p, &mut variables, &mut text);
                    }
                    for a in &m.attributes {
                        pattern(&a.value, &mut variables, &mut text);
                    }
                    out.push(Entry { file, id: m.id.name.to_string(), variables, text });
                }
            }
        }
        if errors.is_empty() { Ok(out) } else { Err(errors) }
    }

    /// Spanish texts that are rightly the same as the English ones (terms both languages use).
    pub const SAME_IN_BOTH: &[&str] = &["error: ", "Control", "ladrillo "];

    /// Everything wrong with the translations: parse errors, duplicate ids, ids missing in a
    /// language (named with the file to add them to), variables that differ, Spanish texts left
    /// in English. Empty when the bundles are complete.
    #[must_use]
    pub fn problems() -> Vec<String> {
        let (en, es) = match (entries(Lang::En), entries(Lang::Es)) {
            (Ok(en), Ok(es)) => (en, es),
            (en, es) => return en.err().into_iter().chain(es.err()).flatten().collect(),
        };
        compare(&en, &es)
    }

    /// [`problems`] over the messages of both languages.
    #[must_use]
    pub fn compare(en: &[Entry], es: &[Entry]) -> Vec<String> {
        let mut out = Vec::new();
        for (lang, list) in [(Lang::En, en), (Lang::Es, es)] {
            let mut seen = BTreeSet::new();
            for e in list {
                if !seen.insert(e.id.as_str()) {
                    out.push(format!("src/i18n/{}/{}: `{}` is defined twice", lang.code(), e.file, e.id));
                }
            }
        }
        let find = |list: &'_ [Entry], id: &str| list.iter().position(|e| e.id == id);
        for (from, to, other) in [(en, Lang::Es, es), (es, Lang::En, en)] {
            for e in from.iter() {
                if find(other, &e.id).is_none() {
                    out.push(format!("src/i18n/{}/{}: `{}` is missing", to.code(), e.file, e.id));
                }
            }
        }
        for e in en {
            let Some(s) = find(es, &e.id).and_then(|i| es.get(i)) else { continue };
            if s.file != e.file {
                out.push(format!(
                    "`{}` is in src/i18n/en/{} but in src/i18n/es/{}: keep both in files of one name",
                    e.id, e.file, s.file
                ));
            }
            if s.variables != e.variables {
                out.push(format!(
                    "src/i18n/es/{}: `{}` uses {:?}, English uses {:?}",
                    s.file, e.id, s.variables, e.variables
                ));
            }
            let has_words = e.text.chars().any(char::is_alphabetic);
            if has_words && s.text == e.text && !SAME_IN_BOTH.contains(&s.text.as_str()) {
                out.push(format!(
                    "src/i18n/es/{}: `{}` is the English text `{}` (translate it, or add the term to SAME_IN_BOTH)",
                    s.file, e.id, e.text
                ));
            }
        }
        out
    }

    fn pattern(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
        for el in &p.elements {
            match el {
                ast::PatternElement::TextElement { value } => text.push_str(value),
                ast::PatternElement::Placeable { expression } => expression_(expression, vars, text),
            }
        }
    }

    fn expression_(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline(selector, vars, text);
                for v in variants {
                    pattern(&v.value, vars, text);
                }
            }
            ast::Expression::Inline(i) => inline(i, vars, text),
        }
    }

    fn inline(e: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::StringLiteral { value } => text.push_str(value),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, vars, text);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_(expression, vars, text),
            _ => {}
        }
    }
}
