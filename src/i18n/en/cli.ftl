# The command line: errors and the texts of `rules` and `explain`.

error = error: { $message }
unknown-language = unknown language `{ $value }` (accepted: { $accepted })
cannot-write = cannot write { $what }: { $reason }
cannot-write-output = cannot write output: { $reason }
standard-output = standard output
empty-rule-name-flag = empty rule name in --{ $flag } (see `ladrillo rules`)
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
explain-run-by = Run by: ladrillo audit-log (audit policy level needed: { $level })
