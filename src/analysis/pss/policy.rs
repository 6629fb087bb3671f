//! Pod Security Standards levels and policy versions, parsed and compared the way the admission
//! controller does (`latest` or `v1.N`, no leading zeros), and clamped to the newest version any
//! check knows about.

use std::fmt;
use std::str::FromStr;

/// The newest policy version with a check variant of its own (the v1.37 sysctls). Newer versions
/// and `latest` are evaluated as this one.
pub const NEWEST: u32 = 37;

/// A Pod Security Standards level, in strictness order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Privileged,
    Baseline,
    #[default]
    Restricted,
}

impl Level {
    pub const ALL: [Level; 3] = [Self::Privileged, Self::Baseline, Self::Restricted];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Privileged => "privileged",
            Self::Baseline => "baseline",
            Self::Restricted => "restricted",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| "must be one of privileged, baseline, restricted".to_string())
    }
}

/// A policy version: `latest` or `v1.N` (kept as written; see [`Version::effective`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Version {
    #[default]
    Latest,
    /// `v1.N`, holding N.
    V1(u32),
}

impl Version {
    /// The minor version checks are selected with: `latest` and anything newer than [`NEWEST`]
    /// are clamped to it.
    #[must_use]
    pub fn effective(self) -> u32 {
        match self {
            Self::Latest => NEWEST,
            Self::V1(n) => n.min(NEWEST),
        }
    }

    /// The minor version checks are selected with on the API server of Kubernetes
    /// `1.<release>`: that server knows no check variant newer than its own release, so
    /// `latest` and newer versions are evaluated at it. `None` is the newest evaluator.
    #[must_use]
    pub fn effective_on(self, release: Option<u32>) -> u32 {
        release.map_or(self.effective(), |r| self.effective().min(r))
    }

    /// The warning for a version newer than any ladrillo knows: the admission controller accepts
    /// it and evaluates it as the newest it knows, and so does ladrillo, at [`NEWEST`]. None when
    /// the emulated release (`release`) knows no newer checks than ladrillo, so clamps it anyway.
    #[must_use]
    pub fn newer_than_known(self, release: Option<u32>) -> Option<crate::i18n::Msg> {
        match self {
            Self::V1(n) if n > NEWEST && release.is_none_or(|r| r > NEWEST) => Some(crate::msg!(
                "pss-version-newer",
                version = self.to_string(),
                newest = Self::V1(NEWEST).to_string()
            )),
            _ => None,
        }
    }
}

/// The warning for an emulated Kubernetes release newer than any whose checks ladrillo knows:
/// its Pod Security checks are evaluated as those of `1.NEWEST`.
#[must_use]
pub fn release_newer_than_known(release: u32) -> Option<crate::i18n::Msg> {
    (release > NEWEST).then(|| {
        crate::msg!("pss-release-newer", release = format!("1.{release}"), newest = format!("1.{NEWEST}"))
    })
}

/// A Kubernetes release `1.N` (or `v1.N`), as given to emulate an older API server.
pub fn parse_release(s: &str) -> Result<u32, String> {
    const ERR: &str = "must be a Kubernetes release such as 1.30";
    let minor = s.strip_prefix('v').unwrap_or(s).strip_prefix("1.").ok_or(ERR)?;
    // A patch release (`1.30.2`) has the same checks as its minor release.
    let minor = minor.split_once('.').map_or(minor, |(m, patch)| {
        if patch.bytes().all(|b| b.is_ascii_digit()) && !patch.is_empty() { m } else { "" }
    });
    if minor.is_empty() || !minor.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ERR.into());
    }
    minor.parse().map_err(|_| ERR.into())
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |v: &Version| match v {
            Version::Latest => (1, 0),
            Version::V1(n) => (0, *n),
        };
        key(self).cmp(&key(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Latest => f.write_str("latest"),
            Self::V1(n) => write!(f, "v1.{n}"),
        }
    }
}

impl FromStr for Version {
    type Err = String;

