//! `manifests/ladrillo-scan-rbac.yaml` and `manifests/ladrillo-scan-cronjob.yaml`
//! (`init --scan-cronjob`): `ladrillo scan --cluster` inside the cluster every six hours, writing
//! its findings as PolicyReports, with the read-only ClusterRole it needs and write access to its
//! reports only. The same texts as `deploy/` (see `crate::live::permissions` and
//! `crate::generate::scan_manifests`).

use crate::generate::profile::Profile;
use crate::generate::scan_manifests;
use crate::generate::section::{File, Plan, Row, Section};
use crate::i18n::{Lang, text};
use crate::live::permissions;

pub struct Scan;

const RBAC: &str = "manifests/ladrillo-scan-rbac.yaml";
const CRONJOB: &str = "manifests/ladrillo-scan-cronjob.yaml";

impl Section for Scan {
    fn files(&self, plan: &Plan) -> Vec<File> {
        if !plan.profile.scan_cronjob {
            return Vec::new();
        }
        let lang = plan.lang;
        vec![
            File::new(RBAC, permissions::rbac_manifest(lang)),
            File::new(CRONJOB, scan_manifests::yaml(lang)),
        ]
    }

    fn readme_rows(&self, p: &Profile, lang: Lang) -> Vec<Row> {
        if !p.scan_cronjob {
            return Vec::new();
        }
        vec![Row::new("manifests/ladrillo-scan-*.yaml", text(lang, "gen-row-scan"), "G4.3, G3.2", "–")]
    }

    fn readme_steps(&self, p: &Profile, lang: Lang) -> Vec<String> {
        if !p.scan_cronjob {
            return Vec::new();
        }
        vec![crate::t!(
            lang,
            "gen-scan-step",
            file = CRONJOB,
            image = crate::generate::webhook_manifests::IMAGE
        )]
    }
}
