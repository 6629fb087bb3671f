//! Container image references (`registry[:port]/path[:tag][@algorithm:digest]`), parsed the way
//! container runtimes read them, so image rules agree on what is a tag, a digest or a registry.
//! A string that is not a valid reference (empty, templated, malformed) parses to `None` and is
//! left alone by rules: unknown is not insecure.

/// A parsed image reference; every part borrows from the original string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageRef<'a> {
    /// The registry host (with port), when the first path component names one.
    pub registry: Option<&'a str>,
    /// The repository path without registry, tag or digest (`library/nginx`, `app`).
    pub repository: &'a str,
    pub tag: Option<&'a str>,
    /// The digest with its algorithm (`sha256:…`).
    pub digest: Option<&'a str>,
}

/// Why an image reference can change content without the manifest changing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MutableTag {
    /// No tag and no digest: the runtime pulls `:latest`.
    Missing,
    /// The `latest` tag.
    Latest,
}

/// Why a text is not an image reference a container runtime can pull (the kubelet refuses it
/// with `InvalidImageName`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Malformed {
    /// The text is empty.
    Empty,
    /// A character no reference may hold (a space, `$`, `{`, an uppercase letter in the
    /// repository path, …).
    Character(char),
    /// `@` with nothing after it, or an algorithm with no encoded digest (`nginx@sha256:`).
    EmptyDigest,
    /// A digest that is not `algorithm:encoded` as the OCI image spec writes it: for `sha256`
    /// 64 hexadecimal digits, for `sha512` 128.
    Digest(String),
    /// `:` with no tag after it, or a tag that is not `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
    Tag(String),
    /// An empty path component (`/app`, `a//b`, `host:5000/`) or one with characters a
    /// repository path does not allow.
    Repository(String),
    /// A registry host or port that cannot be one (`:5000/app`).
    Registry(String),
}

impl Malformed {
    /// What is wrong, as a message (`the digest `sha256:abc` is not 64 hexadecimal digits`).
    #[must_use]
    pub fn msg(&self) -> crate::i18n::Msg {
        match self {
            Self::Empty => crate::msg!("image-malformed-empty"),
            Self::Character(c) => {
                crate::msg!("image-malformed-character", character = c.escape_debug().to_string())
            }
            Self::EmptyDigest => crate::msg!("image-malformed-empty-digest"),
            Self::Digest(d) => match d.split_once(':') {
                Some(("sha256", _)) => {
                    crate::msg!("image-malformed-digest-hex", digest = d.as_str(), digits = 64)
                }
                Some(("sha512", _)) => {
                    crate::msg!("image-malformed-digest-hex", digest = d.as_str(), digits = 128)
                }
                _ => crate::msg!("image-malformed-digest", digest = d.as_str()),
            },
            Self::Tag(t) if t.is_empty() => crate::msg!("image-malformed-empty-tag"),
            Self::Tag(t) => crate::msg!("image-malformed-tag", tag = t.as_str()),
            Self::Repository(r) => crate::msg!("image-malformed-repository", repository = r.as_str()),
            Self::Registry(r) => crate::msg!("image-malformed-registry", registry = r.as_str()),
        }
    }
}

impl<'a> ImageRef<'a> {
    /// Parses a reference; `None` when the text is not a valid image reference.
    #[must_use]
    pub fn parse(text: &'a str) -> Option<Self> {
        Self::check(text).ok()
    }

