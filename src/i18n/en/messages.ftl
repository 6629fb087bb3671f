# Findings: the message of each finding and its notes, with the ids `rule-<code>-<what>`, and the
# fragments several rules share. A message is one lowercase sentence without a trailing period.
# Identifiers (field names, values, kinds) stay as written.

## Shared fragments

field-not-set = { $field } is not set
field-is = { $field } is { $value }

container-regular = container "{ $name }"
container-init = init container "{ $name }"
container-ephemeral = ephemeral container "{ $name }"
container-regular-unnamed = unnamed container containers[{ $index }]
container-init-unnamed = unnamed init container initContainers[{ $index }]
container-ephemeral-unnamed = unnamed ephemeral container ephemeralContainers[{ $index }]

# A note on a finding that stands for another rule's finding at the same place (`scan::implied`).
finding-implies = implies { $name } ({ $code }), not reported on its own: { $message }

## pod

rule-pod001-message = { $container } runs privileged
rule-pod002-root = { $container } runs as root: it sets runAsUser=0
rule-pod002-root-pod = { $container } runs as root: the pod sets runAsUser=0
rule-pod002-may-root = { $container } may run as root: { $why }
rule-pod003-message = { $container } adds capability { $capability }
rule-pod003-all = { $container } adds ALL capabilities
rule-pod003-all-as = { $container } adds all capabilities with "{ $written }"
rule-pod003-note-sys-admin = SYS_ADMIN is nearly root on the node; the guide asks for no SYS_ADMIN (G4.3)
rule-pod003-note-all = ALL includes SYS_ADMIN; the guide asks for no SYS_ADMIN (G4.3)
rule-pod004-message = { $container } does not drop all capabilities: { $why }
rule-pod004-misspelled = it drops "{ $spelled }", but Pod Security Admission only accepts the exact string "ALL"
rule-pod004-no-all = the drop list does not contain "ALL"
rule-pod005-message = { $container } allows privilege escalation: { $why }
rule-pod005-privileged = it runs privileged
rule-pod005-sys-admin = it adds SYS_ADMIN
rule-pod005-forced = allowPrivilegeEscalation is always true when { $cause }
rule-pod005-forced-anyway = allowPrivilegeEscalation is always true when { $cause }, whatever is set
rule-pod005-true-forced = allowPrivilegeEscalation is true (and always is when { $cause })
rule-pod005-default = allowPrivilegeEscalation is not set and defaults to true
rule-pod006-message = { $container } has a writable root filesystem: { $why }
rule-pod007-message = the pod shares the node's network namespace
rule-pod007-note = it reaches the instance metadata service, and the node's IAM role, even with an IMDS hop limit of 1
rule-pod008-message = the pod shares the node's process namespace
rule-pod009-message = the pod shares the node's IPC namespace
rule-pod010-message = { $container } binds host port { $port }
rule-pod010-invalid = { $container } has an invalid hostPort, so the API server rejects the pod: port { $port } is not between 1 and 65535
rule-pod011-message = volume "{ $volume }" mounts host path "{ $path }"
rule-pod011-is = { $path } is { $why }
rule-pod011-contains = it contains { $path }, { $why }
rule-pod011-whole = / is the node's whole filesystem
rule-pod011-pipe = the container runtime's named pipe, which controls every container on the node
rule-pod011-etc = node configuration and credentials
rule-pod011-root = root's home directory and keys
rule-pod011-home = users' home directories and keys
rule-pod011-runtime-socket = the container runtime socket, which controls every container on the node
rule-pod011-kubelet = kubelet state, with the tokens and secrets of every pod on the node
rule-pod011-runtime-state = container runtime state: every container's filesystem
rule-pod011-proc = the node's kernel and process interfaces
rule-pod011-sys = the node's kernel interfaces
rule-pod011-dev = the node's devices
rule-pod011-boot = the node's kernel and boot loader
rule-pod011-log = the node's logs; write access lets a pod read any node file through the kubelet
rule-pod012-message = { $container } has no { $resource } request
rule-pod012-both = { $container } has no cpu and memory requests
rule-pod013-message = { $container } has no { $resource } limit
rule-pod013-both = { $container } has no cpu and memory limits
rule-pod014-message = { $container } has no liveness probe
rule-pod015-message = { $container } has no readiness probe
rule-pod016-no-tag = { $container } image "{ $image }" has no tag, which means latest
rule-pod016-latest = { $container } image "{ $image }" uses the latest tag
rule-pod017-message = { $container } image "{ $image }" is not pinned by digest
rule-pod018-message = { $container } may run a cached image: { $why } and "{ $image }" is not pinned by digest
rule-pod018-default = imagePullPolicy defaults to { $policy } for a tagged image
rule-pod019-message = the pod runs as ServiceAccount "default"
rule-pod019-empty = the pod runs as ServiceAccount "default": serviceAccountName is empty
rule-pod019-unset = the pod runs as ServiceAccount "default": serviceAccountName is not set
rule-pod020-message = the pod mounts an API token of ServiceAccount "{ $account }": { $why }
rule-pod020-account-true = automountServiceAccountToken is not set on the pod and its ServiceAccount sets it to true
rule-pod020-neither = automountServiceAccountToken is set neither on the pod nor on its ServiceAccount
rule-pod020-note = ServiceAccount "{ $account }" of namespace "{ $namespace }" is not in the scan; scan it with the workload if it sets automountServiceAccountToken: false
rule-pod021-message = { $container } defines env var "{ $name }" again (first at env[{ $first }]); the last one wins
rule-pod022-message = { $container } mounts host path "{ $path }" (volume "{ $volume }") writable
rule-pod023-container = { $container } exposes port 22 (SSH)
rule-pod023-service-port = Service port 22 (SSH) is exposed
rule-pod023-service-target = Service port { $port } forwards to port 22 (SSH)
rule-pod024-message = the pod sets /etc/hosts entries for { $names } through hostAliases
rule-pod024-no-names = the pod sets /etc/hosts entries through hostAliases
rule-pod025-message = the pod's containers share one process namespace
rule-pod026-message = { $container } may use { $limit } of memory but requests { $request } ({ $ratio } times as much)
rule-pod027-message = { $container } image "{ $image }" is not an image reference the kubelet can pull: { $why }
rule-pod028-type = the API server refuses the pod template: { $field } must be { $expected }, found { $found }
rule-pod028-required = the API server refuses the pod template: { $field } is required
rule-pod028-invalid = the API server refuses the pod template: { $field }: { $why }
image-malformed-empty = it is empty
image-malformed-character = it holds `{ $character }`, which no image reference may hold
image-malformed-empty-digest = the digest after `@` is empty
image-malformed-digest-hex = the digest `{ $digest }` is not { $digits } hexadecimal digits
image-malformed-digest = the digest `{ $digest }` is not algorithm:encoded
image-malformed-empty-tag = the tag after `:` is empty
image-malformed-tag = the tag `{ $tag }` is not a valid tag
image-malformed-repository = the repository path `{ $repository }` has an empty part or characters a path may not hold
image-malformed-registry = `{ $registry }` is not a registry host[:port]

