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

pub struct Manifests;

impl Section for Manifests {
    fn roles(&self, p: &Profile) -> Vec<IrsaRole> {
        let scaling = if p.karpenter { karpenter::role(p) } else { autoscaler::role(p) };
        vec![scaling, app::role(p)]
    }

    fn files(&self, plan: &Plan) -> Vec<File> {
        let p = plan.profile;
        let mut files = vec![
            File::new("manifests/namespaces.yaml", namespaces::yaml(p)),
            File::new("manifests/network-policies.yaml", network_policies::yaml(p)),
            File::new("manifests/rbac.yaml", rbac::yaml(p)),
            File::new("manifests/storage-class.yaml", storage::yaml()),
            File::new("manifests/app.yaml", app::yaml(p)),
            File::new("manifests/secret-provider-class.yaml", app::secret_provider_class(p)),
        ];
        files.push(if p.karpenter {
            File::new("manifests/karpenter.yaml", karpenter::yaml(p))
        } else {
            File::new("manifests/cluster-autoscaler.yaml", autoscaler::yaml(p))
        });
        files
    }

    fn readme_rows(&self, p: &Profile) -> Vec<Row> {
        let mut rows = vec![
            Row::new(
                "manifests/namespaces.yaml",
                "Pod Security Admission restricted (enforce, audit, warn)",
                "G4.3",
                "4.2.1–4.2.5, 4.5.1",
            ),
            Row::new(
                "manifests/network-policies.yaml",
                "default-deny ingress and egress, DNS only to kube-dns; the example backend only from `app=frontend` pods, whose egress to it is allowed",
                "G4.4",
                "4.3.2, 5.4.4",
            ),
            Row::new(
                "manifests/rbac.yaml",
                "developers read-only (get, list, watch) in their namespaces, no Secrets",
                "G4.1",
                "4.1.1–4.1.4",
            ),
            Row::new(
                "manifests/storage-class.yaml",
                "default StorageClass gp3, encrypted, WaitForFirstConsumer",
                "G2.4, G4.7",
                "–",
            ),
            Row::new(
                "manifests/app.yaml",
                "restricted pod, own ServiceAccount without token, requests/limits, probes, HPA 3–10 at 50% CPU, PDB",
                "G3.7, G4.3, G5.1",
                "4.1.5, 4.1.6, 4.4.1",
            ),
            Row::new(
                "manifests/secret-provider-class.yaml",
                "secrets from AWS Secrets Manager as files",
                "G4.6",
                "4.4.1, 4.4.2",
            ),
        ];
        rows.push(if p.karpenter {
            Row::new(
                "manifests/karpenter.yaml",
                "NodePool and EC2NodeClass: private, IMDSv2 hop limit 1, encrypted volumes",
                "G5.6, G3.6",
                "5.4.3",
            )
        } else {
            Row::new(
                "manifests/cluster-autoscaler.yaml",
                "Cluster Autoscaler with auto-discovery and an IRSA role, short-lived API token",
                "G3.6",
                "4.1.6",
            )
        });
        rows
    }

    fn readme_steps(&self, p: &Profile) -> Vec<String> {
        let mut steps = Vec::new();
        if p.is_private() {
            steps.push(private_images_step(p));
        }
        if p.karpenter {
            steps.push(karpenter::readme_step(p));
        }
        steps.push(app::readme_step(p));
        steps.push(app::callers_step(p));
        steps
    }
}

/// A fully private cluster's nodes have no internet egress: they pull the bundle's images from
/// the account's ECR, filled by pull-through cache rules.
fn private_images_step(p: &Profile) -> String {
    let mut s = format!(
        "Images in a fully private cluster: nodes cannot reach public registries, so `manifests/` names\n\
         the images in your ECR registry `{}`,\n\
         filled by pull-through cache rules. Create them once, then pull each image once through them\n\
         from a machine with ECR rights (the first pull creates the repository), before\n\
         `kubectl apply -k`:\n\n```sh\n",
        p.ecr_registry()
    );
    for (prefix, upstream) in crate::generate::names::PULL_THROUGH {
        let _ = writeln!(
            s,
            "aws ecr create-pull-through-cache-rule --region {} --ecr-repository-prefix {prefix} --upstream-registry-url {upstream}",
            p.region
        );
    }
    s.push_str("```\n\nInstall Helm charts (the Secrets Store CSI driver");
    if p.karpenter {
        s.push_str(", Karpenter");
    }
    s.push_str(") with their image repositories pointed at the same caches.");
    s
}

/// `manifests/kustomization.yaml`, listing every file under `manifests/` of every section.
#[must_use]
pub fn kustomization(files: &[File]) -> File {
    let mut y = String::from(
        "# Apply with: kubectl apply -k manifests/\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n",
    );
    for name in files.iter().filter_map(|f| f.path.strip_prefix("manifests/")) {
        let _ = writeln!(y, "  - {name}");
    }
    File::new("manifests/kustomization.yaml", y)
}

/// Annotations waiving the digest rule on images the bundle can only name by tag.
const WAIVE_DIGEST: &str = "    ladrillo.dev/ignore: image-without-digest\n    ladrillo.dev/ignore-reason: \"digests are not known when the bundle is generated; pin the image with its @sha256 digest before production\"\n";

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
