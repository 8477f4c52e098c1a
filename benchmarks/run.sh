#!/usr/bin/env bash
# Runs the same workloads on the Java port (JMH) and on yjs in Node (crdt/conformance/bench.mjs,
# ESM build) side by side and prints Java/Node ratios (< 1 means Java is faster).
#   cold: a fresh process, one run (median of COLD_RUNS processes)
#   warm: one process, best of WARM_RUNS consecutive runs
# Env: B4_TRACE (default ../shared/data/automerge-paper.json.gz beside the repository),
#      B4X_COPIES (default 10), COLD_RUNS (default 3), WARM_RUNS (default 10),
#      ONLY (space-separated workload names to restrict the run), SKIP_BUILD=1.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CONF="$ROOT/crdt/conformance"
B4="${B4_TRACE:-$(cd "$ROOT/.." && pwd)/shared/data/automerge-paper.json.gz}"
COPIES="${B4X_COPIES:-10}"
COLD_RUNS="${COLD_RUNS:-3}"
WARM_RUNS="${WARM_RUNS:-10}"
OUT="$HERE/target/results"
JAR="$HERE/target/benchmarks.jar"
B4X="$HERE/target/b4x$COPIES.bin"
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

# node-name  jmh-method
PAIRS="b4:b4 b1-append-text:b1AppendText b1-random-text:b1RandomText b1-random-insdel-text:b1RandomInsDelText
b1-append-array:b1AppendArray b1-random-insdel-array:b1RandomInsDelArray b4-encode-v1:b4EncodeV1 b4-encode-v2:b4EncodeV2
b4-decode-v1:b4DecodeV1 b4-decode-v2:b4DecodeV2 b4x-load:b4xLoad"

JAVA_OPTS="-Db4.path=$B4 -Db4x.path=$B4X"
node_run() { (cd "$CONF" && node --max-old-space-size=12000 bench.mjs --b4 "$B4" --b4x "$B4X" --workload "$1" --runs "$2"); }
jmh_json() { # method forks warmups iterations file
  java -Xmx2g -jar "$JAR" "CrdtBenchmarks\\.$1\$" -f "$2" -wi "$3" -i "$4" -jvmArgsAppend "$JAVA_OPTS" -rf json -rff "$5" > "$5.log" 2>&1
}
stats() { # file kind(cold|warm) → ms
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1]))[0].primaryMetric.rawData.flat()
    const s = [...r].sort((a, b) => a - b)
    console.log((process.argv[2] === "cold" ? s[Math.floor((s.length - 1) / 2)] : s[0]).toFixed(2))' "$1" "$2"
}
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }

printf '%-24s %12s %12s %8s   %12s %12s %8s\n' workload java-cold-ms node-cold-ms ratio java-warm-ms node-warm-ms ratio | tee "$OUT/summary.txt"
for pair in $PAIRS; do
  n="${pair%%:*}"; j="${pair##*:}"
  # whole names only: "b4" must not select b4-decode-v1 and the others
  if [ -n "${ONLY:-}" ] && ! tr " " "\n" <<<"$ONLY" | grep -qx -- "$n"; then continue; fi
  ncold=""
  for _ in $(seq "$COLD_RUNS"); do ncold="$ncold $(node_run "$n" 1 | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).first.toFixed(2)))')"; done
  ncold="$(echo "$ncold" | median)"
  nwarm="$(node_run "$n" "$WARM_RUNS" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).best.toFixed(2)))')"
  jmh_json "$j" "$COLD_RUNS" 0 1 "$OUT/$j-cold.json"
  jmh_json "$j" 1 0 "$WARM_RUNS" "$OUT/$j-warm.json"
  jcold="$(stats "$OUT/$j-cold.json" cold)"
  jwarm="$(stats "$OUT/$j-warm.json" warm)"
  printf '%-24s %12s %12s %8s   %12s %12s %8s\n' "$n" "$jcold" "$ncold" "$(awk "BEGIN{printf \"%.2f\", $jcold/$ncold}")" \
    "$jwarm" "$nwarm" "$(awk "BEGIN{printf \"%.2f\", $jwarm/$nwarm}")" | tee -a "$OUT/summary.txt"
done

echo "retained heap (bytes):" | tee -a "$OUT/summary.txt"
(cd "$CONF" && node --expose-gc --max-old-space-size=12000 bench.mjs --b4 "$B4" --b4x "$B4X" --heap) | tee -a "$OUT/summary.txt"
java -Xmx8g $JAVA_OPTS -cp "$JAR" org.pledgepad.bench.RetainedHeap | tee -a "$OUT/summary.txt"
