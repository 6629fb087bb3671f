//! `ladrillo init`: validate flags (or harden an eksctl file), generate the bundle, and write
//! it with `bundle_writer`: a non-empty `--out` is refused without `--force`; with `--force` only
//! the bundle's own files are replaced, nothing is deleted, and no link inside `--out` is
//! followed.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::generate::{self, Profile, Request};

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)]
pub struct InitArgs {
    /// Harden an existing eksctl ClusterConfig instead of starting from flags; flags given too
    /// override the file.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Cluster name.
    #[arg(long, short = 'n')]
    pub name: Option<String>,
    /// AWS region, e.g. us-east-1.
    #[arg(long, short = 'r')]
    pub region: Option<String>,
    /// Kubernetes version (default: the newest ladrillo knows, in EKS standard support).
    #[arg(long)]
    pub version: Option<String>,
    /// Accept a version in EKS extended support (charged extra per cluster hour), and let the
    /// cluster enter extended support instead of being upgraded when standard support ends.
    #[arg(long)]
    pub extended_support: bool,
    /// Availability zones (at least two), e.g. us-east-1a,us-east-1b.
    #[arg(long, value_delimiter = ',')]
    pub zones: Vec<String>,
    /// Name of the managed node group [default: workers].
    #[arg(long)]
    pub nodegroup_name: Option<String>,
    /// Instance type of the nodes [default: m5.large].
    #[arg(long, short = 't')]
    pub node_type: Option<String>,
    /// Desired number of nodes [default: 2].
    #[arg(long, short = 'N', value_parser = super::numbers::count)]
    pub nodes: Option<u32>,
    /// Minimum number of nodes [default: --nodes].
    #[arg(long, short = 'm', value_parser = super::numbers::count)]
    pub nodes_min: Option<u32>,
    /// Maximum number of nodes [default: --nodes].
    #[arg(long, short = 'M', value_parser = super::numbers::count)]
    pub nodes_max: Option<u32>,
    /// Spot capacity (needs --instance-types with two or more types).
    #[arg(long)]
    pub spot: bool,
    /// Instance types of a spot node group, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub instance_types: Vec<String>,
    /// Karpenter NodePool and EC2NodeClass instead of Cluster Autoscaler.
    #[arg(long)]
    pub karpenter: bool,
    /// Add ladrillo's admission webhook (manifests/ladrillo-webhook.yaml, warn mode, cert-manager).
    #[arg(long)]
    pub webhook: bool,
    /// Add the in-cluster scan: a CronJob running `ladrillo scan --cluster` every six hours that
    /// writes PolicyReports, with its read-only RBAC (manifests/ladrillo-scan-*.yaml).
    #[arg(long)]
    pub scan_cronjob: bool,
    /// Fully private cluster: no public endpoint, no internet egress, AWS APIs through VPC
    /// endpoints; reached from inside the VPC. This or --public-access-cidrs is required.
    #[arg(long)]
    pub private: bool,
    /// A public endpoint reachable only from these public CIDRs (comma-separated), from which you
    /// run eksctl and kubectl. This or --private is required.
    #[arg(long, value_delimiter = ',', value_name = "CIDRS")]
    pub public_access_cidrs: Vec<String>,
    /// Existing KMS key for Secrets encryption (default: the bundle creates one).
    #[arg(long, value_name = "ARN")]
    pub kms_key_arn: Option<String>,
    /// AWS account id used in ARNs (default: a placeholder to replace).
    #[arg(long, value_name = "ID")]
    pub account_id: Option<String>,
    /// IAM role given cluster admin through an access entry.
    #[arg(long, value_name = "ARN")]
    pub admin_role_arn: Option<String>,
    /// IAM role mapped to the read-only `developers` group.
    #[arg(long, value_name = "ARN")]
    pub developer_role_arn: Option<String>,
    /// Tags for every AWS resource: key=value,key=value.
    #[arg(long, value_delimiter = ',', value_name = "K=V")]
    pub tags: Vec<String>,
    /// Application namespaces to create [default: mi-app].
    #[arg(long, value_delimiter = ',')]
    pub namespaces: Vec<String>,
    /// Output directory.
    #[arg(long, short = 'o', default_value = "ladrillo-cluster", value_name = "DIR")]
    pub out: PathBuf,
    /// Write into a non-empty directory, overwriting the bundle's files (never deleting others).
    #[arg(long)]
    pub force: bool,
    /// Validate as of this day (YYYY-MM-DD) instead of today: it decides which Kubernetes
    /// versions are still in standard support.
    #[arg(long, value_name = "DATE", hide = true)]
    pub date: Option<String>,
}

