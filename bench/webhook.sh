#!/usr/bin/env bash
# bench/webhook.sh — `ladrillo webhook` on 127.0.0.1 under load (figures in docs/performance.md).
#
# The server is pinned to CPU 0, the load generator (`oha` when installed, else `hey`) to CPU 1. The mix
# is bench/webhook/*.json: a Pod and a Deployment review that pass the default rules and a Pod and
# a Deployment review that are denied (50/50), sent over HTTPS keep-alive at a fixed rate for
# DURATION seconds, for each RATE; then `wrk` (Debian package `wrk`) finds the most requests per
# second in a closed loop. The same runs against `--always-allow` (the same TLS, HTTP and body
# handling, no rules) give the floor. Reported: p50/p99/p999 latency as the client measures it,
# errors (non-200 or failed requests), achieved rate, server CPU per request, RSS, and the load
# average before and after each run (the machine may be shared).
#
#   bench/webhook.sh                   # 1,000 and 5,000 req/s, 60 s each
#   RATES="1000" DURATION=10 bench/webhook.sh
#   SOAK=600 bench/webhook.sh          # also: RSS every 30 s over a 600 s run at 1,000 req/s
#   LADRILLO_BIN=/path/to/ladrillo bench/webhook.sh   # a binary already built (no cargo build)
#   ARRIVALS=bursts bench/webhook.sh   # requests in bursts, as runs before 2026-12-06 sent them
#   NULL=0 bench/webhook.sh            # the rules only, without the null server's runs
#   CLOSED=0 bench/webhook.sh          # without the closed-loop runs (wrk)
#   CLIENT=hey bench/webhook.sh        # the fixed-rate client: oha (default when on PATH) or hey
#   MODES=null bench/webhook.sh        # the null server only (the client's floor)
#
# Client: `oha` (crates.io: `cargo install oha --locked`) is an open-loop generator: one ticker
# per process sends at the target rate whichever connection is free, and `--latency-correction`
# measures each request from when it was due, so a request held up behind a slow one counts its
# wait. Its null-server floor is lower than that of 40 `hey` processes (docs/performance.md). With
# oha, each review kind is one process of CLIENTS/4 connections at RATE/4 req/s, the four started
# 1/RATE s apart, so the requests arrive evenly spread; ARRIVALS does not apply. Without oha on
# PATH (or with CLIENT=hey), hey runs as described next.
#
# Arrivals: `hey -q` paces each of its workers with its own ticker, and a process starts all its
# workers at once, so the requests of one process leave together. By default (ARRIVALS=paced)
# each of CLIENTS (40) connections is a `hey` process of its own at RATE/CLIENTS req/s, started
# 1/RATE s after the previous one: the requests arrive evenly spread, as independent API server
# requests do. ARRIVALS=bursts runs four `hey` processes of 10 connections each, started
# together: CLIENTS requests arrive at once every CLIENTS/RATE s (40 every 40 ms at 1,000 req/s),
# and the last of each burst waits for the 39 before it.
set -euo pipefail
cd "$(dirname "$0")/.."
RATES=${RATES:-"1000 5000"}
DURATION=${DURATION:-60}
SOAK=${SOAK:-0}
PORT=${PORT:-18443}
ARRIVALS=${ARRIVALS:-paced}
CLIENTS=${CLIENTS:-40}
NULL=${NULL:-1}
CLOSED=${CLOSED:-1}
CLIENT=${CLIENT:-auto}
if [[ $CLIENT == auto ]]; then
  CLIENT=hey; command -v oha >/dev/null && CLIENT=oha
fi
[[ $CLIENT == oha || $CLIENT == hey ]] || { echo "CLIENT must be oha or hey, not $CLIENT"; exit 2; }
[[ $ARRIVALS == paced || $ARRIVALS == bursts ]] || { echo "ARRIVALS must be paced or bursts, not $ARRIVALS"; exit 2; }
(( CLIENTS > 0 && CLIENTS % 4 == 0 )) || { echo "CLIENTS must be a positive multiple of 4, not $CLIENTS"; exit 2; }
for tool in "$CLIENT" wrk taskset; do
  command -v "$tool" >/dev/null || {
    echo "bench/webhook.sh needs $tool (apt-get install hey wrk util-linux; cargo install oha --locked)"
    exit 2
  }
done
if [[ -n ${LADRILLO_BIN:-} ]]; then
  BIN=$LADRILLO_BIN
  [[ -x $BIN ]] || { echo "LADRILLO_BIN=$BIN is not an executable"; exit 2; }