## network

net-all-connections = all connections
net-assertion = from `{ $from }` to `{ $to }`
net-assertion-port = from `{ $from }` to `{ $to }` on { $protocol } { $port }
rule-net001-node-ports = node ports
rule-net001-port = port { $port }
rule-net001-ports = ports { $ports }
rule-net001-node-port = Service "{ $name }" is a NodePort: it opens { $which } on every node
rule-net001-no-ranges = without loadBalancerSourceRanges
rule-net001-open-to = open to { $cidr }
rule-net001-load-balancer = Service "{ $name }" is an internet-facing load balancer { $open }
rule-net001-scheme = its aws-load-balancer-scheme is internet-facing
rule-net001-default-scheme = the default scheme of the AWS cloud provider is internet-facing, and neither aws-load-balancer-scheme: internal nor aws-load-balancer-internal: "true" is set
rule-net101-message = namespace "{ $namespace }" has no default-deny { $direction } NetworkPolicy
rule-net101-note = reported at the first workload of "{ $namespace }": the input has no Namespace object for it
rule-net103-message = no NetworkPolicy selects the pods of { $workload }: they accept and open any connection
rule-net103-host-network = the pods of { $workload } use the host network, where NetworkPolicy does not isolate them
rule-net104-message = podSelector `{ $selector }` matches no workload in namespace "{ $namespace }" of the scan
rule-net105-every-source = ingress rule allows every source ({ $conns })
rule-net105-every-pod = ingress rule allows every pod of every namespace
rule-net105-every-address = ingress rule allows every address (`{ $cidr }`)
rule-net106-deny = { $src } => { $dst } : { $allowed } breaks the deny assertion { $assertion }
rule-net106-deny-maybe = { $src } => { $dst } may be allowed ({ $allowed }), against the deny assertion { $assertion }
rule-net106-allow = { $src } cannot reach { $dst } (allowed: { $allowed }), against the allow assertion { $assertion }
rule-net106-allow-maybe = { $src } => { $dst } is only possibly allowed, not certainly, for the allow assertion { $assertion }
rule-net106-note = depends on labels of namespace "{ $namespace }", which the input does not declare
rule-net106-empty = `{ $side }` of the { $kind } assertion { $assertion } matches nothing in the scan
rule-net107-message = the API server rejects this NetworkPolicy: { $why }
rule-net108-message = selector `{ $selector }` matches no workload in namespace "{ $namespace }" of the scan
rule-net109-missing = backend Service "{ $name }" is not among the Services of namespace "{ $namespace }"
rule-net109-no-port = Service "{ $name }" has no port { $port }
rule-net110-message = targetPort "{ $name }" is not a container port name of { $workloads }
rule-net111-message = the Service takes the traffic of external IP { $ips } in the whole cluster
rule-net112-message = the Ingress serves plain HTTP: no spec.tls and no HTTPS listener annotation

