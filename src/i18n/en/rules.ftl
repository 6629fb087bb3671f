# Rules: one title per rule (the first sentence of its documentation), under
# `rule-<code>-title` with the code in lowercase. Every registered rule has one in each language
# (tests/i18n.rs); the English one is the same sentence as the rule's doc comment.

# The headings of the sections of every rule's documentation (`ladrillo explain`), and the line
# other languages show before them: the sections are written in English only.
rule-docs-why = Why is this bad?
rule-docs-fix = How to fix
rule-docs-example = Example
rule-docs-in-english = The explanation below is in English.


# exec-into-pod
rule-aud001-title = Flags interactive and one-off commands run in a pod (`kubectl exec`).
# attach-to-pod
rule-aud002-title = Flags attaching to a running container's console (`kubectl attach`).
# port-forward-to-pod
rule-aud003-title = Flags tunnels opened to a pod's ports through the API server (`kubectl port-forward`).
# kubectl-cp-with-pod
rule-aud004-title = Flags files copied out of or into a pod with `kubectl cp`.
# token-read-in-pod
rule-aud005-title = Flags commands run in a pod that read its service account token or its IAM credentials (IRSA and Pod Identity token files).
# privileged-workload-admitted
rule-aud010-title = Flags pods and pod controllers the API server admitted with a privileged container.
# host-namespace-workload-admitted
rule-aud011-title = Flags pods and pod controllers admitted with the node's network, PID or IPC namespace.
# host-path-workload-admitted
rule-aud012-title = Flags pods and pod controllers admitted with a `hostPath` volume; critical for the node's sensitive paths (runtime sockets, `/var/lib/kubelet`, `/etc`, `/`, …).
# capability-workload-admitted
rule-aud013-title = Flags pods and pod controllers admitted with Linux capabilities beyond the Pod Security baseline set (`SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE`, `BPF`, …).
# pod-security-violation-admitted
rule-aud014-title = Flags pods and pod controllers admitted although they break the Pod Security Standards at the level of `audit-log.pss` in `.ladrillo.yaml` (`baseline`, `latest` by default).
# kube-system-object-created
rule-aud020-title = Flags objects created in `kube-system` by anyone who is not a cluster component.
# admin-role-bound
rule-aud021-title = Flags RoleBindings and ClusterRoleBindings written to grant `cluster-admin` or `admin`.
# dangerous-role-written
rule-aud022-title = Flags Roles and ClusterRoles written with wildcards, `pods/exec`, `nodes/proxy`, or the `escalate`, `bind` or `impersonate` verbs.
# system-role-modified
rule-aud023-title = Flags changes to and deletions of the built-in `system:` Roles and ClusterRoles by anyone who is not a cluster component.
# anonymous-request-allowed
rule-aud024-title = Flags requests by the anonymous user (or the `system:unauthenticated` group) that the API server allowed, health checks (`/healthz`, `/livez`, `/readyz`) aside.
# secrets-listed-cluster-wide
rule-aud025-title = Flags Secrets listed or watched across all namespaces at once (`kubectl get secrets -A`) by anyone who is not a cluster component.
# bulk-secret-read
rule-aud026-title = Flags a user who reads many distinct Secrets (or namespaces' worth of Secrets) within a window: 15 within 30 minutes unless `audit-log.thresholds.bulk-secret-read` says otherwise.
# secret-access-denied-burst
rule-aud027-title = Flags a user refused access to Secrets again and again: 20 denials within 15 minutes unless `audit-log.thresholds.secret-access-denied-burst` says otherwise.
# forbidden-burst
rule-aud028-title = Flags one source address refused again and again (401 and 403 responses): 20 within 10 minutes unless `audit-log.thresholds.forbidden-burst` says otherwise; high when the address is public.
# public-source-system-access
rule-aud029-title = Flags requests from a public address by a cluster principal (a node, a control-plane component, a `kube-system` service account), and requests from a public address into the system namespaces.
# service-account-token-requested
rule-aud030-title = Flags service account tokens requested (`serviceaccounts/token`, `kubectl create token`) by unusual principals.
# client-certificate-approved
rule-aud031-title = Flags approvals of certificate signing requests for client certificates: any approval for the `kubernetes.io/kube-apiserver-client` signer, and approvals of kubelet client certificates (`kube-apiserver-client-kubelet`) by anyone who is not a cluster component.
# admission-webhook-changed
rule-aud032-title = Flags admission webhook configurations and admission policies created, changed or deleted by anyone who is not a cluster component.
# node-port-service-written
rule-aud033-title = Flags Services created or changed to type `NodePort`.
# ingress-without-tls-written
rule-aud034-title = Flags Ingresses created or changed without a `tls` section.
# cron-job-written
rule-aud035-title = Flags CronJobs created or changed by anyone who is not a cluster component.
# daemon-set-written
rule-aud036-title = Flags DaemonSets created or changed by anyone who is not a cluster component.
# aws-auth-changed
rule-aud037-title = Flags changes to the `aws-auth` ConfigMap in `kube-system`, which maps IAM roles and users to Kubernetes users and groups; critical when the new mapping grants `system:masters`.
# access-entry-changed
rule-aud038-title = Flags EKS access entries created, changed or deleted, and access policies associated or disassociated, read from CloudTrail; critical when `AmazonEKSClusterAdminPolicy` is associated.
# attack-tool-user-agent
rule-aud039-title = Flags requests whose user agent names a known attack or scanning tool (kube-hunter, Peirates, KubiScan, kdigger, Kubesploit, Nuclei, ZGrab, Nmap, …), allowed or not.

# secrets-without-customer-key
rule-eks001-title = Flags clusters whose Kubernetes secrets are not encrypted with a customer KMS key.
# public-endpoint-open-to-internet
rule-eks002-title = Flags clusters whose public API endpoint accepts connections from any address.
# public-endpoint
rule-eks003-title = Flags clusters with a public API endpoint restricted to some CIDRs.
# private-endpoint-disabled
rule-eks004-title = Flags clusters whose private API endpoint is disabled.
# control-plane-logs-missing
rule-eks005-title = Flags clusters that do not send every control-plane log type to CloudWatch.
# workload-identity-missing
rule-eks006-title = Flags clusters with neither IRSA (an OIDC provider) nor EKS Pod Identity.
# nodes-in-public-subnets
rule-eks007-title = Flags node groups whose nodes run in public subnets.
# single-zone-node-group
rule-eks008-title = Flags node groups confined to one Availability Zone.
# unencrypted-node-volume
rule-eks009-title = Flags node groups whose root volumes are not encrypted.
# instance-metadata-exposed
rule-eks010-title = Flags node groups that allow IMDSv1 or let pods reach the instance metadata service.
# ssh-open-to-internet
rule-eks011-title = Flags node groups that allow SSH without restricting who can connect.
# unsupported-kubernetes-version
rule-eks012-title = Flags clusters on a Kubernetes version past the end of EKS standard support.
# config-map-authentication
rule-eks013-title = Flags clusters that authenticate only through the `aws-auth` ConfigMap.
# cluster-creator-admin
rule-eks014-title = Flags clusters that grant cluster-admin to the IAM principal that creates them.
# broad-cluster-admin
rule-eks015-title = Flags `aws-auth` mappings and access entries that make broad principals cluster admins.
# core-addon-missing
rule-eks016-title = Flags clusters missing a core add-on: vpc-cni, coredns, kube-proxy or aws-ebs-csi-driver.
# incompatible-addon-version
rule-eks017-title = Flags add-on versions that do not match the cluster's Kubernetes version.
# incoherent-scaling
rule-eks018-title = Flags node groups whose minimum, desired and maximum sizes contradict each other.
# spot-without-diversity
rule-eks019-title = Flags spot node groups that can use only one instance type.
# cluster-role-missing-policy
rule-eks020-title = Flags cluster IAM roles, when their policies are known, without `AmazonEKSClusterPolicy`.
# required-tags-missing
rule-eks021-title = Flags clusters without the tags listed in `required-tags` of `.ladrillo.yaml`.
# container-insights-missing
rule-eks022-title = Flags clusters without the Container Insights add-on (`amazon-cloudwatch-observability`).
# runtime-monitoring-missing
rule-eks023-title = Flags clusters with EC2 nodes but no GuardDuty runtime monitoring agent add-on.
# unencrypted-storage-class
rule-eks024-title = Flags StorageClasses that provision EBS volumes without `encrypted: "true"`.
# insufficient-pod-capacity
rule-eks025-title = Flags clusters whose node groups, at their maximum size, cannot hold the pods the workloads of the same scan ask for, given the VPC CNI's max pods per instance type.

# default-namespace
rule-hyg001-title = Flags objects placed explicitly in the `default` namespace.
# kube-system-workload
rule-hyg002-title = Flags user workloads placed in the `kube-system` namespace.
# missing-recommended-labels
rule-hyg003-title = Flags workloads without the `app.kubernetes.io/name` label.
# duplicate-object
rule-hyg004-title = Flags an object given twice in the scan: the same API group, kind, namespace and name.
# missing-referenced-object
rule-hyg005-title = Flags workloads that name a ServiceAccount, ConfigMap, Secret or PersistentVolumeClaim that is absent from the scan, when the scan looks complete for that kind and namespace.
rule-hyg006-title = Flags objects written in an API version that is removed, or deprecated, at the target Kubernetes version.

# duplicate-key
rule-inp001-title = Flags a key written twice in the same mapping.
# ambiguous-scalar
rule-inp002-title = Flags unquoted values that YAML 1.1 (what Kubernetes uses) and YAML 1.2 read differently: `yes`/`no`/`on`/`off`/`y`/`n` as booleans, `0644` as octal 420, `1_000` as 1000.
# invalid-waiver
rule-inp003-title = Flags waivers that do not take effect: no rule named (`ladrillo.dev/ignore: ""`, or nothing after the key), no reason given, an expiry date in the past, or a date that cannot be read.
# unused-waiver
rule-inp004-title = Flags waivers that matched no finding.
rule-inp005-title = Flags objects of a built-in kind written in an API group that does not serve that kind.

# exposed-service
rule-net001-title = Flags internet-facing load balancers open to every address, and NodePort Services.
# namespace-without-default-deny-ingress
rule-net101-title = Flags namespaces with no default-deny ingress NetworkPolicy.
# namespace-without-default-deny-egress
rule-net102-title = Flags namespaces with no default-deny egress NetworkPolicy.
# workload-without-network-policy
rule-net103-title = Flags workloads that no NetworkPolicy selects.
# network-policy-selects-nothing
rule-net104-title = Flags NetworkPolicies whose pod selector matches no workload of their namespace.
# ingress-from-anywhere
rule-net105-title = Flags NetworkPolicy ingress rules open to every namespace or to every address.
# reachability-assertion-violated
rule-net106-title = Flags reachability assertions of `.ladrillo.yaml` that the NetworkPolicies break.
# invalid-network-policy
rule-net107-title = Flags NetworkPolicies the API server would reject.
# service-selects-nothing
rule-net108-title = Flags Services whose selector matches no workload of their namespace.
# ingress-backend-missing
rule-net109-title = Flags Ingress and Gateway API HTTPRoute backends naming a Service or a Service port that is not in the scan.
# service-target-port-unknown
rule-net110-title = Flags Service ports whose named `targetPort` is not a container port name of the workloads the Service selects.
# service-external-ips
rule-net111-title = Flags Services that set `spec.externalIPs`.
# ingress-without-tls
rule-net112-title = Flags Ingresses without TLS: no `spec.tls` and no HTTPS listener annotation.

# privileged-container
rule-pod001-title = Flags containers that run privileged.
# run-as-root
rule-pod002-title = Flags containers that may run as root: `runAsNonRoot` is not true and no non-zero `runAsUser` is set, at container or pod level, or `runAsUser` is 0.
# dangerous-capabilities
rule-pod003-title = Flags containers that add capabilities beyond the Pod Security Standards baseline set.
# capabilities-not-dropped
rule-pod004-title = Flags containers that do not drop every capability with `capabilities.drop: ["ALL"]`.
# privilege-escalation-allowed
rule-pod005-title = Flags containers whose `allowPrivilegeEscalation` is not explicitly `false`.
# writable-root-filesystem
rule-pod006-title = Flags containers whose root filesystem is writable: `readOnlyRootFilesystem` is not true.
# host-network
rule-pod007-title = Flags pods that share the node's network namespace (`hostNetwork: true`).
# host-pid
rule-pod008-title = Flags pods that share the node's process ID namespace (`hostPID: true`).
# host-ipc
rule-pod009-title = Flags pods that share the node's IPC namespace (`hostIPC: true`).
# host-port
rule-pod010-title = Flags container ports bound on the node with a non-zero `hostPort`.
# host-path-volume
rule-pod011-title = Flags `hostPath` volumes; those that expose sensitive node paths are critical.
# missing-resource-requests
rule-pod012-title = Flags containers without a `cpu` and a `memory` request.
# missing-resource-limits
rule-pod013-title = Flags containers without a `memory` limit (medium) or a `cpu` limit (low).
# missing-liveness-probe
rule-pod014-title = Flags containers of long-running workloads without a `livenessProbe`.
# missing-readiness-probe
rule-pod015-title = Flags containers of long-running workloads without a `readinessProbe`.
# mutable-image-tag
rule-pod016-title = Flags container images with no tag or the `latest` tag, and no digest.
# image-without-digest
rule-pod017-title = Flags container images that are not pinned by digest (`@sha256:…`).
# image-pull-policy
rule-pod018-title = Flags an `imagePullPolicy` other than `Always` for images not pinned by digest.
# default-service-account
rule-pod019-title = Flags pods that run as the `default` ServiceAccount, named or by leaving it unset.
# service-account-token-automount
rule-pod020-title = Flags pods that get a Kubernetes API token mounted automatically.
# duplicate-env-var
rule-pod021-title = Flags environment variables defined twice in the `env` list of one container.
# writable-host-path
rule-pod022-title = Flags containers that mount a `hostPath` volume without `readOnly: true`.
# ssh-port
rule-pod023-title = Flags containers and Services that expose TCP port 22, the SSH port.
# host-aliases
rule-pod024-title = Flags pods that write entries into their `/etc/hosts` with `hostAliases`.
# shared-process-namespace
rule-pod025-title = Flags pods whose containers share one process namespace (`shareProcessNamespace: true`).
# memory-limit-far-above-request
rule-pod026-title = Flags containers whose memory limit is more than four times their memory request.
rule-pod027-title = Flags container images that are not valid image references, such as an empty or malformed digest.
rule-pod028-title = Flags pod template fields of a type, or required fields missing, that the API server refuses.

# pss-violation
rule-pss001-title = Flags workloads whose pods break the Pod Security level of their namespace: the enforced one, or the target level when none is known to be enforced.
# namespace-without-pss-enforce
rule-pss002-title = Flags namespaces without a `pod-security.kubernetes.io/enforce` label.
# privileged-pss-namespace
rule-pss003-title = Flags namespaces that enforce the `privileged` Pod Security level.
# invalid-pss-label
rule-pss004-title = Flags invalid or misspelt `pod-security.kubernetes.io/*` namespace labels.
# pss-warn-violation
rule-pss005-title = Flags workloads that Pod Security admission admits but warns about or audits: their namespace's `warn` or `audit` label is stricter than what they meet.

# wildcard-rule
rule-rbac001-title = Flags Role and ClusterRole rules that allow every verb or every resource.
# cluster-admin-binding
rule-rbac002-title = Flags cluster-admin (or any `*` on `*` role) bound to non-system subjects.
# anonymous-binding
rule-rbac003-title = Flags bindings to anonymous, unauthenticated or all authenticated identities.
# escalate-verb
rule-rbac004-title = Flags subjects that can `escalate` Roles or ClusterRoles.
# bind-verb
rule-rbac005-title = Flags subjects that can `bind` Roles or ClusterRoles.
# impersonate-verb
rule-rbac006-title = Flags subjects that can impersonate users, groups or ServiceAccounts.
# role-binding-write
rule-rbac007-title = Flags subjects that can create or change RoleBindings or ClusterRoleBindings.
# pod-create-token-theft
rule-rbac008-title = Flags subjects that can create pods where a more privileged ServiceAccount lives.
# pod-exec
rule-rbac009-title = Flags subjects that can exec into, attach to or port-forward to pods.
# node-proxy
rule-rbac010-title = Flags subjects with access to the `nodes/proxy` subresource.
# secrets-read-cluster-wide
rule-rbac011-title = Flags subjects that can read Secrets in every namespace.
# token-create
rule-rbac012-title = Flags subjects that can create ServiceAccount tokens.
# csr-approve
rule-rbac013-title = Flags subjects that can approve or sign CertificateSigningRequests.
# webhook-config-write
rule-rbac014-title = Flags subjects that can write admission webhook configurations.
# user-create-delete
rule-rbac015-title = Flags users and groups bound to a role that can create or delete objects.
# kube-system-write
rule-rbac016-title = Flags subjects outside the platform that can change objects in `kube-system`.
# workload-token-escalation
rule-rbac017-title = Flags workloads whose pods mount the token of a ServiceAccount that can escalate.
# invalid-aggregation-rule
rule-rbac018-title = Flags aggregated ClusterRoles with a label selector the API server would reject.
# default-service-account-automount
rule-rbac019-title = Flags `default` ServiceAccounts that do not set `automountServiceAccountToken: false`.
# invalid-role-binding
rule-rbac020-title = Flags RoleBindings and ClusterRoleBindings with a subject the API server would reject.

# missing-pod-disruption-budget
rule-rel001-title = Flags replicated Deployments and StatefulSets that no PodDisruptionBudget covers.
# single-replica
rule-rel002-title = Flags Deployments and StatefulSets that run a single replica.
# selector-mismatch
rule-rel003-title = Flags Deployments, ReplicaSets, StatefulSets and DaemonSets whose `spec.selector` does not match their own pod template labels.
# hpa-target-missing
rule-rel004-title = Flags HorizontalPodAutoscalers whose `scaleTargetRef` names a workload that is not in the scan.
# pdb-selects-nothing
rule-rel005-title = Flags PodDisruptionBudgets whose selector matches no workload of their namespace.
# naked-pod
rule-rel006-title = Flags Pods written directly rather than through a controller (Deployment, StatefulSet, DaemonSet, Job).
# probe-port-unknown
rule-rel007-title = Flags liveness, readiness and startup probes whose named port is not a port name of their container.
# pdb-blocks-eviction
rule-rel008-title = Flags PodDisruptionBudgets that never allow a voluntary eviction.
# liveness-same-as-readiness
rule-rel009-title = Flags containers whose liveness probe runs the same check as their readiness probe.

# hardcoded-secret-in-env
rule-sec001-title = Flags credentials written literally into container environment variables.
# secret-in-configmap
rule-sec002-title = Flags credentials stored in ConfigMaps.
# secret-in-annotation
rule-sec003-title = Flags credentials in annotations, including Secret data kept by `kubectl apply`.
# static-aws-key
rule-sec004-title = Flags AWS access key ids and secret access keys written into Terraform, CloudFormation, eksctl configs, AWS JSON or any other input file that is not a Kubernetes manifest.
# secret-in-env-reference
rule-sec005-title = Flags containers that read Secrets into environment variables (`secretKeyRef`, `envFrom.secretRef`).
