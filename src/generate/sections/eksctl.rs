//! `eksctl/cluster.yaml`: the hardened `ClusterConfig`, written field by field with a comment
//! on each hardening choice citing the guide (guide:G…) and the CIS Amazon EKS Benchmark v1.8.
//! Field names and defaults: eks-facts §1 (eksctl `pkg/apis/eksctl.io/v1alpha5`).

use std::fmt::Write as _;

use crate::generate::addons::{VPC_CNI_CONFIG, addons};
use crate::generate::facts::{CLUSTER_ADMIN_POLICY, log_types};
use crate::generate::names::{DEVELOPERS_GROUP, LOG_RETENTION_DAYS, VOLUME_SIZE};
use crate::generate::profile::{Endpoint, Profile};
use crate::generate::section::{File, IrsaRole, Plan, Row, Section};
use crate::generate::text::{comment, flow, q, yaml_lines};
use crate::i18n::{Lang, text};

pub struct Eksctl;

impl Section for Eksctl {
    fn files(&self, plan: &Plan) -> Vec<File> {
        vec![File::new("eksctl/cluster.yaml", cluster_yaml(plan))]
    }

    /// The cluster's rows: Terraform writes the same cluster.
    fn readme_rows(&self, _p: &Profile, lang: Lang) -> Vec<Row> {
        const BOTH: &str = "eksctl/cluster.yaml, terraform/main.tf";
        let row = |id: &str, guide, cis| Row::new(BOTH, text(lang, id), guide, cis);
        vec![
            row("gen-row-version", "G2.1, G3.3", "–"),
            row("gen-row-endpoint", "G5.4", "5.4.1, 5.4.2"),
            row("gen-row-secrets", "G4.6", "5.3.1"),
            row("gen-row-logs", "G5.2", "2.1.1, 2.1.2"),
            row("gen-row-oidc", "G3.2", "5.2.1"),
            row("gen-row-access", "G4.1, G4.2", "4.1.1, 4.1.7"),
            row("gen-row-nodes", "G5.1, G5.4", "5.4.3"),
            row("gen-row-volumes", "G3.2, G4.7", "–"),
            row("gen-row-network-policy-agent", "G4.4", "4.3.1, 5.4.4"),
            row("gen-row-monitoring", "G3.5, G4.8", "–"),
        ]
    }

    /// The audit log both forms turn on, and how to read it for attacks.
    fn readme_steps(&self, p: &Profile, lang: Lang) -> Vec<String> {
        vec![audit_log_step(p, lang)]
    }
}

/// Where the EKS audit log goes, what EKS's audit policy puts in it, and how to read it.
fn audit_log_step(p: &Profile, lang: Lang) -> String {
    format!(
        "{}\n\n\
         ```sh\n\
         aws logs filter-log-events --region {region} --log-group-name /aws/eks/{name}/cluster \\\n  \
         --log-stream-name-prefix kube-apiserver-audit --start-time $(( ($(date +%s) - 86400) * 1000 )) > audit.json\n\
         ladrillo audit-log audit.json\n\
         ```\n\n{}",
        crate::t!(lang, "gen-audit-log-step", name = p.name.as_str(), days = LOG_RETENTION_DAYS),
        text(lang, "gen-audit-log-continuous"),
        name = p.name,
        region = p.region,
    )
}

fn cluster_yaml(plan: &Plan) -> String {
    let p = plan.profile;
    let lang = plan.lang;
    let mut y = String::new();
    metadata(&mut y, p, lang);
    upgrade_policy(&mut y, p, lang);
    network(&mut y, p, lang);
    secrets_encryption(&mut y, p, lang);
    logging(&mut y, lang);
    iam(&mut y, p, lang, &plan.roles);
    access(&mut y, p, lang);
    addon_list(&mut y, p, lang);
    node_group(&mut y, p, lang);
    y
}

/// A comment of `generate.ftl` without arguments, at an indent.
fn note(y: &mut String, lang: Lang, indent: &str, id: &str) {
    y.push_str(&comment(indent, &text(lang, id)));
}

fn metadata(y: &mut String, p: &Profile, lang: Lang) {
    note(y, lang, "", "gen-eksctl-header");
    y.push_str("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n\n");
    y.push_str("metadata:\n");
    let _ = writeln!(y, "  name: {}", q(&p.name));
    let _ = writeln!(y, "  region: {}", q(&p.region));
    if p.extended_support {
        note(y, lang, "  ", "gen-eksctl-version-extended");
    } else {
        note(y, lang, "  ", "gen-eksctl-version");
    }
    let _ = writeln!(y, "  version: {}", q(&p.version.name()));
    if !p.tags.is_empty() {
        note(y, lang, "  ", "gen-eksctl-tags");
        y.push_str("  tags:\n");
        for (k, v) in &p.tags {
            let _ = writeln!(y, "    {}: {}", q(k), q(v));
        }
    }
    y.push('\n');
}