## pss

# The policy a workload is judged at, and why (`rules/pss/target.rs`).
pss-origin-configured = { $policy } is the target level set by `pss:` in .ladrillo.yaml
pss-origin-default = { $policy } is ladrillo's default target level (set `pss:` in .ladrillo.yaml to choose another)
pss-why-enforced-invalid = namespace "{ $namespace }" has an invalid enforce label, which the API server reads as { $policy }: it rejects these pods
pss-why-enforced = namespace "{ $namespace }" enforces { $policy }: the API server rejects these pods
pss-why-unlabelled = not enforced: namespace "{ $namespace }" has no { $label } label, so Pod Security admission admits these pods (EKS enforces privileged by default); { $origin }
pss-why-absent = not known to be enforced: namespace "{ $namespace }" is not in the input, so its enforce label is unknown (without one, EKS admits every pod: privileged); { $origin }
pss-violates = violates PodSecurity "{ $policy }"
pss-target = does not meet the target Pod Security level "{ $policy }" ({ $whose }, { $admission })
pss-whose-configured = set by `pss:`
pss-whose-default = ladrillo's default
pss-admission-unlabelled = not enforced by admission
pss-admission-unknown = not known to be enforced by admission
pss-emulation = evaluated as the API server of Kubernetes 1.{ $release } does (`pss.kubernetes-version`)
# A check's forbidden reason: the API server's phrase, which English shows alone.
pss-check-app-armor-profile = { $upstream }
pss-check-capabilities-baseline = { $upstream }
pss-check-host-namespaces = { $upstream }
pss-check-host-path-volumes = { $upstream }
pss-check-host-ports = { $upstream }
pss-check-host-probes = { $upstream }
pss-check-privileged = { $upstream }
pss-check-proc-mount = { $upstream }
pss-check-selinux-options = { $upstream }
pss-check-seccomp-baseline = { $upstream }
pss-check-sysctls = { $upstream }
pss-check-windows-host-process = { $upstream }
pss-check-allow-privilege-escalation = { $upstream }
pss-check-capabilities-restricted = { $upstream }
pss-check-restricted-volumes = { $upstream }
pss-check-run-as-non-root = { $upstream }
pss-check-run-as-user = { $upstream }
pss-check-seccomp-restricted = { $upstream }
# Field types the API server expects and finds.
pss-type-a-boolean = a boolean
pss-type-a-string = a string
pss-type-a-list = a list
pss-type-an-object = an object
pss-type-an-int32 = a 32-bit integer
pss-type-an-integer = an integer
pss-type-other = { $name }
pss-type-int-or-string = an integer or a string
pss-type-quantity = a quantity
pss-found-null = null
pss-found-boolean = boolean
pss-found-string = string
pss-found-array = array
pss-found-object = object
pss-found-number = number { $value }
pss-invalid-object = invalid object: { $field } must be { $expected }, found { $found }
pss-invalid-field = { $field } must be { $expected }, found { $found }

