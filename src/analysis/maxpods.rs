//! VPC CNI max pods per EC2 instance type, from tables embedded at build time (`data/`).
//!
//! Secondary-IP mode: `ENIs × (IPv4 per ENI − 1) + 2`; prefix delegation multiplies the secondary
//! slots by 16 (one /28 prefix each); custom networking leaves the primary ENI without pods. EKS
//! managed node groups then cap the result at 110, or 250 above 30 vCPUs.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

const INSTANCE_INFO: &str = include_str!("../../data/instance-info.jsonl");
const ENI_MAX_PODS: &str = include_str!("../../data/eni-max-pods.txt");
const INSTANCE_VCPUS: &str = include_str!("../../data/instance-vcpus.tsv");

/// The ceiling for instances with at most this many vCPUs is [`CAP_LOW_CPU`].
pub const CAP_VCPU_THRESHOLD: u32 = 30;
/// Managed node group ceiling for instances with ≤ 30 vCPUs (and Auto Mode's ceiling for all).
pub const CAP_LOW_CPU: u32 = 110;
/// Managed node group ceiling for instances with more than 30 vCPUs.
pub const CAP_HIGH_CPU: u32 = 250;
/// Pods on the host network (aws-node, kube-proxy) that need no VPC address.
const HOST_NETWORK_PODS: u32 = 2;
/// Addresses in one delegated /28 prefix.
const PREFIX_ADDRESSES: u32 = 16;

/// What the embedded tables know about one instance type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstanceType {
    pub name: &'static str,
    /// ENIs of the default network card (`defaultMaxENIs`), when known.
    pub enis: Option<u32>,
    /// IPv4 addresses per ENI, when known.
    pub ipv4_per_eni: Option<u32>,
    /// vCPUs, when listed in the vCPU table.
    pub vcpus: Option<u32>,
    /// CPU architecture, when known (the same table as the vCPUs).
    pub architecture: Option<Architecture>,
    /// What decides the managed-node-group ceiling: the listed count, else one derived from
    /// the size name.
    pub vcpu_basis: Vcpus,
    /// The published secondary-IP value from `eni-max-pods.txt`, when listed there.
    pub published_max_pods: Option<u32>,
}

/// The CPU architecture of an instance type, as `instance-vcpus.tsv` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Architecture {
    /// x86-64 (`amd64`).
    Amd64,
    /// 64-bit Arm, AWS Graviton (`arm64`).
    Arm64,
}

impl Architecture {
    fn parse(name: &str) -> Option<Self> {
        match name {
            "amd64" => Some(Self::Amd64),
            "arm64" => Some(Self::Arm64),
            _ => None,
        }
    }
}

/// The vCPU count that decides the managed-node-group ceiling (only "more than 30?" matters),
/// and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vcpus {
    /// Listed in the vCPU table.
    Listed(u32),
    /// Derived from the size name ([`size_vcpus`]).
    FromSize(u32),
    /// A bare `metal` size: at least as many as the largest other size of its family.
    AtLeast {
        count: u32,
        sibling: &'static str,
    },
    Unknown,
}

impl Vcpus {
    /// Whether the count is above the threshold of the higher ceiling, if that is known.
    #[must_use]
    pub fn over_threshold(self) -> Option<bool> {
        match self {
            Self::Listed(n) | Self::FromSize(n) => Some(n > CAP_VCPU_THRESHOLD),
            Self::AtLeast { count, .. } => (count > CAP_VCPU_THRESHOLD).then_some(true),
            Self::Unknown => None,
        }
    }

    /// How the count was found, for notes; `None` when listed.
    #[must_use]
    pub fn derivation(self) -> Option<String> {
        match self {
            Self::Listed(_) => None,
            Self::FromSize(n) => Some(format!("{n} vCPUs derived from the size name (4 per xlarge)")),
            Self::AtLeast { count, sibling } => Some(format!(
                "at least {count} vCPUs: bare metal is at least the family's largest size, {sibling}"
            )),
            Self::Unknown => Some("vCPU count unknown".into()),
        }
    }
}

