#!/usr/bin/env bash
# Times `ladrillo scan` on generated corpora of growing size (1,000 to 200,000 objects): wall time,
# CPU time and peak RSS, to show that time per object and memory per input byte stay flat.
#
#   bench/scale.sh                        # OBJECTS="1000 10000 25000 50000 100000 200000"
#   OBJECTS="10000 50000" RUNS=5 bench/scale.sh
#   SHAPE=list OBJECTS="50000 200000" bench/scale.sh    # one `kubectl get -A -o json` file each
#
# Environment (all optional): OBJECTS (the sizes), SHAPE (files: one or a few objects per file, in
# directories; list: all objects in one JSON List), RUNS (3; the median wall time is reported and
# the run with that wall time gives the other columns), BIG_RUNS (1: runs for sizes of 100,000
# objects and more), SEED (7), FORMAT (json), LADRILLO_BIN (use this binary, skip the build),
# OUT (bench/out/scale). Corpora come from bench/gen_corpus.py and are kept under OUT, where one
# may also be a symbolic link to a corpus made before (200,000 objects is about 120 MB of YAML in
# 140,000 files, or 325 MB of JSON in one). Writes OUT/results.md (OUT/results-list.md for
# SHAPE=list) and prints it. Needs python3 and GNU time at /usr/bin/time.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=${OUT:-bench/out/scale}
OBJECTS=${OBJECTS:-1000 10000 25000 50000 100000 200000}
RUNS=${RUNS:-3}
BIG_RUNS=${BIG_RUNS:-1}
SEED=${SEED:-7}
FORMAT=${FORMAT:-json}
SHAPE=${SHAPE:-files}
case $SHAPE in files | list) ;; *) echo "error: SHAPE is files or list, not $SHAPE" >&2; exit 2 ;; esac
mkdir -p "$OUT"
[ -x /usr/bin/time ] || { echo "error: GNU time is needed at /usr/bin/time" >&2; exit 2; }

BIN=${LADRILLO_BIN:-}
if [ -z "$BIN" ]; then
  cargo build --release --locked >&2
  BIN=${CARGO_TARGET_DIR:-target}/release/ladrillo
fi

results=$OUT/results.md
[ "$SHAPE" = list ] && results=$OUT/results-list.md
{
  echo "| objects | files | input MB | on disk MB | runs | wall s (median) | CPU s | µs/object (wall) | peak RSS MB | RSS / input | findings | load avg |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$results"
for n in $OBJECTS; do
  if [ "$SHAPE" = list ]; then
    corpus=$OUT/list-$n.json
    [ -f "$corpus" ] || python3 bench/gen_corpus.py --objects "$n" --seed "$SEED" --list "$corpus" >/dev/null
  else
    corpus=$OUT/corpus-$n
    [ -d "$corpus" ] || python3 bench/gen_corpus.py --objects "$n" --seed "$SEED" --out "$corpus" >/dev/null
  fi
  files=$(find -H "$corpus" -type f | wc -l)
  bytes=$(find -H "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
  # What `du` counts: whole blocks per file and the directories, about 7 times the bytes of the
  # small files of a directory corpus. "input" is the bytes.
  disk=$(du -s -B 1 -L "$corpus" | cut -f1)
  runs=$RUNS
  [ "$n" -ge 100000 ] && runs=$BIG_RUNS
  # Warm the page cache so the disk is not what is measured.
  find -H "$corpus" -type f -exec cat {} + >/dev/null
  : >"$OUT/runs-$SHAPE-$n.txt"
  for _ in $(seq "$runs"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    # Exit 1 means findings, which the corpus has on purpose.
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/time-$SHAPE-$n.txt" \
      "$BIN" scan "$corpus" --no-config --quiet --format "$FORMAT" -o "$OUT/report-$SHAPE-$n.$FORMAT" \
      2>"$OUT/stderr-$SHAPE-$n.txt" || [ $? -eq 1 ]
    # GNU time puts "Command exited with non-zero status 1" before its figures.
    echo "$(tail -n 1 "$OUT/time-$SHAPE-$n.txt") $load" >>"$OUT/runs-$SHAPE-$n.txt"
  done
  findings=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["summary"]["findings"])' \
    "$OUT/report-$SHAPE-$n.$FORMAT" 2>/dev/null || echo "?")
  # The run with the median wall time.
  sort -n "$OUT/runs-$SHAPE-$n.txt" | awk -v n="$n" -v f="$files" -v b="$bytes" -v d="$disk" -v r="$runs" -v k="$findings" '
    { line[NR] = $0 }
    END {
      split(line[int((NR + 1) / 2)], m, " ")
      printf "| %d | %d | %.1f | %.1f | %d | %.2f | %.2f | %.0f | %.0f | %.1f | %s | %s |\n",
        n, f, b / 1e6, d / 1e6, r, m[1], m[2] + m[3], m[1] / n * 1e6, m[4] / 1024 * 1.048576, m[4] * 1024 / b, k, m[5]
    }' >>"$results"
done
cat "$results"
