//! Options for reading a live cluster (`--cluster`), shared by every command that reads
//! manifests (`scan`, `rbac`, `netpol`, `pss`, `report`), and the one way they load it.

use std::path::PathBuf;

use clap::Args;

use crate::input::{Inputs, Loader};
use crate::live;

#[derive(Clone, Debug, Default, Args)]
pub struct ClusterArgs {
    /// Read the objects of a running cluster through the Kubernetes API instead of files
    /// (read-only; kubeconfig, or the Pod's service account in a cluster).
    #[arg(long)]
    pub cluster: bool,
    /// The kubeconfig file (default: KUBECONFIG, then ~/.kube/config).
    #[arg(long, value_name = "PATH", requires = "cluster")]
    pub kubeconfig: Option<PathBuf>,
    /// The kubeconfig context (default: its current context).
    #[arg(long, value_name = "NAME", requires = "cluster")]
    pub context: Option<String>,
    /// Also list Secrets, as metadata only (names, labels, annotations; never their data).
    /// Needs `list secrets`, which Kubernetes RBAC cannot limit to metadata.
    #[arg(long, requires = "cluster")]
    pub include_secrets_metadata: bool,
    /// Seconds to wait for each response of the API server.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = super::numbers::seconds)]
    pub timeout: u64,
    /// Largest response accepted from the API server, in MB.
    #[arg(long, value_name = "MB", default_value_t = 64, hide = true, value_parser = super::numbers::response_mb)]
    pub max_response_mb: u64,
}

/// A live cluster (and the EKS side of it) read into the loader's inputs.
pub struct LiveInputs {
    pub inputs: Inputs,
    /// What was read: the context's name, `eks NAME (REGION)`.
    pub names: Vec<String>,
    /// What could not be read, as the summary names it (`secrets`, `accessEntries (eks:ListAccessEntries)`).
    pub not_evaluated: Vec<String>,
}

impl ClusterArgs {
    #[must_use]
    pub fn options(&self, namespaces: &[String]) -> live::Options {
        live::Options {
            kubeconfig: self.kubeconfig.clone(),
            context: self.context.clone(),
            namespaces: namespaces.to_vec(),
            secrets_metadata: self.include_secrets_metadata,
            timeout: std::time::Duration::from_secs(self.timeout),
            max_response_bytes: usize::try_from(self.max_response_mb << 20).unwrap_or(usize::MAX),
            lang: super::lang(),
            ..live::Options::default()
        }
    }

    /// Reads the cluster (with `--cluster`) and the EKS cluster `eks` = (name, region), and
    /// loads what they hold as files are loaded, with the `describe-launch-template-versions`
    /// files of `--launch-template-versions` (`files`). Kinds that could not be read are input
    /// errors; EKS calls refused are warnings and leave their lists unknown. `Err` when nothing
    /// could be read.
    pub fn load(
        &self,
        namespaces: &[String],
        eks: Option<(&str, &str)>,
        files: &[String],
        options: &crate::input::Options,
    ) -> Result<LiveInputs, String> {
        let lang = super::lang();
        let mut loader = Loader::default();
        let (mut names, mut not_evaluated, mut errors) = (Vec::new(), Vec::new(), Vec::new());
        if self.cluster {
            let mut snapshot = live::read(&self.options(namespaces))
                .map_err(|e| crate::t!(lang, "live-cannot-read", reason = e.to_string()))?;
            snapshot.load_into(&mut loader);
            errors = snapshot.errors();
            not_evaluated.extend(snapshot.not_read.iter().map(|n| n.resource.name()));
            not_evaluated.dedup();
            names.push(snapshot.context);
        }
        if let Some((name, region)) = eks {
            let snapshot = live::eks::read(name, region, lang).map_err(|e| e.to_string())?;
            for w in &snapshot.warnings {
                super::warning(w);
            }
            not_evaluated.extend(snapshot.not_read);
            if files.is_empty() && !snapshot.launch_templates.is_empty() {
                super::warning(crate::t!(
                    lang,
                    "eks-launch-templates",
                    templates = snapshot.launch_templates.join(", "),
                    region = region
                ));
            }
            loader.api_object(snapshot.name.clone(), snapshot.json);
            names.push(snapshot.name);
        }
        if !files.is_empty() {
            loader.paths(files, options);
        }
        let mut inputs = loader.finish();
        inputs.errors.extend(errors);
        Ok(LiveInputs { inputs, names, not_evaluated })
    }
}
