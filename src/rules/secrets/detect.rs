//! Recognises credentials in text: well-known token formats anywhere in a value, and generic
//! passwords, tokens and keys stored under a credential-like name. A detection carries the kind
//! and at most a non-secret hint (a token's public type prefix); never the value itself.
//!
//! Heuristics, chosen to keep false positives rare:
//! - Format detectors (AWS access key ids, PEM private keys, GitHub and Slack tokens, JWTs, URLs
//!   with a password) apply to any value and to every line of multi-line values (embedded files).
//! - A generic secret needs a credential-like *name* (`password`, `passwd`, `pwd`, `pass`,
//!   `secret`, `token`, `api_key`, `access_key`, `private_key`, `client_secret`, `credentials`…,
//!   matched on whole words after splitting camelCase, `-`, `_` and `.`). Names ending in a word
//!   that describes metadata about the secret rather than the secret (`_file`, `_path`, `_url`,
//!   `_name`, `_ref`, `_id`, `_ttl`, `_length`, `_enabled`…) are not credential-like.
//! - Its *value* must look like a secret: not empty, at least 3 characters, one line, at most two
//!   words, not only digits, not a boolean word, and not a placeholder or a reference:
//!   `${VAR}`, `$VAR`, `$(VAR)`, templates (`{{ }}`, `#{}`, `%{}`), `<changeme>`, `__X__`,
//!   `@X@`, placeholder words (`changeme`, `REPLACE_ME`, `placeholder`, `redacted`, `example`,
//!   `dummy`, `todo`…, or values containing `changeme`, `replace_me`, `example`, `your_`), one
//!   repeated character (`xxx`, `****`), file paths (`/run/secrets/db`, `./x`, `~/x`, `C:\x`,
//!   `file:`), URLs without a password, and secret-store references (`arn:`, `vault:`, `ref+`,
//!   `ssm:`, `secretsmanager:`). A weak real password is not a placeholder: `password`, `secret`,
//!   `admin`, `sst` are reported like any other value.
//! - Config-file syntaxes whose keys look like credential names but hold settings are recognised
//!   before any value is called a credential ([`Syntax`]): an embedded file is classified by its
//!   name (the ConfigMap key) and its lines — `nsswitch.conf` (`passwd: files systemd` names
//!   lookup sources), the colon-separated account databases `/etc/passwd` and `/etc/group`
//!   (`root:x:0:0:…`), PostgreSQL's `postgresql.conf` (`password_encryption = scram-sha-256`
//!   names an algorithm) — and a value that is a hashing or signing algorithm's name (`md5`,
//!   `bcrypt`, `HS256`) is a setting under any name.
//! - In multi-line values, lines of the form `name = value`, `name: value` or `"name": "value"`
//!   (env files, properties, INI, YAML, JSON) are checked as a name and a value.
//! - AWS ids whose prefix denotes an IAM user, role or group id (`AIDA`, `AROA`, `AGPA`…) are
//!   recognised but are identifiers, not credentials, and are not reported.

use crate::finding::Severity;
use std::ops::Range;

/// What kind of credential was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    AwsAccessKeyId,
    AwsSecretAccessKey,
    PrivateKey,
    GithubToken,
    SlackToken,
    Jwt,
    UrlPassword,
    Password,
    ApiKey,
    Token,
    Secret,
}

impl Kind {
    /// Words for messages (`an AWS secret access key`).
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::AwsAccessKeyId => "an AWS access key id",
            Self::AwsSecretAccessKey => "an AWS secret access key",
            Self::PrivateKey => "a private key",
            Self::GithubToken => "a GitHub token",
            Self::SlackToken => "a Slack token",
            Self::Jwt => "a JSON Web Token",
            Self::UrlPassword => "a URL with a password",
            Self::Password => "a password",
            Self::ApiKey => "an API key",
            Self::Token => "a token",
            Self::Secret => "a secret",
        }
    }

    /// AWS keys and private keys are critical: they open accounts and impersonate servers.
    /// [`Kind::describe`] as a message, for reports in the reader's language.
    #[must_use]
    pub fn msg(self) -> crate::i18n::Msg {
        let key = match self {
            Self::AwsAccessKeyId => "aws-access-key-id",
            Self::AwsSecretAccessKey => "aws-secret-access-key",
            Self::PrivateKey => "private-key",
            Self::GithubToken => "github-token",
            Self::SlackToken => "slack-token",
            Self::Jwt => "jwt",
            Self::UrlPassword => "url-password",
            Self::Password => "password",
            Self::ApiKey => "api-key",
            Self::Token => "token",
            Self::Secret => "secret",
        };
        crate::i18n::Msg::new(format!("secret-kind-{key}"))
    }

    #[must_use]
    pub fn severity(self) -> Severity {
        match self {
            Self::AwsAccessKeyId | Self::AwsSecretAccessKey | Self::PrivateKey => Severity::Critical,
            _ => Severity::High,
        }
    }

    #[must_use]
    pub fn is_aws(self) -> bool {
        matches!(self, Self::AwsAccessKeyId | Self::AwsSecretAccessKey)
    }
}

/// One credential found in a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detection {
    pub kind: Kind,
    /// A public prefix that tells the token's type (`AKIA…`, `ghp_…`), never secret material.
    pub hint: Option<String>,
    /// The name the credential was under inside an embedded file (`aws_secret_access_key`).
    pub under: Option<String>,
    /// 1-based line inside a multi-line value.
    pub line: Option<usize>,
}

impl Detection {
    fn new(kind: Kind) -> Self {
        Self { kind, hint: None, under: None, line: None }
    }

    /// `an AWS access key id (AKIA…)`, `a password (line 3, under "db_password")`.
    #[must_use]
    pub fn describe(&self) -> String {
        let mut s = self.kind.describe().to_string();
        let mut extra = Vec::new();
        if let Some(h) = &self.hint {
            extra.push(format!("{h}…"));
        }
        if let Some(l) = self.line {
            extra.push(format!("line {l}"));
        }
        if let Some(u) = &self.under {
            extra.push(format!("under \"{u}\""));
        }
        if !extra.is_empty() {
            s.push_str(&format!(" ({})", extra.join(", ")));
        }
        s
    }

