//! `manifests/namespaces.yaml`.

use std::fmt::Write as _;

use crate::generate::profile::Profile;
use crate::generate::text::{comment, q};
use crate::i18n::{Lang, text};

pub fn yaml(p: &Profile, lang: Lang) -> String {
    let version = format!("v1.{}", p.version.minor);
    let mut y = comment("", &text(lang, "gen-namespaces-header"));
    for ns in super::all_namespaces(p) {
        y.push_str("---\napiVersion: v1\nkind: Namespace\nmetadata:\n");
        let _ = writeln!(y, "  name: {ns}\n  labels:");
        for mode in ["enforce", "audit", "warn"] {
            let _ = writeln!(y, "    pod-security.kubernetes.io/{mode}: restricted");
            let _ = writeln!(y, "    pod-security.kubernetes.io/{mode}-version: {}", q(&version));
        }
    }
    y
}
