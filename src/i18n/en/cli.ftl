# The command line: errors and the texts of `rules` and `explain`.

error = error: { $message }
warning = warning: { $message }
unknown-language = unknown language `{ $value }` (accepted: { $accepted })
cannot-write = cannot write { $what }: { $reason }
cannot-write-output = cannot write output: { $reason }
standard-output = standard output
empty-rule-name-flag = empty rule name in --{ $flag } (see `ladrillo rules`)
no-rule-selected = no rule selected: --select, --ignore and the config's `select` and `ignore` leave none to run (see `ladrillo rules`)
webhook-no-rule-selected = no rule selected for admission: the config's `select` and `ignore` leave none that runs at admission (see `ladrillo rules`)
empty-rule-name = empty rule name (see `ladrillo rules`)
not-a-date = --date `{ $value }` is not a date (YYYY-MM-DD)
unknown-rule = unknown rule `{ $rule }` (see `ladrillo rules`)
unknown-rule-suggest = unknown rule `{ $rule }`; did you mean { $suggestions }?
or = { $first } or { $second }

rules-opt-in = (opt-in)
explain-severity = Severity: { $severity }
explain-severity-also = { $severity } (some findings { $others })
explain-group = Group: { $group }
explain-guide = Guide: { $guide }
explain-references = References: { $references }
explain-opt-in = Enabled: only when selected (--select)
man-unknown-command = no command `{ $command }` (commands: { $known })
man-cannot-render = cannot render the manual page: { $reason }
not-a-severity = `{ $value }` is not a severity (critical, high, medium, low or info)
statistics-text-only = --statistics is a text summary; it cannot be combined with --format { $format }
explain-run-by = Run by: ladrillo audit-log (audit policy level needed: { $level })
explain-implies = Implies: { $rules } at { $site ->
    [container] the same container
   *[field] the same field
  }, reported once, as this rule
explain-implied-by = Implied by: { $rule } at { $site ->
    [container] the same container
   *[field] the same field
  }: only that finding is reported, and it names this rule

# `ladrillo rules`: one heading per group; `--select` accepts the group name or its code prefix.
rules-group = { $group } ({ $prefix }, { $count ->
    [one] 1 rule
   *[other] { $count } rules
}): { $description }
group-pod = pod and container security settings
group-pss = Pod Security Standards levels (namespace labels, exact evaluation)
group-rbac = RBAC permissions and privilege escalation
group-secrets = hard-coded credentials and secret handling
group-network = Services, exposure and network segmentation
group-eks = the EKS cluster: control plane, identity, node groups, add-ons
group-reliability = availability and operability
group-hygiene = labels, namespaces and hygiene
group-input = how the input itself is written (duplicate keys, ambiguous scalars, waivers)
group-audit = threat detections over Kubernetes audit logs, run by `ladrillo audit-log`, not by `scan`

# Live clusters (`--cluster`).
live-bad-namespace = --namespace `{ $namespace }` is not a namespace name (lowercase letters, digits and `-`, at most 63)
live-kubeconfig = cannot read the kubeconfig { $path }: { $reason }
live-context = cannot use the kubeconfig context `{ $context }`: { $reason }
live-no-config = no kubeconfig and not running in a Pod: { $reason }
live-cannot-read = cannot read the cluster: { $reason }
live-unreachable = cannot reach the API server: { $reason }
live-unauthorized = the API server refused the credentials (401 Unauthorized; an expired token?): { $message }
live-forbidden = forbidden (403): { $message }
live-status = the API server answered { $code }: { $message }
live-timeout = no answer within { $seconds } s (--timeout)
live-too-large = the response for { $what } is over { $megabytes } MB; not read
live-garbage = the response for { $what } is not a Kubernetes API response: { $reason }
live-not-served = the cluster does not serve { $version }
live-not-read = { $resource } not read: { $reason }; the rules over them are not evaluated
live-write-not-a-report = only PolicyReports and ClusterPolicyReports are written to a cluster
live-write-not-served = the cluster does not serve { $version } (install the PolicyReport CRDs of the Kubernetes Policy working group)
live-write-failed = cannot write a report to the cluster: { $reason }
live-wrote = wrote { $count } policy reports to cluster { $context }
live-wrote-some = wrote { $count } of { $total } policy reports to cluster { $context }; the others are unchanged
live-report-truncated = { $report }: { $left } of { $total } results left out, the least severe (a report is kept under { $kib } KiB); its summary counts them all
eks-cannot-describe = cannot describe the EKS cluster { $cluster }: { $reason }
eks-call-refused = { $action } was refused ({ $reason }): what it lists is unknown and the rules over it are not evaluated
eks-launch-templates = node groups use launch templates ({ $templates }) whose IMDS and volume settings only EC2 holds, so they are unknown: export each with `aws ec2 describe-launch-template-versions --region { $region } --launch-template-id ID --output json > lt-ID.json` and pass `--launch-template-versions lt-ID.json`

