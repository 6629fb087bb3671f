# Rules: help lines (how to fix a finding), under `rule-<code>-help` and `rule-<code>-help-N`.

rule-eks001-help = encrypt secrets with a customer-managed KMS key ({ $form ->
        [terraform] Terraform `encryption_config` with `resources = ["secrets"]` and `provider.key_arn`
        [cloudformation] CloudFormation `EncryptionConfig` with `Resources: [secrets]` and `Provider.KeyArn`
        [eksctl] eksctl `secretsEncryption.keyARN`
       *[other] `aws eks associate-encryption-config` on the running cluster
    })
rule-eks002-help = disable the public endpoint, or list only the CIDRs that need it in the public access CIDRs{ $form ->
        [terraform] {" "}(Terraform `public_access_cidrs`)
        [cloudformation] {" "}(CloudFormation `PublicAccessCidrs`)
        [eksctl] {" "}(eksctl `vpc.publicAccessCIDRs`)
       *[other] {""}
    }
rule-eks003-help = disable the public endpoint and reach the API server through the private endpoint{ $form ->
        [terraform] {" "}(Terraform `endpoint_public_access = false`)
        [cloudformation] {" "}(CloudFormation `EndpointPublicAccess: false`)
        [eksctl] {" "}(eksctl `vpc.clusterEndpoints.publicAccess: false`)
       *[other] {""}
    }
rule-eks004-help = enable the private endpoint so traffic from the VPC stays in the VPC{ $form ->
        [terraform] {" "}(Terraform `endpoint_private_access = true`)
        [cloudformation] {" "}(CloudFormation `EndpointPrivateAccess: true`)
        [eksctl] {" "}(eksctl `vpc.clusterEndpoints.privateAccess: true`)
       *[other] {""}
    }
rule-eks005-help = enable the api, audit, authenticator, controllerManager and scheduler log types{ $form ->
        [terraform] {" "}(Terraform `enabled_cluster_log_types`)
        [cloudformation] {" "}(CloudFormation `Logging.ClusterLogging.EnabledTypes`)
        [eksctl] {" "}(eksctl `cloudWatch.clusterLogging.enableTypes`)
       *[other] {""}
    }
rule-eks006-help = enable IRSA or EKS Pod Identity ({ $form ->
        [terraform] Terraform `aws_iam_openid_connect_provider` for the cluster's issuer, or `aws_eks_pod_identity_association`
        [cloudformation] CloudFormation `AWS::IAM::OIDCProvider` for the cluster's issuer, or `AWS::EKS::PodIdentityAssociation`
        [eksctl] eksctl `iam.withOIDC: true`, or `iam.podIdentityAssociations`
       *[other] an IAM OIDC provider for the cluster's issuer, or Pod Identity associations
    }), and give pods their own roles
rule-eks007-help = run the nodes in private subnets ({ $form ->
        [eksctl] eksctl `privateNetworking: true`
        [karpenter] EC2NodeClass `associatePublicIPAddress: false` and `subnetSelectorTerms` matching private subnets
       *[other] subnets without a route to an internet gateway and without public IP addresses
    })
rule-eks008-help = spread the group over subnets in at least two availability zones
rule-eks008-help-2 = give the group subnets in at least two availability zones
rule-eks009-help = encrypt the root volumes ({ $form ->
        [terraform] Terraform `encrypted = "true"` in the launch template's `block_device_mappings` `ebs` block
        [cloudformation] CloudFormation `Encrypted: true` under `BlockDeviceMappings` `Ebs` of the launch template
        [eksctl] eksctl `volumeEncrypted: true`
        [karpenter] EC2NodeClass `encrypted: true` under `blockDeviceMappings` `ebs`
       *[other] `encrypted: true` in a launch template or EC2NodeClass
    })
rule-eks010-help = require IMDSv2 tokens ({ $form ->
        [terraform] Terraform `http_tokens = "required"` in the launch template's `metadata_options`
        [cloudformation] CloudFormation `HttpTokens: required` in the launch template's `MetadataOptions`
        [eksctl] eksctl `disableIMDSv1: true`
        [karpenter] EC2NodeClass `metadataOptions.httpTokens: required`
       *[other] `httpTokens: required` in the launch template
    })
rule-eks010-help-2 = set the metadata hop limit to 1 unless pods need the node's metadata
rule-eks011-help = disable SSH and use SSM Session Manager, or allow only a bastion's security group
rule-eks012-help = upgrade to a Kubernetes version in EKS standard support
rule-eks013-help = use access entries: set the authentication mode to API, or API_AND_CONFIG_MAP while migrating{ $form ->
        [terraform] {" "}(Terraform `access_config.authentication_mode`)
        [cloudformation] {" "}(CloudFormation `AccessConfig.AuthenticationMode`)
        [eksctl] {" "}(eksctl `accessConfig.authenticationMode`)
       *[other] {""}
    }
