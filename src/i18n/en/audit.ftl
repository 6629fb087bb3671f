# `ladrillo audit-log`: alert messages (src/rules/audit/), notes and the text report
# (src/audit/report.rs). JSON and JSON lines keep the English texts and their field names.

## Who made a request.
audit-user = user "{ $name }"
audit-user-anonymous = the anonymous user
audit-user-unauthenticated = an unauthenticated user
audit-unknown-principal = an unknown principal
audit-generated-name = (generated name)

## Alert messages, one or more per detection.
audit-exec = { $user } ran a command in pod { $ns }/{ $pod }
audit-attach = { $user } attached to pod { $ns }/{ $pod }
audit-port-forward = { $user } opened a port-forward to pod { $ns }/{ $pod }
audit-cp-out = { $user } copied files out of pod { $ns }/{ $pod }
audit-cp-in = { $user } copied files into pod { $ns }/{ $pod }
audit-token-read = { $user } read { $path } in pod { $ns }/{ $pod }
audit-workload-written = { $user } wrote { $kind } { $ns }/{ $name }: { $what }
audit-pss-violation = { $user } wrote { $kind } { $ns }/{ $name }, which violates PodSecurity "{ $policy }": { $reasons }
audit-admin-role-bound = { $user } bound ClusterRole { $role } through { $kind } { $binding }
audit-system-role = { $user } { $verb ->
        [delete] deleted
       *[other] changed
    } built-in { $kind } { $name }
audit-anonymous-allowed = an anonymous request was allowed: { $target }
audit-secrets-listed = { $user } read the Secrets of every namespace ({ $verb })
audit-bulk-secret-read = { $user } read { $count } distinct secrets (or namespaces of secrets) within { $window }
audit-secret-denied-burst = { $user } was refused access to secrets { $count } times within { $window }
audit-forbidden-burst = { $public ->
        [yes] public address
       *[no] address
    } { $ip } was refused { $count } times within { $window }
audit-cluster-principal-public = cluster principal { $user } called the API from public address { $ip }
audit-system-namespace-public = { $user } reached namespace { $ns } from public address { $ip } ({ $verb } { $resource })
audit-sa-token = { $user } requested a token for service account { $ns }/{ $sa }
audit-csr-approved = { $user } approved client certificate request { $name } ({ $signer })
audit-cron-job = { $user } { $verb ->
        [create] created
       *[other] changed
    } CronJob { $ns }/{ $name }
audit-daemon-set = { $user } { $verb ->
        [create] created
       *[other] changed
    } DaemonSet { $ns }/{ $name }
audit-kube-system-created = { $user } created { $resource } kube-system/{ $name }
audit-webhook-changed = { $user } { $verb ->
        [create] created
        [delete] deleted
       *[other] changed
    } { $kind } { $name }
audit-node-port = { $user } exposed Service { $ns }/{ $name } as a NodePort
audit-ingress-without-tls = { $user } wrote Ingress { $ns }/{ $name } without TLS
audit-aws-auth = { $user } { $verb ->
        [create] created
        [delete] deleted
       *[other] changed
    } the aws-auth ConfigMap
audit-access-entry = { $who } { $call ->
        [CreateAccessEntry] created an access entry
        [UpdateAccessEntry] changed an access entry
        [DeleteAccessEntry] deleted an access entry
        [AssociateAccessPolicy] associated an access policy
       *[DisassociateAccessPolicy] disassociated an access policy
    } for { $principal } in cluster { $cluster }{ $policy }
audit-attack-tool = a request from attack tool { $tool } was { $outcome ->
        [allowed] allowed
       *[refused] refused
    }: { $what }
audit-dangerous-role = { $user } wrote { $kind } { $name } granting { $grants }
audit-grant-every-verb = every verb (`*`)
audit-grant-every-resource = every resource (`*`)
audit-grant-verb = the `{ $verb }` verb

## Notes under an alert.
audit-note-system-namespace = { $ns } runs the cluster's own components
audit-note-command = command: { $command }
audit-note-tar = tar arguments: { $args }
audit-note-images = images: { $images }
audit-note-pss-enforced = the namespace enforces PodSecurity "{ $policy }"
audit-note-subjects = subjects: { $subjects }
audit-note-authorized-by = authorized by: { $reason }
audit-note-masters = the new mappings grant the system:masters group
audit-note-last-one = the last one: { $item }
audit-note-requested-groups = requested groups: { $groups }
audit-note-ports = ports: { $ports }

