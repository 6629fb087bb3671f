#!/usr/bin/env bash
# bench/webhook_switches.sh — what one review costs the server, apart from the machine's load:
# CPU time and thread context switches per review, and the server's threads, over 2,000 reviews
# of bench/webhook/*.json (500 of each) sent at 400 req/s in all, one connection per review kind.
# The server is pinned to CPU 0 and `hey` to CPU 1, as in bench/webhook.sh; figures in
# docs/performance.md.
#
#   bench/webhook_switches.sh [path/to/ladrillo]   # default: the release build (cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18453}
for tool in hey taskset; do
  command -v "$tool" >/dev/null || { echo "bench/webhook_switches.sh needs $tool (apt-get install hey util-linux)"; exit 2; }
done
if [[ -n ${1:-} ]]; then
  BIN=$1
else
  cargo build --release --quiet
  BIN=${CARGO_TARGET_DIR:-target}/release/ladrillo
fi
WORK=$(mktemp -d)
PID=
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
"$BIN" webhook certs --out "$WORK/certs" --namespace bench >/dev/null
taskset -c 0 "$BIN" webhook --listen "127.0.0.1:$PORT" --no-namespace-watch \
  --tls-cert "$WORK/certs/tls.crt" --tls-key "$WORK/certs/tls.key" \
  --config bench/webhook/ladrillo.yaml 2>/dev/null &
PID=$!
for _ in $(seq 100); do
  curl -skf "https://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
REVIEWS=(pod-ok pod-denied deployment-ok deployment-denied)
send() { # $1 requests per review, $2 req/s per review
  local pids=()
  for r in "${REVIEWS[@]}"; do
    taskset -c 1 hey -n "$1" -c 1 -q "$2" -host localhost -m POST -T application/json \
      -D "bench/webhook/$r.json" "https://127.0.0.1:$PORT/validate" >/dev/null &
    pids+=($!)
  done
  wait "${pids[@]}"
}
# Sums over every thread of the server: CPU ticks, voluntary and involuntary switches.
totals() {
  local ticks=0 vol=0 invol=0 threads=0
  for t in /proc/"$PID"/task/*; do
    threads=$(( threads + 1 ))
    ticks=$(( ticks + $(awk '{print $14 + $15}' "$t/stat") ))
    vol=$(( vol + $(awk '/^voluntary_ctxt_switches/ {print $2}' "$t/status") ))
    invol=$(( invol + $(awk '/^nonvoluntary_ctxt_switches/ {print $2}' "$t/status") ))
  done
  echo "$threads $ticks $vol $invol"
}
send 10 100 # warm-up: the thread pools exist before counting
read -r _ t0 v0 i0 < <(totals)
send 500 100
read -r threads t1 v1 i1 < <(totals)
awk -v t="$(( t1 - t0 ))" -v v="$(( v1 - v0 ))" -v i="$(( i1 - i0 ))" -v tick="$(getconf CLK_TCK)" \
  -v threads="$threads" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "2000 reviews: CPU/review %.0f us, context switches/review %.2f (%.2f voluntary), server threads %d, load average %s\n",
    t / tick / 2000 * 1e6, (v + i) / 2000, v / 2000, threads, load }'
