//! NetworkPolicy reachability: who can open which connections to whom, with the exact
//! Kubernetes semantics, computed from manifests alone.
//!
//! Assumptions, stated once:
//! - Endpoints are pod-bearing workloads (their pod template labels and namespace) and outside
//!   address ranges. A workload's pods are treated alike; traffic among one workload's own pods
//!   is not listed.
//! - Pod IPs are not known statically, so an `ipBlock` never selects in-cluster pods (the
//!   Kubernetes docs say ipBlock is meant for cluster-external addresses), and pod selectors never
//!   select outside addresses.
//! - A namespace absent from the input has only its `kubernetes.io/metadata.name` label known.
//!   A namespace selector that depends on its other labels gives "possibly": such connections
//!   are reported apart, never guessed.
//! - Pods with `hostNetwork: true` use their node's address. Kubernetes leaves policy for them
//!   undefined; as most implementations do, pod and namespace selectors pass them by, so
//!   policies neither isolate them nor name them as peers.
//! - IPv6 ranges appear only when some `ipBlock` names an IPv6 block.
//! - A policy the API server would reject is ignored and listed in [`Model::invalid`].

pub mod assertions;
pub mod conns;
pub mod eval;
pub mod explain;
pub mod model;
pub mod ranges;
pub mod render;

pub use crate::model::selector::{LabelSelector, Match};
pub use conns::{ConnSet, Protocol};
pub use eval::{Allowed, Connection, Endpoint};
pub use model::{Direction, Model, Pods, Policy, WorkloadId};