rule-eks014-help = disable the creator's admin bootstrap and grant admin through an explicit access entry{ $form ->
        [terraform] {" "}(Terraform `bootstrap_cluster_creator_admin_permissions = false`)
        [cloudformation] {" "}(CloudFormation `AccessConfig.BootstrapClusterCreatorAdminPermissions: false`)
        [eksctl] {" "}(eksctl `accessConfig.bootstrapClusterCreatorAdminPermissions: false`)
       *[other] {""}
    }
rule-eks015-help = map system:masters only to a dedicated admin role, or better, to none
rule-eks015-help-2 = grant cluster admin only to a dedicated role
rule-eks016-help = install the missing add-ons as EKS managed add-ons
rule-eks017-help = use the add-on build published for the cluster's Kubernetes version
rule-eks018-help = keep min ≤ desired ≤ max
rule-eks019-help = list several similar instance types so spot interruptions do not take every node
rule-eks020-help = attach the AmazonEKSClusterPolicy managed policy to the cluster role
rule-eks021-help = add the required tags to the cluster
rule-eks022-help = add the amazon-cloudwatch-observability add-on, or waive this where another monitoring stack runs
rule-eks023-help = enable GuardDuty Runtime Monitoring with the aws-guardduty-agent add-on, or waive this where another runtime tool runs
rule-eks024-help = add `encrypted: "true"` (and a customer `kmsKeyId`) to the parameters
rule-eks024-help-2 = set `encrypted: "true"` (quoted) in the parameters
rule-eks025-help = raise maxSize, use instance types with more addresses (`ladrillo max-pods --all`), or enable prefix delegation
rule-hyg001-help = deploy it into a namespace of its own (with Pod Security labels and network policies)
rule-hyg002-help = move it to a namespace of its own, with its own service account and RBAC
rule-net001-help = use type ClusterIP and expose the Service through an Ingress or an internal load balancer
rule-net001-help-2 = list the client CIDRs in spec.loadBalancerSourceRanges, or make it internal with `service.beta.kubernetes.io/aws-load-balancer-scheme: internal`
rule-net103-help = run the pods without `hostNetwork: true`, or restrict their traffic with node security groups
rule-net103-help-2 = add a default-deny NetworkPolicy to the namespace, or one whose podSelector matches these pod labels
rule-net104-help = make the podSelector match the pod template labels of the workload to protect, or remove the policy
rule-net105-help = add `from` naming the pods or CIDRs that need access
rule-net105-help-2 = narrow `namespaceSelector` to the client namespaces and add a `podSelector` for the client pods
rule-net105-help-3 = list only the outside CIDRs that need access
rule-net106-help = correct the selector or namespace; an assertion about nothing always holds
rule-net107-help = fix the field; until then the policy isolates nothing
rule-net111-help = remove externalIPs and publish the Service through a load balancer or an Ingress; block the field with an admission policy
rule-net112-help = add an HTTPS listener: spec.tls with the certificate Secret, or with the AWS Load Balancer Controller an ACM certificate and listen-ports with HTTPS; redirect HTTP to HTTPS
rule-pod001-help = remove `privileged: true`; add only the capabilities the container needs
rule-pod002-help = use a non-zero runAsUser and set runAsNonRoot: true
rule-pod002-help-2 = set securityContext.runAsNonRoot: true (on the pod to cover every container)
rule-pod003-help = remove it from capabilities.add; the baseline set covers most applications
rule-pod004-help = set securityContext.capabilities.drop: ["ALL"] and add back only what is needed
rule-pod006-help = set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where it writes
rule-pod007-help = remove hostNetwork: true and expose the pod through a Service
rule-pod008-help = remove hostPID: true; to inspect another container's processes use kubectl debug --target=<container>
rule-pod009-help = remove hostIPC: true
rule-pod010-help = remove hostPort (or use a port from 1 to 65535, which opens it on the node)
rule-pod010-help-2 = remove hostPort and expose the port through a Service
rule-pod011-help = use another volume type; if the agent must read the node, mount the narrowest path read-only
rule-pod011-help-2 = use emptyDir, a persistentVolumeClaim, a configMap or a secret instead
rule-pod012-help = set resources.requests.cpu and resources.requests.memory from observed usage
rule-pod013-help = set resources.limits.memory (usually equal to the memory request), and resources.limits.cpu unless throttling is a concern
rule-pod013-help-2 = set resources.limits.cpu, or waive this if throttling is the bigger risk
rule-pod014-help = add a livenessProbe that fails only when the process cannot recover
rule-pod015-help = add a readinessProbe that succeeds only when the container can serve
rule-pod016-help = use a specific version tag, ideally pinned by digest (@sha256:…)
rule-pod017-help = append the image digest: name:tag@sha256:…
rule-pod018-help = pin the image by digest or set imagePullPolicy: Always
rule-pod019-help = create a dedicated ServiceAccount and set spec.serviceAccountName to it
rule-pod020-help = set automountServiceAccountToken: false on the pod (or on its ServiceAccount)
rule-pod022-help = set readOnly: true on every mount of the host path, or use emptyDir or a PersistentVolumeClaim for data the container writes
rule-pod023-help = remove the SSH server and the port; debug with kubectl exec or kubectl debug, which RBAC controls and the audit log records
rule-pod024-help = remove hostAliases and resolve the names through DNS (a Service, an ExternalName Service or a Route 53 private zone)
rule-pod025-help = remove shareProcessNamespace; to inspect a running container use kubectl debug --target=<container>
rule-pod026-help = set the memory request to the container's real peak use and the limit equal or close to it
rule-pod027-help = write the image as registry/repository:tag@sha256:<64 hexadecimal digits>
rule-pod028-help = give the field the type the Kubernetes API reference gives it
rule-pod028-help-required = set the field: the API server requires it
rule-pod028-help-invalid = write the value as the Kubernetes API reference allows it
rule-pss001-help = fix the field's type; the API server refuses the object as written
rule-pss001-help-app-armor-profile = use AppArmor profile type RuntimeDefault or Localhost
rule-pss001-help-capabilities-baseline = add only capabilities from the baseline list (or none)
rule-pss001-help-host-namespaces = remove hostNetwork, hostPID and hostIPC
rule-pss001-help-host-path-volumes = replace hostPath volumes with emptyDir, a PVC or a projected volume
rule-pss001-help-host-ports = remove hostPort; expose the port through a Service
rule-pss001-help-host-probes = remove `host` from probes and lifecycle handlers
rule-pss001-help-privileged = remove `privileged: true`
rule-pss001-help-proc-mount = remove procMount or set it to Default
rule-pss001-help-selinux-options = use an allowed SELinux type and leave user and role unset
rule-pss001-help-seccomp-baseline = do not set the seccomp profile to Unconfined
rule-pss001-help-sysctls = set only the safe sysctls the level allows
rule-pss001-help-windows-host-process = remove windowsOptions.hostProcess
rule-pss001-help-allow-privilege-escalation = set securityContext.allowPrivilegeEscalation: false in each container
rule-pss001-help-capabilities-restricted = set capabilities.drop: ["ALL"] and add at most NET_BIND_SERVICE in each container
rule-pss001-help-restricted-volumes = use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret volumes
rule-pss001-help-run-as-non-root = set securityContext.runAsNonRoot: true on the pod
rule-pss001-help-run-as-user = use a non-zero runAsUser
rule-pss001-help-seccomp-restricted = set securityContext.seccompProfile.type: RuntimeDefault on the pod
rule-pss002-help = add the labels `{ $label }: restricted` (or baseline) and `{ $label }-version` pinned to your cluster's version
rule-pss003-help = enforce baseline or restricted; keep privileged to namespaces of trusted system components
rule-pss004-help = use enforce, audit or warn, optionally with -version
rule-pss004-help-2 = use privileged, baseline or restricted as level, and latest or v1.N as version
rule-rbac001-help = list the verbs and resources this role needs instead of `*`
rule-rbac002-help = bind a role with only the permissions this subject needs
rule-rbac002-help-2 = map the principal to a group bound to a scoped role, or use an EKS access entry with a scoped policy
rule-rbac003-help = bind the role to the specific users, groups or ServiceAccounts that need it
rule-rbac008-help = move the privileged ServiceAccount to a namespace only administrators deploy to, or drop pod creation from this role
rule-rbac015-help = bind people to read-only roles and let a deployment pipeline make changes
rule-rbac016-help = grant write access in application namespaces only, not in kube-system
rule-rbac017-help = use a ServiceAccount with only the permissions the workload needs, or set automountServiceAccountToken: false
rule-rbac018-help = fix the selector; until then the ClusterRole cannot be applied and aggregates nothing
rule-rbac019-help = set automountServiceAccountToken: false on the default ServiceAccount and give workloads that need the API their own ServiceAccount
rule-rbac020-help = fix the subject; until then the binding cannot be applied and grants nothing
rule-rel002-help = set replicas to 2 or more, or scale it with a HorizontalPodAutoscaler (minReplicas ≥ 2)
rule-rel006-help = run the pod through a Deployment, StatefulSet or DaemonSet, or a Job for work that runs to completion
rule-rel007-help = name the port in the container's ports, or point the probe at the port number
rule-rel008-help = run more replicas than minAvailable, or use maxUnavailable: 1 (or a percentage)
rule-rel009-help = point the liveness probe at a cheap check that only proves the process responds, with a higher failureThreshold than readiness
rule-sec003-help = rotate the values; apply Secrets with `kubectl apply --server-side` and remove this annotation
rule-sec004-help = deactivate and rotate this AWS key, then use roles (SSO, assumed roles, IRSA or EKS Pod Identity) instead of keys
rule-pod005-help = set securityContext.allowPrivilegeEscalation: false
rule-pod005-help-privileged = remove privileged: true, then set allowPrivilegeEscalation: false
rule-pod005-help-sys-admin = remove SYS_ADMIN from capabilities.add, then set allowPrivilegeEscalation: false
rule-pod021-help = keep one definition of each environment variable
rule-sec005-help = mount the Secret as a read-only volume and read it from the file, or use the Secrets Store CSI driver
rule-net101-help = add a NetworkPolicy in "{ $namespace }" with `podSelector: {"{}"}` and `policyTypes: [{ $direction ->
        [ingress] Ingress
       *[egress] Egress
    }]` and no { $direction } rules, then allow the flows you need
