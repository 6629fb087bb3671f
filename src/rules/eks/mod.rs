//! Rules of the `eks` group: checks over the EKS cluster model (control plane, identity and
//! access, node groups, add-ons), whatever form the cluster was written in.

use super::Rule;
use crate::model::cluster::{Cluster, NodeGroup, NodeGroupKind, SourceKind};

/// The form a cluster (or a node group of it) is written in, for help lines that name the
/// user's own attribute, property or field (`$form` in `help.ftl`): `eksctl`, `terraform`,
/// `cloudformation`, `karpenter` (an EC2NodeClass) or `other` (AWS CLI output, in-cluster
/// objects).
/// The cluster as messages name it: `cluster "prod"` (Spanish puts the article in the sentence).
pub(crate) fn cluster(c: &Cluster) -> crate::i18n::Msg {
    match c.name.value() {
        Some(n) => crate::msg!("eks-cluster-named", name = n),
        None => crate::msg!("eks-cluster"),
    }
}

/// A node group as messages name it: `managed node group "ng-1"`.
pub(crate) fn node_group(ng: &NodeGroup) -> crate::i18n::Msg {
    let kind = match ng.kind {
        NodeGroupKind::Managed => "managed",
        NodeGroupKind::SelfManaged => "self-managed",
        NodeGroupKind::Fargate => "fargate",
        NodeGroupKind::Karpenter => "karpenter",
    };
    match ng.name.value() {
        Some(n) => crate::msg!("eks-node-group-named", kind = kind, name = n),
        None => crate::msg!("eks-node-group", kind = kind),
    }
}

pub(crate) fn form(c: &Cluster, ng: Option<&NodeGroup>) -> &'static str {
    if ng.is_some_and(|n| n.kind == NodeGroupKind::Karpenter) {
        return "karpenter";
    }
    // A cluster of the terraform-aws-modules/eks module is set through the module's inputs,
    // not the resources' attributes: it gets the form-neutral line.
    let module = c.at.object.as_ref().is_some_and(|l| l.object.kind == "module");
    match c.source {
        SourceKind::Eksctl => "eksctl",
        SourceKind::Terraform if module => "other",
        SourceKind::Terraform => "terraform",
        SourceKind::CloudFormation => "cloudformation",
        SourceKind::AwsJson | SourceKind::InCluster => "other",
    }
}

pub mod broad_cluster_admin;
pub mod cluster_creator_admin;
pub mod cluster_role_missing_policy;
pub mod config_map_authentication;
pub mod container_insights_missing;
pub mod control_plane_logs_missing;
pub mod core_addon_missing;
pub mod incoherent_scaling;
pub mod incompatible_addon_version;
pub mod instance_metadata_exposed;
pub mod insufficient_pod_capacity;
pub mod nodes_in_public_subnets;
pub mod private_endpoint_disabled;
pub mod public_endpoint;
pub mod public_endpoint_open_to_internet;
pub mod required_tags_missing;
pub mod runtime_monitoring_missing;
pub mod secrets_without_customer_key;
pub mod single_zone_node_group;
pub mod spot_without_diversity;
pub mod ssh_open_to_internet;
pub mod unencrypted_node_volume;
pub mod unencrypted_storage_class;
pub mod unsupported_kubernetes_version;
pub mod workload_identity_missing;

pub(crate) static RULES: &[&dyn Rule] = &[
    &secrets_without_customer_key::SecretsWithoutCustomerKey,
    &public_endpoint_open_to_internet::PublicEndpointOpenToInternet,
    &public_endpoint::PublicEndpoint,
    &private_endpoint_disabled::PrivateEndpointDisabled,
    &control_plane_logs_missing::ControlPlaneLogsMissing,
    &workload_identity_missing::WorkloadIdentityMissing,
    &nodes_in_public_subnets::NodesInPublicSubnets,
    &single_zone_node_group::SingleZoneNodeGroup,
    &unencrypted_node_volume::UnencryptedNodeVolume,
    &instance_metadata_exposed::InstanceMetadataExposed,
    &ssh_open_to_internet::SshOpenToInternet,
    &unsupported_kubernetes_version::UnsupportedKubernetesVersion,
    &config_map_authentication::ConfigMapAuthentication,
    &cluster_creator_admin::ClusterCreatorAdmin,
    &broad_cluster_admin::BroadClusterAdmin,
    &core_addon_missing::CoreAddonMissing,
    &incompatible_addon_version::IncompatibleAddonVersion,
    &incoherent_scaling::IncoherentScaling,
    &spot_without_diversity::SpotWithoutDiversity,
    &cluster_role_missing_policy::ClusterRoleMissingPolicy,
    &required_tags_missing::RequiredTagsMissing,
    &container_insights_missing::ContainerInsightsMissing,
    &runtime_monitoring_missing::RuntimeMonitoringMissing,
    &unencrypted_storage_class::UnencryptedStorageClass,
    &insufficient_pod_capacity::InsufficientPodCapacity,
];
