//! Rules of the `rbac` group: wildcards, cluster-admin and anonymous bindings, and
//! privilege-escalation paths found on the RBAC graph (`crate::analysis::rbac`), which is built
//! once per scan and shared through the object set's analysis cache.

use super::Rule;

pub mod anonymous_binding;
pub mod bind_verb;
pub mod cluster_admin_binding;
pub mod csr_approve;
pub mod default_service_account_automount;
pub mod escalate_verb;
pub mod impersonate_verb;
pub mod invalid_aggregation_rule;
pub mod invalid_role_binding;
pub mod kube_system_write;
pub mod node_proxy;
pub mod pod_create_token_theft;
pub mod pod_exec;
pub mod role_binding_write;
pub mod secrets_read_cluster_wide;
mod support;
pub mod token_create;
pub mod user_create_delete;
pub mod webhook_config_write;
pub mod wildcard_rule;
pub mod workload_token_escalation;

pub(crate) static RULES: &[&dyn Rule] = &[
    &wildcard_rule::WildcardRule,
    &cluster_admin_binding::ClusterAdminBinding,
    &anonymous_binding::AnonymousBinding,
    &escalate_verb::EscalateVerb,
    &bind_verb::BindVerb,
    &impersonate_verb::ImpersonateVerb,
    &role_binding_write::RoleBindingWrite,
    &pod_create_token_theft::PodCreateTokenTheft,
    &pod_exec::PodExec,
    &node_proxy::NodeProxy,
    &secrets_read_cluster_wide::SecretsReadClusterWide,
    &token_create::TokenCreate,
    &csr_approve::CsrApprove,
    &webhook_config_write::WebhookConfigWrite,
    &user_create_delete::UserCreateDelete,
    &kube_system_write::KubeSystemWrite,
    &workload_token_escalation::WorkloadTokenEscalation,
    &invalid_aggregation_rule::InvalidAggregationRule,
    &default_service_account_automount::DefaultServiceAccountAutomount,
    &invalid_role_binding::InvalidRoleBinding,
];
