//! Options for reading a live cluster (`--cluster`), shared by `scan`, `rbac`, `netpol` and
//! `pss`, and the one way they load it.

use std::path::PathBuf;

use clap::Args;

use crate::input::{Inputs, Loader};
use crate::live;

#[derive(Clone, Debug, Default, Args)]
pub struct ClusterArgs {
    /// Read the objects of a running cluster through the Kubernetes API instead of files
    /// (read-only; kubeconfig, or the Pod's service account in a cluster).
    #[arg(long, conflicts_with = "paths")]
    pub cluster: bool,
    /// The kubeconfig file (default: KUBECONFIG, then ~/.kube/config).
    #[arg(long, value_name = "PATH", requires = "cluster")]
    pub kubeconfig: Option<PathBuf>,
    /// The kubeconfig context (default: its current context).
    #[arg(long, value_name = "NAME", requires = "cluster")]
    pub context: Option<String>,
    /// Read only this namespace (repeatable; cluster-scoped kinds are read in any case).
    #[arg(long = "namespace", short = 'n', value_name = "NS", requires = "cluster")]
    pub namespaces: Vec<String>,
    /// Also list Secrets, as metadata only (names, labels, annotations; never their data).
    /// Needs `list secrets`, which Kubernetes RBAC cannot limit to metadata.
    #[arg(long, requires = "cluster")]
    pub include_secrets_metadata: bool,
    /// Seconds to wait for each response of the API server.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// Largest response accepted from the API server, in MB.
    #[arg(long, value_name = "MB", default_value_t = 64, hide = true, value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_response_mb: u64,
}

/// A live cluster read into the loader's inputs.
pub struct LiveInputs {
    pub inputs: Inputs,
    /// The context's name.
    pub context: String,
    /// Kinds not read, as the summary names them (`secrets (forbidden (403): …)`).
    pub not_evaluated: Vec<String>,
}

impl ClusterArgs {
    #[must_use]
    pub fn options(&self) -> live::Options {
        live::Options {
            kubeconfig: self.kubeconfig.clone(),
            context: self.context.clone(),
            namespaces: self.namespaces.clone(),
            secrets_metadata: self.include_secrets_metadata,
            timeout: std::time::Duration::from_secs(self.timeout),
            max_response_bytes: usize::try_from(self.max_response_mb << 20).unwrap_or(usize::MAX),
            lang: super::lang(),
            ..live::Options::default()
        }
    }

    /// Reads the cluster and loads its objects as files are loaded; kinds that could not be
    /// read are input errors. `Err` when nothing could be read.
    pub fn load(&self) -> Result<LiveInputs, String> {
        let lang = super::lang();
        let mut snapshot = live::read(&self.options())
            .map_err(|e| crate::t!(lang, "live-cannot-read", reason = e.to_string()))?;
        let mut loader = Loader::default();
        snapshot.load_into(&mut loader);
        let mut inputs = loader.finish();
        inputs.errors.extend(snapshot.errors(lang));
        let mut not_evaluated: Vec<String> = snapshot.not_read.iter().map(|n| n.resource.name()).collect();
        not_evaluated.dedup();
        Ok(LiveInputs { inputs, context: snapshot.context, not_evaluated })
    }
}
