//! `.ladrillo.yaml`: rule selection, severity overrides, path excludes and waivers. Read with
//! the same span-keeping parser as manifests, so every config error names file, line and column;
//! unknown keys and unknown rule names are errors (fail closed).

use crate::i18n::Lang;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::pss::{Policy, Version};
use crate::diagnostic::InputError;
use crate::document::{Node, SourceFile, Span, yaml};
use crate::finding::Severity;
use crate::rules::{self, Group, Rule};

/// Name of the config file looked up from the scanned path upwards.
pub const CONFIG_FILE: &str = ".ladrillo.yaml";

/// The top-level keys of the config file.
pub const KEYS: &[&str] = &[
    "select",
    "ignore",
    "severity",
    "fail-on",
    "exclude",
    "waivers",
    "required-tags",
    "reachability",
    "pss",
    "audit-log",
    "webhook",
];

/// The keys of the `webhook` section.
pub const WEBHOOK_KEYS: &[&str] = &["mode", "exempt-namespaces", "namespaces"];

/// The label a Namespace carries to choose its `ladrillo webhook` mode.
pub const WEBHOOK_MODE_LABEL: &str = "ladrillo.dev/webhook-mode";

/// The keys of the `pss` section.
pub const PSS_KEYS: &[&str] = &["level", "version", "kubernetes-version"];

/// The config file as written.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub file: Option<Arc<SourceFile>>,
    pub select: Vec<Selector>,
    pub ignore: Vec<Selector>,
    pub severity: Vec<(&'static dyn Rule, Severity)>,
    pub fail_on: Option<FailOn>,
    pub exclude: Vec<String>,
    pub waivers: Vec<ConfigWaiver>,
    /// Tags every EKS cluster must carry.
    pub required_tags: Vec<String>,
    /// NetworkPolicy reachability assertions (`reachability: {deny: [...], allow: [...]}`).
    pub reachability: Vec<crate::analysis::netpol::assertions::Assertion>,
    /// The Pod Security policy for workloads whose namespace has no known enforce label.
    pub pss: Option<Policy>,
    /// The Kubernetes release (`1.N`) whose Pod Security admission is emulated.
    pub pss_kubernetes_version: Option<u32>,
    /// `ladrillo audit-log` settings: trusted users, namespaces, images, networks, thresholds.
    pub audit_log: Option<crate::rules::audit::config::AuditConfig>,
    /// `ladrillo webhook` settings: default mode, exempt namespaces, modes per namespace.
    pub webhook: WebhookConfig,
    /// Valid values not evaluated as written, for the reader: a Pod Security version or
    /// release newer than any ladrillo knows.
    pub warnings: Vec<InputError>,
}

/// What the admission webhook does with a finding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WebhookMode {
    /// Deny when a finding at or above `fail-on` is active.
    #[default]
    Enforce,
    /// Allow, with the findings as admission warnings (kubectl prints them).
    Warn,
    /// Allow, with the findings as audit annotations.
    Audit,
}

impl WebhookMode {
    pub const ALL: [WebhookMode; 3] = [Self::Enforce, Self::Warn, Self::Audit];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Enforce => "enforce",
            Self::Warn => "warn",
            Self::Audit => "audit",
        }
    }

    /// Parses `enforce`, `warn` or `audit`.
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::parse_in(s, crate::i18n::Lang::En)
    }

    /// [`WebhookMode::parse`] with the error in a language.
    pub fn parse_in(s: &str, lang: crate::i18n::Lang) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| crate::t!(lang, "config-webhook-mode-unknown", mode = s))
    }
}

/// The `webhook` section.
#[derive(Clone, Debug, Default)]
pub struct WebhookConfig {
    /// The mode of namespaces without their own (`--mode` wins over it).
    pub mode: Option<WebhookMode>,
    /// Namespaces whose objects are admitted without a check (none by default).
    pub exempt_namespaces: Vec<String>,
    /// Modes by namespace; they win over the namespace's label.
    pub namespaces: Vec<(String, WebhookMode)>,
}

