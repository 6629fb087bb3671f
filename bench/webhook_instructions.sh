#!/usr/bin/env bash
# bench/webhook_instructions.sh — instructions the server executes per review, counted by
# valgrind's callgrind: unlike CPU time, the count does not depend on the machine's load, so
# builds can be compared on a busy machine (figures in docs/performance.md). After a warm-up of
# ROUNDS_WARM rounds, the counters are zeroed, ROUNDS rounds of the four reviews of
# bench/webhook/ are sent over one keep-alive connection (curl), and the count is dumped.
#
#   bench/webhook_instructions.sh path/to/ladrillo                  # the rules
#   bench/webhook_instructions.sh path/to/ladrillo --always-allow   # the null server
#   ROUNDS=100 bench/webhook_instructions.sh path/to/ladrillo
#
# The callgrind file is kept (its path is printed) for `callgrind_annotate --inclusive=yes`.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:?usage: bench/webhook_instructions.sh path/to/ladrillo [server flags]}
shift
ROUNDS=${ROUNDS:-50}
ROUNDS_WARM=${ROUNDS_WARM:-5}
PORT=${PORT:-18497}
for tool in valgrind callgrind_control callgrind_annotate curl; do
  command -v "$tool" >/dev/null || { echo "bench/webhook_instructions.sh needs $tool (apt-get install valgrind curl)"; exit 2; }
done
WORK=$(mktemp -d)
OUT=$(mktemp /tmp/webhook-callgrind.XXXXXX)
PID=
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
"$BIN" webhook certs --out "$WORK/certs" --namespace bench >/dev/null
valgrind --tool=callgrind --callgrind-out-file="$OUT" "$BIN" webhook --listen "127.0.0.1:$PORT" \
  --no-namespace-watch --tls-cert "$WORK/certs/tls.crt" --tls-key "$WORK/certs/tls.key" \
  --config bench/webhook/ladrillo.yaml "$@" 2>"$WORK/server.log" &
PID=$!
for _ in $(seq 300); do
  curl -skf "https://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
# One curl for all the requests of a phase: they share one connection, as the API server's do.
send() { # $1 rounds
  local config="$WORK/curl.conf"
  : >"$config"
  for (( i = 0; i < $1; i++ )); do
    for r in pod-ok pod-denied deployment-ok deployment-denied; do
      [[ -s $config ]] && echo next >>"$config"
      printf 'url = "https://127.0.0.1:%s/validate"\nrequest = "POST"\nheader = "Content-Type: application/json"\ndata-binary = "@bench/webhook/%s.json"\noutput = "/dev/null"\ninsecure\nfail\n' "$PORT" "$r" >>"$config"
    done
  done
  curl -s -K "$config"
}
send "$ROUNDS_WARM"
callgrind_control -z "$PID" >/dev/null 2>&1
send "$ROUNDS"
callgrind_control -d "$PID" >/dev/null 2>&1
total=$(callgrind_annotate --inclusive=yes "$OUT".1 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
reviews=$(( ROUNDS * 4 ))
awk -v t="$total" -v n="$reviews" -v f="$OUT.1" 'BEGIN {
  printf "%d reviews: %.0f instructions per review (callgrind file %s)\n", n, t / n, f }'
