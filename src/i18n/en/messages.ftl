# Findings: the message of each finding and its notes, with the ids `rule-<code>-<what>`, and the
# fragments several rules share. A message is one lowercase sentence without a trailing period.
# Identifiers (field names, values, kinds) stay as written.

## Shared fragments

field-not-set = { $field } is not set
field-is = { $field } is { $value }

container-regular = container "{ $name }"
container-init = init container "{ $name }"
container-ephemeral = ephemeral container "{ $name }"

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

## network

rule-net111-message = the Service takes the traffic of external IP { $ips } in the whole cluster

## rbac

rule-rbac019-not-set = the default ServiceAccount of namespace "{ $namespace }" does not set automountServiceAccountToken: false, so pods that name no ServiceAccount get an API token
rule-rbac019-true = the default ServiceAccount of namespace "{ $namespace }" sets automountServiceAccountToken to true, so pods that name no ServiceAccount get an API token

## reliability

rule-rel006-message = the Pod has no controller to recreate it

## secrets

rule-sec005-all = { $container } reads every key of Secret "{ $secret }" into env vars
rule-sec005-key = { $container } reads key "{ $key }" of Secret "{ $secret }" into env var "{ $name }"