/// A rule selector: `all`, a group (`network`, or its code prefix `NET`), a rule code or name, or a
/// glob over codes and names (`POD*`, `*-binding`). Every selector must match at least one rule.
#[derive(Clone, Debug)]
pub enum Selector {
    All,
    Group(Group),
    Rule(&'static dyn Rule),
    /// A glob, matched against each rule's code in any case and its name as written (as rule
    /// codes and names are looked up), so `POD*` is codes only while `pod*` also takes names.
    Glob {
        codes: globset::GlobMatcher,
        names: globset::GlobMatcher,
    },
}

impl std::fmt::Debug for dyn Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.meta().name)
    }
}

impl Selector {
    /// Parses a selector; unknown ones, and globs that match no rule, are errors with suggestions.
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::parse_in(s, crate::i18n::Lang::En)
    }

    /// [`Selector::parse`] with the error in a language.
    pub fn parse_in(s: &str, lang: crate::i18n::Lang) -> Result<Self, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("all") {
            return Ok(Self::All);
        }
        if let Some(g) = Group::parse(s) {
            return Ok(Self::Group(g));
        }
        if let Some(r) = rules::find(s) {
            return Ok(Self::Rule(r));
        }
        if s.contains(['*', '?', '[', '{']) {
            let glob = |case_insensitive| {
                globset::GlobBuilder::new(s)
                    .case_insensitive(case_insensitive)
                    .build()
                    .map(|g| g.compile_matcher())
                    .map_err(|e| {
                        crate::t!(lang, "rule-pattern-invalid", pattern = s, why = e.kind().to_string())
                    })
            };
            let selector = Self::Glob { codes: glob(true)?, names: glob(false)? };
            if !rules::all().iter().any(|r| selector.matches(*r)) {
                return Err(crate::t!(lang, "rule-pattern-matches-nothing", pattern = s));
            }
            return Ok(selector);
        }
        Err(unknown_rule_in(s, lang))
    }

    #[must_use]
    pub fn matches(&self, rule: &dyn Rule) -> bool {
        match self {
            Self::All => true,
            Self::Group(g) => rule.meta().group == *g,
            Self::Rule(r) => r.meta().code == rule.meta().code,
            Self::Glob { codes, names } => {
                codes.is_match(rule.meta().code) || names.is_match(rule.meta().name)
            }
        }
    }
}

/// The message for an unknown rule, with close rule and group names.
#[must_use]
pub fn unknown_rule(s: &str) -> String {
    unknown_rule_in(s, crate::i18n::Lang::En)
}

/// [`unknown_rule`] as a message, rendered later in the reader's language.
#[must_use]
pub fn unknown_rule_msg(s: &str) -> crate::i18n::Msg {
    if s.trim().is_empty() {
        return crate::i18n::Msg::new("empty-rule-name");
    }
    let close = rules::registry::suggest(s);
    let mut suggestions = close.iter().map(|c| crate::i18n::Arg::from(format!("`{c}`")));
    let Some(first) = suggestions.next() else {
        return crate::msg!("unknown-rule", rule = s);
    };
    let suggestions = suggestions.fold(first, |first, second| {
        crate::i18n::Arg::from(crate::msg!("or", first = first, second = second))
    });
    crate::msg!("unknown-rule-suggest", rule = s, suggestions = suggestions)
}

/// [`unknown_rule`] in a language.
#[must_use]
pub fn unknown_rule_in(s: &str, lang: crate::i18n::Lang) -> String {
    if s.trim().is_empty() {
        return crate::i18n::text(lang, "empty-rule-name");
    }
    let close = rules::registry::suggest(s);
    if close.is_empty() {
        return crate::t!(lang, "unknown-rule", rule = s);
    }
    let suggestions = close
        .iter()
        .map(|c| format!("`{c}`"))
        .reduce(|first, second| crate::t!(lang, "or", first = first, second = second))
        .unwrap_or_default();
    crate::t!(lang, "unknown-rule-suggest", rule = s, suggestions = suggestions)
}

