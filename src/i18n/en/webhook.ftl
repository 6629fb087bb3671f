# `ladrillo webhook`: admission responses and server errors.

webhook-malformed = malformed AdmissionReview: { $reason }
webhook-denied = ladrillo denied this { $kind }: { $count ->
    [one] 1 finding
   *[other] { $count } findings
} at or above { $threshold }
webhook-more = … and { $count } more
webhook-already-there = (already there before this update: not blocking)
webhook-invalid-mode-label = the namespace label { $label } has the invalid value `{ $value }`: enforce mode applies
webhook-cannot-load-certificate = cannot load the serving certificate: { $reason }
webhook-cannot-listen = cannot listen on { $address }: { $reason }
webhook-cannot-watch = cannot watch Namespaces (use --no-namespace-watch to run without their labels): { $reason }
webhook-file-exists = { $path } exists; ladrillo never overwrites a file: choose another --out
webhook-certs-written = wrote ca.crt, ca.key, tls.crt and tls.key to { $dir } for { $names }.
    Create the serving Secret:
    kubectl -n { $namespace } create secret tls { $secret } --cert={ $dir }/tls.crt --key={ $dir }/tls.key
    Put the CA in the webhook configuration (manifests with --no-cert-manager), as caBundle:
    base64 -w0 { $dir }/ca.crt
    Keep ca.key out of the cluster, or delete it.