# The input loader: nothing to analyse, what was read but not analysed.
input-nothing-to-analyse = nothing to analyse: no Kubernetes object and no EKS cluster definition in the input ({ $files ->
        [one] 1 file read
       *[other] { $files } files read
    })
input-render-kustomize = { $dir } is a kustomization: render it first, `kubectl kustomize { $dir } | ladrillo scan -`, or pass --render
input-render-helm = { $dir } is a Helm chart: render it first, `helm template { $dir } | ladrillo scan -`, or pass --render
input-not-rendered = { $dir } was not scanned: { $why }
input-rendered = rendered by `{ $command }`
input-render-no-helm = helm is not on PATH (install it, or give its path with --helm-path)
input-render-no-kustomize = neither kustomize nor kubectl is on PATH (install one, or give its path with --kustomize-path or --kubectl-path)
input-render-values = the values file { $file } is not a file
input-render-wrapper = the temporary kustomization could not be written: { $error }
input-render-start = the tool could not be started: { $error }
input-render-failed = the tool failed (exit code { $code }): { $stderr }
input-render-killed = the tool was ended by a signal: { $stderr }
input-render-timeout = the tool did not finish in { $seconds } s and was stopped (--render-timeout)
input-render-too-large = the tool printed more than { $mib } MiB and was stopped
input-render-not-text = the tool printed text that is not UTF-8
input-values-without-chart = --helm-values is for Helm chart directories, and no path is one
input-ignored-by-file = inputs were left out by { $file }
input-ignored-by-exclude = inputs were left out by `exclude` in .ladrillo.yaml
input-ignored-by-git = inputs were left out by git's exclude rules (.git/info/exclude or core.excludesFile)
input-allow-empty = pass --allow-empty if an empty input is expected
stdin-filename-empty = --stdin-filename is empty: give the name to show for standard input
stdin-filename-without-stdin = --stdin-filename names standard input, but `-` is not among the paths
input-unnamed-skipped = { $kind } ({ $api }) without `metadata.name` skipped: ladrillo does not analyse this kind
input-linked-directory = link to a directory, not followed: a directory walk does not follow links (they may lead out of the tree or back into it); name the target on the command line to scan it
input-kustomization-read = kustomization read as a list of files, not built: to scan what kustomize builds, name its directory with --render or `kubectl kustomize { $dir } | ladrillo scan -`
input-terraform-not-created = `{ $address }` is not created with these values (a count of 0, an empty for_each or create = false): not analysed
input-helm-templates = Helm chart: { $count ->
        [one] 1 template not read
       *[other] { $count } templates not read
    }; to scan what it renders, pass --render or `helm template { $dir } | ladrillo scan -`

