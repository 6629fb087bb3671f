//! `aws ec2 describe-launch-template-versions --output json` output
//! (`{"LaunchTemplateVersions": [ … ]}`) joined to the managed node groups of `describe-nodegroup`
//! output and of `scan --eks` that name a launch template (`launchTemplate{id, name, version}`):
//! the version a node group runs decides its IMDS, root volume and SSH key settings, which
//! `describe-nodegroup` does not show (eks-facts §7).
//!
//! A node group names its template by id (else by name) and a version: a number, `$Default`
//! (the version marked `DefaultVersion`; also when no version is given) or `$Latest` (the highest
//! `VersionNumber`), as EC2 resolves them. `$Latest` is the highest version *in the inputs*:
//! export every version (the command without `--versions`). A template or version the inputs do
//! not hold leaves the settings unknown, saying which.
//!
//! `ladrillo` does not call EC2 itself: the AWS SDK's EC2 crate is too large to build for this
//! one call (see `src/live/eks.rs`), so `--eks` takes the exported file instead.

use std::sync::Arc;

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Node, SourceFile};

use super::eks_api::{LaunchTemplateKeys, from_template};
use super::read::Reader;
use super::{AwsDocument, Cluster, Field, Place, SourceKind};

/// The keys of a version, which are those of CloudFormation's `AWS::EC2::LaunchTemplate`
/// properties (both spell the EC2 API).
pub(super) const EC2: LaunchTemplateKeys = LaunchTemplateKeys {
    kind: "describe-launch-template-versions",
    block_devices: "LaunchTemplateData.BlockDeviceMappings",
    ebs: "LaunchTemplateData.BlockDeviceMappings[0].Ebs",
    ebs_keys: ["VolumeType", "VolumeSize", "Encrypted", "KmsKeyId"],
    why_unencrypted: "EBS volumes are not encrypted unless `Encrypted: true`",
    metadata: "LaunchTemplateData.MetadataOptions",
    // Without `HttpTokens` EC2 applies the AMI's IMDS support (eks-facts §5.3).
    http_tokens: ("LaunchTemplateData.MetadataOptions.HttpTokens", None),
    hop_limit: ("LaunchTemplateData.MetadataOptions.HttpPutResponseHopLimit", None),
    key_name: "LaunchTemplateData.KeyName",
};

const WHY_NO_KMS_KEY: &str = "none in the template";
const NOT_IN_OUTPUT: &str = "not part of describe-nodegroup output";

/// The top-level key of the output.
pub const KEY: &str = "LaunchTemplateVersions";

/// Whether a document root is `describe-launch-template-versions` output: `LaunchTemplateVersions`
/// (a list) and nothing else but the paging token.
#[must_use]
pub fn recognize(root: &Node) -> bool {
    root.as_map().is_some_and(|m| {
        m.get(KEY).is_some_and(|n| n.as_seq().is_some())
            && m.iter().all(|(k, _)| k == KEY || k == "NextToken")
    })
}

/// The launch template a managed node group names (`launchTemplate` of describe-nodegroup).
#[derive(Clone, Debug)]
pub struct TemplateRef {
    pub id: Option<String>,
    pub name: Option<String>,
    /// As EKS reports it: a number, `$Default` or `$Latest`; `None` means `$Default`.
    pub version: Option<String>,
    /// The node group's `launchTemplate`.
    pub at: Place,
}

impl TemplateRef {
    /// `lt-0abc` or `"workers"`, for reasons.
    fn describe(&self) -> String {
        match (&self.id, &self.name) {
            (Some(id), _) => id.clone(),
            (None, Some(name)) => format!("\"{name}\""),
            (None, None) => "?".into(),
        }
    }
}

/// One version of the inputs.
struct Version<'a> {
    file: &'a Arc<SourceFile>,
    node: &'a Node,
    id: Option<String>,
    name: Option<String>,
    number: i64,
    default: bool,
}

