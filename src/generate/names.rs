//! Names and settings more than one section writes: a change here changes every file that
//! uses them together (eksctl, Terraform, `iam/`, `manifests/`, README).

use super::profile::{Endpoint, Profile};

/// The account id AWS uses in its documentation; stands in for the user's when unknown.
pub const PLACEHOLDER_ACCOUNT: &str = "111122223333";
/// The OIDC provider id is only known once the cluster exists; AWS's documentation example id
/// stands in for it.
pub const PLACEHOLDER_OIDC_ID: &str = "EXAMPLED539D4633E53DE1B71EXAMPLE";

/// Default node group settings: those of `eksctl create cluster` (eks-facts §1.5).
pub const DEFAULT_NODEGROUP: &str = "workers";
pub const DEFAULT_NODE_TYPE: &str = "m5.large";
pub const DEFAULT_NODES: u32 = 2;
/// Namespace of the example application when none is given.
pub const DEFAULT_NAMESPACE: &str = "mi-app";

/// The example application of the guide (G3.7 names its Deployment `mi-app`).
pub const APP: &str = "mi-app";
/// Where Cluster Autoscaler runs: a namespace of its own, closed by default-deny policies
/// (kube-system cannot be: EKS's own pods there need traffic no generic policy can describe).
pub const AUTOSCALER_NAMESPACE: &str = "cluster-autoscaler";
/// Namespaces of the bundle's own components, which application namespaces may not take.
pub const SYSTEM_NAMESPACES: [&str; 3] = [AUTOSCALER_NAMESPACE, "karpenter", "amazon-cloudwatch"];
/// Kubernetes group the developer access entry maps to; RBAC in `manifests/` binds it.
pub const DEVELOPERS_GROUP: &str = "developers";

/// Port the example application listens on (its image's).
pub const APP_PORT: u32 = 8080;
/// The example application's image (NGINX's unprivileged build, from ECR Public: no Docker Hub
/// rate limit, and an upstream ECR pull-through caches can mirror without credentials).
pub const APP_IMAGE: &str = "public.ecr.aws/nginx/nginx-unprivileged:1.29-alpine";

/// ECR pull-through cache rules a fully private cluster pulls the bundle's images through:
/// (repository prefix in the account's registry, upstream registry). Both upstreams need no
/// credentials (AWS CLI `ecr create-pull-through-cache-rule`).
pub const PULL_THROUGH: [(&str, &str); 2] =
    [("ecr-public", "public.ecr.aws"), ("registry-k8s-io", "registry.k8s.io")];

/// CloudWatch retention for control-plane logs, in days (CIS 2.1.2 asks that logs be kept).
pub const LOG_RETENTION_DAYS: u32 = 365;
/// Root volume size of nodes, GiB (eksctl's default).
pub const VOLUME_SIZE: u32 = 80;

impl Profile {
    /// The KMS key ARN eksctl is given: the user's, or the alias the README tells them to create.
    #[must_use]
    pub fn kms_reference(&self) -> String {
        self.kms_key_arn.clone().unwrap_or_else(|| {
            format!("arn:aws:kms:{}:{}:alias/{}", self.region, self.account_id, self.kms_alias())
        })
    }

    /// The alias of the key the bundle creates (without `alias/`).
    #[must_use]
    pub fn kms_alias(&self) -> String {
        format!("{}-eks-secrets", self.name)
    }

    /// The namespace of the example application.
    #[must_use]
    pub fn app_namespace(&self) -> &str {
        self.namespaces.first().map_or(DEFAULT_NAMESPACE, String::as_str)
    }

    /// The application's secret prefix in Secrets Manager.
    #[must_use]
    pub fn app_secret_prefix(&self) -> String {
        format!("{}/{APP}/", self.name)
    }

    /// The Cluster Autoscaler minor matches the cluster's (kubernetes/autoscaler README).
    #[must_use]
    pub fn autoscaler_image(&self) -> String {
        self.image(&format!("registry.k8s.io/autoscaling/cluster-autoscaler:v1.{}.0", self.version.minor))
    }

    /// Where nodes pull a public image from: the image itself, or in a fully private cluster
    /// (no internet egress) its copy in the account's ECR through a [`PULL_THROUGH`] rule.
    #[must_use]
    pub fn image(&self, upstream: &str) -> String {
        if self.endpoint != Endpoint::Private {
            return upstream.to_string();
        }
        PULL_THROUGH
            .iter()
            .find_map(|(prefix, registry)| {
                let rest = upstream.strip_prefix(registry)?.strip_prefix('/')?;
                Some(format!("{}/{prefix}/{rest}", self.ecr_registry()))
            })
            .unwrap_or_else(|| upstream.to_string())
    }

    /// The account's private ECR registry in the cluster's region.
    #[must_use]
    pub fn ecr_registry(&self) -> String {
        let domain = if self.region.starts_with("cn-") { "amazonaws.com.cn" } else { "amazonaws.com" };
        format!("{}.dkr.ecr.{}.{domain}", self.account_id, self.region)
    }

    /// Whether the cluster is fully private (`--private`).
    #[must_use]
    pub fn is_private(&self) -> bool {
        self.endpoint == Endpoint::Private
    }

    /// Name of the IAM role Karpenter's nodes use.
    #[must_use]
    pub fn karpenter_node_role(&self) -> String {
        format!("{}-karpenter-node", self.name)
    }

    /// ARN of an IAM role in the user's account.
    #[must_use]
    pub fn role_arn(&self, name: &str) -> String {
        format!("arn:aws:iam::{}:role/{name}", self.account_id)
    }

    /// IAM role name of an IRSA role (`mi-cluster-cluster-autoscaler`).
    #[must_use]
    pub fn irsa_role_name(&self, key: &str) -> String {
        format!("{}-{key}", self.name)
    }

    /// The OIDC issuer host and path, without `https://`.
    #[must_use]
    pub fn oidc_issuer(&self) -> String {
        format!("oidc.eks.{}.amazonaws.com/id/{PLACEHOLDER_OIDC_ID}", self.region)
    }

    /// Things the user must fill in before creating the cluster, for the CLI and the README.
    #[must_use]
    pub fn placeholders(&self) -> Vec<crate::i18n::Msg> {
        let mut out = Vec::new();
        if !self.account_known {
            out.push(crate::msg!("init-placeholder-account", account = PLACEHOLDER_ACCOUNT));
        }
        out
    }
}
