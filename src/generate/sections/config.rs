//! `.ladrillo.yaml`: every rule runs on the bundle, and the only exception is one the user
//! asked for (a public endpoint restricted to their CIDRs), recorded with its reason.

use crate::generate::profile::{Endpoint, Profile};
use crate::generate::section::{File, Plan, Row, Section};
use crate::generate::text::{comment, q};
use crate::i18n::{Lang, text};

pub struct Config;

impl Section for Config {
    fn files(&self, plan: &Plan) -> Vec<File> {
        vec![File::new(".ladrillo.yaml", ladrillo_config(plan.profile, plan.lang))]
    }

    fn readme_rows(&self, _p: &Profile, lang: Lang) -> Vec<Row> {
        vec![Row::new(".ladrillo.yaml", text(lang, "gen-row-config"), "G1.2", "–")]
    }
}

fn ladrillo_config(p: &Profile, lang: Lang) -> String {
    let mut y = comment("", &text(lang, "gen-config-header"));
    y.push_str("select: [all]\n");
    let mut waivers = Vec::new();
    if let Endpoint::Restricted(cidrs) = &p.endpoint {
        waivers.push(format!(
            "{}  - rules: [public-endpoint]\n    reason: {}\n",
            comment("  ", &text(lang, "gen-config-public-endpoint")),
            q(&crate::t!(lang, "gen-config-public-endpoint-reason", cidrs = cidrs.join(", ")))
        ));
    }
    if p.extended_support && p.past_standard_support {
        let end = p.version.support.end_of_extended;
        let version = p.version.name();
        waivers.push(format!(
            "{}  - rules: [unsupported-kubernetes-version]\n    reason: {}\n    until: {end}\n",
            comment("  ", &crate::t!(lang, "gen-config-extended", version = version.as_str())),
            q(&crate::t!(lang, "gen-config-extended-reason", version = version.as_str()))
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