/// Every version of the documents, in input order; malformed ones are input errors.
fn versions<'a>(aws: &'a [AwsDocument], errors: &mut Vec<InputError>) -> Vec<Version<'a>> {
    let mut out = Vec::new();
    for d in aws.iter().filter(|d| recognize(&d.root)) {
        for (i, item) in d.root.get(KEY).into_iter().flat_map(Node::items).enumerate() {
            let path = FieldPath::parse(KEY).index(i);
            if item.as_map().is_none() {
                errors.push(InputError::at(
                    &d.file,
                    item.span(),
                    crate::msg!(
                        "input-launch-template-not-mapping",
                        path = path.to_string(),
                        found = item.type_msg()
                    ),
                ));
                continue;
            }
            let mut r = Reader::new(Some(Arc::clone(&d.file)), item, item.span(), None);
            let mut text = |key: &str| {
                let path = FieldPath::parse(key);
                r.get(&path).is_some().then(|| r.string(&path, None).value().cloned()).flatten()
            };
            let id = text("LaunchTemplateId");
            let name = text("LaunchTemplateName");
            let number = r.int(&FieldPath::parse("VersionNumber"), None);
            let default = r.get(&FieldPath::parse("DefaultVersion")).is_some()
                && r.bool(&FieldPath::parse("DefaultVersion"), None).is_true();
            errors.append(&mut r.errors);
            let missing = if id.is_none() && name.is_none() {
                Some("input-launch-template-no-id")
            } else if r.get(&FieldPath::parse("VersionNumber")).is_none() {
                Some("input-launch-template-no-number")
            } else {
                None
            };
            if let Some(id) = missing {
                errors.push(InputError::at(&d.file, item.span(), crate::msg!(id, path = path.to_string())));
                continue;
            }
            let Some(&number) = number.value() else { continue };
            out.push(Version { file: &d.file, node: item, id, name, number, default });
        }
    }
    out
}

/// The version a reference resolves to, or why it stays unknown.
fn resolve<'v, 'a>(versions: &'v [Version<'a>], r: &TemplateRef) -> Result<&'v Version<'a>, String> {
    let template: Vec<&Version<'a>> = versions
        .iter()
        .filter(|v| match (&r.id, &r.name) {
            (Some(id), _) => v.id.as_ref() == Some(id),
            (None, Some(name)) => v.name.as_ref() == Some(name),
            (None, None) => false,
        })
        .collect();
    let lt = r.describe();
    if template.is_empty() {
        return Err(format!("launch template {lt} is not in the launch template versions input"));
    }
    let found = match r.version.as_deref() {
        None | Some("$Default") => template.iter().find(|v| v.default).copied(),
        Some("$Latest") => template.iter().max_by_key(|v| v.number).copied(),
        Some(n) => match n.parse::<i64>() {
            Ok(n) => template.iter().find(|v| v.number == n).copied(),
            Err(_) => {
                return Err(format!(
                    "launch template {lt} version `{n}` is not a number, $Default or $Latest"
                ));
            }
        },
    };
    let version = r.version.as_deref().unwrap_or("$Default");
    found.ok_or_else(|| {
        format!("launch template {lt} version {version} is not in the launch template versions input")
    })
}

/// Sets the IMDS, volume and SSH key settings of every managed node group read from AWS output
/// (describe-nodegroup, `scan --eks`) whose launch template version the documents hold; those
/// whose version they do not hold stay unknown, saying which. Nothing changes without any
/// `describe-launch-template-versions` document.
pub fn join(clusters: &mut [Cluster], aws: &[AwsDocument], errors: &mut Vec<InputError>) {
    if !aws.iter().any(|d| recognize(&d.root)) {
        return;
    }
    let versions = versions(aws, errors);
    for c in clusters.iter_mut().filter(|c| c.source == SourceKind::AwsJson) {
        for ng in &mut c.node_groups {
            let Some(r) = ng.launch_template.clone() else { continue };
            match resolve(&versions, &r) {
                Ok(v) => {
                    let head = v.node.get("VersionNumber").map_or(v.node.span(), |n| n.span());
                    let mut lr = Reader::new(Some(Arc::clone(v.file)), v.node, head, None);
                    let (volume, imds, ssh) = from_template(&mut lr, &EC2, NOT_IN_OUTPUT, WHY_NO_KMS_KEY);
                    ng.volume = volume;
                    ng.imds = imds;
                    if let Some(ssh) = ssh {
                        ng.ssh = ssh;
                    }
                    errors.append(&mut lr.errors);
                }
                Err(why) => {
                    let at = &r.at;
                    ng.volume.volume_type = Field::unknown(at.clone(), &why);
                    ng.volume.size_gib = Field::unknown(at.clone(), &why);
                    ng.volume.encrypted = Field::unknown(at.clone(), &why);
                    ng.volume.kms_key = Field::unknown(at.clone(), &why);
                    ng.imds.v2_required = Field::unknown(at.clone(), &why);
                    ng.imds.hop_limit = Field::unknown(at.clone(), &why);
                }
            }
        }
    }
}