/// vCPUs named by an instance size: `large` 2, `xlarge` 4, `Nxlarge` and `metal-Nxl` 4·N. Other
/// sizes (`medium`, bare `metal`, …) do not say.
#[must_use]
pub fn size_vcpus(instance_type: &str) -> Option<u32> {
    let size = instance_type.split_once('.')?.1;
    let quarters = match size {
        "large" => return Some(2),
        "xlarge" => 1,
        _ => {
            let n =
                size.strip_suffix("xlarge").or_else(|| size.strip_prefix("metal-")?.strip_suffix("xl"))?;
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            n.parse::<u32>().ok()?
        }
    };
    quarters.checked_mul(4)
}

/// VPC CNI settings that change the count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Networking {
    /// `ENABLE_PREFIX_DELEGATION=true` (Nitro instances only; VPC CNI ≥ 1.9.0).
    pub prefix_delegation: bool,
    /// `AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true`: pods use ENIs other than the primary one.
    pub custom_networking: bool,
}

/// Who sets kubelet's `maxPods`, which decides the ceiling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Ceiling {
    /// EKS managed node group on an EKS AMI: 110, or 250 above 30 vCPUs, in every CNI mode.
    #[default]
    ManagedNodeGroup,
    /// EKS Auto Mode: 110 whatever the vCPU count.
    AutoMode,
    /// No ceiling: AL2023 nodeadm on self-managed nodes or with a custom AMI.
    None,
}

/// The answer for one instance type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaxPods {
    /// The value is determined.
    Exact(u32),
    /// The formula exceeds 110 but the vCPU count is unknown, so the ceiling is 110 or 250.
    DependsOnVcpus { up_to_30_vcpus: u32, over_30_vcpus: u32 },
    /// ENI data is missing, so this networking mode cannot be computed.
    Unknown,
}

impl MaxPods {
    /// The exact value, if determined.
    #[must_use]
    pub fn exact(self) -> Option<u32> {
        match self {
            Self::Exact(n) => Some(n),
            _ => None,
        }
    }
}

impl fmt::Display for MaxPods {
    /// `29`, `110|234` (either, depending on the unknown vCPU count) or `unknown`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Exact(n) => write!(f, "{n}"),
            Self::DependsOnVcpus { up_to_30_vcpus, over_30_vcpus } => {
                write!(f, "{up_to_30_vcpus}|{over_30_vcpus}")
            }
            Self::Unknown => f.write_str("unknown"),
        }
    }
}

/// The uncapped formula from ENI data.
#[must_use]
pub fn formula(enis: u32, ipv4_per_eni: u32, net: Networking) -> u32 {
    let enis = if net.custom_networking { enis.saturating_sub(1) } else { enis };
    let per_eni = ipv4_per_eni.saturating_sub(1);
    let per_eni = if net.prefix_delegation { per_eni * PREFIX_ADDRESSES } else { per_eni };
    enis * per_eni + HOST_NETWORK_PODS
}

/// The ceiling for a known vCPU count.
#[must_use]
pub fn cap_for(ceiling: Ceiling, vcpus: u32) -> Option<u32> {
    match ceiling {
        Ceiling::ManagedNodeGroup if vcpus > CAP_VCPU_THRESHOLD => Some(CAP_HIGH_CPU),
        Ceiling::ManagedNodeGroup | Ceiling::AutoMode => Some(CAP_LOW_CPU),
        Ceiling::None => None,
    }
}

impl InstanceType {
    /// The uncapped value for these settings, if the data allows computing it.
    #[must_use]
    pub fn uncapped(&self, net: Networking) -> Option<u32> {
        match (self.enis, self.ipv4_per_eni) {
            (Some(e), Some(i)) => Some(formula(e, i, net)),
            // Without ENI data only the published secondary-IP value is known.
            _ if net == Networking::default() => self.published_max_pods,
            _ => None,
        }
    }

