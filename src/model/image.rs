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

impl<'a> ImageRef<'a> {
    /// Parses a reference; `None` when the text is not a valid image reference.
    #[must_use]
    pub fn parse(text: &'a str) -> Option<Self> {
        if text.is_empty() || !text.chars().all(is_reference_char) {
            return None;
        }
        let (name, digest) = match text.split_once('@') {
            Some((n, d)) => (n, Some(d)),
            None => (text, None),
        };
        if digest.is_some_and(|d| !is_digest(d)) {
            return None;
        }
        // A tag is a `:` after the last `/`; a `:` before it belongs to a registry port.
        let last_slash = name.rfind('/').map_or(0, |i| i + 1);
        let (path, tag) = match name[last_slash..].rfind(':') {
            Some(i) => (&name[..last_slash + i], Some(&name[last_slash + i + 1..])),
            None => (name, None),
        };
        if tag.is_some_and(|t| !is_tag(t)) {
            return None;
        }
        let (registry, repository) = match path.split_once('/') {
            Some((first, rest)) if first.contains(['.', ':']) || first == "localhost" => (Some(first), rest),
            _ => (None, path),
        };
        let components_ok = repository.split('/').all(|c| {
            !c.is_empty()
                && c.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || "._-".contains(ch))
        });
        if !components_ok || registry.is_some_and(|r| !is_registry(r)) {
            return None;
        }
        Some(Self { registry, repository, tag, digest })
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
}
