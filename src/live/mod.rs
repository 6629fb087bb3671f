//! Live clusters: the objects a running cluster holds, read through the Kubernetes API
//! (`ladrillo scan --cluster`), handed to the same loader as files.
//!
//! ```text
//! kubeconfig / in-cluster ─→ client ─→ discovery (/api, /apis) ─→ paged lists, a few at a time
//!     ─→ owner de-duplication ─→ one JSON text per object ─→ input::Loader::api_object
//! ```
//!
//! Read-only: only `GET` requests for the kinds of [`resources::RESOURCES`]. Secrets are read
//! only when asked, and then as `PartialObjectMetadataList` (names, labels, annotations, owners):
//! their data is never requested. A kind that cannot be read (forbidden, not served, a timeout,
//! a response that is not a List or is too large) is named in [`Snapshot::not_read`]; the scan
//! then reports it as an error (the result is incomplete, exit 2) and its rules as not evaluated.

pub mod eks;
mod fetch;
mod owners;
pub mod permissions;
pub mod resources;
pub mod write;

use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostic::InputError;
use crate::i18n::Lang;
use crate::input::Loader;

pub use fetch::Error;
use resources::Resource;

/// How to reach the cluster and what to read.
#[derive(Clone, Debug)]
pub struct Options {
    /// The kubeconfig file (default: `KUBECONFIG`, then `~/.kube/config`, then the in-cluster
    /// service account).
    pub kubeconfig: Option<PathBuf>,
    /// The kubeconfig context (default: its current context).
    pub context: Option<String>,
    /// Namespaces to read (default: all). Cluster-scoped kinds are read in any case.
    pub namespaces: Vec<String>,
    /// List Secrets as metadata (never their data).
    pub secrets_metadata: bool,
    /// Longest wait for one response.
    pub timeout: Duration,
    /// Lists in flight at once.
    pub concurrency: usize,
    /// Objects per page (`limit`).
    pub page_size: u32,
    /// Largest response body accepted, in bytes.
    pub max_response_bytes: usize,
    /// The language of messages.
    pub lang: Lang,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            kubeconfig: None,
            context: None,
            namespaces: Vec::new(),
            secrets_metadata: false,
            timeout: Duration::from_secs(30),
            concurrency: 8,
            page_size: 500,
            max_response_bytes: 64 << 20,
            lang: Lang::En,
        }
    }
}

/// One object read, as JSON text.
#[derive(Debug)]
pub struct LiveObject {
    /// `cluster CONTEXT: Kind ns/name`, as reports show it.
    pub name: String,
    pub json: String,
}

/// A kind that could not be read, and why.
#[derive(Clone, Debug)]
pub struct NotRead {
    pub resource: Resource,
    /// The namespace asked for, when the scan is limited to some.
    pub namespace: Option<String>,
    pub reason: String,
}

/// What a live read found.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The kubeconfig context (`in-cluster` inside a Pod).
    pub context: String,
    pub objects: Vec<LiveObject>,
    /// Kinds that could not be read: the scan is incomplete.
    pub not_read: Vec<NotRead>,
    /// Optional kinds the cluster does not serve (Karpenter, Gateway API not installed).
    pub not_served: Vec<Resource>,
    /// Pods, ReplicaSets and Jobs left out because their controller was read (its findings
    /// cover them).
    pub owned: usize,
}

/// Reads the cluster. An error here means nothing could be read (no configuration, the API
/// server unreachable, credentials refused); kinds that fail one by one are in the snapshot.
pub fn read(options: &Options) -> Result<Snapshot, Error> {
    for ns in &options.namespaces {
        if !is_dns_label(ns) {
            return Err(Error::Config(crate::t!(
                options.lang,
                "live-bad-namespace",
                namespace = ns.as_str()
            )));
        }
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Config(e.to_string()))?;
    runtime.block_on(fetch::read(options))
}

impl Snapshot {
    /// Hands every object to the loader (sorted by name, as files are).
    pub fn load_into(&mut self, loader: &mut Loader) {
        loader.owned_elsewhere(std::mem::take(&mut self.owned));
        for o in self.objects.drain(..) {
            loader.api_object(o.name, o.json);
        }
    }

    /// The kinds not read, as input errors of the run (they make it exit 2).
    #[must_use]
    pub fn errors(&self) -> Vec<InputError> {
        self.not_read
            .iter()
            .map(|n| {
                let what = match &n.namespace {
                    Some(ns) => format!("{} ({ns})", n.resource.name()),
                    None => n.resource.name(),
                };
                InputError::file(
                    format!("cluster {}", self.context),
                    crate::msg!("live-not-read", resource = what, reason = n.reason.as_str()),
                )
            })
            .collect()
    }
}

/// A Kubernetes namespace name: a DNS label (lowercase letters, digits, `-`, at most 63).
fn is_dns_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_are_dns_labels() {
        assert!(is_dns_label("kube-system"));
        assert!(!is_dns_label("Kube"));
        assert!(!is_dns_label("a/b"));
        assert!(!is_dns_label("-a"));
        assert!(!is_dns_label(""));
        assert!(!is_dns_label(&"a".repeat(64)));
    }
}
