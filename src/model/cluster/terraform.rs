//! Terraform → [`Cluster`]: one cluster per `aws_eks_cluster` resource and per
//! terraform-aws-modules/eks `module` block (the input names and defaults of its major version,
//! [`module`]), with the node groups, launch templates, add-ons, access entries, Fargate
//! profiles, OIDC providers and role policy attachments of the same module linked to it. Absent arguments take the AWS
//! provider's (or the module's) documented default, cited from eks-facts §5; values Terraform
//! only knows at apply time stay unknown. The resources are read by [`super::eks_api`] with the
//! provider's argument names below.

use crate::diagnostic::InputError;
use crate::document::Node;
use crate::document::hcl::{Block, Module};

use super::eks_api::{
    AccessEntryKeys, AccessPolicyKeys, AddonKeys, Bootstrap, ClusterKeys, Dialect, FargateKeys,
    GuardDutyKeys, LaunchTemplateKeys, Logging, NodeGroupKeys, OidcKeys, OutpostKeys, PodIdentityKeys,
    Policies, RemoteAccessKeys, Res, Resources, RoleKeys, TagShape, p,
};
use super::read::Reader;
use super::{Cluster, Field, Place, SourceKind};

mod era;
mod module;

const WHY_NONE: &str = "none in the Terraform module";
const WHY_INSTANCE: &str = "EKS uses t3.medium when `instance_types` is unset";
const WHY_SSH_OPEN: &str = "`remote_access` without `source_security_group_ids` opens SSH to 0.0.0.0/0";
const WHY_LT_ENCRYPTED: &str = "launch template volumes are not encrypted unless `encrypted = true`";
const WHY_ENTRY_TYPE: &str = "`type` defaults to STANDARD";

/// The AWS provider's names and defaults.
const TERRAFORM: Dialect = Dialect {
    form: "Terraform",
    container: "module",
    source: SourceKind::Terraform,
    cluster_name: "cluster_name",
    generated_name: None,
    at_head: false,
    why_none: WHY_NONE,
    cluster: ClusterKeys {
        kind: "aws_eks_cluster",
        name: "name",
        version: "version",
        auto_mode: ("compute_config[0].enabled", "Auto Mode is off unless `compute_config.enabled`"),
        public_access: ("vpc_config[0].endpoint_public_access", "`endpoint_public_access` defaults to true"),
        private_access: (
            "vpc_config[0].endpoint_private_access",
            "`endpoint_private_access` defaults to false",
        ),
        public_cidrs: "vpc_config[0].public_access_cidrs",
        encryption: (
            "encryption_config",
            "encryption_config[0].provider[0].key_arn",
            "no `encryption_config`: secrets use no customer key",
        ),
        encryption_resources: "encryption_config[0].resources",
        logging: Logging {
            path: "enabled_cluster_log_types",
            item_key: None,
            why: "`enabled_cluster_log_types` defaults to none",
        },
        auth_mode: (
            "access_config[0].authentication_mode",
            "EKS uses CONFIG_MAP when `authentication_mode` is omitted",
        ),
        bootstrap: Bootstrap {
            path: "access_config[0].bootstrap_cluster_creator_admin_permissions",
            why_true: "without `access_config`, EKS grants the cluster creator admin",
            false_in_block: Some((
                "access_config",
                "with `access_config` and the argument omitted, the provider sends false",
            )),
        },
        role_arn: "role_arn",
        tags: ("tags", TagShape::Map),
        outpost: OutpostKeys {
            block: "outpost_config",
            arns: "outpost_config[0].outpost_arns",
            instance_type: "outpost_config[0].control_plane_instance_type",
            why_region: "no `outpost_config`: the control plane runs in the AWS Region",
        },
    },
    node_group: NodeGroupKeys {
        kind: "aws_eks_node_group",
        name: "node_group_name",
        instance_types: ("instance_types", WHY_INSTANCE),
        ami_type: "ami_type",
        subnets: "subnet_ids",
        capacity_type: ("capacity_type", "`capacity_type` defaults to ON_DEMAND"),
        scaling: [
            "scaling_config[0].min_size",
            "scaling_config[0].desired_size",
            "scaling_config[0].max_size",
        ],
        labels: "labels",
        taints: ("taint", ["key", "value", "effect"]),
        tags: "tags",
        disk_size: ("disk_size", "`disk_size` defaults to 20 GiB without a launch template"),
        launch_template: ("launch_template", ["launch_template[0].id", "launch_template[0].name"]),
        remote_access: RemoteAccessKeys {
            block: "remote_access",
            key: "remote_access[0].ec2_ssh_key",
            source_groups: "remote_access[0].source_security_group_ids",
            why_none: "no `remote_access` block: no SSH access",
            why_open: WHY_SSH_OPEN,
        },
    },
    launch_template: LaunchTemplateKeys {
        kind: "aws_launch_template",
        block_devices: "block_device_mappings",
        ebs: "block_device_mappings[0].ebs[0]",
        ebs_keys: ["volume_type", "volume_size", "encrypted", "kms_key_id"],
        why_unencrypted: WHY_LT_ENCRYPTED,
        metadata: "metadata_options",
        http_tokens: (
            "metadata_options[0].http_tokens",
            Some(("optional", "`metadata_options` without `http_tokens` allows IMDSv1")),
        ),
        hop_limit: (
            "metadata_options[0].http_put_response_hop_limit",
            Some((1, "`http_put_response_hop_limit` defaults to 1")),
        ),
        key_name: "key_name",
    },
    addon: AddonKeys {
        kind: "aws_eks_addon",
        name: "addon_name",
        version: "addon_version",
        role_arn: "service_account_role_arn",
        configuration: "configuration_values",
        associations: ("pod_identity_association", "service_account", "role_arn"),
        why_unknown_name: "an add-on's name is known only at apply",
    },
    access_entry: AccessEntryKeys {
        kind: "aws_eks_access_entry",
        principal: "principal_arn",
        entry_type: ("type", WHY_ENTRY_TYPE),
        username: "user_name",
        groups: "kubernetes_groups",
        policies: Policies::Separate("aws_eks_access_policy_association", "principal_arn"),
    },
    access_policy: AccessPolicyKeys {
        arn: "policy_arn",
        scope: "access_scope[0]",
        scope_type: "type",
        namespaces: "namespaces",
    },
    pod_identity: PodIdentityKeys {
        kind: "aws_eks_pod_identity_association",
        namespace: "namespace",
        service_account: "service_account",
        role_arn: "role_arn",
    },
    fargate: FargateKeys {
        kind: "aws_eks_fargate_profile",
        name: "fargate_profile_name",
        subnets: "subnet_ids",
        tags: Some("tags"),
    },
    oidc: OidcKeys {
        kind: "aws_iam_openid_connect_provider",
        url: "url",
        issuer: "identity",
        why_none: "no `aws_iam_openid_connect_provider` for the cluster issuer in the module",
    },
    role: RoleKeys {
        kind: "aws_iam_role",
        managed: "managed_policy_arns",
        attachments: Some(("aws_iam_role_policy_attachment", "role", "policy_arn", "name")),
    },
    guardduty: GuardDutyKeys {
        kind: "aws_guardduty_detector_feature",
        features: None,
        keys: ["name", "status", "additional_configuration", "name"],
        at: "name",
    },
};

