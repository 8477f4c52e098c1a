#!/usr/bin/env bash
# Runs the same workloads on the Java port (JMH) and on yjs in Node (crdt/conformance/bench.mjs,
# ESM build) side by side and prints Java/Node ratios (< 1 means Java is faster).
#   cold: a fresh process, one run (median of COLD_RUNS processes)
#   warm: WARM_FORKS processes per side; in each, W unmeasured warm-up runs, then WARM_RUNS
#         measured runs; the median of the processes' medians (and the best run of all). W is
#         the same for both sides: per workload below (enough runs for a few seconds of work, so
#         that both JITs reach steady state), or WARMUP_RUNS for all workloads. Several
#         processes because one JVM's JIT can settle 1.5x slower than another's on the same
#         code (crdt/BENCHMARKS.md, run 20).
# Env: B4_TRACE (default ../shared/data/automerge-paper.json.gz beside the repository),
#      B4X_COPIES (default 10), RANDOM_CHARS (default 100000), COLD_RUNS (default 3),
#      WARM_RUNS (default 10), WARM_FORKS (default 3), WARMUP_RUNS (default: per workload), ONLY (space-separated
#      workload names to restrict the run), SKIP_BUILD=1.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CONF="$ROOT/crdt/conformance"
B4="${B4_TRACE:-$(cd "$ROOT/.." && pwd)/shared/data/automerge-paper.json.gz}"
COPIES="${B4X_COPIES:-10}"
RANDOM_CHARS="${RANDOM_CHARS:-100000}"
COLD_RUNS="${COLD_RUNS:-3}"
WARM_RUNS="${WARM_RUNS:-10}"
WARM_FORKS="${WARM_FORKS:-3}"
OUT="$HERE/target/results"
JAR="$HERE/target/benchmarks.jar"
B4X="$HERE/target/b4x$COPIES.bin"
RANDOM_DOC="$HERE/target/random$RANDOM_CHARS.bin"
mkdir -p "$OUT"

[ -f "$B4" ] || { echo "B4 trace not found: $B4 (set B4_TRACE)" >&2; exit 1; }
[ -d "$CONF/node_modules/yjs" ] || (cd "$CONF" && npm ci --no-audit --no-fund)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$ROOT" && mvn -q -B -o -pl crdt,benchmarks -am package -DskipTests)
fi
if [ ! -f "$B4X" ]; then
  echo "making the ${COPIES}xB4 document with yjs (once) ..." >&2
  (cd "$CONF" && node --max-old-space-size=12000 bench.mjs --b4 "$B4" --make-b4x "$COPIES" --out "$B4X") >&2
fi
if [ ! -f "$RANDOM_DOC" ]; then
  echo "making the random-position document ($RANDOM_CHARS characters) with yjs (once) ..." >&2
  (cd "$CONF" && node bench.mjs --make-random "$RANDOM_CHARS" --out "$RANDOM_DOC") >&2
fi

# node-name:jmh-method:warm-up runs (both sides)
PAIRS="b4:b4:5 b1-append-text:b1AppendText:20 b1-random-text:b1RandomText:20 b1-random-insdel-text:b1RandomInsDelText:20
b1-append-array:b1AppendArray:20 b1-random-insdel-array:b1RandomInsDelArray:20 b4-encode-v1:b4EncodeV1:300
b4-encode-v2:b4EncodeV2:300 b4-decode-v1:b4DecodeV1:300 b4-decode-v2:b4DecodeV2:300 b4-decode-v1-x20:b4DecodeV1x20:30
b4-decode-v2-x20:b4DecodeV2x20:30 b4x-load:b4xLoad:30 random-load:randomLoad:30"