rule-pss001-message = { $policy }: { $reason }
rule-pss001-invalid = pods cannot be admitted: { $field } must be { $expected }, found { $found }
rule-pss001-note-unnamed = `""` in the reason is the container without a name: { $containers }
rule-pss001-note = { $why }; check pss:{ $level }:{ $control }
rule-pss001-note-controller = the API server accepts the { $kind } with a warning and rejects every pod it creates
rule-pss002-message = namespace "{ $namespace }" has no { $label } label, so any pod is admitted
rule-pss003-message = namespace "{ $namespace }" enforces the privileged level, which admits any pod
rule-pss004-unknown = label { $label } is not a Pod Security label (the admission controller ignores it)
rule-pss004-version = label { $label } value "{ $value }" must be "latest" or "v1.x"
rule-pss004-level = label { $label } value "{ $value }" must be one of privileged, baseline, restricted
rule-pss005-audit = would be recorded in the audit log as violating PodSecurity "{ $policy }": { $reason }
rule-pss005-warn = would get a warning: it would violate PodSecurity "{ $policy }": { $reason }
rule-pss005-both = would get a warning and an audit record: it would violate PodSecurity "{ $policy }": { $reason }
rule-pss005-note-audit = the `audit` label of namespace "{ $namespace }" asks for { $policy }; check pss:{ $level }:{ $control }
rule-pss005-note-warn = the `warn` label of namespace "{ $namespace }" asks for { $policy }; check pss:{ $level }:{ $control }
rule-pss005-note-both = the `audit` and `warn` labels of namespace "{ $namespace }" ask for { $policy }; check pss:{ $level }:{ $control }

## rbac

rule-rbac019-not-set = the default ServiceAccount of namespace "{ $namespace }" does not set automountServiceAccountToken: false, so pods that name no ServiceAccount get an API token
rule-rbac019-true = the default ServiceAccount of namespace "{ $namespace }" sets automountServiceAccountToken to true, so pods that name no ServiceAccount get an API token
rbac-subject = subject { $subject }
rbac-scope-cluster = cluster-wide
rbac-scope-namespace = in namespace { $namespace }
rbac-action-cluster-admin = has cluster-admin rights
rbac-action-escalate = can escalate roles
rbac-action-bind = can bind roles
rbac-action-impersonate = can impersonate
rbac-action-binding-write = can write role bindings
rbac-action-pod-create = can create pods
rbac-action-pod-exec = can exec into pods
rbac-action-pod-portforward = can port-forward to pods
rbac-action-node-proxy = can proxy to nodes
rbac-action-secrets-read = can read secrets
rbac-action-secrets-read-named = can read the secrets named in resourceNames
rbac-action-token-create = can create ServiceAccount tokens
rbac-action-csr-approve = can approve or sign certificate requests
rbac-action-csr-approval = can approve certificate requests
rbac-action-csr-signing = can sign certificate requests
rbac-action-csr-approval-signers = can approve certificate requests of { $count ->
        [one] the signer
       *[other] the signers
    } { $signers }
rbac-action-csr-signing-signers = can sign certificate requests of { $count ->
        [one] the signer
       *[other] the signers
    } { $signers }
rbac-action-webhook-write = can write admission webhook configurations
rbac-act-cluster-admin = has cluster-admin rights
rbac-act-escalate = escalate roles
rbac-act-bind = bind roles
rbac-act-impersonate = impersonate
rbac-act-binding-write = write role bindings
rbac-act-pod-create = create pods
rbac-act-pod-exec = exec into pods
rbac-act-pod-portforward = port-forward to pods
rbac-act-node-proxy = proxy to nodes
rbac-act-secrets-read = read secrets
rbac-act-token-create = create ServiceAccount tokens
rbac-act-csr-approve = approve or sign certificate requests
rbac-act-csr-approval = approve certificate requests
rbac-act-csr-signing = sign certificate requests
rbac-act-webhook-write = write admission webhook configurations
rbac-yields-cluster-admin = full control of the cluster
rbac-yields-escalate = adds any permission to roles it can update, up to cluster-admin
rbac-yields-bind = binds any role to itself, cluster-admin included
rbac-yields-impersonate = acts as other identities (as system:masters when users or groups are not restricted)
rbac-yields-binding-write = grants the permissions it holds to any subject
rbac-yields-pod-create = runs pods as any ServiceAccount of the namespace and uses its token
rbac-yields-pod-exec = runs commands in running containers and takes their tokens and secrets
rbac-yields-pod-portforward = reaches any port of running pods, past Services and NetworkPolicies
rbac-yields-node-proxy = reaches the kubelet API of every node, and through it every pod
rbac-yields-secrets-read = reads every Secret, tokens and credentials included
rbac-yields-secrets-read-named = reads the Secrets of those names in every namespace it reaches
rbac-yields-token-create = mints tokens for ServiceAccounts and acts as them
rbac-yields-csr-approve = gets client certificates issued for other identities
rbac-yields-webhook-write = intercepts or rewrites API requests, or removes admission controls
rbac-yields-namespace-admin = full control of the namespace
rbac-yields-impersonate-accounts = acts as the ServiceAccounts in scope, with their permissions
rbac-aggregated-from = {" "}(aggregated from { $origin })
rbac-named-only = {" "}(only the objects in resourceNames)
rbac-chain = chain: { $subject } → { $binding } → { $role }{ $from } → rule { $rule } allows { $request } { $scope }{ $names } → { $yields }
rbac-chain-principals = { $chain }; IAM principals in it: { $principals }
rbac-then-as = then, as { $account }
rbac-holds = { $who } { $action } { $scope }
rbac-holds-partly = { $who } holds { $request } { $scope } but not { $missing }, so it cannot { $act } with it
rbac-needs = yields nothing by itself: the subject also needs { $missing } in the same scope
rbac-request-any = * on *
rbac-probe = { $verbs } on { $count ->
    [one] { $last }
   *[other] { $first } or { $last }
}
rbac-iam-role = IAM role { $arn }
rbac-iam-user = IAM user { $arn }
rule-rbac001-message = rule { $index } of { $kind } "{ $name }" allows { $what ->
        [all] every verb on every resource
        [verbs] every verb
        [urls] every verb on its non-resource URLs
       *[resources] every resource
    }