/// The clusters a Terraform module defines.
#[must_use]
pub fn clusters(module: &Module) -> (Vec<Cluster>, Vec<InputError>) {
    let mut errors = Vec::new();
    let modules: Vec<Cluster> = module
        .blocks_of("module")
        .filter(|b| module::is_eks_module(b) && exists(b) && created(b))
        .map(|b| module::cluster(b, &mut errors))
        .collect();
    let clusters = super::eks_api::clusters(module, &TERRAFORM, modules, &mut errors);
    (clusters, errors)
}

/// The clusters, node groups, Fargate profiles and eks module blocks a module writes but does
/// not create: a `count` of 0, an empty `for_each`, or the module's `create = false`, as written
/// or as the variables' values make them. They are left out of the model; the loader says so.
#[must_use]
pub fn not_created(module: &Module) -> Vec<&Block> {
    let modelled = |b: &Block| match b.kind.as_str() {
        "resource" => {
            matches!(
                b.resource_type(),
                Some("aws_eks_cluster" | "aws_eks_node_group" | "aws_eks_fargate_profile")
            )
        }
        "module" => module::is_eks_module(b),
        _ => false,
    };
    module.blocks.iter().filter(|b| modelled(b) && !(exists(b) && created(b))).collect()
}

/// `create = false` makes the eks module (or one of its node groups) create nothing; resources
/// have no such argument.
fn created(b: &Block) -> bool {
    b.get("create").and_then(Node::as_bool) != Some(false)
}

impl Resources for Module {
    fn of_type<'a>(&'a self, kind: &str) -> Vec<Res<'a>> {
        let of_kind = |b: &&Block| b.kind == "resource" && b.resource_type() == Some(kind);
        self.blocks.iter().filter(of_kind).filter(|b| exists(b)).map(res).collect()
    }

    fn at(&self, address: &str) -> Option<Res<'_>> {
        self.resource_at(address).map(res)
    }

    /// The region of the default `provider "aws"` block, when literal.
    fn region(&self, at: &Place) -> Field<String> {
        let provider =
            self.blocks_of("provider").find(|b| b.name() == Some("aws") && b.get("alias").is_none());
        match provider {
            Some(b) if b.get("region").is_some() => reader(b).string(&p("region"), None),
            _ => Field::unknown(at.clone(), "set by the provider configuration or environment"),
        }
    }
}

fn res(b: &Block) -> Res<'_> {
    Res {
        file: &b.file,
        address: b.address(),
        kind: b.resource_type().unwrap_or_default(),
        head: b.head,
        body: &b.body,
        vars: &b.var_uses,
    }
}

fn reader(b: &Block) -> Reader<'_> {
    res(b).reader()
}

/// False only for a `count` of 0 or an empty `for_each`, as written or as the variables' values
/// make them (`count = var.create ? 1 : 0`); an unknown count leaves the resource in.
fn exists(b: &Block) -> bool {
    let zero_count = b.get("count").and_then(Node::as_i64) == Some(0);
    let empty_each = b.get("for_each").is_some_and(|n| {
        n.is_literal()
            && (n.as_seq().is_some_and(<[Node]>::is_empty) || n.as_map().is_some_and(|m| m.is_empty()))
    });
    !(zero_count || empty_each)
}
