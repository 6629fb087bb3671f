//! Compliance frameworks: every control of each framework, the input that can decide it, and
//! what to check by hand when no definition can. Which rules implement a control comes from the
//! rules' own metadata (`references` for CIS and NSA-CISA, `guide:` for the guide); Pod Security
//! Standards controls are the checks of the Pod Security evaluator. `docs/frameworks.md` is
//! generated from this module and checked by a test.

use std::fmt::Write as _;

use super::{Group, Rule, all, guide_map};
use crate::analysis::pss::{self, CheckId, Level};

/// A framework `ladrillo report --framework` scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum, serde::Serialize)]
pub enum FrameworkId {
    #[value(name = "cis-eks-1.8")]
    #[serde(rename = "cis-eks-1.8")]
    CisEks18,
    #[value(name = "pss-baseline")]
    #[serde(rename = "pss-baseline")]
    PssBaseline,
    #[value(name = "pss-restricted")]
    #[serde(rename = "pss-restricted")]
    PssRestricted,
    #[value(name = "nsa-cisa")]
    #[serde(rename = "nsa-cisa")]
    NsaCisa,
    #[value(name = "guide")]
    #[serde(rename = "guide")]
    Guide,
}

/// The kind of input that can decide a control.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Input {
    /// An EKS cluster definition (eksctl, Terraform, CloudFormation, `aws eks describe-*`).
    Cluster,
    /// Pod-bearing objects (Pods, Deployments, CronJobs, …).
    Workloads,
    /// Roles, ClusterRoles and their bindings.
    Rbac,
    /// Kubernetes objects that live in a namespace.
    Namespaced,
    /// StorageClasses: where volumes' encryption at rest is set.
    StorageClasses,
    /// Services and Ingresses: how workloads are exposed.
    Services,
    /// Any Kubernetes object.
    Objects,
}

impl Input {
    pub const ALL: [Input; 7] = [
        Self::Cluster,
        Self::Workloads,
        Self::Rbac,
        Self::Namespaced,
        Self::StorageClasses,
        Self::Services,
        Self::Objects,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cluster => "cluster",
            Self::Workloads => "workloads",
            Self::Rbac => "rbac",
            Self::Namespaced => "namespaced",
            Self::StorageClasses => "storage-classes",
            Self::Services => "services",
            Self::Objects => "objects",
        }
    }
}

/// One control of a framework.
#[derive(Clone, Copy, Debug)]
pub struct Control {
    pub id: &'static str,
    pub title: &'static str,
    /// Inputs that can decide it; empty when no definition can (always checked by hand).
    pub inputs: &'static [Input],
    /// What to check by hand when no rule decides it, or what the rules leave out.
    pub by_hand: &'static str,
}

/// How a framework's controls are decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Implementation {
    /// Rules citing `scheme:<control id>` in their references.
    References(&'static str),
    /// Rules citing the practice in `guide:`.
    Guide,
    /// The Pod Security evaluator at this level, newest version.
    PodSecurity(Level),
}

use Input::{
    Cluster as C, Namespaced as NS, Objects as O, Rbac as R, Services as SVC, StorageClasses as SC,
    Workloads as W,
};

const NODE: &str = "Node configuration is not in cluster definitions: check the kubelet on a node \
                    (`kube-bench run --targets node`), or the kubeletExtraConfig/NodeConfig you ship.";

