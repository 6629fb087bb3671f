//! The sections of the bundle, one module each (see [`crate::generate::section::Section`]).

pub mod config;
pub mod eksctl;
pub mod iam;
pub mod manifests;
pub mod scan;
pub mod terraform;
pub mod webhook;
