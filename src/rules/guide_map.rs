//! `docs/guide-map.md`: each practice of the guide and what in ladrillo implements it. Rule
//! lists come from rule metadata (`guide:` sections), the rest from the table below, so the map
//! stays true as rules are added; a test compares the committed file with a fresh generation.

use std::fmt::Write as _;

use super::all;
use super::frameworks::Input::{
    self, Cluster as C, Namespaced as NS, Objects as O, Rbac as R, Services as SVC, StorageClasses as SC,
    Workloads as W,
};

/// A practice of the guide (numbered as in the guide's sections) and what else implements it.
pub struct Practice {
    pub id: &'static str,
    pub practice: &'static str,
    /// The practice's title in Spanish, as `report --framework guide` shows it.
    pub title_es: &'static str,
    /// Inputs its rules can judge (see [`super::frameworks`]).
    pub inputs: &'static [Input],
    /// Commands, generated files or notes beyond rules; "not yet: …" when nothing does.
    pub also: &'static str,
}

pub const PRACTICES: &[Practice] = &[
    Practice {
        id: "G1.1",
        practice: "Kubernetes automates containers; EKS runs it on AWS.",
        title_es: "Kubernetes automatiza los contenedores; EKS lo ejecuta en AWS",
        inputs: &[],
        also: "Context only.",
    },
    Practice {
        id: "G1.2",
        practice: "Security by design, from the start.",
        title_es: "Seguridad desde el diseño, desde el principio",
        inputs: &[],
        also: "`ladrillo scan` in CI on every change; `ladrillo init` starts from a hardened bundle.",
    },
    Practice {
        id: "G1.3",
        practice: "Control plane managed by AWS, worker nodes, integrations with ELB, VPC, IAM.",
        title_es: "Plano de control gestionado por AWS, nodos de trabajo e integración con ELB, VPC e IAM",
        inputs: &[C],
        also: "The EKS cluster model reads eksctl, Terraform, CloudFormation and `aws eks describe-*` JSON.",
    },
    Practice {
        id: "G2.1",
        practice: "Supported Kubernetes version; compatible add-ons.",
        title_es: "Versión de Kubernetes con soporte y complementos compatibles",
        inputs: &[C],
        also: "",
    },
    Practice {
        id: "G2.2",
        practice: "VPC-native networking with the Amazon VPC CNI.",
        title_es: "Red nativa de la VPC con Amazon VPC CNI",
        inputs: &[],
        also: "`ladrillo max-pods` (see G2.3).",
    },
    Practice {
        id: "G2.3",
        practice: "Max pods per node from ENIs and IPs per ENI.",
        title_es: "Máximo de pods por nodo según las ENI y las IP por ENI",
        inputs: &[C],
        also: "`ladrillo max-pods TYPE... | --all [--prefix-delegation] [--custom-networking]` computes \
               `ENIs × (IPv4 per ENI − 1) + 2` with EKS's caps. **The guide's numbers are wrong**: its formula \
               (ENIs × IPs per ENI) overcounts; t3.medium is **17**, not 18, and m5.large **29**, not 30.",
    },
    Practice {
        id: "G2.4",
        practice: "EBS/EFS CSI storage; gp3 StorageClass with `encrypted: \"true\"`, `reclaimPolicy: Delete`.",
        title_es: "Almacenamiento con los drivers CSI de EBS/EFS y StorageClass gp3 cifrada",
        inputs: &[C, SC],
        also: "",
    },
    Practice {
        id: "G2.5",
        practice: "Stateful data on persistent volumes with replicas across AZs.",
        title_es: "Datos con estado en volúmenes persistentes con réplicas en varias zonas de disponibilidad",
        inputs: &[C],
        also: "",
    },
    Practice {
        id: "G3.1",
        practice: "Dedicated IAM cluster role with AmazonEKSClusterPolicy.",
        title_es: "Rol de IAM dedicado para el clúster con AmazonEKSClusterPolicy",
        inputs: &[C],
        also: "",
    },
    Practice {
        id: "G3.2",
        practice: "No long-lived access keys; pods use IRSA.",
        title_es: "Sin claves de acceso de larga duración; los pods usan IRSA",
        inputs: &[C, W],
        also: "",
    },
    Practice {
        id: "G3.3",
        practice: "Create the cluster with eksctl (the guide's one-line command) or a config file with add-ons.",
        title_es: "Crear el clúster con eksctl o un archivo de configuración con complementos",
        inputs: &[C],
        also: "`examples/guide-cluster/` is the guide's command as a config: `ladrillo scan` finds its insecure \
               defaults (public endpoint open to 0.0.0.0/0, no private endpoint, no logs, public subnets, no OIDC, \
               no KMS key, unencrypted volumes).",
    },
    Practice {
        id: "G3.4",
        practice: "kubeconfig from eksctl; nodes Ready.",
        title_es: "kubeconfig desde eksctl; nodos en estado Ready",
        inputs: &[],
        also: "Operational step; not checked (no live cluster access yet).",
    },
    Practice {
        id: "G3.5",
        practice: "CloudWatch Container Insights; alerts on CPU/memory.",
        title_es: "CloudWatch Container Insights y alertas de CPU y memoria",
        inputs: &[C],
        also: "",
    },
    Practice {
        id: "G3.6",
        practice: "Node autoscaling with Cluster Autoscaler.",
        title_es: "Escalado automático de nodos con Cluster Autoscaler",
        inputs: &[C],
        also: "",
    },
    Practice {
        id: "G3.7",
        practice: "Pod autoscaling with HPA (min 3, max 10, 50% CPU).",
        title_es: "Escalado automático de pods con HPA",
        inputs: &[W],
        also: "",
    },
    Practice {
        id: "G4.1",
        practice: "Least-privilege RBAC; no create/delete in kube-system.",
        title_es: "RBAC de mínimo privilegio; sin crear ni borrar en kube-system",
        inputs: &[R],
        also: "`ladrillo rbac who-can | can-i | rules` answer who can do what, offline.",
    },
    Practice {
        id: "G4.2",
        practice: "Map IAM identities to Kubernetes groups; MFA through AWS.",
        title_es: "Asignar identidades de IAM a grupos de Kubernetes; MFA a través de AWS",
        inputs: &[C, R],
        also: "aws-auth mappings and EKS access entries (groups and access policies) feed the RBAC graph: `ladrillo rbac who-can` lists the IAM principals behind each grant.",
    },
    Practice {
        id: "G4.3",
        practice: "Pod Security Admission: no root, no SYS_ADMIN.",
        title_es: "Pod Security Admission: sin root y sin SYS_ADMIN",
        inputs: &[W],
        also: "",
    },
    Practice {
        id: "G4.4",
        practice: "NetworkPolicies: backend only from frontend.",
        title_es: "Políticas de red: el backend solo acepta tráfico del frontend",
        inputs: &[NS],
        also: "`ladrillo netpol reach | explain` computes exact reachability; `reachability:` assertions in \
               `.ladrillo.yaml` make \"backend only from frontend\" a CI check.",
    },
    Practice {
        id: "G4.5",
        practice: "Image scanning in CI/CD (Trivy, Clair); node CVE assessment.",
        title_es: "Escaneo de imágenes en CI/CD y evaluación de CVE en los nodos",
        inputs: &[W],
        also: "Not yet: ladrillo checks image references (tags, digests, pull policy) but does not scan image \
               contents; run an image scanner beside it.",
    },
    Practice {
        id: "G4.6",
        practice: "No secrets in YAML; Secrets Manager / Secrets Store CSI; rotation.",
        title_es: "Sin secretos en el YAML; Secrets Manager o Secrets Store CSI; rotación",
        inputs: &[C, O],
        also: "Secret values are never printed: reports mask them.",
    },
    Practice {
        id: "G4.7",
        practice: "Encryption at rest (EBS) and TLS for the API server.",
        title_es: "Cifrado en reposo (EBS) y TLS para el servidor de API",
        inputs: &[C, SC, SVC],
        also: "",
    },
    Practice {
        id: "G4.8",
        practice: "Runtime threat detection: Falco or GuardDuty.",
        title_es: "Detección de amenazas en tiempo de ejecución: Falco o GuardDuty",
        inputs: &[C],
        also: "`ladrillo audit-log` reads the EKS audit log (files, exports, CloudWatch subscription records, \
               `--follow`) and raises the detections of group `audit`; see docs/audit-log.md.",
    },
    Practice {
        id: "G5.1",
        practice: "Node groups over several AZs; managed node groups with rolling updates.",
        title_es: "Grupos de nodos en varias zonas de disponibilidad; grupos gestionados con actualizaciones progresivas",
        inputs: &[C, W],
        also: "",
    },
    Practice {
        id: "G5.2",
        practice: "Audit logs (CloudTrail, Control Tower) for compliance.",
        title_es: "Registros de auditoría (CloudTrail, Control Tower) para el cumplimiento normativo",
        inputs: &[C],
        also: "Control-plane audit logs are checked; CloudTrail and Control Tower are account-level and out of reach of cluster definitions.",
    },
    Practice {
        id: "G5.3",
        practice: "Mandatory tags for traceability.",
        title_es: "Etiquetas obligatorias para la trazabilidad",
        inputs: &[C, O],
        also: "List them in `required-tags:` in `.ladrillo.yaml`.",
    },
    Practice {
        id: "G5.4",
        practice: "Risks: IAM privilege escalation; services exposed without a load balancer.",
        title_es: "Riesgos: escalada de privilegios en IAM; servicios expuestos sin balanceador de carga",
        inputs: &[C, R, SVC],
        also: "",
    },
    Practice {
        id: "G5.5",
        practice: "Infrastructure as code with Terraform (`aws_eks_cluster`).",
        title_es: "Infraestructura como código con Terraform (`aws_eks_cluster`)",
        inputs: &[],
        also: "Terraform is an input like eksctl: `aws_eks_cluster`, node groups, launch templates, IAM roles, \
               KMS keys, OIDC providers and the terraform-aws-modules/eks module (with variables, `*.tfvars` \
               and locals) are read into the cluster model every EKS rule judges, and findings name the \
               resource address. `ladrillo init` writes a Terraform configuration beside the eksctl one \
               (private subnets, role ARNs, encryption, logging).",
    },
    Practice {
        id: "G5.6",
        practice: "Spot in diversified node groups; Karpenter.",
        title_es: "Instancias Spot en grupos de nodos diversificados; Karpenter",
        inputs: &[C],
        also: "",
    },
    Practice {
        id: "G6.1",
        practice: "ML pipelines (Kubeflow, SageMaker, GPU nodes).",
        title_es: "Flujos de aprendizaje automático (Kubeflow, SageMaker, nodos con GPU)",
        inputs: &[],
        also: "Out of scope: workload-specific; the generic workload rules apply to their pods.",
    },
    Practice {
        id: "G6.2",
        practice: "Blockchain nodes via Helm; KMS-encrypted transactions.",
        title_es: "Nodos de blockchain con Helm; transacciones cifradas con KMS",
        inputs: &[],
        also: "Out of scope: application-specific; render charts and scan the output (`helm template … | ladrillo scan -`).",
    },
    Practice {
        id: "G6.3",
        practice: "Adversarial robustness testing; smart-contract audits.",
        title_es: "Pruebas de robustez adversaria; auditorías de contratos inteligentes",
        inputs: &[],
        also: "Out of scope for a configuration auditor.",
    },
    Practice {
        id: "G7.1",
        practice: "Microservices behind LoadBalancer Services and the ALB Ingress Controller.",
        title_es: "Microservicios tras Services de tipo LoadBalancer y el controlador de Ingress de ALB",
        inputs: &[SVC],
        also: "",
    },
    Practice {
        id: "G7.2",
        practice: "Node kernel tuning with sysctls; container GC.",
        title_es: "Ajuste del kernel de los nodos con sysctls; recolección de basura de contenedores",
        inputs: &[],
        also: "Not yet: node-level kubelet/sysctl settings are not modelled.",
    },
    Practice {
        id: "G7.3",
        practice: "Load tests (Locust).",
        title_es: "Pruebas de carga (Locust)",
        inputs: &[],
        also: "Out of scope: operational testing.",
    },
    Practice {
        id: "G7.4",
        practice: "Fargate for serverless pods.",
        title_es: "Fargate para pods sin servidor",
        inputs: &[],
        also: "Fargate profiles are part of the cluster model.",
    },
    Practice {
        id: "G7.5",
        practice: "Blue-green upgrades; canary with Istio (mTLS).",
        title_es: "Actualizaciones blue-green; despliegues canary con Istio (mTLS)",
        inputs: &[C],
        also: "Not yet: Istio mTLS (PeerAuthentication) is not checked.",
    },
    Practice {
        id: "G8.1",
        practice: "Strict RBAC, encryption everywhere, continuous monitoring.",
        title_es: "RBAC estricto, cifrado en todas partes y monitorización continua",
        inputs: &[],
        also: "The whole rule set; see the groups in rules.md.",
    },
];