else
  cargo build --release --quiet
  BIN=${CARGO_TARGET_DIR:-target}/release/ladrillo
fi
WORK=$(mktemp -d)
PID=
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
"$BIN" webhook certs --out "$WORK/certs" --namespace bench >/dev/null
TICK=$(getconf CLK_TCK)
REVIEWS=(pod-ok pod-denied deployment-ok deployment-denied)

start() { # $@: extra server flags
  taskset -c 0 "$BIN" webhook --listen "127.0.0.1:$PORT" --no-namespace-watch \
    --tls-cert "$WORK/certs/tls.crt" --tls-key "$WORK/certs/tls.key" \
    --config bench/webhook/ladrillo.yaml "$@" 2>"$WORK/server.log" &
  PID=$!
  for _ in $(seq 100); do
    curl -skf "https://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the server did not start:"; cat "$WORK/server.log"; exit 1
}
stop() { kill -TERM "$PID"; wait "$PID" || true; PID=; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$PID/status"; }

# The verdicts the mix expects, checked once before timing.
check_mix() {
  for r in "${REVIEWS[@]}"; do
    got=$(curl -sk -X POST -H 'Content-Type: application/json' --data-binary "@bench/webhook/$r.json" \
      "https://127.0.0.1:$PORT/validate" | grep -o '"allowed":[a-z]*')
    want='"allowed":true'; [[ $r == *denied && $1 == rules ]] && want='"allowed":false'
    [[ $got == "$want" ]] || { echo "$r: expected $want, got $got"; exit 1; }
  done
}

# Fixed-rate run at RATE req/s over CLIENTS keep-alive connections, a quarter of them per review
# (see "Arrivals" above). hey writes one CSV row per answered request; a request that failed has
# no row, so a shortfall shows as an achieved rate under the target and is counted as unanswered.
# `-host localhost`: hey sends its Host value as the TLS server name, and for a URL with a port
# that is `127.0.0.1:PORT`, which is no DNS name: rustls refuses the handshake (illegal parameter).
fixed_rate() { # $1 label, $2 rate, $3 seconds
  local label=$1 rate=$2 secs=$3 pids=() i=0
  local load_before; load_before=$(cut -d' ' -f1 /proc/loadavg)
  local before; before=$(cpu_ticks)
  hey_run() { # $1 review, $2 connections, $3 req/s per connection, $4 delay (s), $5 CSV
    sleep "$4"
    exec taskset -c 1 hey -z "${secs}s" -c "$2" -q "$3" -host localhost -m POST -T application/json \
      -D "bench/webhook/$1.json" -o csv "https://127.0.0.1:$PORT/validate" >"$5"
  }
  oha_run() { # $1 review, $2 connections, $3 req/s, $4 delay (s), $5 CSV
    sleep "$4"
    # -w: requests in flight at the deadline are answered and counted, not aborted.
    exec taskset -c 1 oha -z "${secs}s" -w -c "$2" -q "$3" --latency-correction --worker-threads 1 \
      --no-tui --insecure -m POST -T application/json -D "bench/webhook/$1.json" --output-format csv \
      "https://127.0.0.1:$PORT/validate" >"$5"
  }
  if [[ $CLIENT == oha ]]; then
    local per; per=$(awk -v r="$rate" 'BEGIN { printf "%.3f", r / 4 }')
    for (( i = 0; i < 4; i++ )); do
      oha_run "${REVIEWS[i]}" $(( CLIENTS / 4 )) "$per" "$(awk -v i="$i" -v r="$rate" 'BEGIN { printf "%.4f", i / r }')" "$WORK/$i.csv" &
      pids+=($!)
    done
  elif [[ $ARRIVALS == paced ]]; then
    local per; per=$(awk -v r="$rate" -v c="$CLIENTS" 'BEGIN { printf "%.3f", r / c }')
    for (( i = 0; i < CLIENTS; i++ )); do
      local r=${REVIEWS[i % 4]}
      hey_run "$r" 1 "$per" "$(awk -v i="$i" -v r="$rate" 'BEGIN { printf "%.4f", i / r }')" "$WORK/$i.csv" &
      pids+=($!)
    done
  else
    local per; per=$(awk -v r="$rate" -v c="$CLIENTS" 'BEGIN { printf "%.3f", r / c }')
    for r in "${REVIEWS[@]}"; do
      hey_run "$r" $(( CLIENTS / 4 )) "$per" 0 "$WORK/$r.csv" &
      pids+=($!)
    done
  fi
  wait "${pids[@]}"
  local after; after=$(cpu_ticks)
  # hey's CSV: response-time (s) first, status seventh; oha's: request-duration (s) fifth.
  local col=1; [[ $CLIENT == oha ]] && col=5
  cat "$WORK"/*.csv | awk -F, -v c="$col" '$1 ~ /^[0-9.]+$/ { print $c * 1000, $7 }' | sort -n >"$WORK/all"
  rm -f "$WORK"/*.csv
  local n errors; n=$(wc -l <"$WORK/all"); errors=$(awk '$2 != 200' "$WORK/all" | wc -l)
  (( n > 0 )) || { echo "$label: no request answered ($CLIENT's errors are not in its CSV: run it by hand)"; exit 1; }
  awk -v n="$n" -v label="$label" -v rate="$rate" -v secs="$secs" -v errors="$errors" \
    -v cpu="$(( after - before ))" -v tick="$TICK" -v rss="$(rss_kib)" -v arrivals="$([[ $CLIENT == oha ]] && echo oha || echo "hey $ARRIVALS")" \
    -v load="$load_before -> $(cut -d' ' -f1 /proc/loadavg)" '
    NR == int(n * 0.50) { p50 = $1 } NR == int(n * 0.99) { p99 = $1 } NR == int(n * 0.999) { p999 = $1 }
    END {
      unanswered = rate * secs - n; if (unanswered < 0) unanswered = 0
      printf "%-6s %5d req/s %s for %d s: achieved %.0f req/s, errors %d, unanswered %d, p50 %.3f ms, p99 %.3f ms, p999 %.3f ms, max %.3f ms, CPU/request %.1f us, RSS %d KiB, load %s\n",
        label, rate, arrivals, secs, n / secs, errors, unanswered, p50, p99, p999, $1, cpu / tick / n * 1e6, rss, load
    }' "$WORK/all"
}

# Closed loop: the most requests per second one core of server gives, 50 connections.
max_rate() { # $1 label
  cat >"$WORK/mix.lua" <<'LUA'
local bodies, i = {}, 0
for _, name in ipairs({"pod-ok", "pod-denied", "deployment-ok", "deployment-denied"}) do
  local f = assert(io.open("bench/webhook/" .. name .. ".json", "rb")); bodies[#bodies + 1] = f:read("*a"); f:close()
end
wrk.method = "POST"; wrk.headers["Content-Type"] = "application/json"
request = function() i = i % #bodies + 1; return wrk.format(nil, "/validate", nil, bodies[i]) end
LUA
  local before; before=$(cpu_ticks)
  local out; out=$(taskset -c 1 wrk -t1 -c50 -d30s --latency -s "$WORK/mix.lua" "https://127.0.0.1:$PORT/validate")
  local after; after=$(cpu_ticks)
  local total; total=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$out" | awk -v label="$1" -v cpu="$(( after - before ))" -v tick="$TICK" -v total="$total" '
    /Requests\/sec/ { rps = $2 } /Non-2xx|Socket errors/ { errs = errs " " $0 }
    /^ +99%/ { p99 = $2 }
    END { printf "%-12s max %8.0f req/s (closed loop, 50 connections)  p99 %s  CPU/request %.1f µs%s\n",
      label, rps, p99, cpu / tick / total * 1e6, errs }'
}

echo "# $(date -u +%FT%TZ) $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
MODES=${MODES:-rules}; (( NULL )) && [[ $MODES == rules ]] && MODES="rules null"
for mode in $MODES; do
  if [[ $mode == rules ]]; then start; else start --always-allow; fi
  check_mix "$mode"
  fixed_rate "$mode warm-up" 1000 5 >/dev/null
  for rate in $RATES; do
    fixed_rate "$mode" "$rate" "$DURATION"
  done
  (( CLOSED )) && max_rate "$mode"
  echo "$mode: peak RSS $(awk '/^VmHWM/ {print $2}' "/proc/$PID/status") KiB"
  stop
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if (( SOAK > 0 )); then
  start
  echo "soak: 1000 req/s for $SOAK s, RSS every 30 s (KiB):"
  fixed_rate soak 1000 "$SOAK" &
  SOAKER=$!
  for _ in $(seq $(( SOAK / 30 ))); do sleep 30; printf '%s ' "$(rss_kib)"; done
  wait "$SOAKER"
  echo
  stop
fi
