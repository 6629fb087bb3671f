//! `manifests/ladrillo-webhook.yaml` (`init --webhook`): ladrillo's own admission webhook, in
//! warn mode, with a cert-manager serving certificate (see `crate::generate::webhook_manifests`).

use crate::generate::profile::Profile;
use crate::generate::section::{File, Plan, Row, Section};
use crate::generate::webhook_manifests::{self, Params};

pub struct Webhook;

const FILE: &str = "manifests/ladrillo-webhook.yaml";

impl Section for Webhook {
    fn files(&self, plan: &Plan) -> Vec<File> {
        if !plan.profile.webhook {
            return Vec::new();
        }
        vec![File::new(FILE, webhook_manifests::yaml(&Params::default()))]
    }

    fn readme_rows(&self, p: &Profile) -> Vec<Row> {
        if !p.webhook {
            return Vec::new();
        }
        vec![Row::new(
            FILE,
            "ladrillo's rules at admission (warn mode): 3 replicas, PDB, HPA, restricted pod, Namespace-read-only RBAC, \
             NetworkPolicies, failurePolicy Fail, its own namespace excluded",
            "G4.3, G4.1",
            "–",
        )]
    }

    fn readme_steps(&self, p: &Profile) -> Vec<String> {
        if !p.webhook {
            return Vec::new();
        }
        vec![format!(
            "The admission webhook (`{FILE}`) needs cert-manager for its serving certificate (or\n\
             `ladrillo webhook certs` and `ladrillo webhook manifests --no-cert-manager`) and the ladrillo\n\
             image in your registry (replace `{}`). It starts in warn mode: read the warnings\n\
             (`kubectl` prints them), then label namespaces `ladrillo.dev/webhook-mode=enforce`.",
            webhook_manifests::IMAGE
        )]
    }
}