    /// Parses a reference, or says why the text is not one.
    pub fn check(text: &'a str) -> Result<Self, Malformed> {
        if text.is_empty() {
            return Err(Malformed::Empty);
        }
        if let Some(c) = text.chars().find(|&c| !is_reference_char(c)) {
            return Err(Malformed::Character(c));
        }
        let (name, digest) = match text.split_once('@') {
            Some((n, d)) => (n, Some(d)),
            None => (text, None),
        };
        if let Some(d) = digest {
            if d.is_empty() || d.ends_with(':') {
                return Err(Malformed::EmptyDigest);
            }
            if !is_digest(d) {
                return Err(Malformed::Digest(d.to_string()));
            }
        }
        // A tag is a `:` after the last `/`; a `:` before it belongs to a registry port.
        let last_slash = name.rfind('/').map_or(0, |i| i + 1);
        let (path, tag) = match name.get(last_slash..).and_then(|last| last.rfind(':')) {
            Some(i) => (
                name.get(..last_slash + i).unwrap_or_default(),
                Some(name.get(last_slash + i + 1..).unwrap_or_default()),
            ),
            None => (name, None),
        };
        if let Some(t) = tag.filter(|t| !is_tag(t)) {
            return Err(Malformed::Tag(t.to_string()));
        }
        let (registry, repository) = match path.split_once('/') {
            Some((first, rest)) if first.contains(['.', ':']) || first == "localhost" => (Some(first), rest),
            _ => (None, path),
        };
        if let Some(r) = registry.filter(|r| !is_registry(r)) {
            return Err(Malformed::Registry(r.to_string()));
        }
        if let Some(c) = repository.chars().find(char::is_ascii_uppercase) {
            return Err(Malformed::Character(c));
        }
        let components_ok = repository.split('/').all(|c| {
            !c.is_empty()
                && c.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || "._-".contains(ch))
        });
        if !components_ok {
            return Err(Malformed::Repository(repository.to_string()));
        }
        Ok(Self { registry, repository, tag, digest })
    }

    /// Whether the image is pinned to content by a digest.
    #[must_use]
    pub fn is_pinned(&self) -> bool {
        self.digest.is_some()
    }

    /// Whether the reference names a moving target: no tag, or `latest`, and no digest.
    #[must_use]
    pub fn mutable_tag(&self) -> Option<MutableTag> {
        if self.is_pinned() {
            return None;
        }
        match self.tag {
            None => Some(MutableTag::Missing),
            Some("latest") => Some(MutableTag::Latest),
            Some(_) => None,
        }
    }

    /// The pull policy Kubernetes defaults to when `imagePullPolicy` is unset: `Always` for a
    /// missing or `latest` tag without a digest, `IfNotPresent` otherwise.
    #[must_use]
    pub fn default_pull_policy(&self) -> &'static str {
        if self.mutable_tag().is_some() { "Always" } else { "IfNotPresent" }
    }
}

/// `host[:port]`: the host starts with a letter or digit, the port is digits.
fn is_registry(r: &str) -> bool {
    let (host, port) = r.split_once(':').unwrap_or((r, "0"));
    host.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && !port.is_empty()
        && port.chars().all(|c| c.is_ascii_digit())
}

fn is_reference_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._-/:@+=".contains(c)
}

/// `algorithm:hex`, e.g. `sha256:` + 64 hex digits (OCI image spec, descriptor digests).
fn is_digest(d: &str) -> bool {
    let Some((algorithm, encoded)) = d.split_once(':') else { return false };
    let hex = |n: usize| encoded.len() == n && encoded.chars().all(|c| c.is_ascii_hexdigit());
    match algorithm {
        "sha256" => hex(64),
        "sha512" => hex(128),
        _ => {
            !algorithm.is_empty()
                && algorithm
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "+._-".contains(c))
                && encoded.len() >= 32
                && encoded.chars().all(|c| c.is_ascii_alphanumeric() || "=_-".contains(c))
        }
    }
}

