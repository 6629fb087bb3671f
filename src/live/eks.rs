//! `scan --eks NAME --region R`: the EKS control plane as AWS reports it, read with the AWS SDK
//! (the default credential chain: environment, profiles, SSO, the instance or Pod role) into the
//! document [`crate::model::cluster::eks_snapshot`] reads: describe-cluster, every node group,
//! Fargate profile, add-on, access entry with its associated access policies and Pod Identity
//! association, each as the API returns it. Read-only; the SDK retries throttled calls and the lists are paged.
//!
//! A call the credentials may not make leaves its list unknown, with a warning naming the IAM
//! action, and the rules over it do not report. Launch template versions (`ec2:`) are not read:
//! the AWS SDK's EC2 crate alone would add minutes and gigabytes of memory to every build for one
//! call, so node groups with a launch template keep their IMDS and volume settings unknown unless
//! `aws ec2 describe-launch-template-versions` output is given too (`--launch-template-versions`,
//! joined by [`crate::model::cluster::launch_templates`]); [`EksSnapshot::launch_templates`]
//! names the templates to export.

use aws_sdk_eks::Client;
use aws_sdk_eks::error::{ProvideErrorMetadata, SdkError};
use serde_json::{Map, Value, json};

use crate::i18n::Lang;

/// The IAM actions `--eks` uses, one per call (the shipped policy grants exactly these).
pub const IAM_ACTIONS: [&str; 11] = [
    "eks:DescribeCluster",
    "eks:ListNodegroups",
    "eks:DescribeNodegroup",
    "eks:ListFargateProfiles",
    "eks:DescribeFargateProfile",
    "eks:ListAddons",
    "eks:DescribeAddon",
    "eks:ListAccessEntries",
    "eks:DescribeAccessEntry",
    "eks:ListAssociatedAccessPolicies",
    "eks:ListPodIdentityAssociations",
];

/// The extra action for Pod Identity associations' roles.
pub const IAM_DESCRIBE_POD_IDENTITY: &str = "eks:DescribePodIdentityAssociation";

/// What `--eks` read.
#[derive(Debug)]
pub struct EksSnapshot {
    /// `eks NAME (REGION)`, as reports name it.
    pub name: String,
    /// The document for the loader.
    pub json: String,
    /// Calls refused, each naming its IAM action.
    pub warnings: Vec<String>,
    /// The lists left unknown, with the action refused: `accessEntries (eks:ListAccessEntries)`.
    pub not_read: Vec<String>,
    /// The launch templates the node groups name (id, else name), sorted, once each.
    pub launch_templates: Vec<String>,
}

/// Why the cluster could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Error(pub String);

/// Reads the cluster `name` in `region` (the SDK's endpoint resolution, so `AWS_ENDPOINT_URL`
/// and `AWS_ENDPOINT_URL_EKS` apply).
pub fn read(name: &str, region: &str, lang: Lang) -> Result<EksSnapshot, Error> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error(e.to_string()))?;
    runtime.block_on(read_async(name, region, lang))
}

async fn read_async(name: &str, region: &str, lang: Lang) -> Result<EksSnapshot, Error> {
    use aws_smithy_http_client::tls;
    let https = aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(tls::rustls_provider::CryptoMode::Ring))
        .build_https();
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .http_client(https)
        .region(aws_config::Region::new(region.to_string()))
        .load()
        .await;
    let client = Client::new(&config);
    let described = client.describe_cluster().name(name).send().await.map_err(|e| {
        Error(crate::t!(lang, "eks-cannot-describe", cluster = name, reason = sdk_reason(&e)))
    })?;
    let cluster = described.cluster.ok_or_else(|| Error(format!("no cluster {name} in the response")))?;
    let mut doc = Map::new();
    doc.insert("cluster".into(), cluster_json(&cluster));
    let mut reader = Reader {
        client: &client,
        name,
        lang,
        warnings: Vec::new(),
        unknown: Map::new(),
        not_read: Vec::new(),
    };
    if let Some(groups) = reader.nodegroups().await {
        doc.insert("nodegroups".into(), Value::Array(groups));
    }
    if let Some(profiles) = reader.fargate_profiles().await {
        doc.insert("fargateProfiles".into(), Value::Array(profiles));
    }
    if let Some(addons) = reader.addons().await {
        doc.insert("addons".into(), Value::Array(addons));
    }
    if let Some(entries) = reader.access_entries().await {
        doc.insert("accessEntries".into(), Value::Array(entries));
    }
    if let Some(assocs) = reader.pod_identity().await {
        doc.insert("podIdentityAssociations".into(), Value::Array(assocs));
    }
    let mut launch_templates: Vec<String> = doc
        .get("nodegroups")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|g| {
            let lt = g.pointer("/nodegroup/launchTemplate")?;
            lt.get("id").or_else(|| lt.get("name"))?.as_str().map(str::to_string)
        })
        .collect();
    launch_templates.sort();
    launch_templates.dedup();
    let Reader { warnings, unknown, not_read, .. } = reader;
    if !unknown.is_empty() {
        doc.insert("unknown".into(), Value::Object(unknown));
    }
    Ok(EksSnapshot {
        name: format!("eks {name} ({region})"),
        json: Value::Object(doc).to_string(),
        warnings,
        not_read,
        launch_templates,
    })
}

