//! Field names of eksctl's `ClusterConfig` schema (eksctl-io/eksctl
//! `pkg/apis/eksctl.io/v1alpha5/assets/schema.json` at `99984adb`, beside eks-facts.md), and
//! the fields eksctl's own examples use since: `deletionProtection`
//! (`examples/46-deletion-protection-example.yaml`, `7a6c62c1`) and node groups'
//! `connectionTracking` (`examples/50-connection-tracking.yaml`, `8e699fe8`). eksctl rejects
//! unknown fields, so a misspelt key (`secretEncryption`) is an input error here too, rather
//! than a silently absent setting.

use crate::diagnostic::InputError;
use crate::document::{FieldPath, Node};

use super::read::Reader;

pub const ROOT: &[&str] = &[
    "accessConfig",
    "addons",
    "addonsConfig",
    "apiVersion",
    "autoModeConfig",
    "availabilityZones",
    "capabilities",
    "cloudWatch",
    "controlPlaneScalingConfig",
    "deletionProtection",
    "fargateProfiles",
    "gitops",
    "iam",
    "iamIdentityMappings",
    "identityProviders",
    "karpenter",
    "kind",
    "kubeAPIServerConfig",
    "kubeControllerManagerConfig",
    "kubeSchedulerConfig",
    "kubernetesNetworkConfig",
    "localZones",
    "managedNodeGroups",
    "metadata",
    "nodeGroups",
    "outpost",
    "privateCluster",
    "remoteNetworkConfig",
    "secretsEncryption",
    "upgradePolicy",
    "vpc",
    "zonalShiftConfig",
];
pub const METADATA: &[&str] =
    &["annotations", "forceUpdateVersion", "name", "region", "rollbackConfig", "tags", "version"];
pub const VPC: &[&str] = &[
    "autoAllocateIPv6",
    "cidr",
    "clusterEndpoints",
    "controlPlaneEgressMode",
    "controlPlaneOnPrivateSubnets",
    "controlPlaneSecurityGroupIDs",
    "controlPlaneSubnetIDs",
    "extraCIDRs",
    "extraIPv6CIDRs",
    "hostnameType",
    "id",
    "ipv6Cidr",
    "ipv6Pool",
    "manageSharedNodeSecurityGroupRules",
    "nat",
    "publicAccessCIDRs",
    "securityGroup",
    "sharedNodeSecurityGroup",
    "subnets",
];
pub const CLUSTER_ENDPOINTS: &[&str] = &["privateAccess", "publicAccess"];
pub const ACCESS_CONFIG: &[&str] =
    &["accessEntries", "authenticationMode", "bootstrapClusterCreatorAdminPermissions"];
pub const ACCESS_ENTRY: &[&str] =
    &["accessPolicies", "kubernetesGroups", "kubernetesUsername", "principalARN", "type"];