/// The exit threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Severity(Severity),
    Never,
}

impl FailOn {
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::parse_in(s, crate::i18n::Lang::En)
    }

    /// [`FailOn::parse`] with the error in a language.
    pub fn parse_in(s: &str, lang: crate::i18n::Lang) -> Result<Self, String> {
        match s {
            "none" | "never" => Ok(Self::Never),
            "any" => Ok(Self::Severity(Severity::Info)),
            _ => Severity::parse(s)
                .map(Self::Severity)
                .ok_or_else(|| crate::t!(lang, "fail-on-not-a-severity", value = s)),
        }
    }
}

/// A waiver in the config file.
#[derive(Clone, Debug)]
pub struct ConfigWaiver {
    pub rules: Vec<&'static dyn Rule>,
    pub kind: Option<String>,
    pub namespace: Option<globset::GlobMatcher>,
    pub name: Option<globset::GlobMatcher>,
    pub file: Option<globset::GlobMatcher>,
    pub reason: Option<String>,
    pub until: Option<String>,
    /// Where the waiver is written, for reports.
    pub span: Span,
    /// Where its `until` value is written: a date that is wrong or past is reported there.
    pub until_span: Option<Span>,
}

impl Config {
    /// Finds `.ladrillo.yaml` in `start` (or its directory) and its ancestors. When `start` is
    /// relative, so is the path returned (from the working directory, `../.ladrillo.yaml` for
    /// one above it), like the paths of the files scanned: reports show both the same way.
    #[must_use]
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let abs = std::fs::canonicalize(start).ok()?;
        let mut dir = if abs.is_dir() { Some(abs.as_path()) } else { abs.parent() };
        while let Some(d) = dir {
            let candidate = d.join(CONFIG_FILE);
            if candidate.is_file() {
                if start.is_absolute() {
                    return Some(candidate);
                }
                let cwd = std::env::current_dir().and_then(std::fs::canonicalize).ok();
                return Some(cwd.map_or_else(|| candidate.clone(), |cwd| relative(&cwd, &candidate)));
            }
            dir = d.parent();
        }
        None
    }

    /// Reads and validates a config file. All problems are collected.
    pub fn load(path: &Path) -> Result<Config, Vec<InputError>> {
        Self::load_in(path, Lang::En)
    }

    /// [`Config::load`] with the problems in a language.
    pub fn load_in(path: &Path, lang: Lang) -> Result<Config, Vec<InputError>> {
        let input = crate::source::Input::File {
            display: path.display().to_string(),
            path: path.to_path_buf(),
            named: true,
        };
        let file = crate::source::read(&input).map_err(|e| vec![e])?;
        Self::parse_in(&file, lang)
    }

    /// Parses config text.
    pub fn parse(file: &Arc<SourceFile>) -> Result<Config, Vec<InputError>> {
        Self::parse_in(file, Lang::En)
    }

    /// [`Config::parse`] with the problems in a language.
    pub fn parse_in(file: &Arc<SourceFile>, lang: Lang) -> Result<Config, Vec<InputError>> {
        let stream = yaml::parse(&file.text());
        let mut errors: Vec<InputError> =
            stream.errors.iter().map(|e| InputError::at(file, e.span, e.message.clone())).collect();
        // Unlike in manifests, a repeated key or a second document in the config is a typo that
        // would silently drop settings.
        for note in &stream.notes {
            if let yaml::NoteKind::DuplicateKey { key, first } = &note.kind {
                let line = file.position(first.start).line;
                errors.push(InputError::at(
                    file,
                    note.span,
                    crate::t!(lang, "config-key-repeated", key = key.as_str(), line = line),
                ));
            }
        }
        if let Some(second) = stream.documents.iter().skip(1).find(|d| !d.root.is_null()) {
            errors.push(InputError::at(
                file,
                second.root.span(),
                crate::i18n::text(lang, "config-single-document"),
            ));
        }
        let mut config = Config { file: Some(Arc::clone(file)), ..Config::default() };
        let root = match stream.documents.into_iter().next() {
            Some(d) if !d.root.is_null() => d.root,
            _ => return if errors.is_empty() { Ok(config) } else { Err(errors) },
        };
        let mut err = |span: Span, msg: String| errors.push(InputError::at(file, span, msg));
        let Some(map) = root.as_map() else {
            err(root.span(), crate::i18n::text(lang, "config-mapping"));
            return Err(errors);
        };
        for entry in &map.entries {
            let v = &entry.value;
            match entry.key.as_str() {
                "select" => {
                    config.select = selectors(v, lang, &mut err);
                    if v.as_seq().is_some_and(<[Node]>::is_empty) {
                        err(v.span(), crate::i18n::text(lang, "config-select-empty"));
                    }
                }
                "ignore" => config.ignore = selectors(v, lang, &mut err),
                "severity" => {
                    for e in v.as_map().map(|m| m.entries.as_ref()).unwrap_or_default() {
                        let rule = rules::find(&e.key);
                        let sev = e.value.as_str().and_then(Severity::parse);
                        match (rule, sev) {
                            (Some(r), Some(s)) => config.severity.push((r, s)),
                            (None, _) => err(e.key_span, unknown_rule_in(&e.key, lang)),
                            (_, None) => {
                                err(e.value.span(), crate::i18n::text(lang, "config-severity-value"))
                            }
                        }
                    }
                    if v.as_map().is_none() {
                        err(v.span(), crate::i18n::text(lang, "config-severity-map"));
                    }
                }
                "fail-on" => match v.as_str().map(FailOn::parse) {
                    Some(Ok(f)) => config.fail_on = Some(f),
                    Some(Err(_)) => {
                        let found = v.as_str().unwrap_or_default();
                        err(v.span(), crate::t!(lang, "config-fail-on-value", value = found));
                    }
                    None => err(v.span(), crate::i18n::text(lang, "config-fail-on")),
                },
                "exclude" => {
                    for s in strings(v, "exclude", lang, &mut err) {
                        match crate::source::glob_matcher(&s.0) {
                            Ok(_) => config.exclude.push(s.0),
                            Err(e) => err(s.1, e.render(lang)),
                        }
                    }
                }
                "waivers" => {
                    if v.as_seq().is_none() {
                        err(v.span(), crate::i18n::text(lang, "config-waivers-list"));
                    }
                    for w in v.items() {
                        if let Some(w) = waiver(w, lang, &mut err) {
                            config.waivers.push(w);
                        }
                    }
                }
                "required-tags" => {
                    config.required_tags =
                        strings(v, "required-tags", lang, &mut err).into_iter().map(|s| s.0).collect();
                }
                "reachability" => {
                    config.reachability = crate::analysis::netpol::assertions::parse(v, lang, &mut err);
                }
                "pss" => (config.pss, config.pss_kubernetes_version) = pss_section(v, lang, &mut err),
                "audit-log" => config.audit_log = crate::rules::audit::config::parse(v, lang, &mut err),
                "webhook" => config.webhook = webhook_section(v, lang, &mut err),
                other => err(entry.key_span, unknown_key(other, KEYS, lang)),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        config.warnings = pss_warnings(file, &root, config.pss_kubernetes_version);
        Ok(config)
    }
}

/// The Pod Security versions (`pss`, `audit-log.pss`) and release (`pss.kubernetes-version`) of
/// a valid config that are newer than any ladrillo knows, each at its value.
fn pss_warnings(file: &Arc<SourceFile>, root: &Node, release: Option<u32>) -> Vec<InputError> {
    let pss = root.get("pss");
    // `audit-log` judges events without emulating a release.
    let sections = [(pss, release), (root.get("audit-log").and_then(|a| a.get("pss")), None)];
    let mut out = Vec::new();
    for (section, release) in sections {
        if let Some(v) = section.and_then(|s| s.get("version"))
            && let Some(warning) =
                v.as_str().and_then(|t| t.parse::<Version>().ok()).and_then(|x| x.newer_than_known(release))
        {
            out.push(InputError::at(file, v.span(), warning));
        }
    }
    if let (Some(v), Some(warning)) = (
        pss.and_then(|s| s.get("kubernetes-version")),
        release.and_then(crate::analysis::pss::release_newer_than_known),
    ) {
        out.push(InputError::at(file, v.span(), warning));
    }
    out
}

/// `to` as a path from `from` (both absolute and canonical): the common part dropped, `..` for
/// each directory of `from` left.
fn relative(from: &Path, to: &Path) -> PathBuf {
    let (mut a, mut b) = (from.components().peekable(), to.components().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        if x != y {
            break;
        }
        a.next();
        b.next();
    }
    a.map(|_| std::path::Component::ParentDir).chain(b).collect()
}

/// `pss: {level: restricted, version: latest, kubernetes-version: "1.30"}`; unset keys keep
/// their defaults.
pub(crate) fn pss_section(
    v: &Node,
    lang: Lang,
    err: &mut impl FnMut(Span, String),
) -> (Option<Policy>, Option<u32>) {
    let Some(map) = v.as_map() else {
        err(v.span(), crate::i18n::text(lang, "config-pss-mapping"));
        return (None, None);
    };
    let mut policy = Policy::default();
    let mut release = None;
    let mut ok = true;
    for e in &map.entries {
        let text = e.value.as_str();
        let parsed = match e.key.as_str() {
            "level" => text.ok_or_else(String::new).and_then(|t| t.parse().map(|l| policy.level = l)),
            "version" => text.ok_or_else(String::new).and_then(|t| t.parse().map(|x| policy.version = x)),
            // A string only: unquoted, YAML reads `1.30` as the number 1.3.
            "kubernetes-version" => text
                .ok_or_else(String::new)
                .and_then(|t| crate::analysis::pss::parse_release(t).map(|r| release = Some(r))),
            other => {
                err(e.key_span, unknown_key(other, PSS_KEYS, lang));
                ok = false;
                continue;
            }
        };
        if let Err(m) = parsed {
            let what = crate::i18n::text(
                lang,
                match e.key.as_str() {
                    "level" => "config-pss-level",
                    "version" => "config-pss-version",
                    _ => "config-pss-kubernetes-version",
                },
            );
            let found = e.value.scalar_text().unwrap_or_default();
            err(
                e.value.span(),
                if m.is_empty() && found.is_empty() {
                    what
                } else {
                    crate::t!(lang, "config-found", what = what, found = found)
                },
            );
            ok = false;
        }
    }
    if ok { (Some(policy), release) } else { (None, None) }
}

/// `webhook: {mode: warn, exempt-namespaces: [kube-system], namespaces: {shop: enforce}}`.
fn webhook_section(v: &Node, lang: Lang, err: &mut impl FnMut(Span, String)) -> WebhookConfig {
    let mut out = WebhookConfig::default();
    let Some(map) = v.as_map() else {
        err(v.span(), crate::i18n::text(lang, "config-webhook-mapping"));
        return out;
    };
    let mode = |n: &Node, err: &mut dyn FnMut(Span, String)| match n.as_str().map(WebhookMode::parse) {
        Some(Ok(m)) => Some(m),
        Some(Err(_)) => {
            err(
                n.span(),
                crate::t!(lang, "config-webhook-mode-unknown", mode = n.as_str().unwrap_or_default()),
            );
            None
        }
        None => {
            err(n.span(), crate::i18n::text(lang, "config-webhook-mode"));
            None
        }
    };
    for e in &map.entries {
        match e.key.as_str() {
            "mode" => out.mode = mode(&e.value, err),
            "exempt-namespaces" => {
                out.exempt_namespaces =
                    strings(&e.value, "exempt-namespaces", lang, err).into_iter().map(|s| s.0).collect();
            }
            "namespaces" => {
                let Some(m) = e.value.as_map() else {
                    err(e.value.span(), crate::i18n::text(lang, "config-webhook-namespaces"));
                    continue;
                };
                for n in &m.entries {
                    if let Some(md) = mode(&n.value, err) {
                        out.namespaces.push((n.key.as_str().to_owned(), md));
                    }
                }
            }
            other => err(e.key_span, unknown_key(other, WEBHOOK_KEYS, lang)),
        }
    }
    out
}

fn unknown_key(key: &str, known: &[&str], lang: Lang) -> String {
    match crate::diagnostic::closest(key, known, 3) {
        Some(k) => crate::t!(lang, "config-unknown-key-suggest", key = key, suggestion = k),
        None => crate::t!(lang, "config-unknown-key", key = key, expected = known.join(", ")),
    }
}

fn strings(v: &Node, what: &str, lang: Lang, err: &mut impl FnMut(Span, String)) -> Vec<(String, Span)> {
    if let Some(s) = v.as_str() {
        return vec![(s.to_string(), v.span())];
    }
    let Some(items) = v.as_seq() else {
        err(v.span(), crate::t!(lang, "config-list-of-strings", key = what));
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|i| match i.as_str() {
            Some(s) => Some((s.to_string(), i.span())),
            None => {
                err(i.span(), crate::t!(lang, "config-entries-strings", key = what));
                None
            }
        })
        .collect()
}

fn selectors(v: &Node, lang: Lang, err: &mut impl FnMut(Span, String)) -> Vec<Selector> {
    strings(v, "select/ignore", lang, err)
        .into_iter()
        .filter_map(|(s, span)| Selector::parse_in(&s, lang).map_err(|m| err(span, m)).ok())
        .collect()
}

fn glob(v: &Node, lang: Lang, err: &mut impl FnMut(Span, String)) -> Option<globset::GlobMatcher> {
    let s = v.as_str().or_else(|| {
        err(v.span(), crate::i18n::text(lang, "config-expected-string"));
        None
    })?;
    crate::source::glob_matcher(s).map_err(|e| err(v.span(), e.render(lang))).ok()
}

fn waiver(w: &Node, lang: Lang, err: &mut impl FnMut(Span, String)) -> Option<ConfigWaiver> {
    let Some(map) = w.as_map() else {
        err(w.span(), crate::i18n::text(lang, "config-waiver-mapping"));
        return None;
    };
    let mut out = ConfigWaiver {
        rules: Vec::new(),
        kind: None,
        namespace: None,
        name: None,
        file: None,
        reason: None,
        until: None,
        span: map.entries.first().map_or(w.span(), |e| e.key_span),
        until_span: None,
    };
    let mut ok = true;
    for e in &map.entries {
        let v = &e.value;
        match e.key.as_str() {
            "rules" => {
                for (s, span) in strings(v, "rules", lang, err) {
                    match rules::find(&s) {
                        Some(r) => out.rules.push(r),
                        None => {
                            err(span, unknown_rule_in(&s, lang));
                            ok = false;
                        }
                    }
                }
            }
            // A value that is not one would waive every kind, or forever: an error.
            "kind" => match v.as_str() {
                Some(kind) => out.kind = Some(kind.to_string()),
                None => {
                    err(v.span(), crate::i18n::text(lang, "config-expected-string"));
                    ok = false;
                }
            },
            "namespace" => out.namespace = glob(v, lang, err),
            "name" => out.name = glob(v, lang, err),
            "file" => out.file = glob(v, lang, err),
            "reason" => out.reason = v.scalar_text().filter(|s| !s.trim().is_empty()),
            "until" => match v.scalar_text() {
                Some(until) => {
                    out.until = Some(until);
                    out.until_span = Some(v.span());
                }
                None => {
                    err(v.span(), crate::i18n::text(lang, "config-expected-string"));
                    ok = false;
                }
            },
            other => {
                err(
                    e.key_span,
                    unknown_key(
                        other,
                        &["rules", "kind", "namespace", "name", "file", "reason", "until"],
                        lang,
                    ),
                );
                ok = false;
            }
        }
    }
    if out.rules.is_empty() && ok {
        err(out.span, crate::i18n::text(lang, "config-waiver-rules"));
        ok = false;
    }
    ok.then_some(out)
}
