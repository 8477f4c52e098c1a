#!/usr/bin/env bash
# Throughput of two Pledgepad nodes against one (issue 9), same offered load: DOCS documents x
# CLIENTS clients typing at each rate of RATES (load.mjs saturation ramp), one PostgreSQL.
# "1-node": one server process, every client on it. "2-nodes": two processes on the same
# database, client i of every document on node i mod 2, so every edit also crosses nodes.
# Runs in ABBA order (1, 2, 2, 1 node(s)) to spread machine drift; a fresh database and data
# directory per run. All on one machine: this measures the cost of the fan-out, not scale-out.
# About 6-8 minutes. Settings (environment): DOCS=20 CLIENTS=4 RATES=1,2,5,10,20 WINDOW=6
#   WORKERS=2 ORDER="1 2 2 1" PG_ADMIN_URL=postgresql://postgres@127.0.0.1:5432
#   JAR=../server/target/pledgepad.jar (built with mvn if missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
DOCS="${DOCS:-20}" CLIENTS="${CLIENTS:-4}" RATES="${RATES:-1,2,5,10,20}" WINDOW="${WINDOW:-6}"
WORKERS="${WORKERS:-2}" ORDER="${ORDER:-1 2 2 1}"
PG_ADMIN_URL="${PG_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432}"
PG_DB=pledgepad_bench_cluster_tp
PORTS=(18672 18673)
OUT="${OUT:-$(mktemp -d /tmp/pledgepad-cluster-tp.XXXXXX)}"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"

source "$here/bench-common.sh"
prepare_server_jar

pids=()
data=""
stop_nodes() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  pids=()
  if [[ -n "$data" ]]; then rm -rf "$data"; data=""; fi
}
cleanup() {
  stop_nodes
  psql "$PG_ADMIN_URL/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

start_nodes() { # count
  psql "$PG_ADMIN_URL/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null
  psql "$PG_ADMIN_URL/postgres" -qc "CREATE DATABASE $PG_DB" >/dev/null
  data="$(mktemp -d /tmp/pledgepad-cluster-tp-data.XXXXXX)"   # shared: all nodes need the same keys
  db_env=(DATABASE_URL="$PG_ADMIN_URL/$PG_DB" DATA_DIR="$data" SEED_DEMO=false)
  for ((n = 0; n < $1; n++)); do   # one after the other: the first applies the migrations
    env PORT="${PORTS[$n]}" HOST=127.0.0.1 "${db_env[@]}" MESSAGES_PER_SECOND=1000 MESSAGE_BURST=2000 \
      java @"$JVM_OPTIONS" -jar "$JAR_COPY" > "$OUT/node-$1-$n.log" 2>&1 &
    pids+=($!)
    local ready=0
    for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:${PORTS[$n]}/health/ready" > /dev/null && { ready=1; break; }; sleep 0.2; done
    [[ $ready == 1 ]] || { echo "node $n did not become ready (log: $OUT/node-$1-$n.log)" >&2; exit 1; }
  done
  mint_token "${db_env[@]}"
}

load1() { cut -d' ' -f1 /proc/loadavg; }
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)" | tee "$OUT/machine.txt"
echo "== $DOCS documents x $CLIENTS clients, rates $RATES edits/s per client, ${WINDOW}s windows, order $ORDER"
run=0
for nodes in $ORDER; do
  run=$((run + 1))
  start_nodes "$nodes"
  bases="" pidlist=""
  for ((n = 0; n < nodes; n++)); do
    bases+="${bases:+,}ws://127.0.0.1:${PORTS[$n]}/ws"; pidlist+="${pidlist:+,}${pids[$n]}"
  done
  before="$(load1)"
  label="${nodes}-node$([[ $nodes == 1 ]] || echo s)-run$run"
  timeout 400 node load.mjs "$label" yws "$bases" "$pidlist" "$DOCS" "$CLIENTS" "$RATES" "$WINDOW" "$WORKERS" "$TOKEN" \
    | tee -a "$RESULTS" || echo "load $label failed" >&2
  echo "{\"run\":\"$label\",\"load1Before\":$before,\"load1After\":$(load1),\"at\":\"$(date -u +%TZ)\"}" | tee -a "$RESULTS"
  stop_nodes
done
echo "== machine at end: load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)" | tee -a "$OUT/machine.txt"
node report.mjs "$RESULTS"
echo "raw results: $RESULTS"
