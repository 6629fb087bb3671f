//! `.ladrillo.yaml`: every rule runs on the bundle, and the only exception is one the user
//! asked for (a public endpoint restricted to their CIDRs), recorded with its reason.

use crate::generate::profile::{Endpoint, Profile};
use crate::generate::section::{File, Plan, Row, Section};
use crate::generate::text::q;

pub struct Config;

impl Section for Config {
    fn files(&self, plan: &Plan) -> Vec<File> {
        vec![File::new(".ladrillo.yaml", ladrillo_config(plan.profile))]
    }

    fn readme_rows(&self, _p: &Profile) -> Vec<Row> {
        vec![Row::new(
            ".ladrillo.yaml",
            "every rule runs on this bundle; any exception is a waiver with its reason",
            "G1.2",
            "–",
        )]
    }
}

fn ladrillo_config(p: &Profile) -> String {
    let mut y =
        String::from("# Settings for `ladrillo scan` in this bundle: every rule runs.\nselect: [all]\n");
    let mut waivers = Vec::new();
    if let Endpoint::Restricted(cidrs) = &p.endpoint {
        waivers.push(format!(
            "  # CIS 5.4.2 wants no public endpoint; --public-access-cidrs asked for one, limited to\n  \
             # these ranges (CIS 5.4.1 holds). Regenerate with --private to drop this waiver.\n  \
             - rules: [public-endpoint]\n    reason: {}\n",
            q(&format!(
                "public endpoint requested with --public-access-cidrs, open only to {}",
                cidrs.join(", ")
            ))
        ));
    }
    if p.extended_support && p.past_standard_support {
        let end = p.version.support.end_of_extended;
        waivers.push(format!(
            "  # --extended-support accepted Kubernetes {v} in EKS extended support; the waiver ends with it.\n  \
             - rules: [unsupported-kubernetes-version]\n    reason: {}\n    until: {end}\n",
            q(&format!("Kubernetes {} kept in EKS extended support with --extended-support", p.version.name())),
            v = p.version.name()
        ));
    }
    if !waivers.is_empty() {
        y.push_str("waivers:\n");
        for w in waivers {
            y.push_str(&w);
        }
    }
    y
}