JAVA_OPTS="-Db4.path=$B4 -Db4x.path=$B4X -Drandom.path=$RANDOM_DOC"
node_run() { # workload runs warmup; NAME-x<k> = workload NAME, k back to back per run (--batch k)
  local w="$1" batch=1
  if [[ "$w" =~ ^(.*)-x([0-9]+)$ ]]; then w="${BASH_REMATCH[1]}"; batch="${BASH_REMATCH[2]}"; fi
  (cd "$CONF" && node --max-old-space-size=12000 bench.mjs --b4 "$B4" --b4x "$B4X" --random "$RANDOM_DOC" \
    --workload "$w" --runs "$2" --warmup "$3" --batch "$batch")
}
jmh_json() { # method forks warmups iterations file
  java -Xmx2g -jar "$JAR" "CrdtBenchmarks\\.$1\$" -f "$2" -wi "$3" -i "$4" -jvmArgsAppend "$JAVA_OPTS" -rf json -rff "$5" > "$5.log" 2>&1
}
stats() { # file kind(cold|median|best) → ms; median: of each fork's median (cold: one run per fork)
  node -e '
    const forks = JSON.parse(require("fs").readFileSync(process.argv[1]))[0].primaryMetric.rawData
    const med = a => { const s = [...a].sort((x, y) => x - y); return s[Math.floor((s.length - 1) / 2)] }
    const v = process.argv[2] === "best" ? Math.min(...forks.flat()) : med(forks.map(med))
    console.log(v.toFixed(2))' "$1" "$2"
}
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]].toFixed(2)))' "$1"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }
ratio() { awk "BEGIN{printf \"%.2f\", $1/$2}"; }
row() { printf '%-22s %11s %11s %6s   %11s %11s %6s   %10s %10s %6s\n' "$@"; }

echo "warm: median of $WARM_FORKS processes' medians (best run) of $WARM_RUNS runs each after the warm-up runs given per workload${WARMUP_RUNS:+ (all: $WARMUP_RUNS)}" | tee "$OUT/summary.txt"
row workload java-cold-ms node-cold-ms ratio java-warm-ms node-warm-ms ratio java-best node-best ratio | tee -a "$OUT/summary.txt"
for pair in $PAIRS; do
  n="${pair%%:*}"; rest="${pair#*:}"; j="${rest%%:*}"; w="${WARMUP_RUNS:-${rest##*:}}"
  # whole names only: "b4" must not select b4-decode-v1 and the others
  if [ -n "${ONLY:-}" ] && ! tr " " "\n" <<<"$ONLY" | grep -qx -- "$n"; then continue; fi
  ncold=""
  for _ in $(seq "$COLD_RUNS"); do ncold="$ncold $(node_run "$n" 1 0 | field first)"; done
  ncold="$(echo "$ncold" | median)"
  nmeds=""; nbests=""
  for _ in $(seq "$WARM_FORKS"); do
    nwarm_json="$(node_run "$n" "$WARM_RUNS" "$w")"
    nmeds="$nmeds $(field median <<<"$nwarm_json")"; nbests="$nbests $(field best <<<"$nwarm_json")"
  done
  nwarm="$(echo "$nmeds" | median)"; nbest="$(echo "$nbests" | tr ' ' '\n' | grep -v '^$' | sort -g | head -1)"
  jmh_json "$j" "$COLD_RUNS" 0 1 "$OUT/$j-cold.json"
  jmh_json "$j" "$WARM_FORKS" "$w" "$WARM_RUNS" "$OUT/$j-warm.json"
  jcold="$(stats "$OUT/$j-cold.json" cold)"
  jwarm="$(stats "$OUT/$j-warm.json" median)"; jbest="$(stats "$OUT/$j-warm.json" best)"
  row "$n" "$jcold" "$ncold" "$(ratio "$jcold" "$ncold")" "$jwarm" "$nwarm" "$(ratio "$jwarm" "$nwarm")" \
    "$jbest" "$nbest" "$(ratio "$jbest" "$nbest")" | tee -a "$OUT/summary.txt"
done

echo "retained heap (bytes):" | tee -a "$OUT/summary.txt"
(cd "$CONF" && node --expose-gc --max-old-space-size=12000 bench.mjs --b4 "$B4" --b4x "$B4X" --heap) | tee -a "$OUT/summary.txt"
java -Xmx8g $JAVA_OPTS -cp "$JAR" org.pledgepad.bench.RetainedHeap | tee -a "$OUT/summary.txt"
