//! Analyses computed once per run and shared by rules and commands: Pod Security Standards
//! evaluation, RBAC effective permissions, NetworkPolicy reachability, VPC CNI max pods.

pub mod capacity;
pub mod maxpods;
pub mod netpol;
pub mod pss;
pub mod rbac;