struct Reader<'a> {
    client: &'a Client,
    name: &'a str,
    lang: Lang,
    warnings: Vec<String>,
    /// Lists not read, by document key, with why.
    unknown: Map<String, Value>,
    not_read: Vec<String>,
}

impl Reader<'_> {
    /// Records a refused call: the list stays unknown.
    fn refused<E: ProvideErrorMetadata + std::error::Error + 'static, R: std::fmt::Debug>(
        &mut self,
        key: &str,
        action: &str,
        e: &SdkError<E, R>,
    ) {
        let reason = sdk_reason(e);
        let message = crate::t!(self.lang, "eks-call-refused", action = action, reason = reason.as_str());
        self.unknown.insert(key.into(), Value::String(message.clone()));
        self.warnings.push(message);
        self.not_read.push(format!("{key} ({action})"));
    }

    async fn nodegroups(&mut self) -> Option<Vec<Value>> {
        let names = match self
            .client
            .list_nodegroups()
            .cluster_name(self.name)
            .into_paginator()
            .items()
            .send()
            .collect::<Result<Vec<String>, _>>()
            .await
        {
            Ok(n) => n,
            Err(e) => {
                self.refused("nodegroups", "eks:ListNodegroups", &e);
                return None;
            }
        };
        let mut out = Vec::new();
        for n in names {
            match self.client.describe_nodegroup().cluster_name(self.name).nodegroup_name(&n).send().await {
                Ok(d) => out.extend(d.nodegroup.map(|g| json!({ "nodegroup": nodegroup_json(&g) }))),
                Err(e) => {
                    self.refused("nodegroups", "eks:DescribeNodegroup", &e);
                    return None;
                }
            }
        }
        Some(out)
    }

    async fn fargate_profiles(&mut self) -> Option<Vec<Value>> {
        let names = match self
            .client
            .list_fargate_profiles()
            .cluster_name(self.name)
            .into_paginator()
            .items()
            .send()
            .collect::<Result<Vec<String>, _>>()
            .await
        {
            Ok(n) => n,
            Err(e) => {
                self.refused("fargateProfiles", "eks:ListFargateProfiles", &e);
                return None;
            }
        };
        let mut out = Vec::new();
        for n in names {
            match self
                .client
                .describe_fargate_profile()
                .cluster_name(self.name)
                .fargate_profile_name(&n)
                .send()
                .await
            {
                Ok(d) => out.extend(d.fargate_profile.map(|f| json!({ "fargateProfile": fargate_json(&f) }))),
                Err(e) => {
                    self.refused("fargateProfiles", "eks:DescribeFargateProfile", &e);
                    return None;
                }
            }
        }
        Some(out)
    }

    async fn addons(&mut self) -> Option<Vec<Value>> {
        let names = match self
            .client
            .list_addons()
            .cluster_name(self.name)
            .into_paginator()
            .items()
            .send()
            .collect::<Result<Vec<String>, _>>()
            .await
        {
            Ok(n) => n,
            Err(e) => {
                self.refused("addons", "eks:ListAddons", &e);
                return None;
            }
        };
        let mut out = Vec::new();
        for n in names {
            match self.client.describe_addon().cluster_name(self.name).addon_name(&n).send().await {
                Ok(d) => out.extend(d.addon.map(|a| json!({ "addon": addon_json(&a) }))),
                Err(e) => {
                    self.refused("addons", "eks:DescribeAddon", &e);
                    return None;
                }
            }
        }
        Some(out)
    }

    async fn access_entries(&mut self) -> Option<Vec<Value>> {
        let arns = match self
            .client
            .list_access_entries()
            .cluster_name(self.name)
            .into_paginator()
            .items()
            .send()
            .collect::<Result<Vec<String>, _>>()
            .await
        {
            Ok(n) => n,
            Err(e) => {
                self.refused("accessEntries", "eks:ListAccessEntries", &e);
                return None;
            }
        };
        let mut out = Vec::new();
        for arn in arns {
            let entry = match self
                .client
                .describe_access_entry()
                .cluster_name(self.name)
                .principal_arn(&arn)
                .send()
                .await
            {
                Ok(d) => d.access_entry,
                Err(e) => {
                    self.refused("accessEntries", "eks:DescribeAccessEntry", &e);
                    return None;
                }
            };
            let policies = match self
                .client
                .list_associated_access_policies()
                .cluster_name(self.name)
                .principal_arn(&arn)
                .into_paginator()
                .items()
                .send()
                .collect::<Result<Vec<_>, _>>()
                .await
            {
                Ok(p) => p,
                Err(e) => {
                    self.refused("accessEntries", "eks:ListAssociatedAccessPolicies", &e);
                    return None;
                }
            };
            let policies: Vec<Value> = policies.iter().map(policy_json).collect();
            out.push(json!({ "accessEntry": entry.as_ref().map(access_entry_json), "associatedAccessPolicies": policies }));
        }
        Some(out)
    }

    async fn pod_identity(&mut self) -> Option<Vec<Value>> {
        let list = match self
            .client
            .list_pod_identity_associations()
            .cluster_name(self.name)
            .into_paginator()
            .items()
            .send()
            .collect::<Result<Vec<_>, _>>()
            .await
        {
            Ok(n) => n,
            Err(e) => {
                self.refused("podIdentityAssociations", "eks:ListPodIdentityAssociations", &e);
                return None;
            }
        };
        let mut out = Vec::new();
        for summary in list {
            let Some(id) = summary.association_id.as_deref() else { continue };
            match self
                .client
                .describe_pod_identity_association()
                .cluster_name(self.name)
                .association_id(id)
                .send()
                .await
            {
                Ok(d) => out.extend(d.association.map(|a| json!({ "association": pod_identity_json(&a) }))),
                Err(e) => {
                    self.refused("podIdentityAssociations", IAM_DESCRIBE_POD_IDENTITY, &e);
                    return None;
                }
            }
        }
        Some(out)
    }
}

