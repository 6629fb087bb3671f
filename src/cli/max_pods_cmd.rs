//! `ladrillo max-pods`: VPC CNI max pods per EC2 instance type, as EKS managed node groups set it.

use std::fmt::Write as _;

use clap::{ArgGroup, Args, ValueEnum};
use serde::Serialize;

use crate::analysis::maxpods::{self, Ceiling, InstanceType, MaxPods, Networking, Vcpus};
use crate::i18n::{Lang, text};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum MaxPodsFormat {
    /// A table with the inputs of the formula.
    #[default]
    Text,
    /// One JSON document.
    Json,
    /// `instance-type<TAB>max-pods` lines, no header, one number per type. When not even the
    /// size name tells the vCPU count, the lower ceiling (110), which never overstates.
    Tsv,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").required(true).args(["instance_types", "all"])))]
#[command(after_help = "\
Secondary IP: ENIs × (IPv4 per ENI − 1) + 2. Prefix delegation: ENIs × (IPv4 per ENI − 1) × 16 + 2. \
Custom networking: one ENI fewer. EKS managed node groups on EKS AMIs cap the result at 110, or 250 \
above 30 vCPUs, in every mode; self-managed AL2023 nodes (nodeadm) apply no cap (UNCAPPED column). \
Data: EC2 tables from amazon-eks-ami, amazon-vpc-cni-k8s and the cluster autoscaler, built in.")]
pub struct MaxPodsArgs {
    /// EC2 instance types, e.g. `m5.large t3.medium`.
    #[arg(value_name = "INSTANCE_TYPE")]
    pub instance_types: Vec<String>,
    /// Every known instance type.
    #[arg(long, conflicts_with = "instance_types")]
    pub all: bool,
    /// VPC CNI prefix delegation (`ENABLE_PREFIX_DELEGATION=true`; Nitro instances only).
    #[arg(long)]
    pub prefix_delegation: bool,
    /// VPC CNI custom networking (`AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true`): the primary ENI has
    /// no pods.
    #[arg(long)]
    pub custom_networking: bool,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t)]
    pub format: MaxPodsFormat,
}

#[derive(Serialize)]
struct Report<'a> {
    prefix_delegation: bool,
    custom_networking: bool,
    ceiling: &'static str,
    instance_types: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Row<'a> {
    instance_type: &'a str,
    /// Listed in the vCPU table.
    vcpus: Option<u32>,
    /// When not listed: the count derived from the size name, which decides the ceiling.
    #[serde(skip_serializing_if = "Option::is_none")]
    vcpus_derived: Option<VcpusDerived>,
    enis: Option<u32>,
    ipv4_per_eni: Option<u32>,
    /// The formula before the ceiling.
    uncapped: Option<u32>,
    /// Null when undetermined; `if_vcpus` or `note` then says why.
    max_pods: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    if_vcpus: Option<IfVcpus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'static str>,
}

#[derive(Serialize)]
struct VcpusDerived {
    /// The count, or its lower bound when `at_least`.
    count: u32,
    at_least: bool,
    how: String,
}

#[derive(Serialize)]
struct IfVcpus {
    up_to_30: u32,
    over_30: u32,
}

const NOTE_VCPUS: &str = "vCPU count unknown, even from the size name: the first value applies up to 30 vCPUs, the second above 30";
const NOTE_NO_ENI: &str = "ENI data unknown: only the secondary-IP value is published for this type";

pub fn run(args: &MaxPodsArgs) -> i32 {
    // An unknown type is an error (exit 2), but the known ones asked beside it are still answered.
    let mut unknown = false;
    let types: Vec<&'static InstanceType> = if args.all {
        maxpods::all().iter().collect()
    } else {
        let mut found = Vec::new();
        for name in &args.instance_types {
            match maxpods::lookup(name) {
                Some(t) => found.push(t),
                None => {
                    unknown = true;
                    super::error(unknown_type(name));
                }
            }
        }
        if found.is_empty() {
            return 2;
        }
        found
    };
    let net =
        Networking { prefix_delegation: args.prefix_delegation, custom_networking: args.custom_networking };
    let ceiling = Ceiling::ManagedNodeGroup;
    let text = match args.format {
        MaxPodsFormat::Tsv => types.iter().fold(String::new(), |mut s, t| {
            let value = match t.max_pods(net, ceiling) {
                MaxPods::Exact(n) => n.to_string(),
                MaxPods::DependsOnVcpus { up_to_30_vcpus, .. } => up_to_30_vcpus.to_string(),
                MaxPods::Unknown => "unknown".to_string(),
            };
            let _ = writeln!(s, "{}\t{value}", t.name);
            s
        }),
        MaxPodsFormat::Json => {
            let report = Report {
                prefix_delegation: net.prefix_delegation,
                custom_networking: net.custom_networking,
                ceiling: "managed-node-group",
                instance_types: types.iter().map(|t| row(t, net, ceiling)).collect(),
            };
            serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
        }
        MaxPodsFormat::Text => text_table(&types, net, ceiling, super::lang()),
    };
    if super::print_stdout(&text) && !unknown { 0 } else { 2 }
}

fn unknown_type(name: &str) -> String {
    let close = maxpods::suggest(name);
    if close.is_empty() {
        crate::t!(super::lang(), "max-pods-unknown-type", name = name)
    } else {
        crate::t!(super::lang(), "max-pods-unknown-type-suggest", name = name, suggestions = close.join(", "))
    }
}

