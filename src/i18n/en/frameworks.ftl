# `ladrillo report --framework`: the phrases of the framework reports (src/report/compliance/words.rs).
framework-inputs = inputs: { $files ->
        [one] { $files } file
       *[other] { $files } files
    }, { $objects ->
        [one] { $objects } object
       *[other] { $objects } objects
    }, { $clusters ->
        [one] { $clusters } cluster
       *[other] { $clusters } clusters
    }
framework-input-cluster = cluster definitions
framework-input-workloads = workloads
framework-input-rbac = RBAC objects
framework-input-namespaced = namespaced objects
framework-input-storage-classes = StorageClasses
framework-input-services = Services/Ingresses
framework-input-objects = Kubernetes objects
# Joins input kinds after a negation: "no X or Y".
framework-or = or
framework-checked-on = checked on { $inputs }
framework-no-rule = no rule checks this control from definitions
framework-not-run = not evaluated: rules not run ({ $rules }); check by hand or stop ignoring them
framework-not-applicable = no relevant input: no { $inputs } in the input
framework-not-applicable-outposts = the control plane runs on AWS Outposts, where EKS or eksctl does not support what this control asks for
framework-pss-check = Pod Security check { $check }
framework-check-by-hand = check by hand
framework-waived = { $count } waived
framework-status-pass = pass
framework-status-fail = fail
framework-status-not-applicable = not-applicable
framework-status-manual = manual
framework-percent = { $percent }%
framework-score-line = passed { $pass } of { $decided } decided controls ({ $share }); { $fail } failed, { $na } not applicable, { $manual } manual; { $controls } controls in all
framework-nothing-decided = nothing in the input can decide a control of { $framework }: every control is not applicable or manual (is the path right?)