/// The guide map in Markdown.
#[must_use]
pub fn guide_map_markdown() -> String {
    let mut out = String::from("# The guide, mapped to ladrillo\n\n");
    out.push_str(
        "<!-- Generated from src/rules/guide_map.rs and the rules' `guide:` sections by \
         `LADRILLO_UPDATE_DOCS=1 cargo test --test docs`. Do not edit. -->\n\n",
    );
    out.push_str(
        "Each practice of the guide *\"Implementación Segura de un Clúster Kubernetes en AWS EKS\"*, \
         numbered by section (`guide:G4.3` in rule metadata), with the rules that check it and what \
         else implements it. Where the guide is wrong or outdated, ladrillo follows the facts and says so here.\n\n",
    );
    out.push_str("| Practice | Rules | Also |\n|---|---|---|\n");
    for p in PRACTICES {
        let rules: Vec<String> = all()
            .iter()
            .filter(|r| r.meta().guide.contains(&p.id))
            .map(|r| format!("[`{}`](rules.md#{})", r.meta().name, r.meta().name))
            .collect();
        let also = if p.also.is_empty() && rules.is_empty() { "Not yet." } else { p.also };
        let _ = writeln!(
            out,
            "| **{}** {} | {} | {} |",
            p.id,
            p.practice.replace('|', "\\|"),
            if rules.is_empty() { "—".to_string() } else { rules.join(", ") },
            also.replace('|', "\\|")
        );
    }
    out
}

/// Practice ids known to the map, for checking rule metadata.
#[must_use]
pub fn practice_ids() -> Vec<&'static str> {
    PRACTICES.iter().map(|p| p.id).collect()
}
