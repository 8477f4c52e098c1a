#!/usr/bin/env bash
# Measures acknowledged updates per second with group commit (GROUP_COMMIT_MAX_UPDATES=256)
# against one transaction per update (=1), same load, same run, for the embedded store and,
# if DATABASE_URL is set, PostgreSQL. Prints one line per configuration; compare ratios only.
# Usage: server/bench/group-commit.sh [clients] [updatesPerClient]   (after mvn package)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../target/pledgepad.jar"
node_dir="$here/../src/test/node"
clients="${1:-8}"
per_client="${2:-250}"
port=18555

run() { # label, extra env...
  local label="$1"; shift
  local data; data="$(mktemp -d)"
  env PORT=$port HOST=127.0.0.1 DATA_DIR="$data" SEED_DEMO=false MESSAGES_PER_SECOND=100000 \
      MESSAGE_BURST=100000 "$@" java -jar "$jar" > "$data/server.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && break; sleep 0.1; done
  local result
  result="$(cd "$node_dir" && node load.mjs "ws://127.0.0.1:$port" "bench-$RANDOM" "$clients" "$per_client")"
  local batches
  batches="$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^pledgepad_commit_batch_size_(count|sum) /{v[$1]=$2} END{printf "transactions=%d meanBatch=%.1f", v["pledgepad_commit_batch_size_count"], v["pledgepad_commit_batch_size_sum"]/v["pledgepad_commit_batch_size_count"]}')"
  echo "$label $result $batches"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}

run "embedded group-commit=256" GROUP_COMMIT_MAX_UPDATES=256
run "embedded group-commit=1  " GROUP_COMMIT_MAX_UPDATES=1
if [[ -n "${DATABASE_URL:-}" ]]; then
  run "postgres group-commit=256" GROUP_COMMIT_MAX_UPDATES=256 DATABASE_URL="$DATABASE_URL"
  run "postgres group-commit=1  " GROUP_COMMIT_MAX_UPDATES=1 DATABASE_URL="$DATABASE_URL"
fi
