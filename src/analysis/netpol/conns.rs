//! Allowed connections between two endpoints: for each of TCP, UDP and SCTP a set of ports, plus
//! whether every other protocol (ICMP, …) is allowed, which only a rule without `ports` allows.
//! Also IP address sets (IPv4 and IPv6 as separate interval spaces) and CIDR parsing.

use std::fmt::{self, Write as _};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::Serialize;

use super::ranges::Ranges;

/// Protocols a NetworkPolicy port can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Protocol {
    #[serde(rename = "TCP")]
    Tcp,
    #[serde(rename = "UDP")]
    Udp,
    #[serde(rename = "SCTP")]
    Sctp,
}

impl Protocol {
    pub const ALL: [Protocol; 3] = [Self::Tcp, Self::Udp, Self::Sctp];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Tcp => "TCP",
            Self::Udp => "UDP",
            Self::Sctp => "SCTP",
        }
    }

    /// Parses `TCP`/`UDP`/`SCTP` (the API is case-sensitive; lower case is accepted here for CLI
    /// arguments and settings).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str().eq_ignore_ascii_case(s))
    }
}

/// Every valid port number.
pub const PORT_MIN: u128 = 1;
pub const PORT_MAX: u128 = 65535;

/// A set of connections (protocol, port).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ConnSet {
    ports: [Ranges; 3],
    /// Protocols other than TCP/UDP/SCTP; only set together with every port of those three.
    other: bool,
}

impl ConnSet {
    #[must_use]
    pub fn none() -> Self {
        Self::default()
    }

    fn slot(&self, protocol: Protocol) -> &Ranges {
        let [tcp, udp, sctp] = &self.ports;
        match protocol {
            Protocol::Tcp => tcp,
            Protocol::Udp => udp,
            Protocol::Sctp => sctp,
        }
    }

    fn slot_mut(&mut self, protocol: Protocol) -> &mut Ranges {
        let [tcp, udp, sctp] = &mut self.ports;
        match protocol {
            Protocol::Tcp => tcp,
            Protocol::Udp => udp,
            Protocol::Sctp => sctp,
        }
    }

    /// Applies `op` to each protocol's ports of `self` and `o`.
    fn zip_with(&self, o: &ConnSet, op: impl Fn(&Ranges, &Ranges) -> Ranges, other: bool) -> ConnSet {
        let mut out = self.clone();
        for (mine, theirs) in out.ports.iter_mut().zip(&o.ports) {
            *mine = op(mine, theirs);
        }
        out.other = other;
        out
    }

    #[must_use]
    pub fn all() -> Self {
        let full = Ranges::interval(PORT_MIN, PORT_MAX);
        Self { ports: [full.clone(), full.clone(), full], other: true }
    }

    /// Ports `lo..=hi` of one protocol.
    #[must_use]
    pub fn ports(protocol: Protocol, lo: u128, hi: u128) -> Self {
        let mut s = Self::none();
        *s.slot_mut(protocol) = Ranges::interval(lo.max(PORT_MIN), hi.min(PORT_MAX));
        s
    }

    /// Every port of one protocol.
    #[must_use]
    pub fn protocol(protocol: Protocol) -> Self {
        Self::ports(protocol, PORT_MIN, PORT_MAX)
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        !self.other && self.ports.iter().all(Ranges::is_empty)
    }

    #[must_use]
    pub fn is_all(&self) -> bool {
        *self == Self::all()
    }

    #[must_use]
    pub fn ports_of(&self, protocol: Protocol) -> &Ranges {
        self.slot(protocol)
    }

    #[must_use]
    pub fn union(&self, o: &ConnSet) -> ConnSet {
        self.zip_with(o, Ranges::union, self.other || o.other)
    }

    #[must_use]
    pub fn intersect(&self, o: &ConnSet) -> ConnSet {
        self.zip_with(o, Ranges::intersect, self.other && o.other)
    }

    #[must_use]
    pub fn subtract(&self, o: &ConnSet) -> ConnSet {
        self.zip_with(o, Ranges::subtract, self.other && !o.other)
    }

    #[must_use]
    pub fn is_subset(&self, o: &ConnSet) -> bool {
        self.subtract(o).is_empty()
    }