/// CIS Amazon EKS Benchmark v1.8.0, every control (kube-bench `cfg/eks-1.8.0`).
const CIS_EKS_1_8: &[Control] = &[
    Control { id: "2.1.1", title: "Enable audit Logs", inputs: &[C], by_hand: "" },
    Control {
        id: "2.1.2",
        title: "Ensure audit logs are collected and managed",
        inputs: &[C],
        by_hand: "Check that the control-plane log group has a retention period and that the logs are reviewed or \
                  exported (CloudWatch Logs Insights, SIEM).",
    },
    Control {
        id: "3.1.1",
        title: "Ensure that the kubeconfig file permissions are set to 644 or more restrictive",
        inputs: &[],
        by_hand: NODE,
    },
    Control {
        id: "3.1.2",
        title: "Ensure that the kubelet kubeconfig file ownership is set to root:root",
        inputs: &[],
        by_hand: NODE,
    },
    Control {
        id: "3.1.3",
        title: "Ensure that the kubelet configuration file has permissions set to 644 or more restrictive",
        inputs: &[],
        by_hand: NODE,
    },
    Control {
        id: "3.1.4",
        title: "Ensure that the kubelet configuration file ownership is set to root:root",
        inputs: &[],
        by_hand: NODE,
    },
    Control {
        id: "3.2.1",
        title: "Ensure that the Anonymous Auth is Not Enabled",
        inputs: &[],
        by_hand: NODE,
    },
    Control {
        id: "3.2.2",
        title: "Ensure that the --authorization-mode argument is not set to AlwaysAllow",
        inputs: &[],
        by_hand: NODE,
    },
    Control { id: "3.2.3", title: "Ensure that a Client CA File is Configured", inputs: &[], by_hand: NODE },
    Control {
        id: "3.2.4",
        title: "Ensure that the --read-only-port is disabled",
        inputs: &[],
        by_hand: NODE,
    },
    Control {
        id: "3.2.5",
        title: "Ensure that the --streaming-connection-idle-timeout argument is not set to 0",
        inputs: &[],
        by_hand: NODE,
    },
    Control {
        id: "3.2.6",
        title: "Ensure that the --make-iptables-util-chains argument is set to true",
        inputs: &[],
        by_hand: NODE,
    },
    Control {
        id: "3.2.7",
        title: "Ensure that the --eventRecordQPS argument is set to 0 or a level which ensures appropriate event capture",
        inputs: &[],
        by_hand: NODE,
    },
    Control {
        id: "3.2.8",
        title: "Ensure that the --rotate-certificates argument is not present or is set to true",
        inputs: &[],
        by_hand: NODE,
    },
    Control {
        id: "3.2.9",
        title: "Ensure that the RotateKubeletServerCertificate argument is set to true",
        inputs: &[],
        by_hand: NODE,
    },
    Control {
        id: "4.1.1",
        title: "Ensure that the cluster-admin role is only used where required",
        inputs: &[R, C],
        by_hand: "",
    },
    Control { id: "4.1.2", title: "Minimize access to secrets", inputs: &[R], by_hand: "" },
    Control {
        id: "4.1.3",
        title: "Minimize wildcard use in Roles and ClusterRoles",
        inputs: &[R],
        by_hand: "",
    },
    Control { id: "4.1.4", title: "Minimize access to create pods", inputs: &[R], by_hand: "" },
    Control {
        id: "4.1.5",
        title: "Ensure that default service accounts are not actively used.",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "4.1.6",
        title: "Ensure that Service Account Tokens are only mounted where necessary",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "4.1.7",
        title: "Cluster Access Manager API to streamline and enhance the management of access controls within EKS clusters",
        inputs: &[C],
        by_hand: "",
    },
    Control {
        id: "4.1.8",
        title: "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster",
        inputs: &[R],
        by_hand: "",
    },
    Control {
        id: "4.1.9",
        title: "Minimize access to create PersistentVolume objects",
        inputs: &[R],
        by_hand: "List who can create PersistentVolumes (`ladrillo rbac who-can create persistentvolumes PATH`) and \
                  keep it to storage administrators.",
    },
    Control {
        id: "4.1.10",
        title: "Minimize access to the proxy sub-resource of Node objects",
        inputs: &[R],
        by_hand: "",
    },
    Control {
        id: "4.1.11",
        title: "Minimize access to webhook configuration objects",
        inputs: &[R],
        by_hand: "",
    },
    Control {
        id: "4.1.12",
        title: "Minimize access to the service account token creation",
        inputs: &[R],
        by_hand: "",
    },
    Control {
        id: "4.2.1",
        title: "Minimize the admission of privileged containers",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "4.2.2",
        title: "Minimize the admission of containers wishing to share the host process ID namespace",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "4.2.3",
        title: "Minimize the admission of containers wishing to share the host IPC namespace",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "4.2.4",
        title: "Minimize the admission of containers wishing to share the host network namespace",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "4.2.5",
        title: "Minimize the admission of containers with allowPrivilegeEscalation",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "4.3.1",
        title: "Ensure CNI plugin supports network policies",
        inputs: &[C],
        by_hand: "Check that the vpc-cni add-on sets `enableNetworkPolicy: \"true\"` in its configuration values, or \
                  that Calico or Cilium enforces NetworkPolicies.",
    },
    Control {
        id: "4.3.2",
        title: "Ensure that all Namespaces have Network Policies defined",
        inputs: &[NS],
        by_hand: "",
    },
    Control {
        id: "4.4.1",
        title: "Prefer using secrets as files over secrets as environment variables",
        inputs: &[W],
        by_hand: "Look for `env[].valueFrom.secretKeyRef` and `envFrom[].secretRef` in pod templates and mount \
                  those Secrets as files instead.",
    },
    Control { id: "4.4.2", title: "Consider external secret storage", inputs: &[O], by_hand: "" },
    Control {
        id: "4.5.1",
        title: "Create administrative boundaries between resources using namespaces",
        inputs: &[],
        by_hand: "Check that teams and applications have their own namespaces, with RBAC, quotas and \
                  NetworkPolicies scoped to them.",
    },
    Control { id: "4.5.2", title: "The default namespace should not be used", inputs: &[NS], by_hand: "" },
    Control {
        id: "5.1.1",
        title: "Ensure Image Vulnerability Scanning using Amazon ECR image scanning or a third party provider",
        inputs: &[],
        by_hand: "Check that ECR repositories scan on push (or enhanced scanning is on) and that CI scans images \
                  before deployment.",
    },
    Control {
        id: "5.1.2",
        title: "Minimize user access to Amazon ECR",
        inputs: &[],
        by_hand: "Review the IAM policies that grant `ecr:*` to people; keep push rights to CI roles.",
    },
    Control {
        id: "5.1.3",
        title: "Minimize cluster access to read-only for Amazon ECR",
        inputs: &[],
        by_hand: "Check that the node role has `AmazonEC2ContainerRegistryReadOnly` or `…PullOnly` and nothing broader.",
    },
    Control {
        id: "5.1.4",
        title: "Minimize Container Registries to only those approved",
        inputs: &[],
        by_hand: "Check that an admission policy (Kyverno, Gatekeeper, ValidatingAdmissionPolicy) allows only \
                  approved registries.",
    },
    Control {
        id: "5.2.1",
        title: "Prefer using dedicated Amazon EKS Service Accounts",
        inputs: &[W, C],
        by_hand: "",
    },
    Control {
        id: "5.3.1",
        title: "Ensure Kubernetes Secrets are encrypted using Customer Master Keys (CMKs) managed in AWS KMS",
        inputs: &[C],
        by_hand: "",
    },
    Control {
        id: "5.4.1",
        title: "Restrict Access to the Control Plane Endpoint",
        inputs: &[C],
        by_hand: "",
    },
    Control {
        id: "5.4.2",
        title: "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled",
        inputs: &[C],
        by_hand: "",
    },
    Control {
        id: "5.4.3",
        title: "Ensure clusters are created with Private Nodes",
        inputs: &[C],
        by_hand: "",
    },
    Control {
        id: "5.4.4",
        title: "Ensure Network Policy is Enabled and set as appropriate",
        inputs: &[C, NS],
        by_hand: "Check that the CNI enforces NetworkPolicies (vpc-cni `enableNetworkPolicy`, Calico, Cilium) and \
                  that each namespace has default-deny policies.",
    },
    Control {
        id: "5.4.5",
        title: "Encrypt traffic to HTTPS load balancers with TLS certificates",
        inputs: &[SVC],
        by_hand: "Check that LoadBalancer Services and Ingresses terminate TLS with an ACM certificate \
                  (`service.beta.kubernetes.io/aws-load-balancer-ssl-cert`, `alb.ingress.kubernetes.io/certificate-arn`).",
    },
    Control {
        id: "5.5.1",
        title: "Manage Kubernetes RBAC users with AWS IAM Authenticator for Kubernetes or Upgrade to AWS CLI v1.16.156 or greater",
        inputs: &[],
        by_hand: "Check that kubeconfigs authenticate with `aws eks get-token` (AWS CLI 1.16.156 or newer).",
    },
];