/// Zones, VPC and API endpoint.
fn network(y: &mut String, p: &Profile, lang: Lang) {
    if !p.zones.is_empty() {
        note(y, lang, "", "gen-eksctl-zones");
        let _ = writeln!(y, "availabilityZones: {}\n", flow(&p.zones));
    }
    match &p.endpoint {
        Endpoint::Private => {
            note(y, lang, "", "gen-eksctl-private");
            y.push_str("privateCluster:\n  enabled: true\n");
            y.push_str("  additionalEndpointServices: [\"autoscaling\", \"cloudformation\", \"logs\"]\n\n");
        }
        Endpoint::Restricted(cidrs) => {
            y.push_str("vpc:\n");
            note(y, lang, "  ", "gen-eksctl-nat");
            y.push_str("  nat:\n    gateway: HighlyAvailable\n");
            note(y, lang, "  ", "gen-eksctl-restricted");
            y.push_str("  clusterEndpoints:\n    privateAccess: true\n    publicAccess: true\n");
            let _ = writeln!(y, "  publicAccessCIDRs: {}\n", flow(cidrs));
        }
    }
}

/// What happens at the end of standard support, said explicitly (eksctl's default is EXTENDED).
fn upgrade_policy(y: &mut String, p: &Profile, lang: Lang) {
    if p.extended_support {
        let version = p.version.name();
        let until = p.version.support.end_of_extended.to_string();
        let text = crate::t!(lang, "gen-eksctl-upgrade-extended", version = version, until = until);
        y.push_str(&comment("", &text));
        y.push_str("upgradePolicy:\n  supportType: EXTENDED\n\n");
    } else {
        let end = p.version.end_of_standard().to_string();
        y.push_str(&comment("", &crate::t!(lang, "gen-eksctl-upgrade-standard", end = end)));
        y.push_str("upgradePolicy:\n  supportType: STANDARD\n\n");
    }
}

fn secrets_encryption(y: &mut String, p: &Profile, lang: Lang) {
    note(y, lang, "", "gen-eksctl-secrets");
    if p.kms_key_arn.is_none() {
        note(y, lang, "", "gen-eksctl-secrets-key");
    }
    let _ = writeln!(y, "secretsEncryption:\n  keyARN: {}\n", q(&p.kms_reference()));
}

fn logging(y: &mut String, lang: Lang) {
    note(y, lang, "", "gen-logs");
    y.push_str("cloudWatch:\n  clusterLogging:\n");
    let _ = writeln!(y, "    enableTypes: {}", flow(&log_types()));
    let _ = writeln!(y, "    logRetentionInDays: {LOG_RETENTION_DAYS}\n");
}

/// OIDC and the IRSA roles with custom policies; add-on roles are set on the add-ons.
fn iam(y: &mut String, p: &Profile, lang: Lang, roles: &[IrsaRole]) {
    y.push_str("iam:\n");
    note(y, lang, "  ", "gen-eksctl-oidc");
    y.push_str("  withOIDC: true\n");
    y.push_str("  serviceAccounts:\n");
    for role in roles {
        let Some(policy) = &role.policy else { continue };
        y.push_str(&comment("    ", &crate::t!(lang, "gen-eksctl-irsa-role", key = role.key)));
        y.push_str("    - metadata:\n");
        let _ = writeln!(y, "        name: {}", q(&role.service_account));
        let _ = writeln!(y, "        namespace: {}", q(&role.namespace));
        let _ = writeln!(y, "      roleName: {}", q(&p.irsa_role_name(role.key)));
        note(y, lang, "      ", "gen-eksctl-role-only");
        y.push_str("      roleOnly: true\n");
        y.push_str("      attachPolicy:\n");
        for line in yaml_lines(policy, 8) {
            let _ = writeln!(y, "{line}");
        }
    }
    y.push('\n');
}

