//! Services, exposure and network segmentation.

use super::Rule;

pub mod exposed_service;
pub mod ingress_backend_missing;
pub mod ingress_from_anywhere;
pub mod ingress_without_tls;
pub mod invalid_network_policy;
pub mod namespace_without_default_deny_egress;
pub mod namespace_without_default_deny_ingress;
pub mod network_policy_selects_nothing;
pub mod reachability_assertion_violated;
pub mod service_external_ips;
pub mod service_selects_nothing;
pub mod service_target_port_unknown;
pub mod workload_without_network_policy;

pub(crate) static RULES: &[&dyn Rule] = &[
    &exposed_service::ExposedService,
    &namespace_without_default_deny_ingress::NamespaceWithoutDefaultDenyIngress,
    &namespace_without_default_deny_egress::NamespaceWithoutDefaultDenyEgress,
    &workload_without_network_policy::WorkloadWithoutNetworkPolicy,
    &network_policy_selects_nothing::NetworkPolicySelectsNothing,
    &ingress_from_anywhere::IngressFromAnywhere,
    &reachability_assertion_violated::ReachabilityAssertionViolated,
    &invalid_network_policy::InvalidNetworkPolicy,
    &service_selects_nothing::ServiceSelectsNothing,
    &ingress_backend_missing::IngressBackendMissing,
    &service_target_port_unknown::ServiceTargetPortUnknown,
    &service_external_ips::ServiceExternalIps,
    &ingress_without_tls::IngressWithoutTls,
];