rule-rbac002-cluster = { $who } is bound to { $role }, full control of the cluster
rule-rbac002-namespace = { $who } is bound to { $role }, full control of namespace { $namespace }
rule-rbac002-masters = { $principal } is mapped to group system:masters ({ $source }), full control of the cluster
rule-rbac002-masters-note = system:masters is authorized before RBAC: no binding can limit or revoke it
rule-rbac003-role-not-found = { $role } (not found)
rule-rbac003-message = { $binding } grants { $role } to { $audience ->
        [authenticated] every authenticated identity
       *[anonymous] anyone, without credentials
    } ({ $subject })
rule-rbac008-message = { $who } { $action } { $scope }, where { $account } { $gained } { $gained_scope }
rule-rbac015-message = { $who } can create or delete objects { $scope } through { $role }
rule-rbac015-note = rule { $rule }{ $from }
rule-rbac016-message = { $who } can write { $resource } in namespace kube-system through { $role }
rule-rbac016-note = { $binding } → { $role } → rule { $rule }
rule-rbac017-message = pods run with the token of { $account }, which { $action } { $scope }
rule-rbac018-message = the API server rejects this ClusterRole aggregation selector: { $why }
rule-rbac020-message = the API server rejects this { $kind }: { $why }
rule-rbac020-no-name = a subject needs a non-empty `name`
rule-rbac020-kind = subject kind `{ $kind }` is not User, Group or ServiceAccount
rule-rbac020-user-group = a { $kind } subject's `apiGroup` must be rbac.authorization.k8s.io, not `{ $group }`
rule-rbac020-sa-group = a ServiceAccount subject has no `apiGroup`, found `{ $group }`
rule-rbac020-sa-name = ServiceAccount name `{ $name }` is not a lowercase DNS subdomain: letters a-z, digits, '-' and '.', starting and ending with a letter or digit
rule-rbac020-sa-name-long = the ServiceAccount name is longer than { $max } characters
rule-rbac020-sa-namespace = a ServiceAccount subject of a ClusterRoleBinding needs a `namespace`

## reliability

rule-rel006-message = the Pod has no controller to recreate it
rule-rel001-scaled = is scaled by HorizontalPodAutoscaler "{ $name }"
rule-rel001-replicas = runs { $count } replicas
rule-rel001-message = { $kind } "{ $name }" { $why } but no PodDisruptionBudget selects its pods
rule-rel001-note = looked for among the scanned PodDisruptionBudgets of namespace "{ $namespace }"
rule-rel002-default = { $kind } "{ $name }" runs a single replica: replicas is not set (default 1)
rule-rel002-message = { $kind } "{ $name }" runs a single replica
rule-rel002-autoscaler = { $kind } "{ $name }" may run a single replica: HorizontalPodAutoscaler "{ $autoscaler }" has minReplicas { $min }
rule-rel002-note = shown at HorizontalPodAutoscaler "{ $autoscaler }", which sets its replicas
rule-rel003-message = selector `{ $selector }` does not match the pod template labels of { $kind } "{ $name }"
rule-rel004-message = scaleTargetRef { $kind } "{ $name }" is not among the workloads of namespace "{ $namespace }" in the scan
rule-rel005-message = selector `{ $selector }` matches no workload in namespace "{ $namespace }" of the scan
rule-rel007-named = the { $probe } of { $container } targets port "{ $port }", which it does not declare (its ports are named { $names })
rule-rel007-none = the { $probe } of { $container } targets port "{ $port }", which it does not declare (it declares no named port)
rule-rel008-max-zero = maxUnavailable is { $value }, so no pod the budget selects can ever be evicted
rule-rel008-min-all = minAvailable is { $value }, so no pod the budget selects can ever be evicted
rule-rel008-min-one = minAvailable { $value } is not below the { $total } pod of { $workloads }, so it can never be evicted
rule-rel008-min = minAvailable { $value } is not below the { $total } pods of { $workloads }, so none can ever be evicted
rule-rel009-message = the livenessProbe of { $container } runs the same { $handler } check as its readinessProbe

