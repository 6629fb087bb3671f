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
    if let Endpoint::Restricted(cidrs) = &p.endpoint {
        y.push_str("waivers:\n  # CIS 5.4.2 wants no public endpoint; --public-access-cidrs asked for one, limited to\n");
        y.push_str("  # these ranges (CIS 5.4.1 holds). Regenerate without it to drop this waiver.\n");
        y.push_str("  - rules: [public-endpoint]\n");
        y.push_str(&format!(
            "    reason: {}\n",
            q(&format!(
                "public endpoint requested with --public-access-cidrs, open only to {}",
                cidrs.join(", ")
            ))
        ));
    }
    y
}
