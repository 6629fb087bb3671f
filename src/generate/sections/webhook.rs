//! `manifests/ladrillo-webhook.yaml` (`init --webhook`): ladrillo's own admission webhook, in
//! warn mode, with a cert-manager serving certificate (see `crate::generate::webhook_manifests`).

use crate::generate::profile::Profile;
use crate::generate::section::{File, Plan, Row, Section};
use crate::generate::webhook_manifests::{self, Params};
use crate::i18n::{Lang, text};

pub struct Webhook;

const FILE: &str = "manifests/ladrillo-webhook.yaml";

impl Section for Webhook {
    fn files(&self, plan: &Plan) -> Vec<File> {
        if !plan.profile.webhook {
            return Vec::new();
        }
        vec![File::new(FILE, webhook_manifests::yaml(&Params::default(), plan.lang))]
    }

    fn readme_rows(&self, p: &Profile, lang: Lang) -> Vec<Row> {
        if !p.webhook {
            return Vec::new();
        }
        vec![Row::new(FILE, text(lang, "gen-row-webhook"), "G4.3, G4.1", "–")]
    }

    fn readme_steps(&self, p: &Profile, lang: Lang) -> Vec<String> {
        if !p.webhook {
            return Vec::new();
        }
        vec![crate::t!(lang, "gen-webhook-step", file = FILE, image = webhook_manifests::IMAGE)]
    }
}
