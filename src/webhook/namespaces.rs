//! The Namespace cache: a kube-rs reflector keeps every Namespace's labels in memory from a
//! watch, so a review is answered without a call to the API server. Until the first list has
//! arrived the webhook is not ready (`/readyz` answers 503).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures::StreamExt;
use k8s_openapi::api::core::v1::Namespace;
use kube::runtime::reflector::{self, ObjectRef, Store};
use kube::runtime::{WatchStreamExt, watcher};

use super::decision::NamespaceLabels;

/// Namespaces as the watch last saw them.
#[derive(Clone)]
pub struct Watched {
    store: Store<Namespace>,
    ready: Arc<AtomicBool>,
}

impl Watched {
    /// Starts the watch with the in-cluster (or kubeconfig) credentials; the error says why no
    /// client could be made.
    pub async fn start() -> Result<Self, String> {
        let client = kube::Client::try_default().await.map_err(|e| e.to_string())?;
        let api: kube::Api<Namespace> = kube::Api::all(client);
        let (store, writer) = reflector::store();
        let ready = Arc::new(AtomicBool::new(false));
        let stream = reflector::reflector(writer, watcher(api, watcher::Config::default()))
            .default_backoff()
            .touched_objects();
        tokio::spawn(async move {
            let mut stream = std::pin::pin!(stream);
            while let Some(event) = stream.next().await {
                if let Err(e) = event {
                    tracing::warn!(error = %e, "Namespace watch failed; retrying");
                }
            }
        });
        let waiting = store.clone();
        let flag = Arc::clone(&ready);
        tokio::spawn(async move {
            if waiting.wait_until_ready().await.is_ok() {
                flag.store(true, Ordering::Release);
                tracing::info!(namespaces = waiting.len(), "Namespace cache synced");
            }
        });
        Ok(Self { store, ready })
    }

    /// Whether the first list has arrived.
    #[must_use]
    pub fn ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }
}

impl NamespaceLabels for Watched {
    fn labels(&self, namespace: &str) -> Option<Vec<(String, String)>> {
        let ns = self.store.get(&ObjectRef::new(namespace))?;
        Some(ns.metadata.labels.iter().flatten().map(|(k, v)| (k.clone(), v.clone())).collect())
    }
}