/// NSA/CISA Kubernetes Hardening Guidance v1.2 (August 2022), one control per recommendation
/// topic; ids are ladrillo's (`nsa-cisa:<id>` in rule references).
const NSA_CISA: &[Control] = &[
    Control {
        id: "non-root-containers",
        title: "Use containers built to run applications as non-root users",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "immutable-filesystem",
        title: "Run containers with immutable (read-only) root file systems",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "image-scanning",
        title: "Scan container images for vulnerabilities and misconfigurations",
        inputs: &[],
        by_hand: "Check that CI and the registry scan images (Trivy, ECR scanning) and that an admission policy \
                  blocks images that fail.",
    },
    Control {
        id: "pod-security",
        title: "Enforce pod security: no privileged containers, host namespaces or privilege escalation",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "service-account-tokens",
        title: "Protect pod service account tokens",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "hardened-runtime",
        title: "Harden container environments (sandboxed runtimes, hypervisor isolation)",
        inputs: &[],
        by_hand: "Check whether untrusted workloads run on isolated nodes or sandboxed runtimes (Fargate, gVisor, \
                  Kata Containers).",
    },
    Control { id: "namespaces", title: "Separate resources with namespaces", inputs: &[NS], by_hand: "" },
    Control {
        id: "network-policies",
        title: "Restrict traffic with network policies, denying by default",
        inputs: &[NS],
        by_hand: "",
    },
    Control {
        id: "resource-policies",
        title: "Limit resources with requests, limits and quotas",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "control-plane",
        title: "Harden the control plane: private endpoint, restricted access",
        inputs: &[C],
        by_hand: "",
    },
    Control {
        id: "worker-node-segmentation",
        title: "Keep worker nodes in private networks, unreachable from the internet",
        inputs: &[C],
        by_hand: "",
    },
    Control { id: "encryption", title: "Encrypt data at rest and in transit", inputs: &[C, SC], by_hand: "" },
    Control {
        id: "secrets",
        title: "Encrypt Secrets and keep credentials out of manifests",
        inputs: &[C, O],
        by_hand: "",
    },
    Control {
        id: "cloud-metadata",
        title: "Protect sensitive cloud infrastructure: the instance metadata service",
        inputs: &[C],
        by_hand: "",
    },
    Control {
        id: "authentication",
        title: "Authenticate every user; no anonymous access",
        inputs: &[R, C],
        by_hand: "",
    },
    Control { id: "rbac", title: "Least-privilege role-based access control", inputs: &[R], by_hand: "" },
    Control { id: "audit-logging", title: "Enable and keep audit logs", inputs: &[C], by_hand: "" },
    Control {
        id: "threat-detection",
        title: "Detect threats at runtime from logs and monitoring",
        inputs: &[C],
        by_hand: "",
    },
    Control { id: "upgrades", title: "Apply upgrades and patches promptly", inputs: &[C], by_hand: "" },
];

