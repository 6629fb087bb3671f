#!/usr/bin/env bash
# Times `ladrillo audit-log` on generated EKS audit logs of growing size, on one core, and records
# throughput and peak memory, to show that memory stays flat as the log grows.
#
#   bench/audit.sh                     # sizes 256M and 2G (SIZES="256M 2G")
#
# Environment (all optional): SIZES ("256M 2G"), SEED (42), LADRILLO_BIN (use this binary, skip
# the build), OUT (bench/out/audit). The logs are generated with bench/gen_audit.py (not committed;
# 2 GB takes about a minute and the disk space). Needs python3, GNU time at /usr/bin/time, taskset.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=${OUT:-bench/out/audit}
SIZES=${SIZES:-256M 2G}
SEED=${SEED:-42}
mkdir -p "$OUT"
[ -x /usr/bin/time ] || { echo "error: GNU time is needed at /usr/bin/time" >&2; exit 2; }

BIN=${LADRILLO_BIN:-}
if [ -z "$BIN" ]; then
  cargo build --release --locked >&2
  BIN=${CARGO_TARGET_DIR:-target}/release/ladrillo
fi

printf '| size | events | wall s | events/s | MB/s | peak RSS MB | alerts |\n|---|---|---|---|---|---|---|\n'
for size in $SIZES; do
  log=$OUT/audit-$size.jsonl
  if [ ! -f "$log" ]; then
    python3 bench/gen_audit.py --size "$size" --seed "$SEED" --out "$log" >"$OUT/corpus-$size.json"
  fi
  events=$(wc -l <"$log")
  bytes=$(stat -c %s "$log")
  # Warm the page cache so the disk is not what is measured.
  cat "$log" >/dev/null
  taskset -c 0 /usr/bin/time -f '%e %M' -o "$OUT/time-$size.txt" \
    "$BIN" audit-log --no-config --format jsonl --fail-on none "$log" -o "$OUT/alerts-$size.jsonl" \
    2>"$OUT/stderr-$size.txt"
  read -r wall rss_kb <"$OUT/time-$size.txt"
  alerts=$(wc -l <"$OUT/alerts-$size.jsonl")
  awk -v s="$size" -v e="$events" -v b="$bytes" -v w="$wall" -v r="$rss_kb" -v a="$alerts" 'BEGIN {
    printf "| %s | %d | %.1f | %.0f | %.0f | %.1f | %d |\n", s, e, w, e / w, b / w / 1e6, r / 1024, a }'
done
