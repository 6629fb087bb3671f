//! How one form spells the EKS API: resource types, key paths, and the defaults it documents.

use super::super::SourceKind;
use super::super::read::Fallback;

/// How one form spells the EKS API: resource types, key paths, and the defaults it documents.
pub(crate) struct Dialect {
    /// `Terraform`, `CloudFormation`: for reasons of unknown values.
    pub form: &'static str,
    /// `module`, `template`: what holds the resources.
    pub container: &'static str,
    pub source: SourceKind,
    /// The key of every EKS resource that names its cluster.
    pub cluster_name: &'static str,
    /// Why an absent name is unknown (CloudFormation generates one); `None` when a name is required.
    pub generated_name: Option<&'static str>,
    /// Clusters and node groups point at the resource's head (the logical ID) rather than the name.
    pub at_head: bool,
    pub why_none: &'static str,
    pub cluster: ClusterKeys,
    pub node_group: NodeGroupKeys,
    pub launch_template: LaunchTemplateKeys,
    pub addon: AddonKeys,
    pub access_entry: AccessEntryKeys,
    pub access_policy: AccessPolicyKeys,
    pub pod_identity: PodIdentityKeys,
    pub fargate: FargateKeys,
    pub oidc: OidcKeys,
    pub role: RoleKeys,
    pub guardduty: GuardDutyKeys,
}

pub(crate) struct ClusterKeys {
    pub kind: &'static str,
    pub name: &'static str,
    pub version: &'static str,
    pub auto_mode: (&'static str, &'static str),
    pub public_access: (&'static str, &'static str),
    pub private_access: (&'static str, &'static str),
    pub public_cidrs: &'static str,
    /// The encryption block, and the key ARN inside it.
    pub encryption: (&'static str, &'static str, &'static str),
    /// The list of resources the encryption block encrypts (`secrets`).
    pub encryption_resources: &'static str,
    pub logging: Logging,
    pub auth_mode: (&'static str, &'static str),
    pub bootstrap: Bootstrap,
    pub role_arn: &'static str,
    pub tags: (&'static str, TagShape),
    pub outpost: OutpostKeys,
}

/// The block that puts the control plane on AWS Outposts, and its fields.
pub(crate) struct OutpostKeys {
    pub block: &'static str,
    pub arns: &'static str,
    pub instance_type: &'static str,
    /// Why the control plane is in the Region when the block is absent.
    pub why_region: &'static str,
}

/// Where enabled control-plane log types are listed.
pub(crate) struct Logging {
    pub path: &'static str,
    /// The key of each list item that holds the type (`Type`), or `None` for a list of strings.
    pub item_key: Option<&'static str>,
    pub why: &'static str,
}

/// `bootstrapClusterCreatorAdminPermissions`.
pub(crate) struct Bootstrap {
    pub path: &'static str,
    /// Why true applies when it is absent.
    pub why_true: &'static str,
    /// The Terraform provider sends false when the enclosing block is written without it: the
    /// block, and why.
    pub false_in_block: Option<(&'static str, &'static str)>,
}

#[derive(Clone, Copy)]
pub(crate) enum TagShape {
    /// `{key = value}`
    Map,
    /// `[{Key, Value}]`
    List,
}

pub(crate) struct NodeGroupKeys {
    pub kind: &'static str,
    pub name: &'static str,
    pub instance_types: (&'static str, &'static str),
    pub ami_type: &'static str,
    pub subnets: &'static str,
    pub capacity_type: (&'static str, &'static str),
    pub scaling: [&'static str; 3],
    pub labels: &'static str,
    /// The taint list and its item keys (key, value, effect).
    pub taints: (&'static str, [&'static str; 3]),
    pub tags: &'static str,
    pub disk_size: (&'static str, &'static str),
    /// The launch template argument, and the keys that may refer to the template resource.
    pub launch_template: (&'static str, [&'static str; 2]),
    pub remote_access: RemoteAccessKeys,
}

pub(crate) struct RemoteAccessKeys {
    pub block: &'static str,
    pub key: &'static str,
    pub source_groups: &'static str,
    pub why_none: &'static str,
    pub why_open: &'static str,
}

pub(crate) struct LaunchTemplateKeys {
    pub kind: &'static str,
    pub block_devices: &'static str,
    /// The EBS settings of the first device.
    pub ebs: &'static str,
    /// Volume type, size, encrypted, KMS key.
    pub ebs_keys: [&'static str; 4],
    pub why_unencrypted: &'static str,
    pub metadata: &'static str,
    pub http_tokens: (&'static str, Fallback<&'static str>),
    pub hop_limit: (&'static str, Fallback<i64>),
    pub key_name: &'static str,
}

pub(crate) struct AddonKeys {
    pub kind: &'static str,
    pub name: &'static str,
    pub version: &'static str,
    pub role_arn: &'static str,
    pub configuration: &'static str,
    /// The add-on's own Pod Identity associations: list, service account key, role key.
    pub associations: (&'static str, &'static str, &'static str),
    /// Why an add-on whose name is not literal makes the add-on list unknown.
    pub why_unknown_name: &'static str,
}

pub(crate) struct AccessEntryKeys {
    pub kind: &'static str,
    pub principal: &'static str,
    pub entry_type: (&'static str, &'static str),
    pub username: &'static str,
    pub groups: &'static str,
    pub policies: Policies,
}

/// Where an access entry's policies are.
pub(crate) enum Policies {
    /// A list inside the entry.
    Embedded(&'static str),
    /// Resources of their own naming the entry's principal: type and principal key.
    Separate(&'static str, &'static str),
}

pub(crate) struct AccessPolicyKeys {
    pub arn: &'static str,
    pub scope: &'static str,
    pub scope_type: &'static str,
    pub namespaces: &'static str,
}

pub(crate) struct PodIdentityKeys {
    pub kind: &'static str,
    pub namespace: &'static str,
    pub service_account: &'static str,
    pub role_arn: &'static str,
}

pub(crate) struct FargateKeys {
    pub kind: &'static str,
    pub name: &'static str,
    pub subnets: &'static str,
    pub tags: Option<&'static str>,
}

pub(crate) struct OidcKeys {
    pub kind: &'static str,
    pub url: &'static str,
    /// The cluster attribute a provider's URL refers to (`identity`, `OpenIdConnectIssuerUrl`).
    pub issuer: &'static str,
    pub why_none: &'static str,
}

pub(crate) struct RoleKeys {
    pub kind: &'static str,
    pub managed: &'static str,
    /// Attachment resources: type, role key, policy key; and the role's name key they may use.
    pub attachments: Option<(&'static str, &'static str, &'static str, &'static str)>,
}

pub(crate) struct GuardDutyKeys {
    pub kind: &'static str,
    /// The list of features in the resource, or `None` when the resource is one feature.
    pub features: Option<&'static str>,
    /// Name, status, additional configuration, its name.
    pub keys: [&'static str; 4],
    /// Where the model points when the managed agent is on.
    pub at: &'static str,
}