/// The service's message and code (`AccessDeniedException: User … is not authorized …`), else
/// the SDK's error with its causes.
fn sdk_reason<E: ProvideErrorMetadata + std::error::Error + 'static, R: std::fmt::Debug>(
    e: &SdkError<E, R>,
) -> String {
    match e.as_service_error() {
        Some(s) => match (s.code(), s.message()) {
            (Some(c), Some(m)) => format!("{c}: {m}"),
            (Some(c), None) => c.to_string(),
            _ => s.to_string(),
        },
        None => {
            let mut out = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                out.push_str(": ");
                out.push_str(&s.to_string());
                source = s.source();
            }
            out
        }
    }
}

/// Inserts `value` under `key` when it is there.
fn put(m: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        m.insert(key.into(), v);
    }
}

fn s(v: Option<&str>) -> Option<Value> {
    v.map(|s| Value::String(s.to_string()))
}

fn strings(v: Option<&Vec<String>>) -> Option<Value> {
    v.map(|l| json!(l))
}

fn string_map(v: Option<&std::collections::HashMap<String, String>>) -> Option<Value> {
    v.map(|m| {
        let sorted: std::collections::BTreeMap<&String, &String> = m.iter().collect();
        json!(sorted)
    })
}

/// `describe-cluster`'s `cluster`, with the fields the model reads.
fn cluster_json(c: &aws_sdk_eks::types::Cluster) -> Value {
    let mut m = Map::new();
    put(&mut m, "name", s(c.name.as_deref()));
    put(&mut m, "arn", s(c.arn.as_deref()));
    put(&mut m, "version", s(c.version.as_deref()));
    put(&mut m, "roleArn", s(c.role_arn.as_deref()));
    if let Some(v) = &c.resources_vpc_config {
        let mut vm = Map::new();
        vm.insert("endpointPublicAccess".into(), json!(v.endpoint_public_access));
        vm.insert("endpointPrivateAccess".into(), json!(v.endpoint_private_access));
        put(&mut vm, "publicAccessCidrs", strings(v.public_access_cidrs.as_ref()));
        put(&mut vm, "subnetIds", strings(v.subnet_ids.as_ref()));
        put(&mut vm, "securityGroupIds", strings(v.security_group_ids.as_ref()));
        m.insert("resourcesVpcConfig".into(), Value::Object(vm));
    }
    if let Some(enc) = &c.encryption_config {
        let list: Vec<Value> = enc
            .iter()
            .map(|e| {
                let mut em = Map::new();
                // Deprecated in the SDK (EKS now encrypts everything with its own key), but
                // describe-cluster still returns it and the model reads the key it names.
                #[allow(deprecated)]
                put(&mut em, "resources", strings(e.resources.as_ref()));
                if let Some(p) = &e.provider {
                    let mut pm = Map::new();
                    put(&mut pm, "keyArn", s(p.key_arn.as_deref()));
                    em.insert("provider".into(), Value::Object(pm));
                }
                Value::Object(em)
            })
            .collect();
        m.insert("encryptionConfig".into(), Value::Array(list));
    }
    if let Some(l) = &c.logging {
        let setups: Vec<Value> = l
            .cluster_logging
            .iter()
            .flatten()
            .map(|s| {
                let types: Vec<&str> = s.types.iter().flatten().map(|t| t.as_str()).collect();
                let mut sm = Map::new();
                sm.insert("types".into(), json!(types));
                put(&mut sm, "enabled", s.enabled.map(Value::Bool));
                Value::Object(sm)
            })
            .collect();
        m.insert("logging".into(), json!({ "clusterLogging": setups }));
    }
    if let Some(a) = &c.access_config {
        let mut am = Map::new();
        put(
            &mut am,
            "bootstrapClusterCreatorAdminPermissions",
            a.bootstrap_cluster_creator_admin_permissions.map(Value::Bool),
        );
        put(&mut am, "authenticationMode", s(a.authentication_mode.as_ref().map(|m| m.as_str())));
        m.insert("accessConfig".into(), Value::Object(am));
    }
    if let Some(issuer) = c.identity.as_ref().and_then(|i| i.oidc.as_ref()).and_then(|o| o.issuer.as_deref())
    {
        m.insert("identity".into(), json!({ "oidc": { "issuer": issuer } }));
    }
    if let Some(cc) = &c.compute_config {
        let mut cm = Map::new();
        put(&mut cm, "enabled", cc.enabled.map(Value::Bool));
        m.insert("computeConfig".into(), Value::Object(cm));
    }
    put(&mut m, "tags", string_map(c.tags.as_ref()));
    Value::Object(m)
}