fn access(y: &mut String, p: &Profile, lang: Lang) {
    y.push_str("accessConfig:\n");
    note(y, lang, "  ", "gen-eksctl-access-entries");
    y.push_str("  authenticationMode: API\n");
    note(y, lang, "  ", "gen-eksctl-no-creator-admin");
    y.push_str("  bootstrapClusterCreatorAdminPermissions: false\n");
    y.push_str("  accessEntries:\n");
    note(y, lang, "    ", "gen-eksctl-admin-role");
    let _ = writeln!(y, "    - principalARN: {}", q(&p.admin_role_arn));
    y.push_str("      type: STANDARD\n      accessPolicies:\n");
    let _ = writeln!(y, "        - policyARN: {}", q(CLUSTER_ADMIN_POLICY));
    y.push_str("          accessScope:\n            type: cluster\n");
    note(y, lang, "    ", "gen-eksctl-developers");
    let _ = writeln!(y, "    - principalARN: {}", q(&p.developer_role_arn));
    y.push_str("      type: STANDARD\n");
    let _ = writeln!(y, "      kubernetesGroups: {}", flow(&[DEVELOPERS_GROUP]));
    if p.karpenter {
        note(y, lang, "    ", "gen-eksctl-karpenter-nodes");
        let _ = writeln!(y, "    - principalARN: {}", q(&p.role_arn(&p.karpenter_node_role())));
        y.push_str("      type: EC2_LINUX\n");
    }
    y.push('\n');
}

fn addon_list(y: &mut String, p: &Profile, lang: Lang) {
    y.push_str(&comment("", &crate::t!(lang, "gen-eksctl-addons", version = p.version.name())));
    y.push_str("addons:\n");
    for (name, version) in addons(p) {
        let _ = writeln!(y, "  - name: {name}");
        if let Some(v) = version {
            let _ = writeln!(y, "    version: {}", q(v));
        }
        addon_settings(y, name, lang);
    }
    y.push('\n');
}

/// The IRSA role, configuration and reason of one add-on.
fn addon_settings(y: &mut String, name: &str, lang: Lang) {
    match name {
        "vpc-cni" => {
            note(y, lang, "    ", "gen-eksctl-vpc-cni-role");
            y.push_str("    attachPolicyARNs: [\"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy\"]\n");
            note(y, lang, "    ", "gen-eksctl-network-policy-agent");
            let _ = writeln!(y, "    configurationValues: {}", q(VPC_CNI_CONFIG));
        }
        "aws-ebs-csi-driver" => {
            note(y, lang, "    ", "gen-eksctl-ebs-csi");
            y.push_str("    wellKnownPolicies:\n      ebsCSIController: true\n");
        }
        "amazon-cloudwatch-observability" => {
            note(y, lang, "    ", "gen-eksctl-container-insights");
            y.push_str("    attachPolicyARNs: [\"arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy\"]\n");
        }
        "aws-guardduty-agent" => note(y, lang, "    ", "gen-eksctl-guardduty"),
        "metrics-server" => note(y, lang, "    ", "gen-eksctl-metrics-server"),
        "eks-pod-identity-agent" => note(y, lang, "    ", "gen-eksctl-pod-identity"),
        _ => {}
    }
}

fn node_group(y: &mut String, p: &Profile, lang: Lang) {
    y.push_str("managedNodeGroups:\n");
    note(y, lang, "  ", "gen-eksctl-managed-nodes");
    let _ = writeln!(y, "  - name: {}", q(&p.nodegroup));
    y.push_str("    amiFamily: AmazonLinux2023\n");
    if p.spot {
        note(y, lang, "    ", "gen-eksctl-spot");
        y.push_str("    spot: true\n");
        let _ = writeln!(y, "    instanceTypes: {}", flow(&p.instance_types));
    } else {
        let _ = writeln!(y, "    instanceType: {}", q(p.instance_types.first().map_or("", String::as_str)));
    }
    let _ = writeln!(y, "    minSize: {}\n    desiredCapacity: {}\n    maxSize: {}", p.min, p.desired, p.max);
    if !p.zones.is_empty() {
        let _ = writeln!(y, "    availabilityZones: {}", flow(&p.zones));
    }
    note(y, lang, "    ", "gen-eksctl-private-nodes");
    y.push_str("    privateNetworking: true\n");
    note(y, lang, "    ", "gen-eksctl-volumes");
    let _ = writeln!(y, "    volumeType: gp3\n    volumeSize: {VOLUME_SIZE}\n    volumeEncrypted: true");
    note(y, lang, "    ", "gen-eksctl-imds");
    y.push_str("    disableIMDSv1: true\n    disablePodIMDS: true\n");
    note(y, lang, "    ", "gen-eksctl-no-ssh");
    y.push_str("    ssh:\n      allow: false\n");
    y.push_str("    updateConfig:\n      maxUnavailablePercentage: 33\n");
    if !p.karpenter {
        note(y, lang, "    ", "gen-autoscaler-tags");
        y.push_str("    propagateASGTags: true\n    tags:\n");
        let _ = writeln!(y, "      k8s.io/cluster-autoscaler/enabled: \"true\"");
        let _ = writeln!(y, "      {}: \"owned\"", q(&format!("k8s.io/cluster-autoscaler/{}", p.name)));
    }
}