pub const CLOUD_WATCH: &[&str] = &["clusterLogging"];
pub const CLUSTER_LOGGING: &[&str] = &["enableTypes", "logRetentionInDays"];
pub const IAM: &[&str] = &[
    "fargatePodExecutionRoleARN",
    "fargatePodExecutionRolePermissionsBoundary",
    "podIdentityAssociations",
    "serviceAccounts",
    "serviceRoleARN",
    "serviceRolePermissionsBoundary",
    "vpcResourceControllerPolicy",
    "withOIDC",
];
pub const SECRETS_ENCRYPTION: &[&str] = &["keyARN"];
pub const PRIVATE_CLUSTER: &[&str] = &["additionalEndpointServices", "enabled", "skipEndpointCreation"];
pub const ADDONS_CONFIG: &[&str] = &["autoApplyPodIdentityAssociations", "disableDefaultAddons"];
pub const ADDON: &[&str] = &[
    "attachPolicy",
    "attachPolicyARNs",
    "configurationValues",
    "name",
    "namespaceConfig",
    "owners",
    "permissionsBoundary",
    "podIdentityAssociations",
    "publishers",
    "resolveConflicts",
    "serviceAccountRoleARN",
    "tags",
    "types",
    "useDefaultPodIdentityAssociations",
    "version",
    "wellKnownPolicies",
];
pub const MANAGED_NODE_GROUP: &[&str] = &[
    "additionalVolumes",
    "ami",
    "amiFamily",
    "asgSuspendProcesses",
    "availabilityZones",
    "bottlerocket",
    "capacityReservation",
    "connectionTracking",
    "desiredCapacity",
    "disableIMDSv1",
    "disablePodIMDS",
    "ebsOptimized",
    "efaEnabled",
    "enableDetailedMonitoring",
    "iam",
    "instanceMarketOptions",
    "instanceName",
    "instancePrefix",
    "instanceSelector",
    "instanceType",
    "instanceTypes",
    "labels",
    "launchTemplate",
    "maxPodsPerNode",
    "maxSize",
    "minSize",
    "name",
    "nodeRepairConfig",
    "outpostARN",
    "overrideBootstrapCommand",
    "placement",
    "preBootstrapCommands",
    "privateNetworking",
    "propagateASGTags",
    "releaseVersion",
    "securityGroups",
    "spot",
    "ssh",
    "subnets",
    "tags",
    "taints",
    "updateConfig",
    "volumeEncrypted",
    "volumeIOPS",
    "volumeKmsKeyID",
    "volumeName",
    "volumeSize",
    "volumeThroughput",
    "volumeType",
];
pub const NODE_GROUP: &[&str] = &[
    "additionalVolumes",
    "ami",
    "amiFamily",
    "asgMetricsCollection",
    "asgSuspendProcesses",
    "availabilityZones",
    "bottlerocket",
    "capacityReservation",
    "classicLoadBalancerNames",
    "clusterDNS",
    "connectionTracking",
    "containerRuntime",
    "cpuCredits",
    "desiredCapacity",
    "disableIMDSv1",
    "disablePodIMDS",
    "ebsOptimized",
    "efaEnabled",
    "enableDetailedMonitoring",
    "enclaveEnabled",
    "iam",
    "instanceMarketOptions",
    "instanceName",
    "instancePrefix",
    "instanceSelector",
    "instanceType",
    "instancesDistribution",
    "kubeletExtraConfig",
    "labels",
    "localZones",
    "maxInstanceLifetime",
    "maxPodsPerNode",
    "maxSize",
    "minSize",
    "name",
    "outpostARN",
    "overrideBootstrapCommand",
    "placement",
    "preBootstrapCommands",
    "privateNetworking",
    "propagateASGTags",
    "securityGroups",
    "ssh",
    "subnets",
    "tags",
    "taints",
    "targetGroupARNs",
    "updateConfig",
    "volumeEncrypted",
    "volumeIOPS",
    "volumeKmsKeyID",
    "volumeName",
    "volumeSize",
    "volumeThroughput",
    "volumeType",
];
pub const CONNECTION_TRACKING: &[&str] = &["tcpEstablishedTimeout", "udpStreamTimeout", "udpTimeout"];
pub const SSH: &[&str] =
    &["allow", "enableSsm", "publicKey", "publicKeyName", "publicKeyPath", "sourceSecurityGroupIds"];
pub const FARGATE_PROFILE: &[&str] =
    &["name", "podExecutionRoleARN", "selectors", "status", "subnets", "tags"];
pub const IAM_IDENTITY_MAPPING: &[&str] =
    &["account", "arn", "groups", "namespace", "noDuplicateARNs", "serviceName", "username"];