/// `describe-nodegroup`'s `nodegroup`, with the fields the model reads.
fn nodegroup_json(g: &aws_sdk_eks::types::Nodegroup) -> Value {
    let mut m = Map::new();
    put(&mut m, "nodegroupName", s(g.nodegroup_name.as_deref()));
    put(&mut m, "clusterName", s(g.cluster_name.as_deref()));
    put(&mut m, "instanceTypes", strings(g.instance_types.as_ref()));
    put(&mut m, "amiType", s(g.ami_type.as_ref().map(|t| t.as_str())));
    put(&mut m, "subnets", strings(g.subnets.as_ref()));
    put(&mut m, "diskSize", g.disk_size.map(|d| json!(d)));
    put(&mut m, "capacityType", s(g.capacity_type.as_ref().map(|t| t.as_str())));
    if let Some(lt) = &g.launch_template {
        let mut lm = Map::new();
        put(&mut lm, "name", s(lt.name.as_deref()));
        put(&mut lm, "version", s(lt.version.as_deref()));
        put(&mut lm, "id", s(lt.id.as_deref()));
        m.insert("launchTemplate".into(), Value::Object(lm));
    }
    if let Some(ra) = &g.remote_access {
        let mut rm = Map::new();
        put(&mut rm, "ec2SshKey", s(ra.ec2_ssh_key.as_deref()));
        put(&mut rm, "sourceSecurityGroups", strings(ra.source_security_groups.as_ref()));
        m.insert("remoteAccess".into(), Value::Object(rm));
    }
    if let Some(sc) = &g.scaling_config {
        let mut sm = Map::new();
        put(&mut sm, "minSize", sc.min_size.map(|v| json!(v)));
        put(&mut sm, "maxSize", sc.max_size.map(|v| json!(v)));
        put(&mut sm, "desiredSize", sc.desired_size.map(|v| json!(v)));
        m.insert("scalingConfig".into(), Value::Object(sm));
    }
    put(&mut m, "labels", string_map(g.labels.as_ref()));
    if let Some(taints) = &g.taints {
        let list: Vec<Value> = taints
            .iter()
            .map(|t| {
                let mut tm = Map::new();
                put(&mut tm, "key", s(t.key.as_deref()));
                put(&mut tm, "value", s(t.value.as_deref()));
                put(&mut tm, "effect", s(t.effect.as_ref().map(|e| e.as_str())));
                Value::Object(tm)
            })
            .collect();
        m.insert("taints".into(), Value::Array(list));
    }
    put(&mut m, "tags", string_map(g.tags.as_ref()));
    Value::Object(m)
}

