//! ladrillo: audit, understand and generate secure Amazon EKS clusters.
//!
//! The crate reads as its pipeline: [`source`] (files, stdin) → [`document`] (trees with spans) →
//! [`model`] (Kubernetes objects, workloads, clusters), loaded once by [`input`] → [`analysis`] and
//! [`rules`] → [`finding`] → [`scan`] (selection, overrides, waivers) → [`report`] (text, JSON,
//! SARIF, JUnit, HTML). [`audit`] reads Kubernetes audit logs and raises alerts. The `ladrillo`
//! binary is a thin shell over [`cli`].

pub mod analysis;
pub mod audit;
pub mod cli;
pub mod diagnostic;
pub mod document;
pub mod finding;
pub mod generate;
pub mod i18n;
pub mod input;
pub mod live;
pub mod model;
pub mod progress;
pub mod report;
pub mod rules;
pub mod scan;
pub mod settings;
mod shared;
pub mod source;
mod varint;
pub mod webhook;