    /// [`Detection::describe`] as a message.
    #[must_use]
    pub fn msg(&self) -> crate::i18n::Msg {
        let mut extra: Vec<crate::i18n::Msg> = Vec::new();
        if let Some(h) = &self.hint {
            extra.push(crate::msg!("secret-hint", hint = h));
        }
        if let Some(l) = self.line {
            extra.push(crate::msg!("secret-line", line = l.to_string()));
        }
        if let Some(u) = &self.under {
            extra.push(crate::msg!("secret-under", name = u));
        }
        let details = extra.into_iter().reduce(|a, b| crate::msg!("list-pair", first = a, second = b));
        match details {
            Some(d) => crate::msg!("secret-with-details", what = self.kind.msg(), details = d),
            None => self.kind.msg(),
        }
    }
}

/// Finds credentials in a value stored under `name` (an env var, a ConfigMap key, an
/// annotation). Most severe first; one detection per kind and line.
#[must_use]
pub fn scan(name: Option<&str>, value: &str) -> Vec<Detection> {
    let one_line = !value.trim().contains('\n');
    if one_line && !is_file_content(name, value) {
        let mut out = formats(value);
        if out.is_empty()
            && let Some(kind) = name.and_then(|n| named(n, value))
        {
            out.push(Detection::new(kind));
        }
        return dedup(out);
    }
    // An embedded file: key blocks on the whole value, everything else line by line.
    let mut out = Vec::new();
    if has_private_key(value) {
        out.push(Detection::new(Kind::PrivateKey));
    }
    let syntax = Syntax::of(name, value);
    for (i, line) in value.lines().enumerate() {
        let found = line_formats(line);
        let none = found.is_empty();
        out.extend(found.into_iter().map(|d| Detection { line: Some(i + 1), ..d }));
        if !none {
            continue;
        }
        // `NAME=value`, `name: value`, and every `"name": "value"` of JSON written on the line
        // (a whole document on one line, a nested object).
        let assigned = assignment(line).into_iter().chain(quoted_pairs(line));
        for (inner, v) in assigned {
            if !syntax.is_setting(inner)
                && let Some(kind) = named(inner, v)
            {
                out.push(Detection { kind, hint: None, under: Some(inner.to_string()), line: Some(i + 1) });
            }
        }
    }
    // A one-line file is also the value of its own key (`password.txt: …`).
    if one_line
        && out.is_empty()
        && let Some(kind) = name.and_then(|n| named(n, value))
    {
        out.push(Detection::new(kind));
    }
    dedup(out)
}

/// Whether a one-line value is the content of a file rather than a plain value: a JSON object
/// or array, or the value of a key named like a file (`app.json`, `.env`, `db.properties`).
fn is_file_content(name: Option<&str>, value: &str) -> bool {
    let v = value.trim();
    let json = (v.starts_with('{') && v.ends_with('}')) || (v.starts_with('[') && v.ends_with(']'));
    let file_name = name.is_some_and(|n| {
        let base = n.rsplit('/').next().unwrap_or(n);
        base.starts_with('.')
            || base.rsplit_once('.').is_some_and(|(stem, ext)| {
                !stem.is_empty() && FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
            })
    });
    json || file_name
}

/// Extensions of the configuration files ConfigMaps carry.
const FILE_EXTENSIONS: &[&str] =
    &["json", "env", "properties", "conf", "cfg", "ini", "yaml", "yml", "toml", "xml", "txt", "config"];

/// Every `"name": "value"` pair written on a line (JSON), with the value's escapes left as
/// they are.
fn quoted_pairs(line: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = line;
    std::iter::from_fn(move || {
        loop {
            let start = rest.find('"')?;
            let after = rest.get(start + 1..)?;
            let end = string_end(after)?;
            let key = after.get(..end)?;
            rest = after.get(end + 1..)?;
            let Some(colon) = rest.trim_start().strip_prefix(':') else { continue };
            let Some(quoted) = colon.trim_start().strip_prefix('"') else {
                rest = colon;
                continue;
            };
            let value_end = string_end(quoted)?;
            let value = quoted.get(..value_end)?;
            rest = quoted.get(value_end + 1..)?;
            return Some((key, value));
        }
    })
}

/// Where a JSON string's closing quote is, in the text after its opening one.
fn string_end(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => return Some(i),
            _ => {}
        }
    }
    None
}

/// Only the token formats (no name-based guesses): for decoded binary data.
#[must_use]
pub fn scan_formats(value: &str) -> Vec<Detection> {
    dedup(formats(value))
}

fn dedup(mut out: Vec<Detection>) -> Vec<Detection> {
    out.sort_by(|a, b| {
        b.kind.severity().cmp(&a.kind.severity()).then(a.kind.cmp(&b.kind)).then(a.line.cmp(&b.line))
    });
    out.dedup_by(|a, b| a.kind == b.kind && a.line == b.line);
    out
}

/// Token formats recognisable without a name.
fn formats(value: &str) -> Vec<Detection> {
    let mut out = Vec::new();
    if has_private_key(value) {
        out.push(Detection::new(Kind::PrivateKey));
    }
    out.extend(line_formats(value));
    out
}

/// Token formats that fit on one line.
fn line_formats(value: &str) -> Vec<Detection> {
    let mut out: Vec<Detection> = tokens(value)
        .into_iter()
        .map(|(kind, hint)| Detection { kind, hint, under: None, line: None })
        .collect();
    if url_password(value) {
        out.push(Detection::new(Kind::UrlPassword));
    }
    out
}

// ---- format detectors ----

/// `-----BEGIN … PRIVATE KEY-----` (RSA, EC, DSA, OPENSSH, PKCS#8, ENCRYPTED, PGP … BLOCK)
/// followed by key material.
fn has_private_key(value: &str) -> bool {
    let mut rest = value;
    while let Some(i) = rest.find("-----BEGIN ") {
        let after = &rest[i + 11..];
        let Some(end) = after.find("-----") else { return false };
        let label = &after[..end];
        if label.len() <= 40 && !label.contains('\n') && label.contains("PRIVATE KEY") {
            let body = &after[end + 5..];
            let body = body.find("-----END").map_or(body, |e| &body[..e]);
            let material =
                body.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '+' || *c == '/').count();
            if material >= 16 {
                return true;
            }
        }
        rest = &after[end..];
    }
    false
}

