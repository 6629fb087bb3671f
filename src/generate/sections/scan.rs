//! `manifests/ladrillo-scan-rbac.yaml` and `manifests/ladrillo-scan-cronjob.yaml`
//! (`init --scan-cronjob`): `ladrillo scan --cluster` inside the cluster every six hours, writing
//! its findings as PolicyReports, with the read-only ClusterRole it needs and write access to its
//! reports only. The same texts as `deploy/` (see `crate::live::permissions` and
//! `crate::generate::scan_manifests`).

use crate::generate::profile::Profile;
use crate::generate::scan_manifests;
use crate::generate::section::{File, Plan, Row, Section};
use crate::live::permissions;

pub struct Scan;

const RBAC: &str = "manifests/ladrillo-scan-rbac.yaml";
const CRONJOB: &str = "manifests/ladrillo-scan-cronjob.yaml";

impl Section for Scan {
    fn files(&self, plan: &Plan) -> Vec<File> {
        if !plan.profile.scan_cronjob {
            return Vec::new();
        }
        vec![File::new(RBAC, permissions::rbac_manifest()), File::new(CRONJOB, scan_manifests::yaml())]
    }

    fn readme_rows(&self, p: &Profile) -> Vec<Row> {
        if !p.scan_cronjob {
            return Vec::new();
        }
        vec![Row::new(
            "manifests/ladrillo-scan-*.yaml",
            "ladrillo's rules over the running cluster every six hours, as PolicyReports: get/list-only \
             ClusterRole (no Secrets), create/patch on PolicyReports only, restricted pod, read-only root \
             filesystem, short-lived token, NetworkPolicies",
            "G4.3, G3.2",
            "–",
        )]
    }

    fn readme_steps(&self, p: &Profile) -> Vec<String> {
        if !p.scan_cronjob {
            return Vec::new();
        }
        vec![format!(
            "The in-cluster scan (`{CRONJOB}`) writes `PolicyReport` objects: install the PolicyReport\n\
             CRDs of the Kubernetes Policy working group (`wgpolicyk8s.io/v1alpha2`) first, and put the\n\
             ladrillo image in your registry (replace `{}`). Then `kubectl get policyreports -A`\n\
             shows the findings after each run.",
            crate::generate::webhook_manifests::IMAGE
        )]
    }
}
