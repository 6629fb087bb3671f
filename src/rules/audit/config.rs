//! The `audit-log:` section of `.ladrillo.yaml`: who and what is trusted, and the thresholds of
//! the windowed detections. Unknown keys are errors, like everywhere in the config.

use globset::GlobMatcher;
use ipnet::IpNet;

use crate::analysis::pss::Policy;
use crate::document::{Node, Span};
use crate::i18n::{Lang, text};

/// A count of events within a window of event time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Threshold {
    pub count: usize,
    pub window_ms: i64,
}

impl Threshold {
    const fn new(count: usize, minutes: i64) -> Self {
        Self { count, window_ms: minutes * 60_000 }
    }

    /// The window as `10m`, `1h` or `90s`, for messages.
    #[must_use]
    pub fn window(&self) -> String {
        let secs = self.window_ms / 1000;
        if secs % 3600 == 0 {
            format!("{}h", secs / 3600)
        } else if secs % 60 == 0 {
            format!("{}m", secs / 60)
        } else {
            format!("{secs}s")
        }
    }
}

/// Thresholds of the windowed detections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    pub forbidden_burst: Threshold,
    pub secret_access_denied_burst: Threshold,
    pub bulk_secret_read: Threshold,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            forbidden_burst: Threshold::new(20, 10),
            secret_access_denied_burst: Threshold::new(20, 15),
            bulk_secret_read: Threshold::new(15, 30),
        }
    }
}

/// Settings of `ladrillo audit-log`.
#[derive(Clone, Debug, Default)]
pub struct AuditConfig {
    /// Usernames or IAM ARNs (`user.extra.arn`, `canonicalArn`) whose requests raise no alert.
    pub trusted_users: Vec<GlobMatcher>,
    /// Namespaces whose objects raise no alert.
    pub trusted_namespaces: Vec<GlobMatcher>,
    /// Images (`registry/repository:tag`) that may run with host access.
    pub trusted_images: Vec<GlobMatcher>,
    /// Source networks that count as internal (besides private ranges).
    pub trusted_networks: Vec<IpNet>,
    /// User-agent substrings of attack tools, added to the built-in list.
    pub attack_user_agents: Vec<String>,
    /// The Pod Security level pods must meet (baseline, latest by default).
    pub pss: Option<Policy>,
    pub thresholds: Thresholds,
}

impl AuditConfig {
    #[must_use]
    pub fn trusted_user(&self, names: &[&str]) -> bool {
        !self.trusted_users.is_empty()
            && names
                .iter()
                .filter(|n| !n.is_empty())
                .any(|n| self.trusted_users.iter().any(|g| g.is_match(n)))
    }

    #[must_use]
    pub fn trusted_namespace(&self, ns: &str) -> bool {
        self.trusted_namespaces.iter().any(|g| g.is_match(ns))
    }

    #[must_use]
    pub fn trusted_image(&self, image: &str) -> bool {
        self.trusted_images.iter().any(|g| g.is_match(image))
    }

    #[must_use]
    pub fn pss_policy(&self) -> Policy {
        self.pss.unwrap_or_else(|| Policy::new(crate::analysis::pss::Level::Baseline, Default::default()))
    }
}

const KEYS: &[&str] = &[
    "trusted-users",
    "trusted-namespaces",
    "trusted-images",
    "trusted-networks",
    "attack-user-agents",
    "pss",
    "thresholds",
];

const THRESHOLDS: &[&str] = &["forbidden-burst", "secret-access-denied-burst", "bulk-secret-read"];

/// Parses the `audit-log:` section; every problem is reported through `err`.
pub fn parse(v: &Node, lang: Lang, err: &mut impl FnMut(Span, String)) -> Option<AuditConfig> {
    let Some(map) = v.as_map() else {
        err(v.span(), text(lang, "config-audit-mapping"));
        return None;
    };
    let mut c = AuditConfig::default();
    let mut ok = true;
    let mut fail = |span: Span, msg: String, ok: &mut bool| {
        err(span, msg);
        *ok = false;
    };
    for e in &map.entries {
        let v = &e.value;
        match e.key.as_str() {
            "trusted-users" => c.trusted_users = globs(v, "trusted-users", lang, &mut fail, &mut ok),
            "trusted-namespaces" => {
                c.trusted_namespaces = globs(v, "trusted-namespaces", lang, &mut fail, &mut ok);
            }
            "trusted-images" => c.trusted_images = globs(v, "trusted-images", lang, &mut fail, &mut ok),
            "trusted-networks" => {
                for (s, span) in strings(v, "trusted-networks", lang, &mut fail, &mut ok) {
                    let parsed =
                        s.parse::<IpNet>().or_else(|_| s.parse::<std::net::IpAddr>().map(IpNet::from));
                    match parsed {
                        Ok(n) => c.trusted_networks.push(n),
                        Err(_) => {
                            fail(span, crate::t!(lang, "config-audit-network", value = s.as_str()), &mut ok)
                        }
                    }
                }
            }
            "attack-user-agents" => {
                c.attack_user_agents = strings(v, "attack-user-agents", lang, &mut fail, &mut ok)
                    .into_iter()
                    .map(|(s, _)| s.to_ascii_lowercase())
                    .collect();
            }
            "pss" => {
                let mut inner_ok = true;
                c.pss = pss(v, lang, &mut |s, m| fail(s, m, &mut inner_ok));
                ok &= inner_ok;
            }
            "thresholds" => thresholds(v, &mut c.thresholds, lang, &mut fail, &mut ok),
            other => fail(e.key_span, unknown_key(other, KEYS, lang), &mut ok),
        }
    }
    ok.then_some(c)
}