/// AWS access key id prefixes (long-term, temporary, and other credential key ids).
const AWS_KEY_PREFIXES: &[&str] = &["AKIA", "ASIA", "ABIA", "ACCA"];
/// AWS unique id prefixes that name IAM users, roles, groups, policies, not credentials.
const AWS_ID_PREFIXES: &[&str] = &["AIDA", "AROA", "AGPA", "AIPA", "ANPA", "ANVA", "APKA"];

/// What an AWS-shaped word is: `Some(true)` an access key id, `Some(false)` another IAM id.
#[must_use]
pub fn aws_id(word: &str) -> Option<bool> {
    if word.len() != 20 || !word.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return None;
    }
    let prefix = &word[..4];
    if AWS_KEY_PREFIXES.contains(&prefix) {
        Some(true)
    } else if AWS_ID_PREFIXES.contains(&prefix) {
        Some(false)
    } else {
        None
    }
}

/// The shortest word [`tokens`] can find a token in: a Slack token (`xoxb-` and 10 more); an
/// AWS key id is 20 bytes, a GitHub token 33 or more, a JWT 38 or more.
const MIN_TOKEN: usize = 15;

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.'
}

/// Token-shaped words: AWS key ids, GitHub, Slack, JWT.
fn tokens(value: &str) -> Vec<(Kind, Option<String>)> {
    let mut out = Vec::new();
    for word in value.split(|c: char| !c.is_ascii() || !is_word_byte(c as u8)) {
        if word.is_empty() {
            continue;
        }
        for part in word.split(['.', '-']).chain([word]) {
            if aws_id(part) == Some(true) && !is_placeholder(part) {
                out.push((Kind::AwsAccessKeyId, Some(part[..4].to_string())));
            }
        }
        if let Some(prefix) = github(word) {
            out.push((Kind::GithubToken, Some(prefix.to_string())));
        }
        if let Some(prefix) = slack(word) {
            out.push((Kind::SlackToken, Some(prefix.to_string())));
        }
        if is_jwt(word) {
            out.push((Kind::Jwt, None));
        }
    }
    out
}

/// GitHub tokens: `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` + 36 alphanumerics; `github_pat_` + 22
/// or more of `[A-Za-z0-9_]`.
fn github(word: &str) -> Option<&'static str> {
    for prefix in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.len() >= 36
            && rest.bytes().take(36).all(|b| b.is_ascii_alphanumeric())
        {
            return Some(prefix);
        }
    }
    let rest = word.strip_prefix("github_pat_")?;
    (rest.len() >= 22 && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .then_some("github_pat_")
}

/// Slack tokens: `xoxb-`, `xoxa-`, `xoxp-`, `xoxr-`, `xoxs-` + at least 10 of `[A-Za-z0-9-]`.
fn slack(word: &str) -> Option<&'static str> {
    for prefix in ["xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"] {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.len() >= 10
            && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !is_placeholder(rest)
        {
            return Some(prefix);
        }
    }
    None
}