## secrets

rule-sec005-all = { $container } reads every key of Secret "{ $secret }" into env vars
rule-sec005-key = { $container } reads key "{ $key }" of Secret "{ $secret }" into env var "{ $name }"
list-pair = { $first }, { $second }
secret-kind-aws-access-key-id = an AWS access key id
secret-kind-aws-secret-access-key = an AWS secret access key
secret-kind-private-key = a private key
secret-kind-github-token = a GitHub token
secret-kind-slack-token = a Slack token
secret-kind-jwt = a JSON Web Token
secret-kind-url-password = a URL with a password
secret-kind-password = a password
secret-kind-api-key = an API key
secret-kind-token = a token
secret-kind-secret = a secret
secret-hint = { $hint }…
secret-line = line { $line }
secret-under = under "{ $name }"
secret-with-details = { $what } ({ $details })
secret-also = it also holds { $what }
rule-sec001-message = env var "{ $name }" of { $container } holds { $what }
rule-sec002-message = ConfigMap { $field ->
        [data] key
       *[binaryData] binaryData key
    } "{ $key }" holds { $what }
rule-sec003-applied = { $place ->
        [template] pod template annotation
       *[object] annotation
    } "{ $key }" holds a copy of a Secret's data (keys { $keys })
rule-sec003-message = { $place ->
        [template] pod template annotation
       *[object] annotation
    } "{ $key }" holds { $what }
rule-sec004-message = line { $line } holds { $what }
rule-sec004-id = an AWS access key id ({ $prefix }…)
rule-sec004-secret = an AWS secret access key under "{ $name }"

## hygiene

rule-hyg001-message = { $kind } "{ $name }" is in the default namespace
rule-hyg002-message = { $kind } "{ $name }" runs in kube-system
rule-hyg003-message = { $kind } "{ $name }" has no { $label } label
rule-hyg004-first-at = {" "}(first at { $at })
rule-hyg004-message = { $object } is given twice{ $at }; applying both keeps only the last
rule-hyg005-message = { $kind } "{ $name }" is not in the scan, which has other { $kind }s in namespace "{ $namespace }"
rule-hyg006-flag = --kubernetes-version
rule-hyg006-cluster = cluster "{ $name }" runs it
rule-hyg006-unknown = no target version known (set --kubernetes-version); the oldest version EKS lists
rule-hyg006-psp = { $version } (itself removed in 1.25)
rule-hyg006-uses = { $kind } "{ $name }" uses { $version }
rule-hyg006-target = target 1.{ $minor }: { $origin }
rule-hyg006-removed = { $what }, removed in Kubernetes 1.{ $removed }: the API server of 1.{ $minor } rejects it
rule-hyg006-deprecated = { $what }, deprecated at Kubernetes 1.{ $minor } and removed in 1.{ $removed }

## eks

finding-default = default: { $why }
finding-var-set-at = value of var.{ $name } set at { $at }
eks-cluster-named = cluster "{ $name }"
eks-cluster = cluster
eks-node-group-named = { $kind ->
        [managed] managed node group
        [self-managed] node group
        [fargate] Fargate profile
       *[karpenter] Karpenter node pool
    } "{ $name }"
eks-node-group = { $kind ->
        [managed] managed node group
        [self-managed] node group
        [fargate] Fargate profile
       *[karpenter] Karpenter node pool
    }
capacity-group-at-line = { $kind ->
        [managed] managed node group
        [self-managed] node group
        [fargate] Fargate profile
       *[karpenter] Karpenter node pool
    } at line { $line } (name not set in the input)
capacity-group-unnamed = { $kind ->
        [managed] managed node group
        [self-managed] node group
        [fargate] Fargate profile
       *[karpenter] Karpenter node pool
    } (name not set in the input)
