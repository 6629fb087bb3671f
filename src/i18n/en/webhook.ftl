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