pub const SERVICE_ACCOUNT: &[&str] = &[
    "attachPolicy",
    "attachPolicyARNs",
    "attachRoleARN",
    "metadata",
    "permissionsBoundary",
    "roleName",
    "roleOnly",
    "status",
    "subjectPattern",
    "tags",
    "wellKnownPolicies",
];
pub const POD_IDENTITY_ASSOCIATION: &[&str] = &[
    "createServiceAccount",
    "disableSessionTags",
    "namespace",
    "permissionPolicy",
    "permissionPolicyARNs",
    "permissionPolicyName",
    "permissionsBoundaryARN",
    "policy",
    "roleARN",
    "roleName",
    "serviceAccountName",
    "tags",
    "targetRoleARN",
    "wellKnownPolicies",
];

/// Objects checked, by path from the root (`[]` marks every item of a list), with their keys.
const CHECKED: &[(&str, &[&str])] = &[
    ("", ROOT),
    ("metadata", METADATA),
    ("vpc", VPC),
    ("vpc.clusterEndpoints", CLUSTER_ENDPOINTS),
    ("accessConfig", ACCESS_CONFIG),
    ("accessConfig.accessEntries[]", ACCESS_ENTRY),
    ("cloudWatch", CLOUD_WATCH),
    ("cloudWatch.clusterLogging", CLUSTER_LOGGING),
    ("iam", IAM),
    ("iam.serviceAccounts[]", SERVICE_ACCOUNT),
    ("iam.podIdentityAssociations[]", POD_IDENTITY_ASSOCIATION),
    ("iamIdentityMappings[]", IAM_IDENTITY_MAPPING),
    ("secretsEncryption", SECRETS_ENCRYPTION),
    ("privateCluster", PRIVATE_CLUSTER),
    ("addonsConfig", ADDONS_CONFIG),
    ("addons[]", ADDON),
    ("managedNodeGroups[]", MANAGED_NODE_GROUP),
    ("managedNodeGroups[].ssh", SSH),
    ("managedNodeGroups[].connectionTracking", CONNECTION_TRACKING),
    ("nodeGroups[]", NODE_GROUP),
    ("nodeGroups[].ssh", SSH),
    ("nodeGroups[].connectionTracking", CONNECTION_TRACKING),
    ("fargateProfiles[]", FARGATE_PROFILE),
];

/// Reports every key of the checked objects that eksctl's schema does not know.
pub fn check(r: &mut Reader<'_>) {
    for (path, keys) in CHECKED {
        let mut nodes = vec![(FieldPath::root(), r.root)];
        for part in path.split('.').filter(|p| !p.is_empty()) {
            let (key, each) = part.strip_suffix("[]").map_or((part, false), |k| (k, true));
            nodes = nodes
                .into_iter()
                .filter_map(|(p, n)| n.get(key).map(|c| (p.key(key), c)))
                .flat_map(|(p, n): (FieldPath, &Node)| {
                    if each {
                        n.items().enumerate().map(|(i, item)| (p.clone().index(i), item)).collect::<Vec<_>>()
                    } else {
                        vec![(p, n)]
                    }
                })
                .collect();
        }
        for (p, node) in nodes {
            for e in node.as_map().map(|m| m.entries.as_ref()).unwrap_or_default() {
                if keys.contains(&e.key.as_str()) {
                    continue;
                }
                let Some(file) = &r.file else { continue };
                let close = crate::diagnostic::closest(&e.key, keys, 3);
                let message = match (p.is_root(), close) {
                    (true, None) => crate::msg!("input-eksctl-unknown-field", key = e.key.as_str()),
                    (true, Some(k)) => {
                        crate::msg!("input-eksctl-unknown-field-hint", key = e.key.as_str(), hint = k)
                    }
                    (false, None) => {
                        crate::msg!(
                            "input-eksctl-unknown-field-in",
                            key = e.key.as_str(),
                            path = p.to_string()
                        )
                    }
                    (false, Some(k)) => crate::msg!(
                        "input-eksctl-unknown-field-in-hint",
                        key = e.key.as_str(),
                        path = p.to_string(),
                        hint = k
                    ),
                };
                r.errors.push(InputError::at(file, e.key_span, message));
            }
        }
    }
}
