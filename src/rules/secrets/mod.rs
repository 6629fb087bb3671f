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
fn summarise(found: &[detect::Detection]) -> (Severity, Vec<String>) {
    let severity = found.first().map_or(Severity::High, |d| d.kind.severity());
    let notes = found.iter().skip(1).map(|d| format!("it also holds {}", d.describe())).collect();
    (severity, notes)
}

/// What to do about a credential of this kind.
fn help(kind: detect::Kind, store: &str) -> String {
    if kind.is_aws() {
        "deactivate and rotate this AWS key, then give the pods an IAM role (IRSA or EKS Pod Identity) \
         instead of keys"
            .to_string()
    } else {
        format!(
            "rotate the credential, keep it in a Secret or AWS Secrets Manager (Secrets Store CSI driver) \
             and {store}"
        )
    }
}