/// A signed JWT: three base64url parts, the header a JSON object naming `alg` or `typ`, and a
/// signature (unsigned `alg: none` tokens are not credentials).
fn is_jwt(word: &str) -> bool {
    let mut parts = word.split('.');
    let (Some(h), Some(p), Some(s), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let b64url = |x: &str| x.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !h.starts_with("eyJ")
        || h.len() < 10
        || p.len() < 10
        || s.len() < 16
        || !(b64url(h) && b64url(p) && b64url(s))
    {
        return false;
    }
    let standard: String = h
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    decode_base64(&standard).is_some_and(|bytes| {
        let text = String::from_utf8_lossy(&bytes);
        text.contains("\"alg\"") || text.contains("\"typ\"")
    })
}

/// `scheme://user:password@host` with a real (non-placeholder) password.
fn url_password(value: &str) -> bool {
    let mut rest = value;
    while let Some(i) = rest.find("://") {
        let after = &rest[i + 3..];
        let authority_end = after
            .find(|c: char| c == '/' || c == '?' || c == '#' || c.is_whitespace())
            .unwrap_or(after.len());
        let authority = &after[..authority_end];
        if let Some(at) = authority.rfind('@')
            && let Some((_, password)) = authority[..at].split_once(':')
            && !password.is_empty()
            && !is_placeholder(password)
        {
            return true;
        }
        rest = after;
    }
    false
}

// ---- names ----

/// Words in a name: camelCase, acronyms and separators split, lowercased.
/// `dbPassword` → `[db, password]`, `APIKey` → `[api, key]`, `aws.secret-key` → `[aws, secret, key]`.
#[must_use]
pub fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_char: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        let prev = prev_char.replace(c);
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if c.is_uppercase()
            && !cur.is_empty()
            && let Some(prev) = prev
        {
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Last words that make a name about a secret rather than the secret itself.
const METADATA_WORDS: &[&str] = &[
    "file",
    "files",
    "path",
    "dir",
    "directory",
    "url",
    "uri",
    "endpoint",
    "host",
    "hostname",
    "port",
    "name",
    "names",
    "ref",
    "reference",
    "id",
    "ids",
    "arn",
    "ttl",
    "expiry",
    "expires",
    "expiration",
    "lifetime",
    "timeout",
    "duration",
    "interval",
    "period",
    "length",
    "len",
    "size",
    "count",
    "min",
    "max",
    "type",
    "kind",
    "mode",
    "enabled",
    "enable",
    "disabled",
    "disable",
    "required",
    "policy",
    "version",
    "format",
    "header",
    "location",
    "source",
    "provider",
    "store",
    "manager",
    "namespace",
    "mount",
    "volume",
    "field",
    "label",
    "prefix",
    "suffix",
    "algorithm",
    "algo",
    "rotation",
    "audience",
    "issuer",
    "scope",
    "scopes",
    "hash",
    "salt",
    "method",
    "strategy",
    "env",
    "var",
];

/// The generic kind a credential-like name implies, if it is one.
#[must_use]
pub fn credential_name(name: &str) -> Option<Kind> {
    let w = words(name);
    let last = w.last()?;
    if METADATA_WORDS.contains(&last.as_str()) {
        return None;
    }
    // The instance metadata option (`HttpTokens`, `http_tokens`: `optional` or `required`)
    // names a setting, not a token.
    if w == ["http", "tokens"] {
        return None;
    }
    let has = |x: &str| w.iter().any(|s| s == x);
    let pair = |a: &str, b: &str| w.windows(2).any(|p| matches!(p, [x, y] if x == a && y == b));
    if ["password", "passwd", "pwd", "pass", "passphrase", "passcode"].iter().any(|x| has(x))
        || w.iter().any(|s| s.ends_with("password"))
    {
        Some(Kind::Password)
    } else if has("apikey") || pair("api", "key") {
        Some(Kind::ApiKey)
    } else if has("token") || has("tokens") || w.iter().any(|s| s.ends_with("token")) {
        Some(Kind::Token)
    } else if ["secret", "credentials", "credential", "creds", "privatekey", "accesskey", "secretkey"]
        .iter()
        .any(|x| has(x))
        || pair("private", "key")
        || pair("access", "key")
        || pair("signing", "key")
        || pair("encryption", "key")
        || pair("master", "key")
        || pair("auth", "key")
    {
        Some(Kind::Secret)
    } else {
        None
    }
}

/// Whether a name is one AWS uses for the secret access key.
pub(crate) fn aws_secret_name(name: &str) -> bool {
    let w = words(name);
    let has = |x: &str| w.iter().any(|s| s == x);
    has("secret") && (has("aws") || has("access"))
}

/// 40 characters of `[A-Za-z0-9/+]`, mixing letters and digits.
pub(crate) fn aws_secret_shape(value: &str) -> bool {
    value.len() == 40
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'+')
        && value.bytes().any(|b| b.is_ascii_digit())
        && value.bytes().any(|b| b.is_ascii_alphabetic())
}

/// The kind of a secret stored under a credential-like name, if the value looks like one.
fn named(name: &str, value: &str) -> Option<Kind> {
    let kind = credential_name(name)?;
    let v = value.trim();
    if nsswitch_sources(name, v) || is_algorithm(v) {
        return None;
    }
    if !looks_secret(v) {
        return None;
    }
    if aws_secret_name(name) && aws_secret_shape(v) {
        return Some(Kind::AwsSecretAccessKey);
    }
    Some(kind)
}

/// Lookup sources of glibc's Name Service Switch (`nsswitch.conf(5)`), and the services
/// distributions ship for it.
const NSS_SOURCES: &[&str] = &[
    "files",
    "compat",
    "db",
    "dns",
    "nis",
    "nisplus",
    "hesiod",
    "ldap",
    "sss",
    "systemd",
    "winbind",
    "wins",
    "mymachines",
    "myhostname",
    "resolve",
    "altfiles",
    "cache",
    "extrausers",
    "mdns",
    "mdns4",
    "mdns4_minimal",
    "mdns6",
    "mdns_minimal",
];

/// The databases `nsswitch.conf(5)` configures.
const NSS_DATABASES: &[&str] = &[
    "aliases",
    "ethers",
    "group",
    "gshadow",
    "hosts",
    "initgroups",
    "netgroup",
    "networks",
    "passwd",
    "protocols",
    "publickey",
    "rpc",
    "services",
    "shadow",
    "automount",
    "sudoers",
];

/// Whether a value lists `nsswitch.conf` lookup sources and actions: `files systemd`,
/// `compat [NOTFOUND=return] sss`.
fn nss_sources(value: &str) -> bool {
    !value.is_empty()
        && value
            .split_whitespace()
            .all(|w| NSS_SOURCES.contains(&w) || (w.starts_with('[') && w.ends_with(']') && w.contains('=')))
}

/// An `nsswitch.conf` line for a user or group database on its own (a ConfigMap key `passwd`
/// whose value is `files systemd`).
fn nsswitch_sources(name: &str, value: &str) -> bool {
    ["passwd", "shadow", "gshadow"].contains(&name) && nss_sources(value)
}

/// Names of hashing, key-derivation and signing algorithms: the value of a setting that chooses
/// one (`password_encryption = scram-sha-256`, `PASSWORD_HASHER: bcrypt`), never a credential.
const ALGORITHMS: &[&str] = &[
    "md5",
    "sha1",
    "sha256",
    "sha384",
    "sha512",
    "sha-256",
    "sha-512",
    "scram-sha-256",
    "bcrypt",
    "scrypt",
    "argon2",
    "argon2i",
    "argon2d",
    "argon2id",
    "pbkdf2",
    "pbkdf2-sha256",
    "pbkdf2_sha256",
    "crypt",
    "yescrypt",
    "plain",
    "plaintext",
    "hs256",
    "hs384",
    "hs512",
    "rs256",
    "rs384",
    "rs512",
    "es256",
    "es384",
    "es512",
    "ps256",
    "eddsa",
];

/// Whether a value is an algorithm's name ([`ALGORITHMS`], any case).
fn is_algorithm(value: &str) -> bool {
    ALGORITHMS.contains(&value.to_ascii_lowercase().as_str())
}

/// The syntax of an embedded configuration file, recognised before any of its values is called
/// a credential: in these, keys that look like credential names hold settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// glibc's Name Service Switch (`nsswitch.conf`): `database: sources`, where `passwd`,
    /// `shadow` and `gshadow` name user databases, not passwords.
    NameService,
    /// The colon-separated account databases `/etc/passwd` and `/etc/group`
    /// (`name:password:id:…`), whose password field is a marker (`x`, `*`, `!`): the hashes live
    /// in `/etc/shadow`.
    AccountDatabase,
    /// PostgreSQL's `postgresql.conf`: `password_encryption` names an algorithm.
    Postgres,
    /// Anything else: `name = value` lines are read as names and values.
    Other,
}

impl Syntax {
    /// Recognises a file by its name (the ConfigMap key, any directory stripped) or, failing
    /// that, by its lines: every meaningful line must have the shape (at least two of them).
    pub(crate) fn of(name: Option<&str>, text: &str) -> Self {
        let base = name.map(|n| n.rsplit('/').next().unwrap_or(n).to_ascii_lowercase()).unwrap_or_default();
        match base.as_str() {
            "nsswitch.conf" => return Self::NameService,
            "passwd" | "group" => return Self::AccountDatabase,
            "postgresql.conf" | "postgresql.auto.conf" => return Self::Postgres,
            _ => {}
        }
        let lines: Vec<&str> =
            text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let all = |f: &dyn Fn(&str) -> bool| lines.len() >= 2 && lines.iter().all(|l| f(l));
        // Every line `database: sources` (sources named like services: `files`, `ldap_site`,
        // `[NOTFOUND=return]`), and some source one that glibc or a distribution ships.
        let nss_shaped = all(&|l| {
            sources(l).is_some_and(|(db, rest)| {
                NSS_DATABASES.contains(&db)
                    && !rest.trim().is_empty()
                    && rest.split_whitespace().all(|w| {
                        w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                            || (w.starts_with('[') && w.ends_with(']') && w.contains('='))
                    })
            })
        });
        let known_source = lines
            .iter()
            .filter_map(|l| sources(l))
            .any(|(_, rest)| rest.split_whitespace().any(|w| NSS_SOURCES.contains(&w)));
        if nss_shaped && known_source {
            Self::NameService
        } else if all(&account_line) {
            Self::AccountDatabase
        } else {
            Self::Other
        }
    }

