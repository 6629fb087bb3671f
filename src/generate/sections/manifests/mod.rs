//! `manifests/`: what `kubectl apply -k manifests/` installs on the new cluster: PSS-restricted
//! namespaces, default-deny NetworkPolicies, read-only developer RBAC, an encrypted default
//! StorageClass, a hardened example application, node autoscaling and a SecretProviderClass.
//! One module per file.

mod app;
mod autoscaler;
mod karpenter;
mod namespaces;
mod network_policies;
mod rbac;
mod storage;

use std::fmt::Write as _;

use crate::generate::profile::Profile;
use crate::generate::section::{File, IrsaRole, Plan, Row, Section};
use crate::generate::text::comment;
use crate::i18n::{Lang, text};

pub struct Manifests;

impl Section for Manifests {
    fn roles(&self, p: &Profile) -> Vec<IrsaRole> {
        let scaling = if p.karpenter { karpenter::role(p) } else { autoscaler::role(p) };
        vec![scaling, app::role(p)]
    }

    fn files(&self, plan: &Plan) -> Vec<File> {
        let (p, lang) = (plan.profile, plan.lang);
        let mut files = vec![
            File::new("manifests/namespaces.yaml", namespaces::yaml(p, lang)),
            File::new("manifests/network-policies.yaml", network_policies::yaml(p, lang)),
            File::new("manifests/rbac.yaml", rbac::yaml(p, lang)),
            File::new("manifests/storage-class.yaml", storage::yaml(lang)),
            File::new("manifests/app.yaml", app::yaml(p, lang)),
            File::new("manifests/secret-provider-class.yaml", app::secret_provider_class(p, lang)),
        ];
        files.push(if p.karpenter {
            File::new("manifests/karpenter.yaml", karpenter::yaml(p, lang))
        } else {
            File::new("manifests/cluster-autoscaler.yaml", autoscaler::yaml(p, lang))
        });
        files
    }

    fn readme_rows(&self, p: &Profile, lang: Lang) -> Vec<Row> {
        let row = |file, id: &str, guide, cis| Row::new(file, text(lang, id), guide, cis);
        let mut rows = vec![
            row("manifests/namespaces.yaml", "gen-row-namespaces", "G4.3", "4.2.1–4.2.5, 4.5.1"),
            row("manifests/network-policies.yaml", "gen-row-network-policies", "G4.4", "4.3.2, 5.4.4"),
            row("manifests/rbac.yaml", "gen-row-rbac", "G4.1", "4.1.1–4.1.4"),
            row("manifests/storage-class.yaml", "gen-row-storage-class", "G2.4, G4.7", "–"),
            row("manifests/app.yaml", "gen-row-app", "G3.7, G4.3, G5.1", "4.1.5, 4.1.6, 4.4.1"),
            row(
                "manifests/secret-provider-class.yaml",
                "gen-row-secret-provider-class",
                "G4.6",
                "4.4.1, 4.4.2",
            ),
        ];
        rows.push(if p.karpenter {
            row("manifests/karpenter.yaml", "gen-row-karpenter", "G5.6, G3.6", "5.4.3")
        } else {
            row("manifests/cluster-autoscaler.yaml", "gen-row-cluster-autoscaler", "G3.6", "4.1.6")
        });
        rows
    }

    fn readme_steps(&self, p: &Profile, lang: Lang) -> Vec<String> {
        let mut steps = Vec::new();
        if p.is_private() {
            steps.push(private_images_step(p, lang));
        }
        if p.karpenter {
            steps.push(karpenter::readme_step(p, lang));
        }
        steps.push(app::readme_step(p, lang));
        steps.push(app::callers_step(p, lang));
        steps
    }
}

/// A fully private cluster's nodes have no internet egress: they pull the bundle's images from
/// the account's ECR, filled by pull-through cache rules.
fn private_images_step(p: &Profile, lang: Lang) -> String {
    let mut s = crate::t!(lang, "gen-private-images", registry = p.ecr_registry());
    s.push_str("\n\n```sh\n");
    for (prefix, upstream) in crate::generate::names::PULL_THROUGH {
        let _ = writeln!(
            s,
            "aws ecr create-pull-through-cache-rule --region {} --ecr-repository-prefix {prefix} --upstream-registry-url {upstream}",
            p.region
        );
    }
    s.push_str("```\n\n");
    let id = if p.karpenter { "gen-private-images-charts-karpenter" } else { "gen-private-images-charts" };
    s.push_str(&text(lang, id));
    s
}

/// `manifests/kustomization.yaml`, listing every file under `manifests/` of every section.
#[must_use]
pub fn kustomization(files: &[File], lang: Lang) -> File {
    let mut y = comment("", &text(lang, "gen-kustomization"));
    y.push_str("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
    for name in files.iter().filter_map(|f| f.path.strip_prefix("manifests/")) {
        let _ = writeln!(y, "  - {name}");
    }
    File::new("manifests/kustomization.yaml", y)
}

/// Annotations waiving the digest rule on images the bundle can only name by tag.
fn waive_digest(lang: Lang) -> String {
    format!(
        "    ladrillo.dev/ignore: image-without-digest\n    ladrillo.dev/ignore-reason: {}\n",
        crate::generate::text::q(&text(lang, "gen-waive-digest-reason"))
    )
}

/// Pod security context of the restricted level (pss:restricted).
fn pod_security(y: &mut String, uid: u32, indent: &str) {
    let _ = write!(
        y,
        "{indent}securityContext:\n{indent}  runAsNonRoot: true\n{indent}  runAsUser: {uid}\n{indent}  runAsGroup: {uid}\n\
         {indent}  fsGroup: {uid}\n{indent}  seccompProfile:\n{indent}    type: RuntimeDefault\n"
    );
}

/// Container security context of the restricted level.
fn container_security(y: &mut String, indent: &str) {
    let _ = write!(
        y,
        "{indent}securityContext:\n{indent}  allowPrivilegeEscalation: false\n{indent}  readOnlyRootFilesystem: true\n\
         {indent}  runAsNonRoot: true\n{indent}  capabilities:\n{indent}    drop: [\"ALL\"]\n"
    );
}

/// The namespaces the bundle creates: the user's, then the autoscaler's.
fn all_namespaces(p: &Profile) -> Vec<&str> {
    let mut v: Vec<&str> = p.namespaces.iter().map(String::as_str).collect();
    if !p.karpenter {
        v.push(crate::generate::names::AUTOSCALER_NAMESPACE);
    }
    v
}