pub fn run(args: &InitArgs) -> i32 {
    let lang = super::lang();
    let today = match &args.date {
        Some(d) => match d.trim().parse::<jiff::civil::Date>() {
            Ok(d) => d,
            Err(_) => {
                super::error(crate::t!(lang, "not-a-date", value = d.as_str()));
                return 2;
            }
        },
        None => jiff::Zoned::now().date(),
    };
    let (mut request, changes) = match &args.from {
        Some(path) => match generate::harden::from_file(path, lang) {
            Ok(h) => (h.request, h.changes),
            Err(messages) => {
                for m in messages {
                    super::error(m);
                }
                return 2;
            }
        },
        None => (Request::default(), Vec::new()),
    };
    let mut errors = Vec::new();
    apply_flags(args, &mut request, &mut errors);
    if !errors.is_empty() {
        for e in errors {
            super::error(e);
        }
        return 2;
    }
    let profile = match Profile::new(&request, today) {
        Ok(p) => p,
        Err(messages) => {
            for m in messages {
                super::error(m.render(lang));
            }
            return 2;
        }
    };
    let files = generate::bundle(&profile, lang);
    if let Err(e) = super::bundle_writer::write(&args.out, &files, args.force) {
        super::error(e);
        return 2;
    }
    let mut out = String::new();
    if !changes.is_empty() {
        let file = args.from.as_deref().map(Path::display).map(|d| d.to_string()).unwrap_or_default();
        out.push_str(&crate::t!(lang, "init-hardened", file = file));
        out.push('\n');
        for c in &changes {
            out.push_str(&format!("  - {}\n", c.render(lang)));
        }
    }
    let dir = args.out.display().to_string();
    out.push_str(&crate::t!(lang, "init-wrote", count = files.len(), dir = dir));
    out.push('\n');
    for p in profile.placeholders() {
        out.push_str(&crate::t!(lang, "warning", message = p.render(lang)));
        out.push('\n');
    }
    let readme = args.out.join("README.md").display().to_string();
    out.push_str(&crate::t!(lang, "init-next", readme = readme));
    out.push('\n');
    if super::print_stdout(&out) { 0 } else { 2 }
}

fn apply_flags(args: &InitArgs, r: &mut Request, errors: &mut Vec<String>) {
    let set = |dst: &mut Option<String>, src: &Option<String>| {
        if src.is_some() {
            dst.clone_from(src);
        }
    };
    set(&mut r.name, &args.name);
    set(&mut r.region, &args.region);
    set(&mut r.version, &args.version);
    set(&mut r.nodegroup_name, &args.nodegroup_name);
    set(&mut r.kms_key_arn, &args.kms_key_arn);
    set(&mut r.account_id, &args.account_id);
    set(&mut r.admin_role_arn, &args.admin_role_arn);
    set(&mut r.developer_role_arn, &args.developer_role_arn);
    if args.node_type.is_some() {
        r.node_type.clone_from(&args.node_type);
        r.instance_types.clear();
    }
    for (dst, src) in
        [(&mut r.nodes, args.nodes), (&mut r.nodes_min, args.nodes_min), (&mut r.nodes_max, args.nodes_max)]
    {
        if src.is_some() {
            *dst = src;
        }
    }
    let nonempty = |v: &[String]| v.iter().filter(|s| !s.trim().is_empty()).cloned().collect::<Vec<_>>();
    if !args.zones.is_empty() {
        r.zones = nonempty(&args.zones);
    }
    if !args.instance_types.is_empty() {
        r.instance_types = nonempty(&args.instance_types);
        r.node_type = None;
    }
    if !args.public_access_cidrs.is_empty() {
        r.public_access_cidrs = nonempty(&args.public_access_cidrs);
        // A restricted public endpoint given on the command line replaces a fully private file.
        r.private = args.private;
    }
    if !args.namespaces.is_empty() {
        r.namespaces = nonempty(&args.namespaces);
    }
    r.spot |= args.spot;
    r.extended_support |= args.extended_support;
    r.karpenter |= args.karpenter;
    r.webhook |= args.webhook;
    r.scan_cronjob |= args.scan_cronjob;
    r.private |= args.private;
    if args.private && args.public_access_cidrs.is_empty() {
        // A fully private cluster has no public endpoint to restrict.
        r.public_access_cidrs.clear();
    }
    for t in nonempty(&args.tags) {
        match t.split_once('=') {
            Some((k, v)) => {
                r.tags.retain(|(key, _)| key != k.trim());
                r.tags.push((k.trim().to_string(), v.trim().to_string()));
            }
            None => errors.push(crate::t!(super::lang(), "init-tag-not-key-value", value = t.as_str())),
        }
    }
}