## The text report.
audit-label-time = time
audit-label-audit-id = audit ID
audit-label-user = user
audit-label-role = role
audit-label-session = session
audit-label-impersonating = impersonating
audit-label-source = source
audit-label-user-agent = user agent
audit-label-request = request
audit-label-note = note
audit-label-help = help
audit-item = { $place } (item { $item })
audit-target-in = { $resource } in { $ns }
audit-summary = { $alerts ->
        [one] { $alerts } alert
       *[other] { $alerts } alerts
    }{ $by } from { $analysed ->
        [one] { $analysed } event
       *[other] { $analysed } events
    } analysed of { $read } read in { $inputs ->
        [one] { $inputs } input
       *[other] { $inputs } inputs
    }
audit-summary-suppressed = { $count } about trusted users or namespaces
audit-summary-outside = { $count } outside the time range
audit-summary-malformed = { $count ->
        [one] { $count } malformed record
       *[other] { $count } malformed records
    }
audit-summary-other-streams = { $count ->
        [one] { $count } log event of another stream
       *[other] { $count } log events of other streams
    }
audit-not-evaluated = { $rule } { $name } could not evaluate { $count ->
        [one] { $count } event: the audit policy logged it
       *[other] { $count } events: the audit policy logged them
    } below level { $level }

## Lists of texts, each item in the reader's language.
audit-join-semicolon = { $first }; { $rest }
audit-join-comma = { $first }, { $rest }
audit-one = { $item }

## The command line.
audit-more-errors = … and { $count ->
        [one] { $count } more input error
       *[other] { $count } more input errors
    }
audit-jsonl-summary = { $alerts ->
        [one] { $alerts } alert
       *[other] { $alerts } alerts
    } from { $analysed ->
        [one] { $analysed } analysed event
       *[other] { $analysed } analysed events
    } of { $read } read; { $malformed ->
        [one] { $malformed } malformed record
       *[other] { $malformed } malformed records
    }

# Reading an audit log: problems with an input or one of its records.
audit-cannot-open = cannot open: { $reason }
audit-is-a-directory = is a directory
audit-cannot-read = cannot read: { $reason }
audit-cannot-decompress = cannot decompress: { $reason }
audit-line-too-long = line longer than { $mib } MiB; skipped
audit-record-too-large = record larger than { $mib } MiB; skipped
audit-expected-found = expected { $what }, found `{ $found }`
audit-expected = expected { $what }
audit-expected-end = unexpected end of input; expected { $what }
audit-end-in-string = unexpected end of input inside a string
audit-end-in-container = unexpected end of input inside an object or array
audit-token-key = a key
audit-token-value = a value
audit-token-colon = `:`
audit-token-comma-bracket = `,` or `]`
audit-token-comma-brace = `,` or `{ "}" }`
audit-token-document = a JSON object or array
audit-no-events = no Kubernetes audit events or CloudTrail events found
audit-record-item = item { $item }: { $message }
audit-nested-too-deep = envelopes nested too deeply
audit-not-utf8 = not UTF-8
audit-not-json-record = not a JSON record
audit-invalid-base64 = invalid base64: { $reason }
audit-payload-too-large = decompressed record larger than { $mib } MiB
audit-malformed-json = malformed JSON: { $detail } (column { $column })

# JSON syntax errors.
json-eof-list = EOF while parsing a list
json-eof-object = EOF while parsing an object
json-eof-string = EOF while parsing a string
json-eof-value = EOF while parsing a value
json-expected-colon = expected `:`
json-expected-comma-bracket = expected `,` or `]`
json-expected-comma-brace = expected `,` or `{ "}" }`
json-expected-ident = expected ident
json-expected-value = expected value
json-expected-quote = expected `"`
json-invalid-escape = invalid escape
json-invalid-number = invalid number
json-number-out-of-range = number out of range
json-invalid-code-point = invalid unicode code point
json-control-character = control character (\u0000-\u001F) found while parsing a string
json-key-not-string = key must be a string
json-lone-surrogate = lone leading surrogate in hex escape
json-trailing-comma = trailing comma
json-trailing-characters = trailing characters
json-end-of-hex-escape = unexpected end of hex escape
json-recursion-limit = recursion limit exceeded
json-key-not-number = invalid value: expected key to be a number in quotes
json-parser-said = { $text }