    /// `latest` or `v1.N` with N written without leading zeros.
    fn from_str(s: &str) -> Result<Self, String> {
        const ERR: &str = "must be \"latest\" or \"v1.x\"";
        if s == "latest" {
            return Ok(Self::Latest);
        }
        let minor = s.strip_prefix("v1.").ok_or(ERR)?;
        let digits_only = !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit());
        if !digits_only || (minor.len() > 1 && minor.starts_with('0')) {
            return Err(ERR.into());
        }
        minor.parse().map(Self::V1).map_err(|_| ERR.into())
    }
}

/// A level at a version, written `restricted:v1.30` in messages (the version as declared).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Policy {
    pub level: Level,
    pub version: Version,
}

impl Policy {
    #[must_use]
    pub fn new(level: Level, version: Version) -> Self {
        Self { level, version }
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.level, self.version)
    }
}

impl FromStr for Policy {
    type Err = String;

    /// `level:version`, or a bare level meaning `latest`.
    fn from_str(s: &str) -> Result<Self, String> {
        let (level, version) = s.split_once(':').unwrap_or((s, "latest"));
        Ok(Self { level: level.parse()?, version: version.parse()? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_like_the_admission_controller() {
        assert_eq!("latest".parse(), Ok(Version::Latest));
        assert_eq!("v1.0".parse(), Ok(Version::V1(0)));
        assert_eq!("v1.37".parse(), Ok(Version::V1(37)));
        for bad in ["v1.01", "v2.0", "1.25", "v1.", "v1.x", "Latest", "v1.-1", "v1.99999999999"] {
            assert!(bad.parse::<Version>().is_err(), "{bad}");
        }
    }

    #[test]
    fn newer_versions_are_clamped() {
        assert_eq!(Version::V1(99).effective(), NEWEST);
        assert_eq!(Version::Latest.effective(), NEWEST);
        assert_eq!(Version::V1(22).effective(), 22);
        assert!(Version::Latest > Version::V1(1000));
        assert!(Level::Baseline < Level::Restricted);
    }

    #[test]
    fn versions_newer_than_known_are_said_to_be() {
        let newer = Version::V1(NEWEST + 1);
        assert!(newer.newer_than_known(None).is_some());
        assert!(newer.newer_than_known(Some(NEWEST + 5)).is_some());
        // An emulated release that knows no newer checks clamps the version as the server would.
        assert!(newer.newer_than_known(Some(30)).is_none());
        assert!(newer.newer_than_known(Some(NEWEST)).is_none());
        for known in [Version::Latest, Version::V1(NEWEST), Version::V1(0)] {
            assert!(known.newer_than_known(None).is_none(), "{known}");
        }
        assert_eq!(
            newer.newer_than_known(None).map(|m| m.render(crate::i18n::Lang::En)),
            Some(format!(
                "Pod Security version v1.{} is newer than v1.{NEWEST}, the newest ladrillo knows: it is evaluated as v1.{NEWEST}, as the admission controller evaluates a version newer than its own",
                NEWEST + 1
            ))
        );
        assert!(release_newer_than_known(NEWEST + 1).is_some());
        assert!(release_newer_than_known(NEWEST).is_none());
    }

    #[test]
    fn an_older_release_knows_no_newer_variants() {
        assert_eq!(Version::Latest.effective_on(Some(30)), 30);
        assert_eq!(Version::V1(35).effective_on(Some(30)), 30);
        assert_eq!(Version::V1(25).effective_on(Some(30)), 25);
        assert_eq!(Version::Latest.effective_on(Some(99)), NEWEST);
        assert_eq!(Version::Latest.effective_on(None), NEWEST);
        assert_eq!(parse_release("1.30"), Ok(30));
        assert_eq!(parse_release("v1.29.4"), Ok(29));
        for bad in ["30", "1.", "2.1", "1.x", "1.30.", "latest"] {
            assert!(parse_release(bad).is_err(), "{bad}");
        }
    }
}