    /// Max pods for these settings under this ceiling.
    #[must_use]
    pub fn max_pods(&self, net: Networking, ceiling: Ceiling) -> MaxPods {
        let Some(raw) = self.uncapped(net) else { return MaxPods::Unknown };
        match (ceiling, self.vcpu_basis.over_threshold()) {
            (Ceiling::None, _) => MaxPods::Exact(raw),
            (Ceiling::AutoMode, _) => MaxPods::Exact(raw.min(CAP_LOW_CPU)),
            (Ceiling::ManagedNodeGroup, Some(over)) => {
                MaxPods::Exact(raw.min(if over { CAP_HIGH_CPU } else { CAP_LOW_CPU }))
            }
            // Below the lower ceiling both ceilings give the same answer.
            (Ceiling::ManagedNodeGroup, None) if raw <= CAP_LOW_CPU => MaxPods::Exact(raw),
            (Ceiling::ManagedNodeGroup, None) => {
                MaxPods::DependsOnVcpus { up_to_30_vcpus: CAP_LOW_CPU, over_30_vcpus: raw.min(CAP_HIGH_CPU) }
            }
        }
    }
}

struct Table {
    types: Vec<InstanceType>,
    index: HashMap<&'static str, usize>,
}

#[allow(
    clippy::expect_used,
    reason = "the tables are compiled in and parsed by the unit tests: a failure is a build defect"
)]
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        build_table(INSTANCE_INFO, ENI_MAX_PODS, INSTANCE_VCPUS).expect("embedded instance data is valid")
    })
}

/// Every known instance type, sorted by name.
#[must_use]
pub fn all() -> &'static [InstanceType] {
    &table().types
}

/// An instance type by name (`m5.large`; case and surrounding spaces ignored).
#[must_use]
pub fn lookup(name: &str) -> Option<&'static InstanceType> {
    let t = table();
    let key = name.trim().to_ascii_lowercase();
    t.index.get(key.as_str()).and_then(|&i| t.types.get(i))
}

/// Known names close to a mistyped one, best first (at most three).
#[must_use]
pub fn suggest(name: &str) -> Vec<&'static str> {
    let key = name.trim().to_ascii_lowercase();
    let family = key.split('.').next().unwrap_or_default();
    let mut scored: Vec<(usize, &'static str)> = all()
        .iter()
        .filter_map(|t| {
            let d = crate::diagnostic::edit_distance(&key, t.name);
            let same_family = !family.is_empty() && t.name.split('.').next() == Some(family);
            (d <= 2 || (same_family && d <= 4)).then_some((d, t.name))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}

/// An error in an embedded table, with its line.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DataError {
    file: &'static str,
    line: usize,
    message: String,
}

fn data_error(file: &'static str, line: usize, message: impl Into<String>) -> DataError {
    DataError { file, line, message: message.into() }
}

/// Lines that carry data: no blank lines, no `#` comments.
fn data_lines(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn parse_u32(file: &'static str, line: usize, field: &str, text: &str) -> Result<u32, DataError> {
    text.trim().parse().map_err(|_| data_error(file, line, format!("{field} is not a count: {text:?}")))
}

fn build_table(
    info: &'static str,
    eni_max_pods: &'static str,
    vcpus: &'static str,
) -> Result<Table, DataError> {
    let mut by_name: HashMap<&'static str, InstanceType> = HashMap::new();
    fn entry<'m>(
        by_name: &'m mut HashMap<&'static str, InstanceType>,
        name: &'static str,
    ) -> &'m mut InstanceType {
        by_name.entry(name).or_insert_with(|| InstanceType {
            name,
            enis: None,
            ipv4_per_eni: None,
            vcpus: None,
            architecture: None,
            vcpu_basis: Vcpus::Unknown,
            published_max_pods: None,
        })
    }

    const INFO: &str = "instance-info.jsonl";
    for (n, line) in data_lines(info) {
        // Borrowed from the embedded text, so names need no allocation.
        let row: InfoRow<'static> =
            serde_json::from_str(line).map_err(|e| data_error(INFO, n, format!("invalid entry: {e}")))?;
        let t = entry(&mut by_name, row.instance_type);
        t.enis = Some(row.enis);
        t.ipv4_per_eni = Some(row.ipv4_per_eni);
    }

    const EMP: &str = "eni-max-pods.txt";
    for (n, line) in data_lines(eni_max_pods) {
        let mut parts = line.split_whitespace();
        let (Some(name), Some(value), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(data_error(EMP, n, "expected `<instance type> <max pods>`"));
        };
        let value = parse_u32(EMP, n, "max pods", value)?;
        entry(&mut by_name, name).published_max_pods = Some(value);
    }

    const VCPUS: &str = "instance-vcpus.tsv";
    for (n, line) in data_lines(vcpus) {
        let mut cols = line.split('\t');
        let (Some(name), Some(value)) = (cols.next(), cols.next()) else {
            return Err(data_error(VCPUS, n, "expected tab-separated columns"));
        };
        if name == "instance_type" {
            continue; // column header
        }
        let value = parse_u32(VCPUS, n, "vcpus", value)?;
        let arch = cols.nth(2).map(str::trim).unwrap_or_default();
        let architecture = Architecture::parse(arch)
            .ok_or_else(|| data_error(VCPUS, n, format!("unknown architecture {arch:?}")))?;
        let t = entry(&mut by_name, name);
        t.vcpus = Some(value);
        t.architecture = Some(architecture);
    }

    let mut types: Vec<InstanceType> = by_name.into_values().collect();
    types.sort_by(|a, b| a.name.cmp(b.name));
    derive_vcpus(&mut types);
    let index = types.iter().enumerate().map(|(i, t)| (t.name, i)).collect();
    Ok(Table { types, index })
}

