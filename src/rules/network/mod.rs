//! Services, exposure and network segmentation.

use super::Rule;

pub mod exposed_service;

pub(crate) static RULES: &[&dyn Rule] = &[&exposed_service::ExposedService];