# rbac: custom resources matched across API groups, group members (who-can --expand-groups).
rbac-matched-groups = resource matched in API { $count ->
        [one] group
       *[other] groups
    } { $groups } (named by the input's roles or CustomResourceDefinitions)
rbac-group-member = member of Group { $group }
rule-pattern-invalid = invalid rule pattern `{ $pattern }`: { $why }
rule-pattern-matches-nothing = `{ $pattern }` matches no rule (see `ladrillo rules`)

# rbac who-can, can-i and rules: the words around verbs, resources and names (JSON keeps English).
rbac-nobody-can = nobody can { $request } { $place }
rbac-who-can = who can { $request } { $place }:
rbac-via = via { $via }
rbac-can-i-yes = yes: { $subject } can { $request } { $place }
rbac-can-i-no = no: { $subject } cannot { $request } { $place }
rbac-allowed-only-in = allowed only in namespaces: { $namespaces }
rbac-identity = identity: user { $user }, groups { $groups }
rbac-any-member = (any member)
rbac-rules-of = { $subject } (user { $user }, groups { $groups }) has { $count } rules:
rbac-in-namespace = in namespace { $namespace }
rbac-cluster-wide = cluster-wide
rbac-in-any-namespace = in any namespace
rbac-request-named = { $request } named "{ $name }"
rbac-or = or

# .ladrillo.yaml problems (`settings.rs`); keys and values stay as written.
config-key-repeated = key `{ $key }` is repeated (first at line { $line })
config-single-document = the config must be a single YAML document
config-mapping = the config must be a mapping
config-select-empty = `select` is empty; remove it to run the default rules
config-severity-value = expected a severity: critical, high, medium, low or info
config-severity-map = `severity` must map rule names to severities
config-fail-on-value = `{ $value }` is not a severity (critical, high, medium, low, info, or none)
config-fail-on = `fail-on` must be a severity or `none`
config-waivers-list = `waivers` must be a list
config-pss-mapping = `pss` must be a mapping with `level` and `version`
config-pss-level = `level` must be one of privileged, baseline, restricted
config-pss-version = `version` must be "latest" or "v1.x"
config-pss-kubernetes-version = `kubernetes-version` must be a quoted Kubernetes release such as "1.30"
config-found = { $what }; found `{ $found }`
config-webhook-mapping = `webhook` must be a mapping
config-webhook-mode-unknown = unknown webhook mode `{ $mode }`; expected enforce, warn or audit
config-webhook-mode = expected a webhook mode: enforce, warn or audit
config-webhook-namespaces = `namespaces` must map namespace names to modes
config-unknown-key-suggest = unknown key `{ $key }`; did you mean `{ $suggestion }`?
config-unknown-key = unknown key `{ $key }`; expected one of { $expected }
config-list-of-strings = `{ $key }` must be a list of strings
config-entries-strings = `{ $key }` entries must be strings
config-expected-string = expected a string
config-waiver-mapping = a waiver must be a mapping with `rules` and `reason`
config-waiver-rules = a waiver needs `rules`: the rule names it waives

# `ladrillo pss`: the verdict on each object and the summary (the reasons are the API server's own).
pss-verdict-file = { $file }: { $verdict ->
        [allowed] allowed
       *[denied] denied
    } by { $policy }
pss-verdict = { $place }: { $object }: { $verdict ->
        [allowed] allowed
       *[denied] denied
    } by { $policy }
pss-summary = { $count ->
        [one] { $count } object
       *[other] { $count } objects
    } evaluated at { $policy }: { $allowed } allowed, { $denied } denied
pss-summary-on = { $count ->
        [one] { $count } object
       *[other] { $count } objects
    } evaluated at { $policy } on Kubernetes 1.{ $release }: { $allowed } allowed, { $denied } denied

# `.ladrillo.yaml`: the `reachability` and `audit-log` sections.
config-reach-mapping = `reachability` must be a mapping with `deny` and/or `allow` lists
config-reach-unknown-key = unknown key `{ $key }` in `reachability`; expected `deny` or `allow`
config-reach-list = `{ $key }` must be a list of { "{" }from, to, port{ "}" } entries
config-reach-assertion-mapping = an assertion must be a mapping with `from` and `to`
config-reach-port = `port` must be a number or PORT/PROTOCOL
config-reach-assertion-unknown-key = unknown key `{ $key }` in an assertion; expected `from`, `to` or `port`
config-reach-needs = an assertion needs `{ $key }`
config-reach-endpoint = an endpoint must be a string or a mapping
config-reach-cidr-alone = `cidr` cannot be combined with other keys
config-reach-namespace = `namespace` must be a namespace name
config-reach-endpoint-unknown-key = unknown key `{ $key }` in an endpoint; expected `namespace`, `namespaceSelector`, `pods` or `cidr`
config-audit-mapping = `audit-log` must be a mapping
config-audit-network = `{ $value }` is not an address or CIDR range
config-audit-entries-non-empty = `{ $key }` entries must be non-empty strings
config-audit-thresholds = `thresholds` must map detection names to `{ "{" }count, window{ "}" }`
config-audit-threshold = a threshold is a mapping with `count` and `window`
config-audit-count = `count` must be a positive integer
config-audit-window = `window` must be a positive duration such as `90s`, `10m` or `1h`

# `--fail-on`.
fail-on-not-a-severity = `{ $value }` is not a severity (critical, high, medium, low, info, or none)

# `ladrillo audit-log`: the command line.
audit-bad-time = `{ $value }` is not a time: use RFC 3339 (2025-06-01T10:00:00Z), a date, or an age (90m, 12h, 7d)
audit-empty-dir = { $path }: no files in this directory
audit-cannot-read-dir = { $path }: cannot read directory: { $reason }
audit-no-such-path = { $path }: no such file or directory
audit-empty-detection = empty detection name in --{ $flag } (see `ladrillo rules`)
audit-follow-one-file = --follow reads exactly one file
audit-follow-json = --follow writes alerts as they come: use --format text or jsonl
audit-output-is-input = --output { $path } would overwrite an input; choose another file
audit-selects-no-detection = `{ $selector }` selects no audit-log detection (see `ladrillo rules`, group audit)
audit-no-detection = no detection selected

# `ladrillo max-pods`: the table.
max-pods-unknown-type = unknown instance type "{ $name }" (`ladrillo max-pods --all` lists the known ones)
max-pods-unknown-type-suggest = unknown instance type "{ $name }"; did you mean { $suggestions }?
max-pods-title = VPC CNI max pods, { $mode }, EKS managed node group ceiling (110; 250 above 30 vCPUs)
max-pods-mode-secondary-ip = secondary IP mode
max-pods-mode-prefix-delegation = prefix delegation
max-pods-mode-custom-networking = custom networking
max-pods-mode-prefix-custom = prefix delegation with custom networking
max-pods-col-type = INSTANCE TYPE
max-pods-col-vcpus = VCPUS
max-pods-col-uncapped = UNCAPPED
max-pods-col-max = MAX PODS
max-pods-cell-or = { $first } or { $second } *
max-pods-cell-unknown = unknown †
max-pods-note-from-size = vCPU count not listed: derived from the size name (large 2, xlarge 4, Nxlarge and metal-Nxl 4·N)
max-pods-note-metal = vCPU count not listed: bare metal has at least the vCPUs of its family's largest size
max-pods-note-vcpus = vCPU count unknown, even from the size name: the first value applies up to 30 vCPUs, the second above 30
max-pods-note-no-eni = ENI data unknown: only the secondary-IP value is published for this type
max-pods-note-prefix-delegation = Prefix delegation needs a Nitro instance and VPC CNI 1.9.0 or later.

# Why reading or writing a file failed.
io-not-found = no such file or directory
io-permission-denied = permission denied
io-already-exists = it already exists
io-is-a-directory = it is a directory
io-not-a-directory = not a directory
io-storage-full = no space left on the device
io-read-only = read-only file system
io-directory-not-empty = the directory is not empty
io-invalid-data = the data is not valid
io-unexpected-eof = unexpected end of file
io-other = { $reason }

and = { $first } and { $second }

# `ladrillo netpol`: reachability and explanations.
netpol-all-connections = All Connections
netpol-no-connections = No Connections
netpol-other-protocols = other protocols
netpol-possibly = possibly { $conns }
netpol-possibly-also = { $definite } (possibly also { $conns })
netpol-depends-on-labels = depends on labels of namespace { $namespaces } not in the input
netpol-host-network-note = note: { $workload } runs on the host network, and NetworkPolicies do not select host-network pods (Kubernetes leaves them to the network plugin; most treat their traffic as the node's), so it is shown unrestricted
netpol-matrix-all = all
netpol-matrix-head = from \ to
netpol-no-workload = no workload `{ $name }` in the input (write namespace/name[Kind], an address or a CIDR)
netpol-ambiguous = `{ $name }` is ambiguous: { $candidates }
netpol-bad-port = `{ $value }` is not PORT or PORT/PROTOCOL
netpol-port-is-path = { $message }; to read `{ $path }`, name it with `-f { $path }`
netpol-bad-protocol = `{ $value }` is not TCP, UDP or SCTP
netpol-focus-not-workload = --focus `{ $value }` must name a workload
netpol-policy-ignored = { $object } is ignored: { $why } ({ $path })
netpol-direction-ingress = ingress
netpol-direction-egress = egress
netpol-side = { $direction } of { $who }
netpol-side-outside = { $side }: outside the cluster, not governed by NetworkPolicy
netpol-side-host-network = { $side }: runs on the host network, and NetworkPolicies do not select host-network pods (Kubernetes leaves them to the network plugin; most treat their traffic as the node's), so it is shown unrestricted: { $conns }
netpol-side-not-isolated = { $side }: not isolated (no NetworkPolicy governing { $direction } selects it): { $conns }
netpol-side-isolated = { $side }: isolated by { $policies }
netpol-side-no-rules = no { $direction } rules: nothing allowed
netpol-side-allows = { $direction } allows: { $conns }
netpol-rule-named-ports-none = matches, but its named ports resolve to nothing here
netpol-rule-allows = allows { $conns }
netpol-rule-possibly-allows = possibly allows { $conns } (namespace labels not in the input)
netpol-rule-no-match = does not match this peer
netpol-no-source = no source
netpol-verdict = verdict: { $port } { $verdict }
netpol-verdict-allowed = allowed
netpol-verdict-possibly = possibly allowed: depends on labels of namespace { $namespaces } not in the input
netpol-verdict-blocked = blocked by { $by }
comma-list = { $first }, { $second }

# Command-line parse errors (clap's own English is shown in English).
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-invalid-subcommand = unrecognized subcommand '{ $name }'
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-value-required = a value is required for '{ $arg }' but none was supplied
clap-possible-values = [possible values: { $values }]
clap-missing-required = the following required arguments were not provided:
clap-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
clap-subcommands = [subcommands: { $values }]
clap-conflict = the argument '{ $arg }' cannot be used with { $other }
clap-conflict-repeated = the argument '{ $arg }' cannot be used multiple times
clap-conflict-others = one or more of the other specified arguments
clap-no-equals = equal sign is needed when assigning values to '{ $arg }'
clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-wrong-number-of-values = { $expected } values required for '{ $arg }' but { $actual } were provided
clap-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
clap-similar-subcommand = a similar subcommand exists: { $names }
clap-similar-argument = a similar argument exists: { $names }
clap-similar-value = a similar value exists: { $names }
clap-tip-as-value = to pass '{ $arg }' as a value, use '-- { $arg }'
clap-tip = tip: { $tip }
clap-usage = Usage:
clap-more-information = For more information, try '--help'.
help-subcommand = Print this message or the help of the given subcommand(s)
help-possible-values-heading = Possible values:
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-commands = Commands
help-default = [default: { $value }]
help-possible-values = [possible values: { $values }]

# `ladrillo init`: problems with the request.
init-flag = { $flag }: { $message }
init-name-required = --name is required (the cluster name, e.g. --name mi-cluster)
init-region-required = --region is required (e.g. --region us-east-1)
init-not-a-region = --region `{ $region }` is not an AWS region name (expected e.g. us-east-1, eu-west-3)
init-unknown-version = --version `{ $version }` is not a Kubernetes version ladrillo can generate for (known: { $known })
init-newer-ladrillo = a newer ladrillo
init-version-left-extended = --version { $version } left EKS extended support on { $date }; use { $current }
init-version-left-standard = --version { $version } left EKS standard support on { $date }; use { $current }, or add --extended-support to accept extended support (charged extra per cluster hour, until { $until })
init-zone-not-of-region = --zones: `{ $zone }` is not an availability zone of region `{ $region }`
init-given-twice = { $flag }: `{ $value }` is given twice
init-zones-two = --zones needs at least two availability zones, for nodes that survive a zone outage
init-min-above-desired = --nodes-min ({ $min }) is above --nodes ({ $desired }): keep min ≤ desired ≤ max
init-desired-above-max = --nodes ({ $desired }) is above --nodes-max ({ $max }): keep min ≤ desired ≤ max
init-max-zero = --nodes-max must be at least 1
init-max-too-large = --nodes-max ({ $max }) is above the 1000 nodes a managed node group can hold
init-instance-types-without-spot = --instance-types is for spot node groups: add --spot, or use --node-type
init-node-type-and-instance-types = give either --node-type or --instance-types, not both
init-unknown-architecture = { $flag }: the CPU architecture of `{ $instance }` is not in ladrillo's instance table (data/instance-vcpus.tsv) and the node group's AMI depends on it; choose another type
init-mixed-architectures = --instance-types mixes arm64 (Graviton) and x86_64 types ({ $types }); one node group runs one architecture
init-spot-two-types = --spot needs at least two instance types (--instance-types m5.large,m5a.large) so one interruption does not take every node
init-unknown-instance-type = { $flag }: `{ $instance }` is not a known EC2 instance type
init-unknown-instance-type-suggest = { $flag }: `{ $instance }` is not a known EC2 instance type (did you mean { $suggestions }?)
init-private-with-cidrs = --private has no public endpoint: drop --public-access-cidrs
init-private-eu-south-1 = --private: eksctl does not support fully private clusters in eu-south-1
init-choose-endpoint = choose how you will reach the API server: --public-access-cidrs YOUR_CIDRS (a public endpoint open only to your ranges; nodes use the private one) or --private (a fully private cluster, reached from inside the VPC). eksctl cannot create a cluster whose only endpoint is private otherwise
init-bad-account-id = --account-id `{ $value }` is not a 12-digit AWS account id
init-tag-size = --tags: `{ $key }={ $value }` needs a key of 1–128 and a value of 0–256 characters
init-tag-reserved = --tags: `{ $key }` uses the reserved prefix aws:
init-too-many-tags = --tags: at most 40 tags (AWS allows 50 and eksctl adds its own)
init-tag-not-key-value = --tags: `{ $value }` is not key=value
init-bad-name = `{ $name }` is not a valid name: start with a letter, then letters, digits and hyphens (at most 100)
init-cidr-not-cidr = `{ $cidr }` is not a CIDR (a.b.c.d/n)
init-cidr-not-ipv4 = `{ $cidr }` is not an IPv4 CIDR
init-cidr-bad-prefix = `{ $cidr }` has an invalid prefix length
init-cidr-too-wide = `{ $cidr }` opens the API endpoint to a large part of the internet; use your own ranges
init-cidr-host-bits = `{ $cidr }` has host bits set; write the network address
init-cidr-not-public = `{ $cidr }` is not a public address range, so nothing in it can reach a public endpoint; give the public addresses you connect from, or use --private to reach the cluster from inside the VPC
init-not-kms-arn = `{ $arn }` is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)
init-kms-region = the key is in { $key_region }, but EKS needs a key in the cluster's region { $region }
init-not-role-arn = `{ $arn }` is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)
init-not-namespace = `{ $name }` is not a namespace name (lowercase letters, digits and hyphens)
init-reserved-namespace = `{ $name }` is reserved; application namespaces must be your own

# `ladrillo init`: what it did.
init-hardened = hardened { $file }:
init-wrote = wrote { $count } files to { $dir }
init-placeholder-account = the AWS account id { $account } is a placeholder: rerun with --account-id
init-next = next: read { $readme }

# A text shown as written, where a message is expected.
as-written = { $text }

# Values the command line refuses.
arg-pss-level = must be one of privileged, baseline, restricted
arg-pss-version = must be "latest" or "v1.x"
pss-version-newer = Pod Security version { $version } is newer than { $newest }, the newest ladrillo knows: it is evaluated as { $newest }, as the admission controller evaluates a version newer than its own
pss-release-newer = Kubernetes { $release } is newer than { $newest }, the newest release whose Pod Security checks ladrillo knows: its checks are evaluated as those of { $newest }
arg-kubernetes-version = must be a Kubernetes release such as 1.30
arg-whole-number-range = must be a whole number from { $min } to { $max }
arg-whole-number-min = must be a whole number of { $min } or more
glob-invalid = invalid glob `{ $glob }`: { $reason }
glob-too-long = invalid glob: longer than { $max } characters
glob-too-many-wildcards = invalid glob: more than { $max } wildcards
glob-unclosed-class = a character class opened with `[` is not closed with `]`
glob-invalid-range = the character range `{ $from }-{ $to }` runs backwards
glob-unopened-alternates = a `{ "}" }` closes no `{ "{" }`
glob-unclosed-alternates = a `{ "{" }` is not closed with `{ "}" }`
glob-nested-too-deep = the `{ "{" }…{ "}" }` alternatives are nested too deeply
glob-dangling-escape = it ends with a `\` that escapes nothing
glob-other = { $detail }

# `ladrillo init`: writing the bundle.
bundle-cannot-read = cannot read { $path }: { $reason }
bundle-cannot-create = cannot create { $path }: { $reason }
bundle-cannot-open = cannot open { $path }: { $reason }
bundle-cannot-write = cannot write { $path }: { $reason }
bundle-out-is-link = { $path } is a symbolic link; give the directory itself as --out (init never writes through links)
bundle-out-not-dir = { $path } exists and is not a directory
bundle-out-not-empty = { $path } is not empty; choose another --out, or add --force to overwrite the bundle's files there (nothing else is touched)
bundle-link-inside = { $path } is a symbolic link; init never writes through links inside --out: remove it, or choose another --out
bundle-needs-dir = { $path } is not a directory; the bundle needs one there
bundle-needs-file = { $path } is a directory; the bundle needs a file there
bundle-not-regular = { $path } is not a regular file

# `--output` would overwrite an input.
output-would-overwrite = { $output } would overwrite { $what }; choose another file
output-same-file = { $first } and { $second } name the same file, { $path }: one would overwrite the other; choose another file
output-overwrites-stdin = standard input, which is the same file
output-overwrites-input = the input { $path }
output-overwrites-config = the config { $path }
output-overwrites-input-in = an input in { $path }
output-overwrites-same-file = the input { $path }, which is the same file

# `ladrillo rbac`: subjects and verbs.
rbac-mapped-by = { $principal } (mapped by { $source })
rbac-arn-not-mapped = IAM principal `{ $principal }` is not mapped by any aws-auth entry in the inputs
rbac-unknown-verb = `{ $verb }` is not a verb Kubernetes defines; only rules that name it or `*` match
rbac-subject-form = subject `{ $subject }` must be written User:NAME, Group:NAME or ServiceAccount:NAMESPACE/NAME
rbac-subject-sa-namespace = ServiceAccount subject `{ $subject }` must name its namespace: ServiceAccount:NAMESPACE/NAME
rbac-subject-kind = unknown subject kind `{ $kind }` in `{ $subject }`; use User, Group or ServiceAccount
rbac-subject-empty-name = subject `{ $subject }` has an empty name
rbac-subject-empty-namespace = subject `{ $subject }` has an empty namespace
rbac-empty-verb = the verb is empty
rbac-empty-namespace = the namespace is empty
rbac-empty-name = the object name is empty
rbac-resource-form = resource `{ $resource }` must be RESOURCE or RESOURCE/SUBRESOURCE
rbac-unknown-resource = unknown resource `{ $resource }`; name a built-in resource in the plural (`pods`) or write RESOURCE.GROUP (`widgets.example.com`)
rbac-resource-empty = resource `{ $resource }` has an empty name
rbac-unknown-resource-input = unknown resource `{ $resource }`: not built-in, and no Role, ClusterRole or CustomResourceDefinition in the input names it; write RESOURCE.GROUP (`{ $resource }.example.com`)

# `init --from`: what hardening an eksctl file changed, and why.
init-from-no-cluster-config = { $file }: no eksctl ClusterConfig (apiVersion: eksctl.io/v1alpha5) found
init-from-several = { $file }: { $count } eksctl ClusterConfigs found; give a file with the one to harden
init-from-not-a-number = { $key }: { $value } is not a number of nodes
init-from-version-unsupported = metadata.version: { $version } → { $default } (ladrillo generates for versions in EKS standard support, guide:G2.1)
init-from-version-unset = metadata.version: unset → { $default } (pin a supported version; add-ons are pinned to it, guide:G2.1)
init-from-endpoint-choice = open only to the ranges given with --public-access-cidrs, or a fully private cluster with --private (CIS 5.4.1, 5.4.2; guide:G5.4)
init-from-private-endpoint-only = vpc.clusterEndpoints: private endpoint only, which eksctl cannot create outside a fully private cluster → { $choice }
init-from-public-endpoint-open = vpc.clusterEndpoints: public endpoint open to { $cidrs } → { $choice }
init-from-default-cidr = 0.0.0.0/0 (the default)
init-from-private-access = vpc.clusterEndpoints.privateAccess: → true, keeping the public endpoint for the given CIDRs (CIS 5.4.2)
init-from-secrets = secretsEncryption: none → a customer KMS key with rotation (CIS 5.3.1, guide:G4.6)
init-from-logs = cloudWatch.clusterLogging.enableTypes: [{ $types }] → all five types, kept 365 days (CIS 2.1.1, 2.1.2; guide:G5.2)
init-from-oidc = iam.withOIDC: false → true, with one IRSA role per workload (guide:G3.2, CIS 5.2.1)
init-from-auth-mode = accessConfig.authenticationMode: { $mode } → API, access entries instead of aws-auth (CIS 4.1.7, guide:G4.2)
init-from-default-auth-mode = API_AND_CONFIG_MAP (the default)
init-from-creator-admin = accessConfig.bootstrapClusterCreatorAdminPermissions: true → false, admins by explicit access entry (CIS 4.1.1)
init-from-aws-auth = iamIdentityMappings: dropped; the aws-auth ConfigMap is replaced by access entries (guide:G4.2)
init-from-self-managed = nodeGroups: self-managed → managedNodeGroups, updated and drained by EKS (guide:G5.1)
init-from-first-node-group = node groups: only the first of { $count } is carried over; add the others with the same settings
init-from-spot = spot: true with fewer than two instance types → on-demand (one interruption would take every node, guide:G5.6)
init-from-node-setting = node group { $name }: { $field }: { $what }
init-from-private-networking = false → true, nodes in private subnets (CIS 5.4.3)
init-from-volume-encrypted = unset → true, encrypted gp3 root volumes (guide:G4.7)
init-from-imdsv1 = false → true, IMDSv2 only (guide:G3.2)
init-from-pod-imds = false → true, pods cannot take the node's role (guide:G3.2)
init-from-ssh = true → false, SSM instead of SSH
