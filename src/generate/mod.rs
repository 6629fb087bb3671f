//! `ladrillo init`: a validated [`Profile`] becomes a hardened bundle, an ordered list of
//! (relative path, contents). Pure: nothing here reads or writes files, and the same profile
//! always gives byte-identical output.
//!
//! The modules form a tree. At the bottom, what every section may use: [`profile`] (the
//! validated request), [`facts`] (from the tables the rules use), [`names`] (names and settings
//! several files share), [`addons`], [`section`] (what a section is) and `text` (quoting,
//! comment lines). Above them, one module per section under `sections/`, which never import
//! each other: what they share travels through the [`Plan`]. At the top, this module lists the
//! sections and derives the files that describe all of them (`README.md`,
//! `manifests/kustomization.yaml`). The prose of every file (README, comments, descriptions,
//! waiver reasons) is in `generate.ftl`, in the plan's language.

pub mod addons;
pub mod facts;
pub mod harden;
pub mod names;
pub mod profile;
mod readme;
pub mod scan_manifests;
pub mod section;
mod sections;
mod text;
pub mod webhook_manifests;

pub use profile::{Endpoint, Profile, Request};
pub use section::{File, IrsaRole, Plan, Row, Section};

use crate::i18n::Lang;

/// Every section, in the order of the bundle. A new section is a module under `sections/`
/// and one line here.
const SECTIONS: &[&dyn Section] = &[
    &sections::config::Config,
    &sections::eksctl::Eksctl,
    &sections::iam::Iam,
    &sections::manifests::Manifests,
    &sections::terraform::Terraform,
    &sections::webhook::Webhook,
    &sections::scan::Scan,
];

/// The plan every section sees: the add-ons' IRSA roles, then each section's.
#[must_use]
pub fn plan(p: &Profile, lang: Lang) -> Plan<'_> {
    let mut roles = addons::roles();
    for s in SECTIONS {
        roles.extend(s.roles(p));
    }
    Plan { profile: p, lang, roles }
}

/// The whole bundle, in a fixed order, its README, comments and descriptions in `lang`
/// (identifiers, fields, names and commands are the same in every language).
#[must_use]
pub fn bundle(p: &Profile, lang: Lang) -> Vec<File> {
    let plan = plan(p, lang);
    let mut files: Vec<File> = SECTIONS.iter().flat_map(|s| s.files(&plan)).collect();
    let steps: Vec<String> = SECTIONS.iter().flat_map(|s| s.readme_steps(p, lang)).collect();
    let rows: Vec<Row> = SECTIONS.iter().flat_map(|s| s.readme_rows(p, lang)).collect();
    let kustomization = sections::manifests::kustomization(&files, lang);
    let at = files.iter().position(|f| f.path.starts_with("manifests/")).unwrap_or(files.len());
    files.insert(at, kustomization);
    files.insert(1.min(files.len()), File::new("README.md", readme::readme(p, lang, &steps, &rows)));
    files
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use jiff::civil::date;

    use super::*;

    fn guide() -> Profile {
        let req = Request {
            name: Some("mi-cluster".into()),
            region: Some("us-east-1".into()),
            node_type: Some("t3.medium".into()),
            private: true,
            ..Request::default()
        };
        Profile::new(&req, date(2026, 11, 24)).unwrap()
    }

    #[test]
    fn same_profile_same_bytes() {
        let p = guide();
        for lang in Lang::ALL {
            assert_eq!(bundle(&p, lang), bundle(&p, lang));
        }
    }

    #[test]
    fn paths_are_unique_and_the_kustomization_lists_every_manifest() {
        let files = bundle(&guide(), Lang::En);
        let mut paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        paths.sort_unstable();
        assert!(paths.windows(2).all(|w| w[0] != w[1]), "{paths:?}");
        let kustomization = files.iter().find(|f| f.path == "manifests/kustomization.yaml").unwrap();
        for f in files.iter().filter(|f| f.path.starts_with("manifests/") && f.path != kustomization.path) {
            let name = f.path.trim_start_matches("manifests/");
            assert!(kustomization.contents.contains(&format!("  - {name}\n")), "{name}");
        }
    }

    /// Sections never import each other, and the shared layer never imports a section.
    #[test]
    fn the_generator_is_a_tree() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/generate");
        let sections = root.join("sections");
        let stem = |p: &Path| p.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let names: Vec<String> = std::fs::read_dir(&sections)
            .unwrap()
            .map(|e| stem(&e.unwrap().path()))
            .filter(|s| s != "mod")
            .collect();
        assert!(names.len() >= 5, "{names:?}");
        let mut checked = 0;
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let in_section = path.strip_prefix(&sections).ok().map(|rel| rel.components().count());
                // The section a file belongs to: `sections/iam.rs` and `sections/iam/*.rs` are `iam`.
                let own = path
                    .strip_prefix(&sections)
                    .ok()
                    .and_then(|rel| rel.iter().next())
                    .map(|s| stem(Path::new(s)));
                for name in names.iter().filter(|n| own.as_deref() != Some(n.as_str())) {
                    let through_crate = text.contains(&format!("sections::{name}"));
                    let sibling = in_section == Some(1) && text.contains(&format!("super::{name}"));
                    let registry = path == root.join("mod.rs");
                    assert!(
                        registry || !(through_crate || sibling),
                        "{} reaches into section {name}",
                        path.display()
                    );
                }
                if in_section.is_some() {
                    assert!(
                        !text.contains("super::super::"),
                        "{}: use crate::generate:: paths",
                        path.display()
                    );
                }
                checked += 1;
            }
        }
        assert!(checked >= 20, "{checked}");
    }
}
