//! CloudFormation → [`Cluster`]: one cluster per `AWS::EKS::Cluster`, with the
//! `AWS::EKS::Nodegroup`, `AWS::EC2::LaunchTemplate`, `AWS::EKS::Addon`, `AWS::EKS::AccessEntry`,
//! `AWS::EKS::PodIdentityAssociation`, `AWS::EKS::FargateProfile`, `AWS::IAM::OIDCProvider` and
//! `AWS::IAM::Role` resources of the same template linked to it. Absent properties take the
//! documented EKS defaults (eks-facts §6); intrinsics the template cannot resolve stay unknown.
//! The resources are read by [`super::eks_api`] with the property names below.

use crate::diagnostic::InputError;
use crate::document::cloudformation::{Resource, Template};

use super::eks_api::{
    AccessEntryKeys, AccessPolicyKeys, AddonKeys, Bootstrap, ClusterKeys, Dialect, FargateKeys,
    GuardDutyKeys, LaunchTemplateKeys, Logging, NodeGroupKeys, OidcKeys, OutpostKeys, PodIdentityKeys,
    Policies, RemoteAccessKeys, Res, Resources, RoleKeys, TagShape,
};
use super::{Cluster, Field, Place, SourceKind};

/// CloudFormation's property names and the EKS API defaults.
const CLOUDFORMATION: Dialect = Dialect {
    form: "CloudFormation",
    container: "template",
    source: SourceKind::CloudFormation,
    cluster_name: "ClusterName",
    generated_name: Some("CloudFormation generates the name"),
    at_head: true,
    why_none: "none in the template",
    cluster: ClusterKeys {
        kind: "AWS::EKS::Cluster",
        name: "Name",
        version: "Version",
        auto_mode: ("ComputeConfig.Enabled", "Auto Mode is off unless `ComputeConfig.Enabled`"),
        public_access: ("ResourcesVpcConfig.EndpointPublicAccess", "`EndpointPublicAccess` defaults to true"),
        private_access: (
            "ResourcesVpcConfig.EndpointPrivateAccess",
            "`EndpointPrivateAccess` defaults to false",
        ),
        public_cidrs: "ResourcesVpcConfig.PublicAccessCidrs",
        encryption: (
            "EncryptionConfig",
            "EncryptionConfig[0].Provider.KeyArn",
            "no `EncryptionConfig`: secrets use no customer key",
        ),
        encryption_resources: "EncryptionConfig[0].Resources",
        logging: Logging {
            path: "Logging.ClusterLogging.EnabledTypes",
            item_key: Some("Type"),
            why: "no `Logging`: no control-plane logs",
        },
        auth_mode: ("AccessConfig.AuthenticationMode", "`AuthenticationMode` defaults to CONFIG_MAP"),
        bootstrap: Bootstrap {
            path: "AccessConfig.BootstrapClusterCreatorAdminPermissions",
            why_true: "`BootstrapClusterCreatorAdminPermissions` defaults to true",
            false_in_block: None,
        },
        role_arn: "RoleArn",
        tags: ("Tags", TagShape::List),
        outpost: OutpostKeys {
            block: "OutpostConfig",
            arns: "OutpostConfig.OutpostArns",
            instance_type: "OutpostConfig.ControlPlaneInstanceType",
            why_region: "no `OutpostConfig`: the control plane runs in the AWS Region",
        },
    },
    node_group: NodeGroupKeys {
        kind: "AWS::EKS::Nodegroup",
        name: "NodegroupName",
        instance_types: ("InstanceTypes", "EKS uses t3.medium when `InstanceTypes` is unset"),
        ami_type: "AmiType",
        subnets: "Subnets",
        capacity_type: ("CapacityType", "`CapacityType` defaults to ON_DEMAND"),
        scaling: ["ScalingConfig.MinSize", "ScalingConfig.DesiredSize", "ScalingConfig.MaxSize"],
        labels: "Labels",
        taints: ("Taints", ["Key", "Value", "Effect"]),
        tags: "Tags",
        disk_size: ("DiskSize", "`DiskSize` defaults to 20 GiB without a launch template"),
        launch_template: ("LaunchTemplate", ["LaunchTemplate.Id", "LaunchTemplate.Name"]),
        remote_access: RemoteAccessKeys {
            block: "RemoteAccess",
            key: "RemoteAccess.Ec2SshKey",
            source_groups: "RemoteAccess.SourceSecurityGroups",
            why_none: "no `RemoteAccess`: no SSH access",
            why_open: "`RemoteAccess` without `SourceSecurityGroups` opens SSH to 0.0.0.0/0",
        },
    },
    // The template's properties spell the EC2 API, as describe-launch-template-versions does.
    launch_template: LaunchTemplateKeys { kind: "AWS::EC2::LaunchTemplate", ..super::launch_templates::EC2 },
    addon: AddonKeys {
        kind: "AWS::EKS::Addon",
        name: "AddonName",
        version: "AddonVersion",
        role_arn: "ServiceAccountRoleArn",
        configuration: "ConfigurationValues",
        associations: ("PodIdentityAssociations", "ServiceAccount", "RoleArn"),
        why_unknown_name: "an add-on's name is resolved only when the stack is created",
    },
    access_entry: AccessEntryKeys {
        kind: "AWS::EKS::AccessEntry",
        principal: "PrincipalArn",
        entry_type: ("Type", "`Type` defaults to STANDARD"),
        username: "Username",
        groups: "KubernetesGroups",
        policies: Policies::Embedded("AccessPolicies"),
    },
    access_policy: AccessPolicyKeys {
        arn: "PolicyArn",
        scope: "AccessScope",
        scope_type: "Type",
        namespaces: "Namespaces",
    },
    pod_identity: PodIdentityKeys {
        kind: "AWS::EKS::PodIdentityAssociation",
        namespace: "Namespace",
        service_account: "ServiceAccount",
        role_arn: "RoleArn",
    },
    fargate: FargateKeys {
        kind: "AWS::EKS::FargateProfile",
        name: "FargateProfileName",
        subnets: "Subnets",
        tags: None,
    },
    oidc: OidcKeys {
        kind: "AWS::IAM::OIDCProvider",
        url: "Url",
        issuer: "OpenIdConnectIssuerUrl",
        why_none: "no `AWS::IAM::OIDCProvider` for the cluster issuer in the template",
    },
    role: RoleKeys { kind: "AWS::IAM::Role", managed: "ManagedPolicyArns", attachments: None },
    guardduty: GuardDutyKeys {
        kind: "AWS::GuardDuty::Detector",
        features: Some("Features"),
        keys: ["Name", "Status", "AdditionalConfiguration", "Name"],
        at: "Features",
    },
};

/// The clusters a CloudFormation template defines.
#[must_use]
pub fn clusters(t: &Template) -> (Vec<Cluster>, Vec<InputError>) {
    let mut errors = Vec::new();
    let clusters = super::eks_api::clusters(t, &CLOUDFORMATION, Vec::new(), &mut errors);
    (clusters, errors)
}

impl Resources for Template {
    fn of_type<'a>(&'a self, kind: &str) -> Vec<Res<'a>> {
        self.resources.iter().filter(|r| r.kind == kind).map(|r| res(self, r)).collect()
    }

    fn at(&self, address: &str) -> Option<Res<'_>> {
        self.resource_at(address).map(|r| res(self, r))
    }

    fn region(&self, at: &Place) -> Field<String> {
        Field::unknown(at.clone(), "the stack's region")
    }
}

fn res<'a>(t: &'a Template, r: &'a Resource) -> Res<'a> {
    Res {
        file: &t.file,
        address: r.logical_id.clone(),
        kind: &r.kind,
        head: r.id_span,
        body: &r.properties,
        vars: &[],
    }
}