# What to check by hand (`by_hand` in src/rules/frameworks.rs, `also` in src/rules/guide_map.rs) and
# the titles of the NSA/CISA and Pod Security controls, each with the exact English text of its
# table: the tables keep English, and a report in another language finds the message by that text
# (`report::compliance::words`; a test checks both ways). CIS control titles stay as the benchmark
# publishes them, and the guide's practices already have their Spanish titles.
control-manual-node = Node configuration is not in cluster definitions: check the kubelet on a node (`kube-bench run --targets node`), or the kubeletExtraConfig/NodeConfig you ship.
control-manual-cis-2-1-2 = Check that the control-plane log group has a retention period and that the logs are reviewed or exported (CloudWatch Logs Insights, SIEM).
control-manual-cis-4-1-9 = List who can create PersistentVolumes (`ladrillo rbac who-can create persistentvolumes PATH`) and keep it to storage administrators.
control-manual-cis-4-3-1 = Check that the vpc-cni add-on sets `enableNetworkPolicy: "true"` in its configuration values, or that Calico or Cilium enforces NetworkPolicies.
control-manual-cis-4-4-1 = Look for `env[].valueFrom.secretKeyRef` and `envFrom[].secretRef` in pod templates and mount those Secrets as files instead.
control-manual-cis-4-5-1 = Check that teams and applications have their own namespaces, with RBAC, quotas and NetworkPolicies scoped to them.
control-manual-cis-5-1-1 = Check that ECR repositories scan on push (or enhanced scanning is on) and that CI scans images before deployment.
control-manual-cis-5-1-2 = Review the IAM policies that grant `ecr:*` to people; keep push rights to CI roles.
control-manual-cis-5-1-3 = Check that the node role has `AmazonEC2ContainerRegistryReadOnly` or `…PullOnly` and nothing broader.
control-manual-cis-5-1-4 = Check that an admission policy (Kyverno, Gatekeeper, ValidatingAdmissionPolicy) allows only approved registries.
control-manual-cis-5-4-4 = Check that the CNI enforces NetworkPolicies (vpc-cni `enableNetworkPolicy`, Calico, Cilium) and that each namespace has default-deny policies.
control-manual-cis-5-4-5 = Check that LoadBalancer Services and Ingresses terminate TLS with an ACM certificate (`service.beta.kubernetes.io/aws-load-balancer-ssl-cert`, `alb.ingress.kubernetes.io/certificate-arn`).
control-manual-cis-5-5-1 = Check that kubeconfigs authenticate with `aws eks get-token` (AWS CLI 1.16.156 or newer).
control-title-nsa-non-root-containers = Use containers built to run applications as non-root users
control-title-nsa-immutable-filesystem = Run containers with immutable (read-only) root file systems
control-title-nsa-image-scanning = Scan container images for vulnerabilities and misconfigurations
control-manual-nsa-image-scanning = Check that CI and the registry scan images (Trivy, ECR scanning) and that an admission policy blocks images that fail.
control-title-nsa-pod-security = Enforce pod security: no privileged containers, host namespaces or privilege escalation
control-title-nsa-service-account-tokens = Protect pod service account tokens
control-title-nsa-hardened-runtime = Harden container environments (sandboxed runtimes, hypervisor isolation)
control-manual-nsa-hardened-runtime = Check whether untrusted workloads run on isolated nodes or sandboxed runtimes (Fargate, gVisor, Kata Containers).
control-title-nsa-namespaces = Separate resources with namespaces
control-title-nsa-network-policies = Restrict traffic with network policies, denying by default
control-title-nsa-resource-policies = Limit resources with requests, limits and quotas
control-title-nsa-control-plane = Harden the control plane: private endpoint, restricted access
control-title-nsa-worker-node-segmentation = Keep worker nodes in private networks, unreachable from the internet
control-title-nsa-encryption = Encrypt data at rest and in transit
control-title-nsa-secrets = Encrypt Secrets and keep credentials out of manifests
control-title-nsa-cloud-metadata = Protect sensitive cloud infrastructure: the instance metadata service
control-title-nsa-authentication = Authenticate every user; no anonymous access
control-title-nsa-rbac = Least-privilege role-based access control
control-title-nsa-audit-logging = Enable and keep audit logs
control-title-nsa-threat-detection = Detect threats at runtime from logs and monitoring
control-title-nsa-upgrades = Apply upgrades and patches promptly
control-title-pss-windows-host-process = HostProcess: Windows HostProcess pods are forbidden
control-title-pss-host-namespaces = Host Namespaces: sharing the host network, PID or IPC namespace is forbidden
control-title-pss-privileged = Privileged Containers: privileged pods disable most security mechanisms
control-title-pss-capabilities-baseline = Capabilities: adding capabilities beyond the default set is forbidden
control-title-pss-host-path-volumes = HostPath Volumes: hostPath volumes are forbidden
control-title-pss-host-ports = Host Ports: host ports are forbidden or limited to a known list
control-title-pss-host-probes-and-host-lifecycle = Host Probes / Lifecycle Hooks: the host field of probes and hooks is forbidden
control-title-pss-app-armor-profile = AppArmor: overriding the default profile is forbidden
control-title-pss-se-linux-options = SELinux: custom SELinux users, roles and types are forbidden
control-title-pss-proc-mount = /proc Mount Type: the default /proc masks are required
control-title-pss-seccomp-profile-baseline = Seccomp: the Unconfined profile is forbidden
control-title-pss-sysctls = Sysctls: only a safe subset of sysctls is allowed
control-title-pss-restricted-volumes = Volume Types: only known safe volume types are allowed
control-title-pss-allow-privilege-escalation = Privilege Escalation: allowPrivilegeEscalation must be false
control-title-pss-run-as-non-root = Running as Non-root: containers must run as non-root users
control-title-pss-run-as-user = Running as Non-root user: runAsUser must not be 0
control-title-pss-seccomp-profile-restricted = Seccomp: a RuntimeDefault or Localhost profile is required
control-title-pss-capabilities-restricted = Capabilities: drop ALL, add back only NET_BIND_SERVICE
control-title-pss-proc-mount-restricted = /proc Mount Type: the default /proc masks are required, even in user namespaces
control-also-g1-1 = Context only.
control-also-g1-2 = `ladrillo scan` in CI on every change; `ladrillo init` starts from a hardened bundle.
control-also-g1-3 = The EKS cluster model reads eksctl, Terraform, CloudFormation and `aws eks describe-*` JSON.
control-also-g2-2 = `ladrillo max-pods` (see G2.3).
control-also-g2-3 = `ladrillo max-pods TYPE... | --all [--prefix-delegation] [--custom-networking]` computes `ENIs × (IPv4 per ENI − 1) + 2` with EKS's caps. **The guide's numbers are wrong**: its formula (ENIs × IPs per ENI) overcounts; t3.medium is **17**, not 18, and m5.large **29**, not 30.
control-also-g3-3 = `examples/guide-cluster/` is the guide's command as a config: `ladrillo scan` finds its insecure defaults (public endpoint open to 0.0.0.0/0, no private endpoint, no logs, public subnets, no OIDC, no KMS key, unencrypted volumes).
control-also-g3-4 = Operational step; not checked (no live cluster access yet).
control-also-g4-1 = `ladrillo rbac who-can | can-i | rules` answer who can do what, offline.
control-also-g4-2 = aws-auth mappings and EKS access entries (groups and access policies) feed the RBAC graph: `ladrillo rbac who-can` lists the IAM principals behind each grant.
control-also-g4-4 = `ladrillo netpol reach | explain` computes exact reachability; `reachability:` assertions in `.ladrillo.yaml` make "backend only from frontend" a CI check.
control-also-g4-5 = Not yet: ladrillo checks image references (tags, digests, pull policy) but does not scan image contents; run an image scanner beside it.
control-also-g4-6 = Secret values are never printed: reports mask them.
control-also-g4-8 = `ladrillo audit-log` reads the EKS audit log (files, exports, CloudWatch subscription records, `--follow`) and raises the detections of group `audit`; see docs/audit-log.md.
control-also-g5-2 = Control-plane audit logs are checked; CloudTrail and Control Tower are account-level and out of reach of cluster definitions.
control-also-g5-3 = List them in `required-tags:` in `.ladrillo.yaml`.
control-also-g5-5 = Terraform is an input like eksctl: `aws_eks_cluster`, node groups, launch templates, IAM roles, KMS keys, OIDC providers and the terraform-aws-modules/eks module (with variables, `*.tfvars` and locals) are read into the cluster model every EKS rule judges, and findings name the resource address. `ladrillo init` writes a Terraform configuration beside the eksctl one (private subnets, role ARNs, encryption, logging).
control-also-g6-1 = Out of scope: workload-specific; the generic workload rules apply to their pods.
control-also-g6-2 = Out of scope: application-specific; render charts and scan the output (`helm template … | ladrillo scan -`).
control-also-g6-3 = Out of scope for a configuration auditor.
control-also-g7-2 = Not yet: node-level kubelet/sysctl settings are not modelled.
control-also-g7-3 = Out of scope: operational testing.
control-also-g7-4 = Fargate profiles are part of the cluster model.
control-also-g7-5 = Not yet: Istio mTLS (PeerAuthentication) is not checked.
control-also-g8-1 = The whole rule set; see the groups in rules.md.