/// Tags: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}` (distribution reference grammar).
fn is_tag(t: &str) -> bool {
    t.len() <= 128
        && t.chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        && t.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn parse(s: &str) -> ImageRef<'_> {
        ImageRef::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    #[test]
    fn plain_names_and_tags() {
        let r = parse("nginx");
        assert_eq!((r.registry, r.repository, r.tag, r.digest), (None, "nginx", None, None));
        assert_eq!(r.mutable_tag(), Some(MutableTag::Missing));
        assert_eq!(r.default_pull_policy(), "Always");
        let r = parse("nginx:1.27");
        assert_eq!((r.repository, r.tag), ("nginx", Some("1.27")));
        assert_eq!(r.mutable_tag(), None);
        assert_eq!(r.default_pull_policy(), "IfNotPresent");
        assert_eq!(parse("library/nginx:latest").mutable_tag(), Some(MutableTag::Latest));
        // Tags are case-sensitive: `LATEST` is an ordinary tag.
        assert_eq!(parse("nginx:LATEST").mutable_tag(), None);
    }

    #[test]
    fn registry_with_port_is_not_a_tag() {
        let r = parse("host:5000/app");
        assert_eq!((r.registry, r.repository, r.tag), (Some("host:5000"), "app", None));
        let r = parse("registry.example.com:5000/team/app:v2");
        assert_eq!(
            (r.registry, r.repository, r.tag),
            (Some("registry.example.com:5000"), "team/app", Some("v2"))
        );
        let r = parse("localhost/app:1");
        assert_eq!((r.registry, r.repository), (Some("localhost"), "app"));
        // Without a dot, colon or `localhost`, the first component is part of the path.
        let r = parse("team/app:1");
        assert_eq!((r.registry, r.repository), (None, "team/app"));
        let r = parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0");
        assert_eq!(r.registry, Some("123456789012.dkr.ecr.eu-west-1.amazonaws.com"));
    }

    #[test]
    fn digests() {
        let text = format!("nginx@{SHA}");
        let r = parse(&text);
        assert_eq!((r.tag, r.digest), (None, Some(SHA)));
        assert!(r.is_pinned());
        assert_eq!(r.mutable_tag(), None);
        assert_eq!(r.default_pull_policy(), "IfNotPresent");
        let text = format!("host:5000/app:latest@{SHA}");
        let r = parse(&text);
        assert_eq!(
            (r.registry, r.repository, r.tag, r.digest),
            (Some("host:5000"), "app", Some("latest"), Some(SHA))
        );
        assert_eq!(r.mutable_tag(), None);
    }

    #[test]
    fn invalid_references_are_unknown() {
        for s in [
            "",
            "nginx:",
            "nginx@sha256:abc",
            "nginx@",
            "{{ .Values.image }}",
            "${IMAGE}",
            "nginx latest",
            "Nginx:1",
            "host:5000/",
            "/app",
            "a//b",
            ":5000/app",
        ] {
            assert_eq!(ImageRef::parse(s), None, "{s:?}");
        }
    }

    /// Only a well-formed digest pins an image; anything else after `@` says what it is.
    #[test]
    fn malformed_references_say_why() {
        let cases: [(&str, Malformed); 12] = [
            ("", Malformed::Empty),
            ("nginx@sha256:", Malformed::EmptyDigest),
            ("nginx@", Malformed::EmptyDigest),
            ("nginx:1.27@sha256:abc", Malformed::Digest("sha256:abc".into())),
            (
                "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
                Malformed::Digest(
                    "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg".into(),
                ),
            ),
            ("nginx@md5", Malformed::Digest("md5".into())),
            ("nginx:", Malformed::Tag(String::new())),
            ("nginx:-1", Malformed::Tag("-1".into())),
            ("${IMAGE}", Malformed::Character('$')),
            ("Nginx:1", Malformed::Character('N')),
            ("a//b", Malformed::Repository("a//b".into())),
            (":5000/app", Malformed::Registry(":5000".into())),
        ];
        for (text, why) in cases {
            assert_eq!(ImageRef::check(text), Err(why), "{text:?}");
        }
        let sha = format!("nginx@{SHA}");
        assert!(ImageRef::check(&sha).is_ok_and(|r| r.is_pinned()));
        let long = format!("nginx@{}", SHA.replace("sha256:", "sha256:0"));
        assert!(matches!(ImageRef::check(&long), Err(Malformed::Digest(_))));
        // Every reason reads in both languages.
        for why in [Malformed::EmptyDigest, Malformed::Digest("sha256:abc".into()), Malformed::Character('$')]
        {
            let (en, es) = (why.msg().render(crate::i18n::Lang::En), why.msg().render(crate::i18n::Lang::Es));
            assert_ne!(en, es);
        }
    }
}
