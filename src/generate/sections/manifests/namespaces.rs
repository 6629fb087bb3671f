//! `manifests/namespaces.yaml`.

use std::fmt::Write as _;

use crate::generate::profile::Profile;
use crate::generate::text::q;

pub fn yaml(p: &Profile) -> String {
    let version = format!("v1.{}", p.version.minor);
    let mut y = String::from(
        "# Pod Security Admission at the restricted level, enforced, audited and warned, pinned to the\n\
         # cluster's version: no root, no privilege escalation, no added capabilities (guide:G4.3,\n\
         # CIS 4.2.1-4.2.5). One namespace per team or application (CIS 4.5.1, 4.5.2).\n",
    );
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