capacity-group-fit = { $group }: { $nodes } nodes × { $pods } pods{ $instance } = { $capacity } pods
capacity-group-note = { $group }: { $note }
capacity-cluster-unnamed = cluster (name not set in the input)
capacity-note-unknown = unknown
capacity-note-fargate = unbounded: Fargate runs each pod on its own node
capacity-note-karpenter = unbounded: Karpenter adds nodes on demand
capacity-note-no-instance-types = unknown: instance types are not known
capacity-note-no-eni-data = unknown: no ENI data for instance type { $instance_type }
capacity-note-no-max-size = unknown: the maximum size is not known
rule-eks001-message = { $cluster } does not encrypt secrets with a customer KMS key
rule-eks002-message = { $cluster } exposes its API endpoint to { $cidr }
rule-eks003-message = { $cluster } has a public API endpoint
rule-eks004-message = { $cluster } has its private API endpoint disabled
rule-eks005-none = { $cluster } sends no control-plane logs
rule-eks005-message = { $cluster } does not send control-plane logs { $logs }
rule-eks006-message = { $cluster } has no OIDC provider for IRSA and no Pod Identity associations
rule-eks007-message = { $group } runs nodes in public subnets
rule-eks008-zone = { $group } runs in the single availability zone { $zone }
rule-eks008-subnet = { $group } runs in a single subnet, so in one availability zone
rule-eks009-message = { $group } has unencrypted root volumes
rule-eks009-note = an account-level EBS encryption-by-default setting would encrypt them, but is not visible here
rule-eks010-message = { $group } allows IMDSv1
rule-eks010-hops = { $group } lets pods reach instance metadata (hop limit { $hops })
rule-eks011-message = { $group } allows SSH from 0.0.0.0/0
rule-eks011-note = the nodes are in private subnets
rule-eks012-unlisted = { $cluster } runs Kubernetes { $version }, past the end of EKS support
rule-eks012-extended = { $cluster } runs Kubernetes { $version }, past the end of extended support ({ $date })
rule-eks012-standard = { $cluster } runs Kubernetes { $version }, past the end of standard support ({ $date })
rule-eks013-message = { $cluster } authenticates only through the aws-auth ConfigMap
rule-eks014-message = { $cluster } grants cluster-admin to its creator
rule-eks015-aws-auth = aws-auth maps { $why ->
        [wildcard] a wildcard
       *[root] an account root
    } ({ $arn }) to system:masters
rule-eks015-entry = access entry gives { $why ->
        [wildcard] a wildcard
       *[root] an account root
    } ({ $arn }) AmazonEKSClusterAdminPolicy
rule-eks016-message = { $cluster } lacks the { $count ->
        [one] add-on
       *[other] add-ons
    } { $addons }
rule-eks017-message = add-on { $name } { $addon_version } does not match Kubernetes { $version }
rule-eks018-message = { $group } has { $what }
rule-eks018-desired-low = a desired size of { $desired } below its minimum of { $min }
rule-eks018-desired-high = a desired size of { $desired } above its maximum of { $max }
rule-eks018-max-low = a maximum size of { $max } below its minimum of { $min }
rule-eks019-message = { $group } uses spot capacity with a single instance type
rule-eks020-message = the IAM role of { $cluster } lacks AmazonEKSClusterPolicy
rule-eks021-message = { $cluster } lacks the required { $count ->
        [one] tag
       *[other] tags
    } { $tags }
rule-eks022-message = { $cluster } has no Container Insights add-on
rule-eks023-message = { $cluster } has no GuardDuty runtime monitoring agent
rule-eks024-not-set = StorageClass "{ $name }" provisions unencrypted EBS volumes: `encrypted` is not set
rule-eks024-type = `{ $key }` must be the string "true", not the { $type_name }
rule-eks024-value = `{ $key }` is "{ $value }"
rule-eks024-message = StorageClass "{ $name }" provisions unencrypted EBS volumes: { $why }
rule-eks025-message = { $cluster } cannot hold the { $total } pods its workloads ask for: its node groups fit { $usable } at their maximum size
rule-eks025-daemonsets = every node gives one slot to each of { $count } DaemonSets: { $daemonsets }
rule-eks025-more = {" "}and { $count } more
rule-eks025-largest = largest workloads: { $workloads }{ $more }

## input