fn row(t: &'static InstanceType, net: Networking, ceiling: Ceiling) -> Row<'static> {
    let result = t.max_pods(net, ceiling);
    let (if_vcpus, note) = match result {
        MaxPods::Exact(_) => (None, None),
        MaxPods::DependsOnVcpus { up_to_30_vcpus, over_30_vcpus } => {
            (Some(IfVcpus { up_to_30: up_to_30_vcpus, over_30: over_30_vcpus }), Some(NOTE_VCPUS))
        }
        MaxPods::Unknown => (None, Some(NOTE_NO_ENI)),
    };
    Row {
        instance_type: t.name,
        vcpus: t.vcpus,
        vcpus_derived: match t.vcpu_basis {
            Vcpus::FromSize(count) => Some(VcpusDerived {
                count,
                at_least: false,
                how: t.vcpu_basis.derivation().unwrap_or_default(),
            }),
            Vcpus::AtLeast { count, .. } => Some(VcpusDerived {
                count,
                at_least: true,
                how: t.vcpu_basis.derivation().unwrap_or_default(),
            }),
            Vcpus::Listed(_) | Vcpus::Unknown => None,
        },
        enis: t.enis,
        ipv4_per_eni: t.ipv4_per_eni,
        uncapped: t.uncapped(net),
        max_pods: result.exact(),
        if_vcpus,
        note,
    }
}

fn text_table(types: &[&'static InstanceType], net: Networking, ceiling: Ceiling, lang: Lang) -> String {
    let mode = match (net.prefix_delegation, net.custom_networking) {
        (false, false) => "max-pods-mode-secondary-ip",
        (true, false) => "max-pods-mode-prefix-delegation",
        (false, true) => "max-pods-mode-custom-networking",
        (true, true) => "max-pods-mode-prefix-custom",
    };
    let mut out = crate::t!(lang, "max-pods-title", mode = text(lang, mode));
    out.push_str("\n\n");
    let header = [
        "max-pods-col-type",
        "max-pods-col-vcpus",
        "ENIS",
        "IPV4/ENI",
        "max-pods-col-uncapped",
        "max-pods-col-max",
    ]
    .map(|h| if h.starts_with("max-pods-") { text(lang, h) } else { h.to_string() });
    let cell = |v: Option<u32>| v.map_or_else(|| "-".to_string(), |n| n.to_string());
    let rows: Vec<[String; 6]> = types
        .iter()
        .map(|t| {
            let max = match t.max_pods(net, ceiling) {
                MaxPods::DependsOnVcpus { up_to_30_vcpus, over_30_vcpus } => {
                    crate::t!(lang, "max-pods-cell-or", first = up_to_30_vcpus, second = over_30_vcpus)
                }
                MaxPods::Unknown => crate::t!(lang, "max-pods-cell-unknown"),
                exact => exact.to_string(),
            };
            let vcpus = match t.vcpu_basis {
                Vcpus::Listed(n) => n.to_string(),
                Vcpus::FromSize(n) => format!("{n}~"),
                Vcpus::AtLeast { count, .. } => format!("≥{count}"),
                Vcpus::Unknown => "-".to_string(),
            };
            [t.name.to_string(), vcpus, cell(t.enis), cell(t.ipv4_per_eni), cell(t.uncapped(net)), max]
        })
        .collect();
    let mut widths = header.each_ref().map(|h| h.chars().count());
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut line = |cells: [&str; 6]| {
        let mut l = format!("{:<w$}", cells[0], w = widths[0]);
        for (c, w) in cells.iter().zip(widths).skip(1) {
            let _ = write!(l, "  {c:>w$}");
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(header.each_ref().map(String::as_str));
    for r in &rows {
        line(r.each_ref().map(String::as_str));
    }
    let results: Vec<MaxPods> = types.iter().map(|t| t.max_pods(net, ceiling)).collect();
    if types.iter().any(|t| matches!(t.vcpu_basis, Vcpus::FromSize(_))) {
        let _ = writeln!(out, "\n~ {}", text(lang, "max-pods-note-from-size"));
    }
    if types.iter().any(|t| matches!(t.vcpu_basis, Vcpus::AtLeast { .. })) {
        let _ = writeln!(out, "\n≥ {}", text(lang, "max-pods-note-metal"));
    }
    if results.iter().any(|r| matches!(r, MaxPods::DependsOnVcpus { .. })) {
        let _ = writeln!(out, "\n* {}", text(lang, "max-pods-note-vcpus"));
    }
    if results.contains(&MaxPods::Unknown) {
        let _ = writeln!(out, "\n† {}", text(lang, "max-pods-note-no-eni"));
    }
    if net.prefix_delegation {
        let _ = writeln!(out, "\n{}", text(lang, "max-pods-note-prefix-delegation"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The notes the JSON carries (English, as every identifier) are the English text of the
    /// table's notes.
    #[test]
    fn json_notes_are_the_english_table_notes() {
        assert_eq!(text(Lang::En, "max-pods-note-vcpus"), NOTE_VCPUS);
        assert_eq!(text(Lang::En, "max-pods-note-no-eni"), NOTE_NO_ENI);
    }
}
