#!/usr/bin/env bash
# Cross-node latency: two Pledgepad nodes (the jar, two processes) on one PostgreSQL database;
# a writer and a same-node reader on node A, a reader on node B (cluster-latency.mjs). Steps
# through RATES (edits/s per document). About 1-2 minutes. Separate from run.sh (single node
# beside y-websocket and Hocuspocus).
# Settings (environment): DOCS=10 EDITS=100 RATES=5,20 PG_ADMIN_URL=postgresql://postgres@127.0.0.1:5432
#   JAR=../server/target/pledgepad.jar (built with mvn if missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
DOCS="${DOCS:-10}" EDITS="${EDITS:-100}" RATES="${RATES:-5,20}"
PG_ADMIN_URL="${PG_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432}"
PG_DB=pledgepad_bench_cluster
PORT_A=18670 PORT_B=18671
OUT="${OUT:-$(mktemp -d /tmp/pledgepad-cluster-bench.XXXXXX)}"
mkdir -p "$OUT"

source "$here/bench-common.sh"
prepare_server_jar

data="$(mktemp -d /tmp/pledgepad-cluster-data.XXXXXX)"   # shared: both nodes need the same keys
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$data"
  psql "$PG_ADMIN_URL/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql "$PG_ADMIN_URL/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null
psql "$PG_ADMIN_URL/postgres" -qc "CREATE DATABASE $PG_DB" >/dev/null
db_env=(DATABASE_URL="$PG_ADMIN_URL/$PG_DB" DATA_DIR="$data" SEED_DEMO=false)

start_node() { # port name
  env PORT="$1" HOST=127.0.0.1 "${db_env[@]}" MESSAGES_PER_SECOND=1000 MESSAGE_BURST=2000 \
    java @"$JVM_OPTIONS" -jar "$JAR_COPY" > "$OUT/node-$2.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/health/ready" > /dev/null && return; sleep 0.2; done
  echo "node $2 did not become ready (log: $OUT/node-$2.log)" >&2; exit 1
}
start_node $PORT_A a    # creates the keys and applies the migrations first
start_node $PORT_B b
mint_token "${db_env[@]}"

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)" | tee "$OUT/machine.txt"
for rate in ${RATES//,/ }; do
  timeout 300 node cluster-latency.mjs "ws://127.0.0.1:$PORT_A" "ws://127.0.0.1:$PORT_B" "$DOCS" "$EDITS" "$rate" "$TOKEN" \
    | tee -a "$OUT/cluster-latency.jsonl"
done
echo "raw: $OUT/cluster-latency.jsonl"