/// Fills [`InstanceType::vcpu_basis`]: the listed count, else the size name's, else for a bare
/// `metal` size the largest other size of the family.
fn derive_vcpus(types: &mut [InstanceType]) {
    for t in types.iter_mut() {
        t.vcpu_basis = match (t.vcpus, size_vcpus(t.name)) {
            (Some(n), _) => Vcpus::Listed(n),
            (None, Some(n)) => Vcpus::FromSize(n),
            (None, None) => Vcpus::Unknown,
        };
    }
    let mut largest: HashMap<&'static str, (u32, &'static str)> = HashMap::new();
    for t in types.iter() {
        let (Some((family, _)), Vcpus::Listed(n) | Vcpus::FromSize(n)) =
            (t.name.split_once('.'), t.vcpu_basis)
        else {
            continue;
        };
        let entry = largest.entry(family).or_insert((n, t.name));
        if n > entry.0 {
            *entry = (n, t.name);
        }
    }
    for t in types.iter_mut() {
        if t.vcpu_basis != Vcpus::Unknown {
            continue;
        }
        let Some((family, "metal")) = t.name.split_once('.') else { continue };
        if let Some(&(count, sibling)) = largest.get(family) {
            t.vcpu_basis = Vcpus::AtLeast { count, sibling };
        }
    }
}