yaml-read-boolean = the boolean { $value }
yaml-read-number = the number { $value }
yaml-read-null = null
yaml-read-string = a string
waiver-no-reason = it has no reason
waiver-no-rule = it names no rule
waiver-bad-date = its expiry `{ $until }` is not a date (YYYY-MM-DD)
waiver-expired = it expired on { $date }
rule-inp001-message = key `{ $key }` is repeated (first at line { $line }); Kubernetes keeps only this last value
rule-inp002-secret = an unquoted value of this Secret is read differently by Kubernetes (YAML 1.1) and YAML 1.2 tools
rule-inp002-message = unquoted `{ $text }` is read by Kubernetes as { $read_as }, by YAML 1.2 tools differently
rule-inp003-message = waiver does not apply: { $why }
rule-inp004-message = waiver for { $rules } matched no finding
rule-inp005-message = { $kind } "{ $name }" is written as apiVersion { $version }, whose group does not serve kind { $kind }: the API server rejects it
rule-inp005-note = the API server serves { $kind } as { $served }

## Validation the API server applies (`model/validation.rs`, `model/selector.rs`, NetworkPolicy fields)

valid-subdomain-long = is longer than { $max } characters
valid-subdomain = must be a lowercase DNS subdomain: letters a-z, digits, '-' and '.', starting and ending with a letter or digit
valid-label-key-slashes = label key `{ $key }` has more than one '/'
valid-label-key-empty-prefix = label key `{ $key }` has an empty prefix before '/'
valid-label-key-prefix = the prefix of label key `{ $key }` { $why }
valid-label-key-empty-name = label key `{ $key }` has an empty name
valid-label-key-long = the name of label key `{ $key }` is longer than { $max } characters
valid-label-key-name = label key `{ $key }`: the name must be letters, digits, '-', '_' or '.', starting and ending with a letter or digit
valid-label-value-long = label value `{ $value }` is longer than { $max } characters
valid-label-value = label value `{ $value }` must be letters, digits, '-', '_' or '.', starting and ending with a letter or digit
valid-port-name-empty = port name `{ $name }` is empty
valid-port-name-long = port name `{ $name }` is longer than { $max } characters
valid-port-name-chars = port name `{ $name }` may only contain lowercase letters a-z, digits and '-'
valid-port-name-dashes = port name `{ $name }` must not contain '--'
valid-port-name-letter = port name `{ $name }` must contain a letter
valid-port-name-ends = port name `{ $name }` must not start or end with '-'
valid-port-number = port { $port } is not between 1 and 65535
selector-not-object = a label selector must be an object, found { $found }
selector-match-labels = `matchLabels` must be an object
selector-value-string = label value for `{ $key }` must be a string
selector-match-expressions = `matchExpressions` must be a list
selector-expression-key = a match expression needs a string `key`
selector-expression-empty-key = a match expression needs a non-empty `key`
selector-expression-operator = a match expression needs an `operator`
selector-operator = operator must be In, NotIn, Exists or DoesNotExist
selector-operator-needs-values = operator { $operator } needs at least one value
selector-operator-no-values = operator { $operator } takes no values
netpol-invalid-spec = `spec` must be an object, found { $found }
netpol-invalid-policy-type = policy type `{ $value }` is not Ingress or Egress
netpol-invalid-rule = a rule must be an object
netpol-invalid-peer-mixed = a peer with `ipBlock` cannot also have `podSelector` or `namespaceSelector`
netpol-invalid-no-cidr = `ipBlock` needs a `cidr`
netpol-invalid-except-string = `except` entries must be strings
netpol-invalid-except-subset = except block is not a strict subset of `{ $cidr }`
netpol-invalid-peer-empty = a peer needs `podSelector`, `namespaceSelector` or `ipBlock`
netpol-invalid-protocol = protocol must be TCP, UDP or SCTP
netpol-invalid-port-number = `{ $key }` must be a port number between 1 and 65535
netpol-invalid-end-port-numeric = `endPort` needs a numeric `port`
netpol-invalid-end-port-named = `endPort` cannot be used with a named port
netpol-invalid-end-port-below = `endPort` { $end } is below `port` { $port }
netpol-invalid-cidr = `{ $cidr }` is not a CIDR (expected ADDRESS/PREFIX)
netpol-invalid-cidr-address = `{ $cidr }` is not a CIDR: bad address
netpol-invalid-cidr-prefix = `{ $cidr }` is not a CIDR: bad prefix length
netpol-invalid-cidr-prefix-long = `{ $cidr }` is not a CIDR: prefix longer than { $bits } bits
node-type-null = null
node-type-boolean = boolean
node-type-number = number
node-type-string = string
node-type-array = array
node-type-object = object

# A role or binding without a manifest, as `rbac` answers show it.
rbac-mark-default = { $name } (default)
rbac-mark-access-policy = { $name } (EKS access policy)