    /// Whether the value under `key` in a line of this syntax is a setting rather than a possible
    /// credential.
    pub(crate) fn is_setting(self, key: &str) -> bool {
        match self {
            Self::NameService | Self::AccountDatabase => true,
            Self::Postgres => key == "password_encryption",
            Self::Other => false,
        }
    }
}

/// A `database: sources # comment` line, split.
fn sources(line: &str) -> Option<(&str, &str)> {
    line.split_once(':').map(|(db, rest)| (db.trim(), rest.split('#').next().unwrap_or("")))
}

/// A line of `/etc/passwd` (7 fields) or `/etc/group` (4 fields): a name, a password marker, a
/// numeric id.
fn account_line(line: &str) -> bool {
    let fields: Vec<&str> = line.split(':').collect();
    matches!(fields.len(), 4 | 7)
        && fields.first().is_some_and(|n| !n.is_empty() && !n.contains(char::is_whitespace))
        && fields.get(1).is_some_and(|p| ["x", "*", "!", "!!", ""].contains(p))
        && fields.get(2).is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a value under a credential name looks like a real secret (see the module header).
#[must_use]
pub fn looks_secret(v: &str) -> bool {
    v.chars().count() >= 3
        && !v.contains('\n')
        && v.split_whitespace().count() <= 2
        && !v.bytes().all(|b| b.is_ascii_digit())
        && !is_placeholder(v)
}

/// Placeholder, reference, template or path: not a secret (see the module header).
#[must_use]
pub fn is_placeholder(v: &str) -> bool {
    let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
    if v.is_empty() {
        return true;
    }
    let lower = v.to_ascii_lowercase();
    // References and templates.
    if ["${", "$(", "{{", "#{", "%{"].iter().any(|m| v.contains(m)) {
        return true;
    }
    if let Some(rest) = v.strip_prefix('$')
        && rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    {
        return true;
    }
    let wrapped = |a: &str, b: &str| v.len() > a.len() + b.len() && v.starts_with(a) && v.ends_with(b);
    if wrapped("<", ">")
        || wrapped("__", "__")
        || wrapped("@", "@")
        || (wrapped("[", "]") && !v.contains(','))
    {
        return true;
    }
    // Paths and secret-store references.
    if ["/", "./", "../", "~/", "file:", "arn:", "vault:", "ref+", "ssm:", "secretsmanager:"]
        .iter()
        .any(|p| lower.starts_with(p))
        && !v.contains(char::is_whitespace)
    {
        return true;
    }
    let b = v.as_bytes();
    if let [drive, b':', b'\\', _, ..] = b
        && drive.is_ascii_alphabetic()
    {
        return true;
    }
    if let Some(i) = v.find("://")
        && i > 0
        && !v.contains(char::is_whitespace)
        && !url_password(v)
    {
        return true;
    }
    // Words that stand for a value to fill in.
    let alnum: String = lower.chars().filter(char::is_ascii_alphanumeric).collect();
    const WORDS: &[&str] = &[
        "changeme",
        "changeit",
        "changethis",
        "replaceme",
        "placeholder",
        "redacted",
        "example",
        "sample",
        "dummy",
        "fake",
        "todo",
        "tbd",
        "fixme",
        "none",
        "null",
        "nil",
        "undefined",
        "notset",
        "unset",
        "empty",
        "na",
        "string",
        "value",
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
        "enabled",
        "disabled",
        "required",
        "optional",
        "yoursecret",
        "yourpassword",
        "yourtoken",
        "yourapikey",
        "insertpasswordhere",
    ];
    if WORDS.contains(&alnum.as_str()) {
        return true;
    }
    if [
        "changeme",
        "change_me",
        "change-me",
        "replace_me",
        "replace-me",
        "replaceme",
        "example",
        "your_",
        "your-",
        "placeholder",
    ]
    .iter()
    .any(|m| lower.contains(m))
    {
        return true;
    }
    // One repeated character: `xxx`, `****`, `0000`.
    let mut chars = lower.chars();
    let first = chars.next();
    first.is_some() && chars.all(|c| Some(c) == first)
}

/// Byte ranges of `line` that hold a credential, read from the raw text (for excerpts of files
/// that could not be parsed, and whichever rules run): the value after a credential-like key in
/// every form a line can hold it (`password: x`, `{"password":"x"}`, `{password: x, …}`,
/// `AWS_SECRET_ACCESS_KEY=x`), the `value` beside a credential-like `name` (on this line or,
/// for a block list item, on `previous`), and token-shaped words (AWS key ids, GitHub, Slack,
/// JWT) anywhere.
#[must_use]
pub fn credential_ranges(previous: Option<&str>, line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let text = |r: &Range<usize>, l: &str| l.get(r.clone()).unwrap_or_default().to_string();
    // A `- name: DB_PASSWORD` item above makes this line's `value:` a credential.
    let mut named_credential = previous.is_some_and(|p| {
        key_values(p).into_iter().any(|(k, v)| k == "name" && credential_name(&text(&v, p)).is_some())
    });
    for (key, value) in key_values(line) {
        if value.is_empty() {
            continue;
        }
        if key == "name" {
            named_credential = credential_name(&text(&value, line)).is_some();
            continue;
        }
        // A boolean, a number or a reference is a setting, never the secret itself.
        let shown = text(&value, line);
        let setting = matches!(shown.as_str(), "true" | "false" | "null" | "~")
            || shown.bytes().all(|b| b.is_ascii_digit())
            || is_placeholder(&shown);
        if !setting && (credential_name(key).is_some() || (key == "value" && named_credential)) {
            out.push(value);
        }
    }
    out.extend(token_ranges(line));
    out
}

/// Byte ranges of token-shaped words (AWS access key ids, GitHub, Slack, JWT) in any text.
#[must_use]
pub fn token_ranges(text: &str) -> Vec<Range<usize>> {
    // Shorter words hold no token: messages are mostly such words, and skipping them keeps
    // masking cheap (every finding's message is masked, at each admission review too).
    let mut out = Vec::new();
    let mut start = None;
    for (i, b) in text.bytes().chain([b' ']).enumerate() {
        match (start, is_word_byte(b)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                if i - s >= MIN_TOKEN && text.get(s..i).is_some_and(|w| !tokens(w).is_empty()) {
                    out.push(s..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// `text` with every token-shaped word (see [`token_ranges`]) replaced by `***`: for messages,
/// which quote names and values from the input.
#[must_use]
pub fn mask_tokens(text: &str) -> Option<String> {
    let ranges = token_ranges(text);
    if ranges.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in ranges {
        out.push_str(text.get(at..r.start).unwrap_or_default());
        out.push_str("***");
        at = r.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    Some(out)
}

/// The `key` → value byte range pairs of one line, in any of YAML's block and flow forms, JSON,
/// and `KEY=value`. Values that open a collection are left out (their scalars come as pairs of
/// their own).
fn key_values(line: &str) -> Vec<(&str, Range<usize>)> {
    let at = |i: usize| line.as_bytes().get(i).copied();
    let is_key_byte = |b: u8| b.is_ascii_alphanumeric() || b"_-./".contains(&b);
    let len = line.len();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(first) = at(i) {
        let quote = matches!(first, b'"' | b'\'').then_some(first);
        let key_start = i + usize::from(quote.is_some());
        let mut j = key_start;
        while at(j).is_some_and(is_key_byte) {
            j += 1;
        }
        let glued = i > 0 && at(i - 1).is_some_and(is_key_byte);
        if j == key_start || glued {
            i = j.max(i + 1);
            continue;
        }
        let key = line.get(key_start..j).unwrap_or_default();
        let mut k = j;
        if let Some(q) = quote {
            if at(k) != Some(q) {
                i = j.max(i + 1);
                continue;
            }
            k += 1;
        }
        let equals = at(k) == Some(b'=') && quote.is_none();
        while !equals && at(k) == Some(b' ') {
            k += 1;
        }
        if !(equals || at(k) == Some(b':')) {
            i = j.max(i + 1);
            continue;
        }
        k += 1;
        // `a:b` is a plain scalar in YAML, not a key (URLs, `image: x:1`).
        if !equals && quote.is_none() && at(k).is_some_and(|b| !b" \t\"'".contains(&b)) {
            i = k;
            continue;
        }
        while matches!(at(k), Some(b' ' | b'\t')) {
            k += 1;
        }
        let (value, next) = match at(k) {
            Some(q @ (b'"' | b'\'')) => {
                let end = line.get(k + 1..).and_then(|r| r.find(q as char)).map_or(len, |e| k + 1 + e);
                (k + 1..end, end + 1)
            }
            None | Some(b'{' | b'[' | b'|' | b'>' | b'&' | b'*' | b'!') => (k..k, k + 1),
            Some(_) => {
                let stop: &[u8] = if equals { b" \t\"'" } else { b",}]" };
                let rest = line.get(k..).unwrap_or_default();
                let end =
                    rest.find(|c: char| c.is_ascii() && stop.contains(&(c as u8))).map_or(len, |e| k + e);
                let end = line.get(k..end).and_then(|v| v.find(" #")).map_or(end, |e| k + e);
                let trimmed = line.get(k..end).map_or(0, |v| v.trim_end().len());
                (k..k + trimmed, end)
            }
        };
        out.push((key, value));
        i = next.max(i + 1);
    }
    out
}

/// A `name = value` / `name: value` / `"name": "value"` line of an embedded file.
pub(crate) fn assignment(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    let line = line.strip_prefix("export ").unwrap_or(line).trim_start_matches("- ");
    if line.starts_with('#') || line.starts_with("//") || line.starts_with(';') {
        return None;
    }
    let i = line.find(['=', ':'])?;
    let name = line[..i].trim().trim_matches(|c| c == '"' || c == '\'');
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b)) {
        return None;
    }
    let value = line[i + 1..].trim().trim_end_matches(',').trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(value);
    Some((name, value))
}

/// Decodes standard base64 (padding optional, whitespace ignored); `None` when not base64.
#[must_use]
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut padding = false;
    for b in text.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                padding = true;
                continue;
            }
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return None,
        };
        if padding {
            return None;
        }
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            #[allow(clippy::cast_possible_truncation)]
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (bits < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Test values are assembled at run time so the source holds no complete token.
    fn akia() -> String {
        format!("AKIA{}", "Q3ZT7XK2M4PLR9WB")
    }
    fn aws_secret() -> String {
        format!("{}{}", "k7Qz2Lm9Xv4Tp8Rw1Ns6", "Yb3Hc5Jd0Fg7Ka2Pe9Ui")
    }

    #[test]
    fn the_imds_option_is_not_a_credential_name() {
        for name in ["HttpTokens", "http_tokens", "httpTokens"] {
            assert_eq!(credential_name(name), None, "{name}");
            assert!(credential_ranges(None, &format!("{name}: optional")).is_empty(), "{name}");
        }
        assert_eq!(credential_name("githubTokens"), Some(Kind::Token));
    }

    fn kinds(name: Option<&str>, value: &str) -> Vec<Kind> {
        scan(name, value).into_iter().map(|d| d.kind).collect()
    }

    #[test]
    fn aws_access_key_ids() {
        let d = scan(Some("SOMETHING"), &akia());
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, Kind::AwsAccessKeyId);
        assert_eq!(d[0].hint.as_deref(), Some("AKIA"));
        assert_eq!(d[0].describe(), "an AWS access key id (AKIA…)");
        assert_eq!(kinds(None, &format!("key={} rest", akia())), vec![Kind::AwsAccessKeyId]);
        assert_eq!(kinds(None, &akia().replacen("AKIA", "ASIA", 1)), vec![Kind::AwsAccessKeyId]);
        // IAM user/role ids are identifiers, not credentials.
        assert_eq!(aws_id(&akia().replacen("AKIA", "AROA", 1)), Some(false));
        assert!(kinds(None, &akia().replacen("AKIA", "AIDA", 1)).is_empty());
        // Too long, too short, lowercase, or the documented example are not keys.
        assert!(kinds(None, &format!("{}X", akia())).is_empty());
        assert!(kinds(None, &akia()[..19]).is_empty());
        assert!(kinds(None, &akia().to_lowercase()).is_empty());
        assert!(kinds(None, "AKIAIOSFODNN7EXAMPLE").is_empty());
    }

    #[test]
    fn aws_secret_access_keys_need_their_name() {
        assert_eq!(kinds(Some("AWS_SECRET_ACCESS_KEY"), &aws_secret()), vec![Kind::AwsSecretAccessKey]);
        assert_eq!(kinds(Some("awsSecretKey"), &aws_secret()), vec![Kind::AwsSecretAccessKey]);
        assert!(kinds(Some("CHECKSUM"), &aws_secret()).is_empty());
        // A credential name with another shape is a generic secret.
        assert_eq!(kinds(Some("AWS_SECRET_ACCESS_KEY"), "short-but-real-9"), vec![Kind::Secret]);
    }

    #[test]
    fn private_keys() {
        let pem = format!(
            "-----BEGIN RSA PRIVATE KEY-----\n{}\n{}\n-----END RSA PRIVATE KEY-----\n",
            "MIIEowIBAAKCAQEAx8sd7f9a0bQ2", "Zk1m2n3o4p5q6r7s8t9u0v"
        );
        assert_eq!(kinds(Some("tls.key"), &pem), vec![Kind::PrivateKey]);
        let openssh = pem.replace("RSA PRIVATE KEY", "OPENSSH PRIVATE KEY");
        assert_eq!(kinds(None, &openssh), vec![Kind::PrivateKey]);
        // Public keys, certificates and empty blocks are not.
        assert!(kinds(None, &pem.replace("PRIVATE", "PUBLIC")).is_empty());
        assert!(kinds(None, &pem.replace("RSA PRIVATE KEY", "CERTIFICATE")).is_empty());
        assert!(kinds(None, "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----").is_empty());
    }

    #[test]
    fn github_slack_and_jwt() {
        let gh = format!("ghp_{}", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8");
        let d = scan(None, &gh);
        assert_eq!((d[0].kind, d[0].hint.as_deref()), (Kind::GithubToken, Some("ghp_")));
        assert_eq!(
            kinds(None, &format!("github_pat_{}", "11ABCDEFG0123456789_abcdefghijkl")),
            vec![Kind::GithubToken]
        );
        assert!(kinds(None, "ghp_short").is_empty());
        assert_eq!(kinds(None, &format!("xoxb-{}", "1234567890-abcdefghij")), vec![Kind::SlackToken]);
        assert!(kinds(None, "xoxb-xxxxxxxxxxxxxxxx").is_empty());
        // The shortest token masking looks for, and one byte less.
        assert_eq!(mask_tokens("key xoxb-a1b2c3d4e5 end").as_deref(), Some("key *** end"));
        assert_eq!(mask_tokens("key xoxb-a1b2c3d4e end"), None);
        // {"alg":"HS256","typ":"JWT"} . {"sub":"1234567890"} . signature
        let jwt = format!(
            "{}.{}.{}",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
            "eyJzdWIiOiIxMjM0NTY3ODkwIn0",
            "dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        );
        assert_eq!(kinds(None, &format!("Bearer {jwt}")), vec![Kind::Jwt]);
        let unsigned = format!("{}.{}.", "eyJhbGciOiJub25lIn0", "eyJzdWIiOiIxMjM0NTY3ODkwIn0");
        assert!(kinds(None, &unsigned).is_empty());
        assert!(kinds(None, "eyJnotbase64atall.eyJabcdefghijk.abcdefghijklmnopq").is_empty());
    }

    #[test]
    fn urls_with_passwords() {
        assert_eq!(
            kinds(Some("DATABASE_URL"), "postgres://app:s3cr3t-pw@db:5432/app"),
            vec![Kind::UrlPassword]
        );
        assert!(kinds(Some("DATABASE_URL"), "postgres://app:${DB_PASSWORD}@db:5432/app").is_empty());
        assert!(kinds(Some("DATABASE_URL"), "postgres://app@db:5432/app").is_empty());
        assert!(kinds(Some("TOKEN_SERVICE"), "https://auth.internal/token").is_empty());
    }

    #[test]
    fn generic_credentials_by_name() {
        assert_eq!(kinds(Some("DB_PASSWORD"), "hunter2hunter2"), vec![Kind::Password]);
        assert_eq!(kinds(Some("dbPass"), "Tr0ub4dor&3"), vec![Kind::Password]);
        assert_eq!(kinds(Some("STRIPE_API_KEY"), "sk_live_abcdef123456"), vec![Kind::ApiKey]);
        assert_eq!(kinds(Some("apiKey"), "abcdef123456"), vec![Kind::ApiKey]);
        assert_eq!(kinds(Some("GITLAB_ACCESS_TOKEN"), "glpat-abcdefghij1234"), vec![Kind::Token]);
        assert_eq!(kinds(Some("client_secret"), "a8f9e7d6c5b4"), vec![Kind::Secret]);
        assert_eq!(kinds(Some("OAUTH_CLIENT_SECRET"), "a8f9e7d6c5b4"), vec![Kind::Secret]);
        assert_eq!(kinds(Some("credentials"), "user:pa55word"), vec![Kind::Secret]);
        assert_eq!(kinds(Some("private_key"), "a8f9e7d6c5b4"), vec![Kind::Secret]);
        // Not credential names.
        for name in [
            "USERNAME",
            "LOG_LEVEL",
            "PASSWORD_FILE",
            "TOKEN_URL",
            "secretName",
            "API_KEY_ID",
            "tokenTTL",
            "KEYBOARD",
            "bypass_cache",
            "compass",
        ] {
            assert!(kinds(Some(name), "abcdef123456").is_empty(), "{name}");
        }
    }

    #[test]
    fn placeholders_and_references_are_not_secrets() {
        for v in [
            "",
            "  ",
            "${DB_PASSWORD}",
            "$DB_PASSWORD",
            "$(DB_PASSWORD)",
            "{{ .Values.password }}",
            "<changeme>",
            "changeme",
            "CHANGE_ME",
            "REPLACE_ME",
            "xxx",
            "xxxxxxxx",
            "********",
            "placeholder",
            "your-password-here",
            "/run/secrets/db-password",
            "./secret.txt",
            "~/.aws/credentials",
            "C:\\secrets\\pw",
            "file:///etc/pw",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
            "vault:secret/data/db#password",
            "ref+awsssm://prod/db",
            "true",
            "false",
            "123456",
            "ab",
            "__PASSWORD__",
            "@db.password@",
            "example-token-value",
            "a much longer sentence that explains a thing",
        ] {
            assert!(kinds(Some("DB_PASSWORD"), v).is_empty(), "{v:?}");
        }
    }

    /// A placeholder is obviously a template; a weak real password is still a password.
    #[test]
    fn weak_real_passwords_are_secrets() {
        for v in ["password", "secret", "sst", "admin", "root", "test", "default", "abc", "mypassword"] {
            assert_eq!(kinds(Some("MYSQL_DB_PASSWORD"), v), vec![Kind::Password], "{v:?}");
        }
    }

    /// `nsswitch.conf` names lookup sources under `passwd` and `shadow`: not credentials.
    #[test]
    fn nsswitch_lines_are_not_passwords() {
        let conf = "passwd:         compat\ngroup:          compat\nshadow:         files [NOTFOUND=return] sss\n\
                    hosts:          files dns\n";
        assert!(scan(Some("nsswitch.conf"), conf).is_empty(), "{:?}", scan(Some("nsswitch.conf"), conf));
        assert!(kinds(Some("passwd"), "files systemd").is_empty());
        // A password under the same name is still one.
        assert_eq!(kinds(Some("passwd"), "Tr0ub4dor&3"), vec![Kind::Password]);
    }

    /// Issue 18 §4: config-file syntaxes are recognised before a value is called a credential,
    /// by the file's name or by its lines.
    #[test]
    fn config_file_syntaxes_are_recognised_before_credentials() {
        // nsswitch.conf under another name, with a source no list knows.
        let nss =
            "passwd: files ldap_local\nshadow: files ldap_local\ngroup: files\nhosts: files dns # dns last\n";
        assert_eq!(Syntax::of(Some("nss"), nss), Syntax::NameService);
        assert!(scan(Some("nss"), nss).is_empty(), "{:?}", scan(Some("nss"), nss));
        assert!(scan(Some("etc/nsswitch.conf"), "passwd: files ldap_local\nx: y\n").is_empty());
        // The same line in an ordinary file is still read as a name and a value.
        let env = "passwd: files ldap_local\nuser: app\n";
        assert_eq!(scan(Some("app.yaml"), env)[0].kind, Kind::Password);
        // /etc/passwd and /etc/group.
        let passwd = "root:x:0:0:root:/root:/bin/bash\npassword:x:1000:1000::/home/password:/bin/sh\n";
        assert_eq!(Syntax::of(Some("users"), passwd), Syntax::AccountDatabase);
        assert!(scan(Some("users"), passwd).is_empty());
        let group = "root:x:0:\npasswd:x:101:app\n";
        assert_eq!(Syntax::of(None, group), Syntax::AccountDatabase);
        // postgresql.conf chooses an algorithm; a real password there is still one.
        let pg = "listen_addresses = '*'\npassword_encryption = scram-sha-256\n";
        assert!(scan(Some("postgresql.conf"), pg).is_empty());
        assert!(kinds(Some("password_encryption"), "md5").is_empty());
        assert!(kinds(Some("PASSWORD_HASHER"), "bcrypt").is_empty());
        assert!(kinds(Some("JWT_SECRET"), "HS256").is_empty());
        let pg = "password_encryption = scram-sha-256\nsuperuser_password = Tr0ub4dor&3\n";
        assert_eq!(scan(Some("postgresql.conf"), pg)[0].line, Some(2));
    }

    #[test]
    fn embedded_files() {
        let ini = format!(
            "[default]\naws_access_key_id = {}\naws_secret_access_key = {}\nregion = eu-west-1\n",
            akia(),
            aws_secret()
        );
        let d = scan(Some("credentials"), &ini);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].kind, Kind::AwsAccessKeyId);
        assert_eq!(d[0].line, Some(2));
        assert_eq!(d[1].kind, Kind::AwsSecretAccessKey);
        assert_eq!((d[1].line, d[1].under.as_deref()), (Some(3), Some("aws_secret_access_key")));
        assert_eq!(d[1].describe(), "an AWS secret access key (line 3, under \"aws_secret_access_key\")");

        let props = "db.url=jdbc:postgresql://db/app\ndb.password=s3cr3tValue\n# api.token=commented-out\n";
        let d = scan(Some("application.properties"), props);
        assert_eq!(d.iter().map(|d| d.kind).collect::<Vec<_>>(), vec![Kind::Password]);
        let json = "{\n  \"user\": \"app\",\n  \"password\": \"${PASSWORD}\"\n}\n";
        assert!(scan(Some("config.json"), json).is_empty());
        let yaml = "database:\n  host: db\n  password: hunter2hunter2\n";
        assert_eq!(scan(Some("app.yaml"), yaml)[0].kind, Kind::Password);
    }

    #[test]
    fn names_split_into_words() {
        assert_eq!(words("dbPassword"), ["db", "password"]);
        assert_eq!(words("APIKey"), ["api", "key"]);
        assert_eq!(words("AWS_SECRET_ACCESS_KEY"), ["aws", "secret", "access", "key"]);
        assert_eq!(words("example.com/api-token"), ["example", "com", "api", "token"]);
        assert_eq!(words("oauth2ClientSecret"), ["oauth2", "client", "secret"]);
    }

    #[test]
    fn base64_decoding() {
        assert_eq!(decode_base64("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(decode_base64("aGVsbG8").as_deref(), Some(&b"hello"[..]));
        assert_eq!(decode_base64("aGVs\nbG8=\n").as_deref(), Some(&b"hello"[..]));
        assert_eq!(decode_base64("").as_deref(), Some(&b""[..]));
        assert!(decode_base64("not base64!").is_none());
        assert!(decode_base64("aGVsbG8=x").is_none());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(name in "\\PC{0,20}", value in "\\PC{0,200}") {
            let _ = scan(Some(&name), &value);
            let _ = scan_formats(&value);
            let _ = decode_base64(&value);
            let _ = is_placeholder(&value);
        }
    }
}