/// One line of `instance-info.jsonl`.
#[derive(serde::Deserialize)]
struct InfoRow<'a> {
    #[serde(rename = "instanceType")]
    instance_type: &'a str,
    #[serde(rename = "defaultMaxENIs")]
    enis: u32,
    #[serde(rename = "ipv4AddressesPerInterface")]
    ipv4_per_eni: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    const PD: Networking = Networking { prefix_delegation: true, custom_networking: false };
    const CN: Networking = Networking { prefix_delegation: false, custom_networking: true };

    fn get(name: &str) -> &'static InstanceType {
        lookup(name).unwrap_or_else(|| panic!("{name} is known"))
    }

    #[test]
    fn tables_parse_and_cover_every_source_line() {
        assert_eq!(all().len(), 1391);
        assert_eq!(all().iter().filter(|t| t.enis.is_some()).count(), 1384);
        assert_eq!(all().iter().filter(|t| t.vcpus.is_some()).count(), 1108);
        assert!(all().iter().all(|t| t.vcpus.is_some() == t.architecture.is_some()));
        assert_eq!(get("m6g.large").architecture, Some(Architecture::Arm64));
        assert_eq!(get("a1.large").architecture, Some(Architecture::Arm64));
        assert_eq!(get("g4dn.xlarge").architecture, Some(Architecture::Amd64));
        assert_eq!(all().iter().filter(|t| t.published_max_pods.is_some()).count(), 1391);
        assert!(all().windows(2).all(|w| w[0].name < w[1].name));
    }

    #[test]
    fn worked_numbers_from_eks_facts() {
        let mng = Ceiling::ManagedNodeGroup;
        let d = Networking::default();
        // (type, managed node group, prefix delegation capped, prefix raw, custom networking uncapped)
        for (name, sec, pd, pd_raw, cn) in [
            ("t3.micro", 4, 34, 34, 3),
            ("t3.small", 11, 110, 146, 8),
            ("t3.medium", 17, 110, 242, 12),
            ("t3.large", 35, 110, 530, 24),
            ("m5.large", 29, 110, 434, 20),
            ("m5.xlarge", 58, 110, 898, 44),
            ("m5.8xlarge", 234, 250, 3714, 205),
            ("m5.24xlarge", 250, 250, 11762, 688),
            ("p5.48xlarge", 100, 250, 1570, 51),
        ] {
            let t = get(name);
            assert_eq!(t.max_pods(d, mng), MaxPods::Exact(sec), "{name}");
            assert_eq!(t.max_pods(PD, mng), MaxPods::Exact(pd), "{name} prefix delegation");
            assert_eq!(t.uncapped(PD), Some(pd_raw), "{name} prefix delegation raw");
            assert_eq!(t.max_pods(CN, Ceiling::None), MaxPods::Exact(cn), "{name} custom networking");
        }
        assert_eq!(get("m5.4xlarge").uncapped(d), Some(234));
        assert_eq!(get("m5.4xlarge").max_pods(d, mng), MaxPods::Exact(110));
        assert_eq!(get("m5.24xlarge").uncapped(d), Some(737));
    }

    #[test]
    fn auto_mode_caps_at_110_whatever_the_vcpus() {
        assert_eq!(
            get("m5.24xlarge").max_pods(Networking::default(), Ceiling::AutoMode),
            MaxPods::Exact(110)
        );
        assert_eq!(get("t3.micro").max_pods(Networking::default(), Ceiling::AutoMode), MaxPods::Exact(4));
    }

    #[test]
    fn size_names_agree_with_every_listed_vcpu_count_on_the_ceiling() {
        let mut checked = 0;
        for t in all() {
            let (Some(listed), Some(derived)) = (t.vcpus, size_vcpus(t.name)) else { continue };
            assert_eq!(listed > 30, derived > 30, "{}: listed {listed}, size name {derived}", t.name);
            checked += 1;
        }
        // Every listed type whose size is large, xlarge, Nxlarge or metal-Nxl.
        assert_eq!(checked, 994);
        assert_eq!(size_vcpus("c7i.32xlarge"), Some(128));
        assert_eq!(size_vcpus("r8g.metal-24xl"), Some(96));
        assert_eq!(size_vcpus("m5.large"), Some(2));
        for none in ["t3.medium", "c5.metal", "m5.xxlarge", "x.2Xlarge", "nodot", "a.metal-xl"] {
            assert_eq!(size_vcpus(none), None, "{none}");
        }
    }

    #[test]
    fn bare_metal_is_at_least_its_largest_sibling_for_every_listed_metal() {
        let mut checked = 0;
        for t in all().iter().filter(|t| t.name.ends_with(".metal")) {
            let Some(listed) = t.vcpus else { continue };
            let family = t.name.split_once('.').unwrap().0;
            let largest = all()
                .iter()
                .filter(|s| s.name != t.name && s.name.split_once('.').unwrap().0 == family)
                .filter_map(|s| s.vcpus.or_else(|| size_vcpus(s.name)))
                .max();
            if let Some(largest) = largest {
                assert_eq!(largest > 30, listed > 30, "{}", t.name);
                checked += 1;
            }
        }
        assert_eq!(checked, 50);
    }

    #[test]
    fn unlisted_vcpus_are_derived_from_the_size_name() {
        let d = Networking::default();
        let t = get("c7i.32xlarge");
        assert_eq!((t.vcpus, t.vcpu_basis), (None, Vcpus::FromSize(128)));
        assert_eq!(t.max_pods(d, Ceiling::ManagedNodeGroup), MaxPods::Exact(250));
        let metal = get("c5a.metal");
        assert_eq!(metal.vcpu_basis, Vcpus::AtLeast { count: 96, sibling: "c5a.24xlarge" });
        assert_eq!(metal.max_pods(d, Ceiling::ManagedNodeGroup), MaxPods::Exact(250));
        let undetermined: Vec<&str> = all()
            .iter()
            .filter(|t| matches!(t.max_pods(d, Ceiling::ManagedNodeGroup), MaxPods::DependsOnVcpus { .. }))
            .map(|t| t.name)
            .collect();
        assert_eq!(
            undetermined,
            [
                "bmn-sf1.metal",
                "mac-m3ultra.metal",
                "mac-m4max.metal",
                "u-12tb1.metal",
                "u-18tb1.metal",
                "u-24tb1.metal",
                "u-9tb1.metal"
            ]
        );
    }

    #[test]
    fn unknown_vcpus_are_certain_only_below_110() {
        let small = all()
            .iter()
            .find(|t| t.vcpu_basis == Vcpus::Unknown && t.uncapped(Networking::default()).unwrap() <= 110)
            .expect("a small type without vCPU data");
        let raw = small.uncapped(Networking::default()).unwrap();
        assert_eq!(small.max_pods(Networking::default(), Ceiling::ManagedNodeGroup), MaxPods::Exact(raw));
        let big = all()
            .iter()
            .find(|t| t.vcpu_basis == Vcpus::Unknown && t.uncapped(Networking::default()).unwrap() > 250)
            .expect("a large type without vCPU data");
        assert_eq!(
            big.max_pods(Networking::default(), Ceiling::ManagedNodeGroup),
            MaxPods::DependsOnVcpus { up_to_30_vcpus: 110, over_30_vcpus: 250 }
        );
        assert_eq!(big.max_pods(Networking::default(), Ceiling::ManagedNodeGroup).to_string(), "110|250");
    }

    #[test]
    fn types_without_eni_data_know_only_the_published_value() {
        let t = get("p3.2xlarge");
        assert_eq!(t.enis, None);
        assert_eq!(t.uncapped(Networking::default()), t.published_max_pods);
        assert_eq!(t.max_pods(PD, Ceiling::ManagedNodeGroup), MaxPods::Unknown);
        assert_eq!(t.max_pods(CN, Ceiling::ManagedNodeGroup), MaxPods::Unknown);
    }

    #[test]
    fn custom_networking_on_a_single_eni_leaves_host_network_pods() {
        let t = get("hpc6id.32xlarge");
        assert_eq!(t.enis, Some(1));
        assert_eq!(t.max_pods(CN, Ceiling::None), MaxPods::Exact(2));
    }

    #[test]
    fn lookup_ignores_case_and_suggests_close_names() {
        assert_eq!(get(" M5.Large ").name, "m5.large");
        assert!(lookup("m5.larg").is_none());
        assert_eq!(suggest("m5.larg").first(), Some(&"m5.large"));
        assert!(suggest("t3.medum").contains(&"t3.medium"));
        assert!(suggest("zzzzzzzzzzzz").is_empty());
    }

    #[test]
    fn bad_table_lines_are_reported_with_their_line() {
        let err = build_table("{\"instanceType\":\"x.large\"}\n", "", "").err().unwrap();
        assert!(
            err.to_string()
                .starts_with("instance-info.jsonl:1: invalid entry: missing field `defaultMaxENIs`"),
            "{err}"
        );
        let err = build_table("", "# c\nx.large ten\n", "").err().unwrap();
        assert_eq!(err.to_string(), "eni-max-pods.txt:2: max pods is not a count: \"ten\"");
    }
}