/// Every Pod Security Standards check, with the control title of the standard
/// (kubernetes.io/docs/concepts/security/pod-security-standards). The level decides which apply.
const PSS_CHECKS: &[Control] = &[
    Control {
        id: "windowsHostProcess",
        title: "HostProcess: Windows HostProcess pods are forbidden",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "hostNamespaces",
        title: "Host Namespaces: sharing the host network, PID or IPC namespace is forbidden",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "privileged",
        title: "Privileged Containers: privileged pods disable most security mechanisms",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "capabilities_baseline",
        title: "Capabilities: adding capabilities beyond the default set is forbidden",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "hostPathVolumes",
        title: "HostPath Volumes: hostPath volumes are forbidden",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "hostPorts",
        title: "Host Ports: host ports are forbidden or limited to a known list",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "hostProbesAndHostLifecycle",
        title: "Host Probes / Lifecycle Hooks: the host field of probes and hooks is forbidden",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "appArmorProfile",
        title: "AppArmor: overriding the default profile is forbidden",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "seLinuxOptions",
        title: "SELinux: custom SELinux users, roles and types are forbidden",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "procMount",
        title: "/proc Mount Type: the default /proc masks are required",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "seccompProfile_baseline",
        title: "Seccomp: the Unconfined profile is forbidden",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "sysctls",
        title: "Sysctls: only a safe subset of sysctls is allowed",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "restrictedVolumes",
        title: "Volume Types: only known safe volume types are allowed",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "allowPrivilegeEscalation",
        title: "Privilege Escalation: allowPrivilegeEscalation must be false",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "runAsNonRoot",
        title: "Running as Non-root: containers must run as non-root users",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "runAsUser",
        title: "Running as Non-root user: runAsUser must not be 0",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "seccompProfile_restricted",
        title: "Seccomp: a RuntimeDefault or Localhost profile is required",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "capabilities_restricted",
        title: "Capabilities: drop ALL, add back only NET_BIND_SERVICE",
        inputs: &[W],
        by_hand: "",
    },
    Control {
        id: "procMount_restricted",
        title: "/proc Mount Type: the default /proc masks are required, even in user namespaces",
        inputs: &[W],
        by_hand: "",
    },
];

