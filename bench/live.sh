#!/usr/bin/env bash
# Times `ladrillo scan --cluster` against the loopback Kubernetes API server of tests/live.rs
# (examples/live_apiserver.rs) serving generated corpora of growing size: wall time, CPU time and
# peak RSS of the scan (TLS, paging by 500, JSON parsing, loading, rules, report).
#
#   bench/live.sh                       # OBJECTS="1000 10000 50000"
#   OBJECTS=10000 RUNS=5 bench/live.sh
#
# Environment (all optional): OBJECTS, RUNS (3; the median wall time is reported, the run with it
# gives the other columns), SEED (7), OUT (bench/out/live), LADRILLO_BIN and LIVE_SERVER (a
# ladrillo binary and a live_apiserver example already built: both skip the build, to time
# another build than the worktree's). Corpora come from bench/gen_corpus.py.
# Writes OUT/results.md and prints it. Needs python3 and GNU time at /usr/bin/time.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=${OUT:-bench/out/live}
OBJECTS=${OBJECTS:-1000 10000 50000}
RUNS=${RUNS:-3}
SEED=${SEED:-7}
mkdir -p "$OUT"
[ -x /usr/bin/time ] || { echo "error: GNU time is needed at /usr/bin/time" >&2; exit 2; }

TARGET=${CARGO_TARGET_DIR:-target}/release
if [ -z "${LADRILLO_BIN:-}" ] || [ -z "${LIVE_SERVER:-}" ]; then
  cargo build --release --locked --bin ladrillo --example live_apiserver >&2
fi
BIN=${LADRILLO_BIN:-$TARGET/ladrillo}
SERVER=${LIVE_SERVER:-$TARGET/examples/live_apiserver}

results=$OUT/results.md
{
  echo "| objects | runs | wall s (median) | CPU s | peak RSS MB | objects scanned | load avg |"
  echo "|---|---|---|---|---|---|---|"
} >"$results"
for n in $OBJECTS; do
  corpus=$OUT/corpus-$n
  [ -d "$corpus" ] || python3 bench/gen_corpus.py --objects "$n" --seed "$SEED" --out "$corpus" >/dev/null
  # The server lives as long as its standard input (a FIFO held open here).
  fifo=$OUT/server-$n.in
  rm -f "$fifo"; mkfifo "$fifo"
  "$SERVER" "$corpus" <"$fifo" >"$OUT/server-$n.out" &
  server=$!
  exec 3>"$fifo"
  until [ -s "$OUT/server-$n.out" ]; do sleep 0.1; done
  kubeconfig=$(head -1 "$OUT/server-$n.out")
  rows=()
  for run in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/time-$n-$run" \
      "$BIN" scan --cluster --kubeconfig "$kubeconfig" --no-config --fail-on none --format json \
      -o "$OUT/report-$n.json"
    read -r wall user sys rss < <(tail -1 "$OUT/time-$n-$run")
    rows+=("$wall $(echo "$user + $sys" | bc) $((rss / 1024))")
  done
  exec 3>&-
  wait "$server" || true
  rm -f "$fifo"
  median=$(printf '%s\n' "${rows[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
  read -r wall cpu rss <<<"$median"
  scanned=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['objects'])" "$OUT/report-$n.json")
  echo "| $n | $RUNS | $wall | $cpu | $rss | $scanned | $(cut -d' ' -f1 /proc/loadavg) |" >>"$results"
done
cat "$results"