    /// Whether a single port of a protocol is in the set.
    #[must_use]
    pub fn allows(&self, protocol: Protocol, port: u16) -> bool {
        self.slot(protocol).contains(u128::from(port))
    }
}

impl ConnSet {
    /// `All Connections`, `No Connections`, or `TCP 80,8080-8090;UDP 53`, in a language (the
    /// protocols and ports are the same in every language).
    #[must_use]
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        if self.is_all() {
            return crate::i18n::text(lang, "netpol-all-connections");
        }
        if self.is_empty() {
            return crate::i18n::text(lang, "netpol-no-connections");
        }
        let mut out = String::new();
        for p in Protocol::ALL {
            let r = self.slot(p);
            if r.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(';');
            }
            let _ = write!(out, "{} {r}", p.as_str());
        }
        if self.other {
            // Unreachable by construction (other implies all ports), kept for honesty.
            out.push(';');
            out.push_str(&crate::i18n::text(lang, "netpol-other-protocols"));
        }
        out
    }
}

impl fmt::Display for ConnSet {
    /// [`ConnSet::text`] in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En))
    }
}

/// A set of IP addresses, IPv4 and IPv6 kept apart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct IpSet {
    pub v4: Ranges,
    pub v6: Ranges,
}

impl IpSet {
    #[must_use]
    pub fn union(&self, o: &IpSet) -> IpSet {
        IpSet { v4: self.v4.union(&o.v4), v6: self.v6.union(&o.v6) }
    }

    #[must_use]
    pub fn subtract(&self, o: &IpSet) -> IpSet {
        IpSet { v4: self.v4.subtract(&o.v4), v6: self.v6.subtract(&o.v6) }
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.v4.is_empty() && self.v6.is_empty()
    }
}

/// IP family of an address range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    V4,
    V6,
}

/// A CIDR block: family and inclusive address interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    pub family: Family,
    pub first: u128,
    pub last: u128,
    pub prefix: u8,
}

impl Cidr {
    /// Parses `10.0.0.0/8` or `fd00::/8`. Host bits set are accepted (as the API does for
    /// some versions) and masked off.
    pub fn parse(s: &str) -> Result<Cidr, String> {
        let (addr, prefix) = s
            .trim()
            .split_once('/')
            .ok_or_else(|| format!("`{s}` is not a CIDR (expected ADDRESS/PREFIX)"))?;
        let addr: IpAddr = addr.parse().map_err(|_| format!("`{s}` is not a CIDR: bad address"))?;
        let prefix: u8 = prefix.parse().map_err(|_| format!("`{s}` is not a CIDR: bad prefix length"))?;
        let (family, bits, value) = match addr {
            IpAddr::V4(a) => (Family::V4, 32u8, u128::from(u32::from(a))),
            IpAddr::V6(a) => (Family::V6, 128u8, u128::from(a)),
        };
        if prefix > bits {
            return Err(format!("`{s}` is not a CIDR: prefix longer than {bits} bits"));
        }
        let host_bits = u32::from(bits - prefix);
        let host_mask = if host_bits == 128 { u128::MAX } else { (1u128 << host_bits) - 1 };
        let first = value & !host_mask;
        Ok(Cidr { family, first, last: first | host_mask, prefix })
    }

    #[must_use]
    pub fn to_set(self) -> IpSet {
        let r = Ranges::interval(self.first, self.last);
        match self.family {
            Family::V4 => IpSet { v4: r, v6: Ranges::empty() },
            Family::V6 => IpSet { v4: Ranges::empty(), v6: r },
        }
    }
}

/// The whole address space of a family.
#[must_use]
pub fn full_range(family: Family) -> (u128, u128) {
    match family {
        Family::V4 => (0, u128::from(u32::MAX)),
        Family::V6 => (0, u128::MAX),
    }
}

/// An address of a family written the usual way.
#[must_use]
pub fn addr_text(family: Family, v: u128) -> String {
    match family {
        #[allow(clippy::cast_possible_truncation)]
        Family::V4 => Ipv4Addr::from(v as u32).to_string(),
        Family::V6 => Ipv6Addr::from(v).to_string(),
    }
}