impl FrameworkId {
    pub const ALL: [FrameworkId; 5] =
        [Self::CisEks18, Self::PssBaseline, Self::PssRestricted, Self::NsaCisa, Self::Guide];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CisEks18 => "cis-eks-1.8",
            Self::PssBaseline => "pss-baseline",
            Self::PssRestricted => "pss-restricted",
            Self::NsaCisa => "nsa-cisa",
            Self::Guide => "guide",
        }
    }

    /// The framework's full name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::CisEks18 => "CIS Amazon EKS Benchmark v1.8.0",
            Self::PssBaseline => "Pod Security Standards: baseline",
            Self::PssRestricted => "Pod Security Standards: restricted",
            Self::NsaCisa => "NSA/CISA Kubernetes Hardening Guidance v1.2",
            Self::Guide => "Implementación Segura de un Clúster Kubernetes en AWS EKS",
        }
    }

    /// Where the control list comes from.
    #[must_use]
    pub fn source(self) -> &'static str {
        match self {
            Self::CisEks18 => "aquasecurity/kube-bench cfg/eks-1.8.0",
            Self::PssBaseline | Self::PssRestricted => {
                "kubernetes.io/docs/concepts/security/pod-security-standards (checks of k8s.io/pod-security-admission)"
            }
            Self::NsaCisa => {
                "NSA/CISA Kubernetes Hardening Guidance v1.2 (August 2022); one control per topic"
            }
            Self::Guide => "the guide's practices, numbered by section (docs/guide-map.md)",
        }
    }

    #[must_use]
    pub fn implementation(self) -> Implementation {
        match self {
            Self::CisEks18 => Implementation::References("cis-eks-1.8"),
            Self::NsaCisa => Implementation::References("nsa-cisa"),
            Self::Guide => Implementation::Guide,
            Self::PssBaseline => Implementation::PodSecurity(Level::Baseline),
            Self::PssRestricted => Implementation::PodSecurity(Level::Restricted),
        }
    }

    /// Every control, in the framework's order.
    #[must_use]
    pub fn controls(self) -> Vec<Control> {
        match self {
            Self::CisEks18 => CIS_EKS_1_8.to_vec(),
            Self::NsaCisa => NSA_CISA.to_vec(),
            Self::Guide => guide_map::PRACTICES
                .iter()
                .map(|p| Control { id: p.id, title: p.title_es, inputs: p.inputs, by_hand: p.also })
                .collect(),
            Self::PssBaseline | Self::PssRestricted => {
                let Implementation::PodSecurity(level) = self.implementation() else { return Vec::new() };
                pss::checks_of(level)
                    .into_iter()
                    .filter_map(|id| PSS_CHECKS.iter().find(|c| c.id == id.as_str()).copied())
                    .collect()
            }
        }
    }

    /// The rules implementing a control (never the audit-log detections, which `scan` does not
    /// run). Pod Security controls are the evaluator's checks: no rule.
    #[must_use]
    pub fn rules(self, control: &str) -> Vec<&'static dyn Rule> {
        let cites = |r: &&'static dyn Rule| match self.implementation() {
            Implementation::References(scheme) => r
                .meta()
                .references
                .iter()
                .any(|x| x.strip_prefix(scheme).and_then(|x| x.strip_prefix(':')) == Some(control)),
            Implementation::Guide => r.meta().guide.contains(&control),
            Implementation::PodSecurity(_) => false,
        };
        all().iter().copied().filter(|r| r.meta().group != Group::Audit).filter(cites).collect()
    }

    /// The Pod Security check of a control of a PSS framework.
    #[must_use]
    pub fn pss_check(self, control: &str) -> Option<CheckId> {
        let Implementation::PodSecurity(level) = self.implementation() else { return None };
        pss::checks_of(level).into_iter().find(|c| c.as_str() == control)
    }
}