fn unknown_key(key: &str, known: &[&str], lang: Lang) -> String {
    match crate::diagnostic::closest(key, known, 3) {
        Some(k) => crate::t!(lang, "config-unknown-key-suggest", key = key, suggestion = k),
        None => crate::t!(lang, "config-unknown-key", key = key, expected = known.join(", ")),
    }
}

/// `pss: {level: baseline, version: latest}`.
fn pss(v: &Node, lang: Lang, err: &mut dyn FnMut(Span, String)) -> Option<Policy> {
    let Some(map) = v.as_map() else {
        err(v.span(), text(lang, "config-pss-mapping"));
        return None;
    };
    let mut policy = Policy::new(crate::analysis::pss::Level::Baseline, Default::default());
    let mut ok = true;
    for e in &map.entries {
        let value = e.value.as_str().unwrap_or_default();
        let found = |what: &'static str, value: &str| {
            crate::t!(lang, "config-found", what = crate::msg!(what), found = value)
        };
        let parsed = match e.key.as_str() {
            "level" => value.parse().map(|l| policy.level = l).map_err(|_| found("config-pss-level", value)),
            "version" => {
                value.parse().map(|x| policy.version = x).map_err(|_| found("config-pss-version", value))
            }
            other => Err(unknown_key(other, &["level", "version"], lang)),
        };
        if let Err(m) = parsed {
            err(if e.key == "level" || e.key == "version" { e.value.span() } else { e.key_span }, m);
            ok = false;
        }
    }
    ok.then_some(policy)
}

type Fail<'f> = dyn FnMut(Span, String, &mut bool) + 'f;

fn strings(v: &Node, what: &str, lang: Lang, fail: &mut Fail<'_>, ok: &mut bool) -> Vec<(String, Span)> {
    let Some(items) = v.as_seq() else {
        fail(v.span(), crate::t!(lang, "config-list-of-strings", key = what), ok);
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|i| match i.as_str() {
            Some(s) if !s.trim().is_empty() => Some((s.to_string(), i.span())),
            _ => {
                fail(i.span(), crate::t!(lang, "config-audit-entries-non-empty", key = what), ok);
                None
            }
        })
        .collect()
}

fn globs(v: &Node, what: &str, lang: Lang, fail: &mut Fail<'_>, ok: &mut bool) -> Vec<GlobMatcher> {
    strings(v, what, lang, fail, ok)
        .into_iter()
        .filter_map(|(s, span)| match crate::source::glob_matcher(&s) {
            Ok(g) => Some(g),
            Err(e) => {
                fail(span, e.render(lang), ok);
                None
            }
        })
        .collect()
}

fn thresholds(v: &Node, t: &mut Thresholds, lang: Lang, fail: &mut Fail<'_>, ok: &mut bool) {
    let Some(map) = v.as_map() else {
        fail(v.span(), text(lang, "config-audit-thresholds"), ok);
        return;
    };
    for e in &map.entries {
        let slot = match e.key.as_str() {
            "forbidden-burst" => &mut t.forbidden_burst,
            "secret-access-denied-burst" => &mut t.secret_access_denied_burst,
            "bulk-secret-read" => &mut t.bulk_secret_read,
            other => {
                fail(e.key_span, unknown_key(other, THRESHOLDS, lang), ok);
                continue;
            }
        };
        let Some(m) = e.value.as_map() else {
            fail(e.value.span(), text(lang, "config-audit-threshold"), ok);
            continue;
        };
        for f in &m.entries {
            match f.key.as_str() {
                "count" => match f.value.as_i64().and_then(|n| usize::try_from(n).ok()).filter(|n| *n >= 1) {
                    Some(n) => slot.count = n,
                    None => fail(f.value.span(), text(lang, "config-audit-count"), ok),
                },
                "window" => match f.value.as_str().and_then(parse_window) {
                    Some(ms) => slot.window_ms = ms,
                    None => fail(f.value.span(), text(lang, "config-audit-window"), ok),
                },
                other => fail(f.key_span, unknown_key(other, &["count", "window"], lang), ok),
            }
        }
    }
}

/// `90s`, `10m`, `1h 30m`, `PT10M` → milliseconds.
#[must_use]
pub fn parse_window(s: &str) -> Option<i64> {
    let d: jiff::SignedDuration = s.trim().parse().ok()?;
    let ms = i64::try_from(d.as_millis()).ok()?;
    (ms > 0).then_some(ms)
}
