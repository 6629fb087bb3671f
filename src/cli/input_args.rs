//! Options about reading inputs, shared by every command that reads manifests (`scan`, `rbac`,
//! `netpol`, `pss`), and the one way they find `.ladrillo.yaml`.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::input;
use crate::settings::Config;

#[derive(Debug, Default, Args)]
pub struct InputArgs {
    /// Config file (default: `.ladrillo.yaml` found from the first path upwards).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any `.ladrillo.yaml`.
    #[arg(long)]
    pub no_config: bool,
    /// Also read hidden files and directories (names starting with `.`) when walking a directory.
    #[arg(long)]
    pub hidden: bool,
    /// Also read directories of other tools' test data (`testdata`, `__snapshots__`), skipped
    /// by default when walking a directory.
    #[arg(long)]
    pub no_default_excludes: bool,
    /// Exit 0 when the paths hold no Kubernetes object and no EKS cluster definition (by
    /// default that is an input error, exit 2: a gate fed nothing must not pass).
    #[arg(long)]
    pub allow_empty: bool,
    /// The name to show for standard input (`-`) in every output format, SARIF included,
    /// instead of `-`: the file the piped text comes from (`kustomize build overlays/prod |
    /// ladrillo scan - --stdin-filename overlays/prod`). A name ending in `.tf` is read as
    /// Terraform.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Render Helm chart directories (`Chart.yaml`) with `helm template` and kustomization
    /// directories named as paths with `kustomize build` (or `kubectl kustomize`), and read
    /// what they print. Off by default, since it runs those programs on the input; they run
    /// without credentials, plugins or network access, within a time limit (see
    /// docs/configuration.md). A directory that cannot be rendered is an input error.
    #[arg(long)]
    pub render: bool,
    /// A values file for `helm template` (repeat it to give several, in order).
    #[arg(long = "helm-values", value_name = "FILE", requires = "render")]
    pub helm_values: Vec<PathBuf>,
    /// The `helm` program to run (default: `helm` on PATH).
    #[arg(long, value_name = "PATH", requires = "render")]
    pub helm_path: Option<PathBuf>,
    /// The `kustomize` program to run (default: `kustomize` on PATH).
    #[arg(long, value_name = "PATH", requires = "render")]
    pub kustomize_path: Option<PathBuf>,
    /// The `kubectl` program to run as `kubectl kustomize`, unless --kustomize-path is given
    /// (default: `kustomize` on PATH, else `kubectl` on PATH).
    #[arg(long, value_name = "PATH", requires = "render")]
    pub kubectl_path: Option<PathBuf>,
    /// Seconds one rendering may run before it is stopped (default: 60).
    #[arg(long, value_name = "SECONDS", requires = "render", value_parser = super::numbers::render_seconds)]
    pub render_timeout: Option<u64>,
    #[command(flatten)]
    pub cluster: super::cluster_args::ClusterArgs,
}

impl InputArgs {
    /// The config named by `--config`, else `.ladrillo.yaml` found from the first path upwards,
    /// else the defaults. A config that cannot be read is an error (every problem listed).
    pub fn config(&self, paths: &[String]) -> Result<Config, Vec<String>> {
        if let Some(name) = &self.stdin_filename {
            // A name for an input that is not read is a mistake in the command line.
            if name.trim().is_empty() {
                return Err(vec![crate::t!(super::lang(), "stdin-filename-empty")]);
            }
            if !paths.iter().any(|p| p == "-") {
                return Err(vec![crate::t!(super::lang(), "stdin-filename-without-stdin")]);
            }
        }
        let path = if self.no_config {
            None
        } else {
            self.config.clone().or_else(|| {
                let start =
                    paths.iter().find(|p| *p != "-").map_or(Path::new("."), |p| Path::new(p.as_str()));
                Config::discover(start)
            })
        };
        match path {
            None => Ok(Config::default()),
            Some(p) => Config::load_in(&p, super::lang())
                .inspect(super::config_warnings)
                .map_err(|errs| errs.iter().map(|e| e.to_string_in(super::lang())).collect()),
        }
    }

    /// How to read the paths, given the config.
    #[must_use]
    pub fn options(&self, config: &Config) -> input::Options {
        input::Options {
            exclude: config.exclude.clone(),
            hidden: self.hidden,
            no_default_excludes: self.no_default_excludes,
            allow_empty: self.allow_empty,
            lang: super::lang(),
            stdin_filename: self.stdin_filename.clone(),
            render: input::render::Render {
                enabled: self.render,
                values: self.helm_values.clone(),
                helm: self.helm_path.clone(),
                kustomize: self.kustomize_path.clone(),
                kubectl: self.kubectl_path.clone(),
                timeout: std::time::Duration::from_secs(
                    self.render_timeout.unwrap_or(input::render::DEFAULT_TIMEOUT_SECS),
                ),
                ..input::render::Render::default()
            },
            ..input::Options::default()
        }
    }

    /// Reads the config and loads the paths with it, or the live cluster with `--cluster`
    /// (kinds that could not be read are input errors).
    pub fn load(&self, paths: &[String]) -> Result<input::Inputs, Vec<String>> {
        let config = self.config(paths)?;
        if self.cluster.cluster {
            return self
                .cluster
                .load(&[], None, &[], &crate::input::Options::default())
                .map(|l| l.inputs)
                .map_err(|e| vec![e]);
        }
        let mut inputs = input::Inputs::from_paths(paths, &self.options(&config));
        // Input errors quote the input and what a render tool printed: token-shaped words are
        // masked as in scan's reports.
        for e in &mut inputs.errors {
            e.map_text(&crate::rules::secrets::detect::mask_tokens);
        }
        Ok(inputs)
    }
}