impl std::fmt::Display for FrameworkId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `docs/frameworks.md`: every control of every framework and what decides it.
#[must_use]
pub fn frameworks_markdown() -> String {
    let mut out = String::from("# Compliance frameworks\n\n");
    out.push_str(
        "<!-- Generated from src/rules/frameworks.rs and rule metadata by \
         `LADRILLO_UPDATE_DOCS=1 cargo test --test docs`. Do not edit. -->\n\n",
    );
    out.push_str(
        "`ladrillo report --framework F PATH...` lists every control of a framework with its status: \
         **pass** (the rules that implement it ran on relevant input and found nothing), **fail** (with \
         the findings), **not-applicable** (the input has nothing the control is about, such as no \
         cluster definition for a cluster control, or only clusters whose control plane runs on AWS \
         Outposts for a control whose cluster rules cannot apply there) or **manual** (no definition can decide it; the \
         report says what to check by hand). The score is the share of passed controls among those \
         that passed or failed. Exit code: 0 when no control fails, 1 when one does, 2 on input errors.\n\n\
         Inputs: *cluster* = an EKS cluster definition (eksctl, Terraform, CloudFormation, \
         `aws eks describe-*`), *workloads* = pod-bearing objects, *rbac* = Roles, ClusterRoles and \
         bindings, *namespaced* = objects in a namespace, *storage-classes* = StorageClasses, *services* = \
         Services and Ingresses, *objects* = any Kubernetes object.\n",
    );
    for fw in FrameworkId::ALL {
        let _ = write!(out, "\n## `{}`: {}\n\nSource: {}.\n\n", fw.as_str(), fw.name(), fw.source());
        out.push_str("| Control | Title | Input | Decided by | Check by hand |\n|---|---|---|---|---|\n");
        for c in fw.controls() {
            let inputs: Vec<&str> = c.inputs.iter().map(|i| i.as_str()).collect();
            let decided = match fw.pss_check(c.id) {
                Some(check) => format!("Pod Security evaluator, check `{check}`"),
                None => {
                    let rules: Vec<String> = fw
                        .rules(c.id)
                        .iter()
                        .map(|r| format!("[`{}`](rules.md#{})", r.meta().name, r.meta().name))
                        .collect();
                    if rules.is_empty() || c.inputs.is_empty() {
                        "manual".to_string()
                    } else {
                        rules.join(", ")
                    }
                }
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                c.id,
                c.title.replace('|', "\\|"),
                if inputs.is_empty() { "—".to_string() } else { inputs.join(", ") },
                decided,
                c.by_hand.replace('|', "\\|")
            );
        }
    }
    out
}