rule-net106-help-2 = change the NetworkPolicies (see `ladrillo netpol explain '{ $src }' '{ $dst }'`) or the assertion
rule-net108-help = make the selector match the pod template labels of the workload the Service fronts
rule-net109-help = name an existing Service, or add the missing one
rule-net109-help-2 = use one of the Service's spec.ports (by number or name)
rule-net110-help = use the name of a container port of the selected pods, or the port number
rule-rbac004-help = remove the `escalate` verb; role changes belong to cluster administrators
rule-rbac005-help = remove the `bind` verb or limit it with resourceNames to roles that are safe to hand out
rule-rbac006-help = remove the `impersonate` verb or restrict it with resourceNames
rule-rbac007-help = remove write verbs on rolebindings/clusterrolebindings from this role
rule-rbac009-help = remove pods/exec, pods/attach and pods/portforward from roles of everyday identities
rule-rbac010-help = remove nodes/proxy from the role; use nodes/metrics or nodes/stats for monitoring
rule-rbac011-help = grant secret access per namespace with a RoleBinding, limited to named secrets
rule-rbac012-help = remove create on serviceaccounts/token
rule-rbac013-help = remove CSR approval and signing permissions from this role
rule-rbac014-help = remove write verbs on mutating/validating webhook configurations
rule-rel001-help = add a PodDisruptionBudget in namespace "{ $namespace }" (e.g. maxUnavailable: 1) whose selector matches the pod template labels
rule-rel002-help-2 = set minReplicas to 2 or more on HorizontalPodAutoscaler "{ $autoscaler }"
rule-rel003-help = make the selector's labels a subset of spec.template.metadata.labels
rule-rel004-help = make scaleTargetRef name the kind and name of the workload to scale
rule-rel005-help = make the selector match the pod template labels of the workload to protect
rule-hyg003-help = add the label `{ $label }: <application>` to metadata.labels
rule-hyg004-help = keep one copy, or rename one of the objects
rule-hyg005-help = fix the name, or add { $kind } "{ $name }" to the manifests
rule-hyg006-help = rewrite it as { $replacement }
rule-hyg006-help-2 = rewrite it as { $replacement } before upgrading to 1.{ $removed }
secret-help-aws = deactivate and rotate this AWS key, then give the pods an IAM role (IRSA or EKS Pod Identity) instead of keys
secret-help = rotate the credential, keep it in a Secret or AWS Secrets Manager (Secrets Store CSI driver) and { $store ->
        [env] mount it as a read-only file rather than an env var
        [annotation] reference it from the pod instead of an annotation
       *[configmap] mount or reference the Secret instead of this key
    }
rule-inp001-help = remove one of the two entries
rule-inp002-help = quote the value if it is a string, or write it unambiguously
rule-inp003-help = add `{ $reason }` and a future `{ $until }`, or remove the waiver
rule-inp003-help-2 = give the waiver a `reason` and a future `until`, or remove it
rule-inp003-help-3 = name the rules to waive in `{ $ignore }`, comma-separated, or remove the waiver
rule-inp004-help = remove the waiver, or fix the rule names it lists
rule-inp004-help-2 = remove the waiver, or fix what it matches
rule-inp005-help = write apiVersion: { $version }