/// An address range as people write it: one address (`203.0.113.5`), a CIDR when the range is
/// exactly one (`10.0.0.0/8`), else `first-last`.
#[must_use]
pub fn range_text(family: Family, first: u128, last: u128) -> String {
    if first == last {
        return addr_text(family, first);
    }
    let bits: u32 = match family {
        Family::V4 => 32,
        Family::V6 => 128,
    };
    let size = last.wrapping_sub(first).wrapping_add(1);
    // A CIDR block: a power-of-two size (all addresses when it wraps to 0) starting on a multiple of it.
    let host_bits = if size == 0 { Some(128) } else { size.is_power_of_two().then(|| size.trailing_zeros()) };
    match host_bits {
        Some(h) if h <= bits && (h == 128 || first & ((1u128 << h) - 1) == 0) => {
            format!("{}/{}", addr_text(family, first), bits - h)
        }
        _ => format!("{}-{}", addr_text(family, first), addr_text(family, last)),
    }
}

/// Parses `first-last` (as [`range_text`] writes ranges that are not one CIDR).
pub fn parse_range(s: &str) -> Option<(Family, u128, u128)> {
    let (a, b) = s.trim().split_once('-')?;
    match (a.trim().parse::<IpAddr>().ok()?, b.trim().parse::<IpAddr>().ok()?) {
        (IpAddr::V4(a), IpAddr::V4(b)) if a <= b => {
            Some((Family::V4, u128::from(u32::from(a)), u128::from(u32::from(b))))
        }
        (IpAddr::V6(a), IpAddr::V6(b)) if a <= b => Some((Family::V6, u128::from(a), u128::from(b))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_print_as_addresses_cidrs_or_intervals() {
        let c = |s: &str| Cidr::parse(s).unwrap();
        let text = |s: &str| range_text(c(s).family, c(s).first, c(s).last);
        for cidr in ["10.0.0.0/8", "0.0.0.0/0", "192.168.1.0/24", "::/0", "fd00::/8", "10.1.2.2/31"] {
            assert_eq!(text(cidr), cidr);
        }
        assert_eq!(text("203.0.113.5/32"), "203.0.113.5");
        assert_eq!(text("2001:db8::1/128"), "2001:db8::1");
        let (f, a, b) = (Family::V4, c("0.0.0.0/8").first, c("10.0.0.0/8").first - 1);
        assert_eq!(range_text(f, a, b), "0.0.0.0-9.255.255.255");
        assert_eq!(parse_range("0.0.0.0-9.255.255.255"), Some((f, a, b)));
        assert_eq!(parse_range("10.0.0.1-10.0.0.0"), None);
    }

    #[test]
    fn display_forms() {
        assert_eq!(ConnSet::all().to_string(), "All Connections");
        assert_eq!(ConnSet::none().to_string(), "No Connections");
        let s = ConnSet::ports(Protocol::Tcp, 80, 80)
            .union(&ConnSet::ports(Protocol::Tcp, 8080, 8090))
            .union(&ConnSet::ports(Protocol::Udp, 53, 53));
        assert_eq!(s.to_string(), "TCP 80,8080-8090;UDP 53");
        let three = ConnSet::protocol(Protocol::Tcp)
            .union(&ConnSet::protocol(Protocol::Udp))
            .union(&ConnSet::protocol(Protocol::Sctp));
        assert!(!three.is_all());
        assert_eq!(three.to_string(), "TCP 1-65535;UDP 1-65535;SCTP 1-65535");
        assert!(three.union(&ConnSet::all()).is_all());
        assert_eq!(ConnSet::all().intersect(&three), three);
    }

    #[test]
    fn cidrs() {
        let c = Cidr::parse("10.1.2.3/8").unwrap();
        assert_eq!(
            (addr_text(c.family, c.first), addr_text(c.family, c.last)),
            ("10.0.0.0".into(), "10.255.255.255".into())
        );
        let all = Cidr::parse("0.0.0.0/0").unwrap();
        assert_eq!((all.first, all.last), (0, u128::from(u32::MAX)));
        let v6 = Cidr::parse("::/0").unwrap();
        assert_eq!((v6.first, v6.last), (0, u128::MAX));
        assert_eq!(
            addr_text(Family::V6, Cidr::parse("fd00::/8").unwrap().last),
            "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
        );
        assert!(Cidr::parse("10.0.0.0/33").is_err());
        assert!(Cidr::parse("10.0.0.0").is_err());
        assert!(Cidr::parse("nope/3").is_err());
    }
}
