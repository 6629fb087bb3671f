# Reports: headings, labels and the summary line of `ladrillo scan`.

severity-critical = critical
severity-high = high
severity-medium = medium
severity-low = low
severity-info = info

label-note = note
label-help = help

report-title = ladrillo scan report
report-input-errors = Input errors
report-no-file = (no file)
report-object = object: { $object }
report-field = field: { $field }
report-not-set-here = `{ $field }` is not set here
report-suppressed-annotation = suppressed by annotation: { $reason }
report-suppressed-config = suppressed by config: { $reason }
report-line-column = line { $line }, column { $column }
report-rendered-helm = rendered from the Helm template { $source }
report-rendered-kustomize = rendered by kustomize from { $source }
report-fix = Fix: { $help }
report-help = help: { $help }
report-capacity = capacity: { $cluster }{ $file }, { $capacity }
report-input-note = note: { $at }: { $message }

# The summary line: `found 3 findings (critical: 1, high: 2) in 2 objects from 1 file`.
summary-no-findings = no findings
summary-found = found { $count ->
        [one] 1 finding
       *[other] { $count } findings
    } ({ $severities })
summary-severity-count = { $count } { $severity }
summary-in-objects = { $findings } in { $objects ->
        [one] 1 object
       *[other] { $objects } objects
    } from { $files ->
        [one] 1 file
       *[other] { $files } files
    }
summary-in-objects-clusters = { $findings } in { $objects ->
        [one] 1 object
       *[other] { $objects } objects
    } and { $clusters ->
        [one] 1 cluster
       *[other] { $clusters } clusters
    } from { $files ->
        [one] 1 file
       *[other] { $files } files
    }
summary-in-cluster = { $findings } in { $objects ->
        [one] 1 object
       *[other] { $objects } objects
    } of cluster { $cluster }
summary-not-evaluated = { $line }; not evaluated: { $kinds }
summary-suppressed = { $line }; { $count } suppressed
summary-skipped = { $line }; { $count ->
        [one] 1 document not a Kubernetes object
       *[other] { $count } documents not Kubernetes objects
    }
summary-patches = { $line }, { $count ->
        [one] 1 of them a kustomize patch
       *[other] { $count } of them kustomize patches
    }
summary-hidden = { $line }; { $count ->
        [one] 1 hidden path skipped
       *[other] { $count } hidden paths skipped
    } (--hidden reads them)
summary-default-excluded = { $line }; { $count ->
        [one] 1 directory
       *[other] { $count } directories
    } of other tools' test data skipped (testdata, __snapshots__; --no-default-excludes reads them)
summary-owned = { $line }; { $count ->
        [one] 1 Pod, ReplicaSet or Job left out
       *[other] { $count } Pods, ReplicaSets and Jobs left out
    }: their controller is in the input, and its findings stand for theirs
summary-in-baseline = { $line }; { $count ->
        [one] 1 finding
       *[other] { $count } findings
    } already in the baseline not shown
summary-below-min-severity = { $line }; { $count ->
        [one] 1 finding
       *[other] { $count } findings
    } below --min-severity not shown
summary-elided = { $line }; { $count ->
        [one] 1 more finding elided
       *[other] { $count } more findings elided
    } (over 10,000 of one rule in one file)
summary-errors = { $line }; { $count ->
        [one] 1 input error
       *[other] { $count } input errors
    }

# The HTML page and the Markdown summary.
report-html-summary = Summary
report-run = ladrillo { $version }
report-run-date = { $line } · scan date { $date }
report-run-paths = { $line } · scanned: { $paths }
report-html-by-severity = Findings by severity
report-html-severity = Severity
report-html-findings = Findings
report-html-no-findings = No findings.
report-html-rule = Rule
report-html-namespace = Namespace
report-html-no-namespace = (no namespace)
report-html-where = Where
report-html-message = Message
# The option that filters nothing; `$filter` is the filter's name (`severity`, `rule`,
# `namespace`), which Spanish needs to agree with it.
report-html-all = { $filter ->
       *[other] all
    }
report-html-filters = Filters
report-html-shown = { $shown } of { $total } shown
report-html-skip = Skip to the findings
report-md-more-findings = { $count ->
        [one] 1 more finding
       *[other] { $count } more findings
    }
report-md-not-shown = { $count ->
        [one] 1 more finding not shown
       *[other] { $count } more findings not shown
    } (GitHub comments hold { $limit } characters); run `ladrillo scan` for all of them.
report-md-more-controls = { $count ->
        [one] 1 more failed control not shown
       *[other] { $count } more failed controls not shown
    } (GitHub comments hold { $limit } characters); run `ladrillo report` for all of them.

# `ladrillo report --framework`: headings and statuses.
report-framework-heading = Compliance: { $framework }
report-framework-by-status = Controls by status
report-framework-status = Status
report-framework-controls = Controls
report-framework-control = Control
report-framework-title = Title
report-framework-details = Details
report-framework-score = { $percent }% of the { $decided } decided controls pass
report-framework-no-score = no control could be decided
report-status-pass = pass
report-status-fail = fail
report-status-not-applicable = not applicable
report-status-manual = manual
report-html-capacity = Node-group capacity
report-html-capacity-caption = Pods each node group can hold (nodes × VPC CNI max pods per node)
report-html-reachability = NetworkPolicy reachability
report-html-reachability-caption = Connections from each workload (row) to each workload or peer (column), as the NetworkPolicies allow them
report-html-reachability-note = Each cell says what the policies let the row's workload open to the column's: `all`, the ports and protocols, `-` for nothing, `?` before what depends on labels or namespaces not in the input. Ask why with `ladrillo netpol explain`.
report-html-reachability-too-large = { $endpoints } workloads and address ranges: the matrix is shown up to { $limit }; `ladrillo netpol reach` lists every connection.
report-html-escalation = RBAC escalation paths
report-html-escalation-caption = How each subject can gain more than its role grants: subject → binding → role → rule → what it yields (each is a finding below)
report-html-escalation-path = Path
report-html-escalation-more = { $count } more paths are among the findings below.
report-html-cluster = Cluster
report-html-node-group = Node group
report-html-file = File
report-html-frameworks = Framework scores
report-html-frameworks-caption = Controls of each framework, decided from this scan's findings
report-html-frameworks-note = A control passes only when every rule implementing it ran in this scan, on input the control is about, and found nothing; a control whose rules were not all selected counts as manual (not run). Each control with its findings and reasons: `ladrillo report --framework F PATH...`.
report-html-framework = Framework
report-html-share-passed = Share passed