/// `describe-fargate-profile`'s `fargateProfile`, with the fields the model reads.
fn fargate_json(f: &aws_sdk_eks::types::FargateProfile) -> Value {
    let mut m = Map::new();
    put(&mut m, "fargateProfileName", s(f.fargate_profile_name.as_deref()));
    put(&mut m, "clusterName", s(f.cluster_name.as_deref()));
    put(&mut m, "podExecutionRoleArn", s(f.pod_execution_role_arn.as_deref()));
    put(&mut m, "subnets", strings(f.subnets.as_ref()));
    if let Some(selectors) = &f.selectors {
        let list: Vec<Value> = selectors
            .iter()
            .map(|sel| {
                let mut sm = Map::new();
                put(&mut sm, "namespace", s(sel.namespace.as_deref()));
                put(&mut sm, "labels", string_map(sel.labels.as_ref()));
                Value::Object(sm)
            })
            .collect();
        m.insert("selectors".into(), Value::Array(list));
    }
    put(&mut m, "tags", string_map(f.tags.as_ref()));
    Value::Object(m)
}

fn addon_json(a: &aws_sdk_eks::types::Addon) -> Value {
    let mut m = Map::new();
    put(&mut m, "addonName", s(a.addon_name.as_deref()));
    put(&mut m, "clusterName", s(a.cluster_name.as_deref()));
    put(&mut m, "addonVersion", s(a.addon_version.as_deref()));
    put(&mut m, "serviceAccountRoleArn", s(a.service_account_role_arn.as_deref()));
    put(&mut m, "configurationValues", s(a.configuration_values.as_deref()));
    Value::Object(m)
}

fn access_entry_json(e: &aws_sdk_eks::types::AccessEntry) -> Value {
    let mut m = Map::new();
    put(&mut m, "clusterName", s(e.cluster_name.as_deref()));
    put(&mut m, "principalArn", s(e.principal_arn.as_deref()));
    put(&mut m, "kubernetesGroups", strings(e.kubernetes_groups.as_ref()));
    put(&mut m, "username", s(e.username.as_deref()));
    put(&mut m, "type", s(e.r#type.as_deref()));
    Value::Object(m)
}

fn policy_json(p: &aws_sdk_eks::types::AssociatedAccessPolicy) -> Value {
    let mut m = Map::new();
    put(&mut m, "policyArn", s(p.policy_arn.as_deref()));
    if let Some(scope) = &p.access_scope {
        let mut sm = Map::new();
        put(&mut sm, "type", s(scope.r#type.as_ref().map(|t| t.as_str())));
        put(&mut sm, "namespaces", strings(scope.namespaces.as_ref()));
        m.insert("accessScope".into(), Value::Object(sm));
    }
    Value::Object(m)
}

fn pod_identity_json(a: &aws_sdk_eks::types::PodIdentityAssociation) -> Value {
    let mut m = Map::new();
    put(&mut m, "clusterName", s(a.cluster_name.as_deref()));
    put(&mut m, "namespace", s(a.namespace.as_deref()));
    put(&mut m, "serviceAccount", s(a.service_account.as_deref()));
    put(&mut m, "roleArn", s(a.role_arn.as_deref()));
    put(&mut m, "associationId", s(a.association_id.as_deref()));
    Value::Object(m)
}
