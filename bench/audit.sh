#!/usr/bin/env bash
# Times `ladrillo audit-log` on generated EKS audit logs of growing size, on one core, and records
# throughput (wall and CPU time) and peak memory, to show that memory stays flat as the log grows;
# then the physical floor on the same file: reading it line by line and parsing each line with
# serde_json into `IgnoredAny` (validation only) and into `serde_json::Value`
# (examples/json_floor.rs), and the CPU-time ratio of ladrillo to each.
#
#   bench/audit.sh                     # sizes 256M and 2G (SIZES="256M 2G")
#
# Environment (all optional): SIZES ("256M 2G"), SEED (42), LADRILLO_BIN (use this binary, skip
# the build), FLOOR_BIN (the same for examples/json_floor), OUT (bench/out/audit). The logs are generated with bench/gen_audit.py (not committed;
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
# Built apart from the binary: an example unifies features with the dev-dependencies.
FLOOR=${FLOOR_BIN:-}
if [ -z "$FLOOR" ]; then
  cargo build --release --locked --example json_floor >&2
  FLOOR=${CARGO_TARGET_DIR:-target}/release/examples/json_floor
fi
uptime

# cpu LABEL CMD...: runs CMD pinned to CPU 0; prints "wall cpu rss_kb".
cpu() {
  local t=$OUT/time-$1.txt
  shift
  taskset -c 0 /usr/bin/time -f '%e %U %S %M' -o "$t" "$@" >/dev/null 2>"${t%.txt}.stderr"
  awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 }' "$t"
}

printf '| size | events | wall s | events/s (wall) | CPU s | events/s (CPU) | MB/s (CPU) | peak RSS MB | alerts | CPU s IgnoredAny | CPU s Value | ladrillo / IgnoredAny | ladrillo / Value |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for size in $SIZES; do
  log=$OUT/audit-$size.jsonl
  if [ ! -f "$log" ]; then
    python3 bench/gen_audit.py --size "$size" --seed "$SEED" --out "$log" >"$OUT/corpus-$size.json"
  fi
  events=$(wc -l <"$log")
  bytes=$(stat -c %s "$log")
  # Warm the page cache so the disk is not what is measured.
  cat "$log" >/dev/null
  read -r wall cpu_s rss_kb < <(cpu "$size" "$BIN" audit-log --no-config --format jsonl --fail-on none "$log" \
    -o "$OUT/alerts-$size.jsonl")
  alerts=$(wc -l <"$OUT/alerts-$size.jsonl")
  read -r _ ignored _ < <(cpu "$size-ignored" "$FLOOR" ignored "$log")
  read -r _ value _ < <(cpu "$size-value" "$FLOOR" value "$log")
  awk -v s="$size" -v e="$events" -v b="$bytes" -v w="$wall" -v c="$cpu_s" -v r="$rss_kb" -v a="$alerts" \
    -v i="$ignored" -v v="$value" 'BEGIN {
    printf "| %s | %d | %.1f | %.0f | %.2f | %.0f | %.0f | %.1f | %d | %.2f | %.2f | %.1f | %.2f |\n",
      s, e, w, e / w, c, e / c, b / c / 1e6, r / 1024, a, i, v, c / i, c / v }'
done
uptime
