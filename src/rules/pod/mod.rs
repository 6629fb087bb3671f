//! Pod and container security settings.

use super::Rule;

pub mod capabilities_not_dropped;
pub mod dangerous_capabilities;
pub mod default_service_account;
pub mod duplicate_env_var;
pub mod host_aliases;
pub mod host_ipc;
pub mod host_network;
pub mod host_path_volume;
pub mod host_pid;
pub mod host_port;
pub mod image_pull_policy;
pub mod image_without_digest;
pub mod invalid_pod_template;
pub mod malformed_image_reference;
pub mod memory_limit_far_above_request;
pub mod missing_liveness_probe;
pub mod missing_readiness_probe;
pub mod missing_resource_limits;
pub mod missing_resource_requests;
pub mod mutable_image_tag;
pub mod privilege_escalation_allowed;
pub mod privileged_container;
pub mod run_as_root;
pub mod service_account_token_automount;
pub mod shared_process_namespace;
pub mod ssh_port;
pub mod writable_host_path;
pub mod writable_root_filesystem;

pub(crate) static RULES: &[&dyn Rule] = &[
    &privileged_container::PrivilegedContainer,
    &run_as_root::RunAsRoot,
    &dangerous_capabilities::DangerousCapabilities,
    &capabilities_not_dropped::CapabilitiesNotDropped,
    &privilege_escalation_allowed::PrivilegeEscalationAllowed,
    &writable_root_filesystem::WritableRootFilesystem,
    &host_network::HostNetwork,
    &host_pid::HostPid,
    &host_ipc::HostIpc,
    &host_port::HostPort,
    &host_path_volume::HostPathVolume,
    &missing_resource_requests::MissingResourceRequests,
    &missing_resource_limits::MissingResourceLimits,
    &missing_liveness_probe::MissingLivenessProbe,
    &missing_readiness_probe::MissingReadinessProbe,
    &mutable_image_tag::MutableImageTag,
    &image_without_digest::ImageWithoutDigest,
    &image_pull_policy::ImagePullPolicy,
    &default_service_account::DefaultServiceAccount,
    &service_account_token_automount::ServiceAccountTokenAutomount,
    &duplicate_env_var::DuplicateEnvVar,
    &writable_host_path::WritableHostPath,
    &ssh_port::SshPort,
    &host_aliases::HostAliases,
    &shared_process_namespace::SharedProcessNamespace,
    &memory_limit_far_above_request::MemoryLimitFarAboveRequest,
    &malformed_image_reference::MalformedImageReference,
    &invalid_pod_template::InvalidPodTemplate,
];
