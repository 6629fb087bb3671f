//! What a section of the bundle is and what it may contribute. A section is one module under
//! `sections/` implementing [`Section`], listed once in [`super::SECTIONS`]; sections never
//! import each other. What several sections share travels through the [`Plan`]: the IRSA roles
//! every section asked for (eksctl, Terraform and `iam/` create them all), the README rows and
//! steps, and the manifests `kustomization.yaml` lists.

use serde_json::Value;

use super::profile::Profile;
use crate::i18n::Lang;

/// One file of the bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// Relative path with `/` separators.
    pub path: String,
    pub contents: String,
}

impl File {
    #[must_use]
    pub fn new(path: impl Into<String>, contents: impl Into<String>) -> Self {
        Self { path: path.into(), contents: contents.into() }
    }
}

/// An IAM role for a Kubernetes ServiceAccount (IRSA).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IrsaRole {
    /// Short name used in file, role and resource names (`cluster-autoscaler`).
    pub key: &'static str,
    pub namespace: String,
    pub service_account: String,
    /// AWS managed policies attached.
    pub managed_policies: Vec<&'static str>,
    /// A custom least-privilege policy (`iam/<key>-policy.json`), when the role needs one.
    pub policy: Option<Value>,
}

/// A row of the README's table of what each file enforces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub files: &'static str,
    pub enforces: String,
    pub guide: &'static str,
    pub cis: &'static str,
}

impl Row {
    #[must_use]
    pub fn new(
        files: &'static str,
        enforces: impl Into<String>,
        guide: &'static str,
        cis: &'static str,
    ) -> Self {
        Self { files, enforces: enforces.into(), guide, cis }
    }
}

/// What every section sees when it writes its files: the profile and what all sections asked
/// for.
#[derive(Debug)]
pub struct Plan<'a> {
    pub profile: &'a Profile,
    /// The language of the README and of every comment and description in the files.
    pub lang: Lang,
    /// Every IRSA role of the bundle, in a stable order.
    pub roles: Vec<IrsaRole>,
}

/// A part of the bundle. Only `files` is required.
pub trait Section: Sync {
    /// The IRSA roles this section's workloads need.
    fn roles(&self, _p: &Profile) -> Vec<IrsaRole> {
        Vec::new()
    }

    /// The files this section writes. Files under `manifests/` are listed in the manifests
    /// `kustomization.yaml` in the order given.
    fn files(&self, plan: &Plan) -> Vec<File>;

    /// Rows of the README's "What each file enforces" table.
    fn readme_rows(&self, _p: &Profile, _lang: Lang) -> Vec<Row> {
        Vec::new()
    }

    /// README paragraphs after the commands that create the cluster and apply `manifests/`:
    /// what else to install, create or check.
    fn readme_steps(&self, _p: &Profile, _lang: Lang) -> Vec<String> {
        Vec::new()
    }
}
