//! The API server's checks on names, label keys and values, and port names and numbers
//! (Kubernetes apimachinery `util/validation`): an object that fails one is rejected, so it never
//! exists in the cluster. Each function returns why a value fails, in our words (a message, in
//! the reader's language when shown).

use crate::i18n::Msg;

/// Longest DNS subdomain (RFC 1123), in characters.
pub const SUBDOMAIN_MAX: usize = 253;
/// Longest label value and name part of a label key.
const LABEL_MAX: usize = 63;
/// Longest port name (IANA service name).
const PORT_NAME_MAX: usize = 15;

/// A lowercase RFC 1123 subdomain: dot-separated labels of `a-z`, `0-9` and `-`, each starting
/// and ending with a letter or digit, 253 characters at most (object names such as a
/// ServiceAccount's, label key prefixes).
pub fn dns_subdomain(s: &str) -> Result<(), Msg> {
    if s.len() > SUBDOMAIN_MAX {
        return Err(crate::msg!("valid-subdomain-long", max = SUBDOMAIN_MAX));
    }
    let label_ok = |l: &str| {
        let b = l.as_bytes();
        !b.is_empty()
            && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
            && b.first() != Some(&b'-')
            && b.last() != Some(&b'-')
    };
    if s.split('.').all(label_ok) { Ok(()) } else { Err(crate::msg!("valid-subdomain")) }
}

/// Up to 63 characters of letters, digits, `-`, `_` and `.`, starting and ending with a letter
/// or digit (the name part of a label key; a label value, which may also be empty).
fn name_part(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= LABEL_MAX
        && b.iter().all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(c))
        && b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// A label (or annotation) key: `[prefix/]name`, the prefix a DNS subdomain, the name up to 63
/// characters of letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit.
pub fn label_key(key: &str) -> Result<(), Msg> {
    let (prefix, name) = match key.split_once('/') {
        Some((_, rest)) if rest.contains('/') => {
            return Err(crate::msg!("valid-label-key-slashes", key = key));
        }
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, key),
    };
    if let Some(prefix) = prefix {
        if prefix.is_empty() {
            return Err(crate::msg!("valid-label-key-empty-prefix", key = key));
        }
        dns_subdomain(prefix).map_err(|m| crate::msg!("valid-label-key-prefix", key = key, why = m))?;
    }
    if name.is_empty() {
        return Err(crate::msg!("valid-label-key-empty-name", key = key));
    }
    if name.len() > LABEL_MAX {
        return Err(crate::msg!("valid-label-key-long", key = key, max = LABEL_MAX));
    }
    if !name_part(name) {
        return Err(crate::msg!("valid-label-key-name", key = key));
    }
    Ok(())
}

/// A label value: empty, or up to 63 characters of letters, digits, `-`, `_` and `.`, starting
/// and ending with a letter or digit.
pub fn label_value(value: &str) -> Result<(), Msg> {
    if value.is_empty() {
        return Ok(());
    }
    if value.len() > LABEL_MAX {
        return Err(crate::msg!("valid-label-value-long", value = value, max = LABEL_MAX));
    }
    if name_part(value) { Ok(()) } else { Err(crate::msg!("valid-label-value", value = value)) }
}

/// A port name (IANA service name): 1 to 15 characters of `a-z`, `0-9` and `-`, at least one
/// letter, no `-` at either end and no `--`.
pub fn port_name(name: &str) -> Result<(), Msg> {
    let b = name.as_bytes();
    let problem = if b.is_empty() {
        crate::msg!("valid-port-name-empty", name = name)
    } else if b.len() > PORT_NAME_MAX {
        crate::msg!("valid-port-name-long", name = name, max = PORT_NAME_MAX)
    } else if !b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-') {
        crate::msg!("valid-port-name-chars", name = name)
    } else if name.contains("--") {
        crate::msg!("valid-port-name-dashes", name = name)
    } else if !b.iter().any(u8::is_ascii_lowercase) {
        crate::msg!("valid-port-name-letter", name = name)
    } else if b.first() == Some(&b'-') || b.last() == Some(&b'-') {
        crate::msg!("valid-port-name-ends", name = name)
    } else {
        return Ok(());
    };
    Err(problem)
}

/// A port number: 1 to 65535.
pub fn port_number(n: i64) -> Result<(), Msg> {
    if (1..=65535).contains(&n) { Ok(()) } else { Err(crate::msg!("valid-port-number", port = n)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subdomains() {
        for ok in ["a", "web-1", "example.com", "a.b-c.d", &"a".repeat(253)] {
            assert!(dns_subdomain(ok).is_ok(), "{ok}");
        }
        for bad in ["", "A", "-a", "a-", "a..b", "a_b", ".a", &"a".repeat(254)] {
            assert!(dns_subdomain(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn label_keys_and_values() {
        for ok in ["app", "app.kubernetes.io/name", "a_b.c-d", "Team", "x/y"] {
            assert!(label_key(ok).is_ok(), "{ok}");
        }
        for bad in ["", "a/b/c", "/a", "a/", "-a", "a-", "Example.com/a", "a b", &"a".repeat(64)] {
            assert!(label_key(bad).is_err(), "{bad}");
        }
        assert_eq!(
            label_key("a/b/c").unwrap_err().render(crate::i18n::Lang::En),
            "label key `a/b/c` has more than one '/'"
        );
        for ok in ["", "v1", "My_Value.2", &"a".repeat(63)] {
            assert!(label_value(ok).is_ok(), "{ok}");
        }
        for bad in ["-a", "a-", "a b", "a/b", &"a".repeat(64)] {
            assert!(label_value(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn port_names_and_numbers() {
        for ok in ["http", "web-8080", "h2c", "a", "abcdefghijklmno"] {
            assert!(port_name(ok).is_ok(), "{ok}");
        }
        for bad in ["HTTP", "", "8080", "-http", "http-", "ht--tp", "http_alt", "abcdefghijklmnop"] {
            assert!(port_name(bad).is_err(), "{bad}");
        }
        assert!(port_number(1).is_ok() && port_number(65535).is_ok());
        assert!(port_number(0).is_err() && port_number(-1).is_err() && port_number(65536).is_err());
    }
}
