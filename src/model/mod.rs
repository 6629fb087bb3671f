//! Typed views over documents: Kubernetes objects and the workloads inside them. Room is left
//! for the EKS cluster model (fed by eksctl, Terraform, CloudFormation and AWS JSON) beside them.

pub mod capability;
pub mod cluster;
pub mod image;
pub mod kinds;
pub mod object;
pub mod resources;
pub mod schema;
pub mod selector;
pub mod validation;
pub mod workload;

pub use image::{ImageRef, Malformed, MutableTag};
pub use object::{Object, ObjectRef, ObjectSet, Origin};
pub use workload::{Container, ContainerKind, Level, Setting, Workload};
