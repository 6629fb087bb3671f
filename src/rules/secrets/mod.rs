//! Hard-coded credentials: in environment variables, ConfigMaps and annotations. Recognition is
//! shared in [`detect`]; findings name the field and the kind of secret, never the value.

use super::Rule;
use crate::finding::Severity;

pub mod detect;
pub mod hardcoded_secret_in_env;
pub mod secret_in_annotation;
pub mod secret_in_configmap;
pub mod secret_in_env_reference;
pub mod static_aws_key;

pub(crate) static RULES: &[&dyn Rule] = &[
    &hardcoded_secret_in_env::HardcodedSecretInEnv,
    &secret_in_configmap::SecretInConfigmap,
    &secret_in_annotation::SecretInAnnotation,
    &static_aws_key::StaticAwsKey,
    &secret_in_env_reference::SecretInEnvReference,
];

/// Severity of a set of detections (most severe first), and notes for all but the first.
fn summarise(found: &[detect::Detection]) -> (Severity, Vec<crate::i18n::Msg>) {
    let severity = found.first().map_or(Severity::High, |d| d.kind.severity());
    let notes = found.iter().skip(1).map(|d| crate::msg!("secret-also", what = d.msg())).collect();
    (severity, notes)
}

/// What to do about a credential of this kind.
/// `store` (`env`, `annotation`, `configmap`) says where the credential should come from instead.
fn help(kind: detect::Kind, store: &'static str) -> crate::i18n::Msg {
    if kind.is_aws() { crate::msg!("secret-help-aws") } else { crate::msg!("secret-help", store = store) }
}
