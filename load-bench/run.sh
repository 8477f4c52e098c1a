#!/usr/bin/env bash
# Load benchmark of the Pledgepad server beside @y/websocket-server 0.1.1 and an in-memory
# @hocuspocus/server 4.x, all on 127.0.0.1, one server process at a time, same load for all.
# Prints a table with ratios (ours / y-websocket, ours / Hocuspocus); raw JSON lines go to
# $OUT/results.jsonl. Every loop is bounded; total runtime about 8-10 minutes on 2 cores.
# Settings (environment): SECTIONS="load idle open", PLEDGEPAD_BENCH_TOKEN, DOCS=50 CLIENTS=4 RATES=2,5,10,20,40,80,160 WINDOW=6 WORKERS=2 IDLE_N=1000
#   GENERATOR=java (../load-gen, clients on our CRDT, one JVM with WORKERS event loops; built with mvn
#   if missing) or node (load.mjs, stock yjs providers in WORKERS processes); both write the same lines.
#   WARMUP_SECONDS=20: unmeasured edits before the steps, for every server alike (our JIT-compiled
#   server otherwise spends its first steps compiling), at WARMUP_RATE edits/s per client (default:
#   the first rate; at 2 edits/s 20 s leave the JIT compiling through the first steps, see
#   docs/benchmarks.md "Commit path at low rates"; a higher WARMUP_RATE warms it in the same time). The java
#   generator then waits (up to 180 s, no edits) until the server has delivered the warm-up's edits to every
#   client, so no server carries a warm-up backlog into the steps (lines: warmupDrainMs, warmupBacklogLeft).
#   GEN_JAVA_OPTS for the generator JVM. Its pauses count into every server's latencies, so the
#   default keeps them short: young collections of a 16 MiB young generation (median 13 ms, max 37 at
#   30 edits/s per client, one every ~0.3 s) where -Xms256m -Xmx2g paused 28-106 ms every ~1.6 s,
#   plus a 337 ms full collection when the heap grew; the whole heap from the start, so it never has
#   to grow (docs/benchmarks.md "The generator's own pauses").
#   CLIENT_MODE=full (java generator; default): every client integrates what it receives, like the stock
#   providers. lean: receiving clients only frame-parse updates and read the latency marker, so the
#   generator is cheaper (saturation.sh uses it); their inserts anchor on their own edits only, which
#   costs Yjs servers ~1.08x per update (docs/benchmarks.md), so CPU and latency comparisons use full.
#   TYPING=random (default; java and node generators): each character after a random item of the text,
#   every edit linked between two old items, the worst case for a server's memory. TYPING=cursor (java
#   generator): runs of TYPING_RUN characters (default 20, on average) typed one after another at a
#   cursor that then jumps to a random place, as people type (docs/benchmarks.md, session 15).
#   Result lines record it ("typing").
#   SERVER_CPUS / GEN_CPUS (e.g. 0 and 1): taskset CPU lists for every server process and for the
#   generator, so that a saturation point is per server core and the generator never runs on the
#   server's core; unset = no pinning. Each result line records both (serverCpus, generatorCpus).
#   OPEN_DOC=random|b4: the open section's document, one character at a random position per update
#   (default, the worst case) or the first OPEN_UPDATES patches of the real editing trace (OPEN_TRACE,
#   default ../../shared/data/automerge-paper.json.gz); the result line records it ("document").
#   OPEN_UPDATES=100000 PG_ADMIN_URL=postgresql://postgres@127.0.0.1:5432 SKIP_PG=0 PORT=18650 PG_DB=pledgepad_bench
#   JAR=../server/target/pledgepad.jar (built with mvn if missing); SERVER_JAVA=java: the java command that
#   runs our server (e.g. another JDK's bin/java), the generator keeps the one on PATH.
#   With ours-pg the lines also carry the PostgreSQL cluster's CPU (dbCpuSecPer1000: postmaster and all
#   its children, so other databases' work in a shared cluster too; dbOwnBackendsCpuSecPer1000: the
#   backends of PG_DB alone) and combinedCpuSecPer1000 (server + cluster), which report.mjs shows.
#   GC_LOG=1 (default; 0 = off): our server's collector log in $OUT/gc-ours-STORE.log (pauses with wall-clock
#   times, so that a slow second of a window can be matched against them).
#   SERVERS="yws ours-yws hp ours-hp ours-pg": which runs of the load and idle sections (default all; ours-pg also
#   needs SKIP_PG=0), e.g. SERVERS="ours-hp ours-pg" to A/B our server alone in a short window.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
DOCS="${DOCS:-50}" CLIENTS="${CLIENTS:-4}" RATES="${RATES:-2,5,10,20,40,80,160}" WINDOW="${WINDOW:-6}"
GENERATOR="${GENERATOR:-java}" CLIENT_MODE="${CLIENT_MODE:-full}" WARMUP_SECONDS="${WARMUP_SECONDS:-20}" GEN_JAVA_OPTS="${GEN_JAVA_OPTS:--XX:+UseSerialGC -Xms6g -Xmx6g -Xmn16m}"
WORKERS="${WORKERS:-2}" IDLE_N="${IDLE_N:-1000}" OPEN_UPDATES="${OPEN_UPDATES:-100000}"
PG_ADMIN_URL="${PG_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432}" SKIP_PG="${SKIP_PG:-0}"
PG_DB="${PG_DB:-pledgepad_bench}"
SECTIONS="${SECTIONS:-load idle open}"
want() { [[ " $SECTIONS " == *" $1 "* ]]; }
SERVERS="${SERVERS:-yws ours-yws hp ours-hp ours-pg}"
serves() { [[ " $SERVERS " == *" $1 "* ]]; }
PORT="${PORT:-18650}"
OUT="${OUT:-$(mktemp -d /tmp/pledgepad-load-bench.XXXXXX)}"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"

source "$here/bench-common.sh"
prepare_server_jar
# taskset execs the command, so $! stays the server's (or generator's) own pid.
SERVER_PIN=() GEN_PIN=()
if [[ -n "${SERVER_CPUS:-}" ]]; then SERVER_PIN=(taskset -c "$SERVER_CPUS"); fi
if [[ -n "${GEN_CPUS:-}" ]]; then GEN_PIN=(taskset -c "$GEN_CPUS"); fi
if [[ "$GENERATOR" == java ]]; then
  gen_src="${GEN_JAR:-$here/../load-gen/target/load-gen.jar}"
  if [[ ! -f "$gen_src" ]]; then (cd "$here/.." && mvn -q -B -o -pl load-gen -am package -DskipTests); fi
  GEN_COPY="$OUT/load-gen.jar"
  cp "$gen_src" "$GEN_COPY"
  GEN_CMD=("${GEN_PIN[@]}" java $GEN_JAVA_OPTS -jar "$GEN_COPY")
elif [[ "$GENERATOR" == node ]]; then
  if [[ "${TYPING:-random}" != random ]]; then echo "TYPING=${TYPING} needs GENERATOR=java" >&2; exit 2; fi
  GEN_CMD=("${GEN_PIN[@]}" node load.mjs)
else
  echo "GENERATOR must be java or node" >&2; exit 2
fi

server_pid=""
server_data=""
stop_server() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid="" DB_CLUSTER_PID="" DB_NAME=""
  if [[ -n "$server_data" ]]; then rm -rf "$server_data"; server_data=""; fi
}
cleanup() {
  stop_server
  if [[ "$SKIP_PG" != 1 ]]; then psql "$PG_ADMIN_URL/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

wait_http() { # url: up to 60 s
  for _ in $(seq 1 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "server at $1 did not come up" >&2; return 1
}
start_yws() {
  PORT=$PORT HOST=127.0.0.1 "${SERVER_PIN[@]}" node node_modules/@y/websocket-server/src/server.js > "$OUT/yws.log" 2>&1 &
  server_pid=$!; wait_http "http://127.0.0.1:$PORT/"
}
start_hp() {
  PORT=$PORT HOST=127.0.0.1 "${SERVER_PIN[@]}" node hocuspocus-server.mjs > "$OUT/hocuspocus.log" 2>&1 &
  server_pid=$!; wait_http "http://127.0.0.1:$PORT/"
}
# Our server lets guests only read: the clients pass a token of an ADMIN account "bench"
# (y-websocket ?token=, Hocuspocus token) made with the jar's operator commands (server/README.md).
# The embedded store's account file is written before the server starts (one process owns it);
# with PostgreSQL after the server applied the migrations.
TOKEN=""
# With PostgreSQL, the generator also samples the cluster's CPU (postmaster and children, from
# /proc; docs/benchmarks.md): the work of durable commits moves there from the server process.
DB_CLUSTER_PID="" DB_NAME=""
postmaster_pid() {
  local dir
  dir="$(psql "$PG_ADMIN_URL/postgres" -Atc "SHOW data_directory" 2>/dev/null)" || return 0
  head -1 "$dir/postmaster.pid" 2>/dev/null || true
}
start_ours() { # store (embedded|postgres), extra env...
  local store="$1"; shift
  server_data="$(mktemp -d /tmp/pledgepad-bench-data.XXXXXX)"
  local db_env=()
  if [[ "$store" == postgres ]]; then
    psql "$PG_ADMIN_URL/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null
    psql "$PG_ADMIN_URL/postgres" -qc "CREATE DATABASE $PG_DB" >/dev/null
    db_env=(DATABASE_URL="$PG_ADMIN_URL/$PG_DB")
    DB_CLUSTER_PID="$(postmaster_pid)" DB_NAME="$PG_DB"
    [[ -n "$DB_CLUSTER_PID" ]] || echo "warning: PostgreSQL's postmaster not found; its CPU is not counted" >&2
  else
    mint_token DATA_DIR="$server_data" SEED_DEMO=false
  fi
  # The collector's pauses, with wall-clock times to match a slow second (secondMaxMs) against.
  local gc_log=()
  [[ "${GC_LOG:-1}" == 1 ]] && gc_log=("-Xlog:gc:file=$OUT/gc-ours-$store.log:time,uptime")
  "${SERVER_PIN[@]}" env PORT=$PORT HOST=127.0.0.1 DATA_DIR="$server_data" SEED_DEMO=false "${db_env[@]}" "$@" \
    "${SERVER_JAVA:-java}" @"$JVM_OPTIONS" "${gc_log[@]}" -jar "$JAR_COPY" > "$OUT/ours-$store.log" 2>&1 &
  server_pid=$!
  wait_http "http://127.0.0.1:$PORT/health/ready"
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null && break; sleep 0.2; done
  if [[ "$store" == postgres ]]; then mint_token DATA_DIR="$server_data" SEED_DEMO=false "${db_env[@]}"; fi
}
# Rate limits raised so that a generator that bunches edits under CPU contention is not
# throttled; everything else at its defaults (durable group commit included).
OURS_ENV=(MESSAGES_PER_SECOND=1000 MESSAGE_BURST=2000)

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)" | tee "$OUT/machine.txt"
# Peers' costs differ between machines of the same kind (Hocuspocus's CPU per update doubled from
# one session's machine to the next), so each run records what it ran on.
echo "== cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | xargs) MHz, flags $(grep -m1 '^flags' /proc/cpuinfo | grep -o 'avx512f\|avx2\|sha_ni' | sort -u | xargs); node $(node -v); $(java -version 2>&1 | head -1)" | tee -a "$OUT/machine.txt"
# The disk under the embedded store (its DATA_DIR is made in /tmp): its fsync time is the floor of
# our latency at low load (every acknowledgement waits for one), which the in-memory peers do not pay.
node fsync-probe.mjs "${TMPDIR:-/tmp}" | tee -a "$RESULTS" "$OUT/machine.txt" || echo "fsync probe failed" >&2

if want load; then
echo "== 1. load: $DOCS documents x $CLIENTS clients, rates $RATES edits/s per client, ${WINDOW}s windows, $GENERATOR generator (clients $CLIENT_MODE), server warm-up ${WARMUP_SECONDS}s at ${WARMUP_RATE:-the first rate} edits/s, server CPUs ${SERVER_CPUS:-all}, generator CPUs ${GEN_CPUS:-all}"
load() { # label protocol base [token]
  timeout 900 env DB_CLUSTER_PID="$DB_CLUSTER_PID" DB_NAME="$DB_NAME" WARMUP_SECONDS="$WARMUP_SECONDS" WARMUP_RATE="${WARMUP_RATE:-}" CLIENT_MODE="$CLIENT_MODE" "${GEN_CMD[@]}" "$1" "$2" "$3" "$server_pid" "$DOCS" "$CLIENTS" "$RATES" "$WINDOW" "$WORKERS" "${4:-}" \
    | tee -a "$RESULTS" || echo "load $1 failed" >&2
}
if serves yws; then start_yws;  load y-websocket yws "ws://127.0.0.1:$PORT"; stop_server; fi
if serves ours-yws; then start_ours embedded "${OURS_ENV[@]}"; load ours-embedded yws "ws://127.0.0.1:$PORT/ws" "$TOKEN"; stop_server; fi
if serves hp; then start_hp;   load hocuspocus hp "ws://127.0.0.1:$PORT"; stop_server; fi
if serves ours-hp; then start_ours embedded "${OURS_ENV[@]}"; load ours-embedded hp "ws://127.0.0.1:$PORT/collab" "$TOKEN"; stop_server; fi
if [[ "$SKIP_PG" != 1 ]] && serves ours-pg; then
  start_ours postgres "${OURS_ENV[@]}"; load ours-postgres yws "ws://127.0.0.1:$PORT/ws" "$TOKEN"; stop_server
fi

fi

if want idle; then
echo "== 2. idle connections: $IDLE_N sockets, one synced document each"
idle() { timeout -k 10 330 node idle.mjs "$1" "$2" "$3" "$server_pid" "$IDLE_N" "$WORKERS" "${4:-}" | tee -a "$RESULTS" || echo "idle $1 failed" >&2; }
if serves yws; then start_yws; idle y-websocket yws "ws://127.0.0.1:$PORT"; stop_server; fi
if serves ours-yws; then start_ours embedded "${OURS_ENV[@]}"; idle ours-embedded yws "ws://127.0.0.1:$PORT/ws" "$TOKEN"; stop_server; fi
if serves hp; then start_hp; idle hocuspocus hp "ws://127.0.0.1:$PORT"; stop_server; fi
if serves ours-hp; then start_ours embedded "${OURS_ENV[@]}"; idle ours-embedded hp "ws://127.0.0.1:$PORT/collab" "$TOKEN"; stop_server; fi

fi

if want open; then
echo "== 3. open time: one document of $OPEN_UPDATES logged updates (${OPEN_DOC:-random}, embedded store)"
open_data="$(mktemp -d /tmp/pledgepad-bench-open.XXXXXX)"
mint_token DATA_DIR="$open_data" SEED_DEMO=false
open_env=(PORT=$PORT HOST=127.0.0.1 DATA_DIR="$open_data" SEED_DEMO=false MESSAGES_PER_SECOND=100000 MESSAGE_BURST=100000 UNLOAD_DELAY_MS=500)
env "${open_env[@]}" "${SERVER_JAVA:-java}" @"$JVM_OPTIONS" -jar "$JAR_COPY" > "$OUT/ours-open-create.log" 2>&1 & server_pid=$!
wait_http "http://127.0.0.1:$PORT/health/ready"
create="$(timeout 240 node open.mjs create "ws://127.0.0.1:$PORT/collab" big "$OPEN_UPDATES" 1 "$OUT/updates.bin" "$TOKEN")"
head_seq="$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/documents/big" | sed -n 's/.*"headSeq":\([0-9]*\).*/\1/p')"
stop_server
env "${open_env[@]}" "${SERVER_JAVA:-java}" @"$JVM_OPTIONS" -jar "$JAR_COPY" > "$OUT/ours-open.log" 2>&1 & server_pid=$!
wait_http "http://127.0.0.1:$PORT/health/ready"
empty="$(timeout 60 node open.mjs open "ws://127.0.0.1:$PORT/ws" empty-doc "$TOKEN")"
first="$(timeout 120 node open.mjs open "ws://127.0.0.1:$PORT/ws" big "$TOKEN")"
sleep 2 # UNLOAD_DELAY_MS=500: the document is unloaded; the next open reads the store again
again="$(timeout 120 node open.mjs open "ws://127.0.0.1:$PORT/ws" big "$TOKEN")"
stop_server
# The same three opens again on a fresh process, with a bare socket: when the complete step 2
# arrived (the server's part, with the empty document as the baseline) and what applying those
# bytes costs a Node client (see rawOpen.mjs).
env "${open_env[@]}" "${SERVER_JAVA:-java}" @"$JVM_OPTIONS" -jar "$JAR_COPY" > "$OUT/ours-open-raw.log" 2>&1 & server_pid=$!
wait_http "http://127.0.0.1:$PORT/health/ready"
raw_empty="$(timeout 60 node open.mjs raw "ws://127.0.0.1:$PORT/ws" empty-doc "$TOKEN")"
raw_first="$(timeout 120 node open.mjs raw "ws://127.0.0.1:$PORT/ws" big "$TOKEN")"
sleep 2
raw_again="$(timeout 120 node open.mjs raw "ws://127.0.0.1:$PORT/ws" big "$TOKEN")"
stop_server
rm -rf "$open_data"
replay="$(timeout 120 node open.mjs replay "$OUT/updates.bin")"
echo "{\"label\":\"open\",\"document\":\"${OPEN_DOC:-random}\",\"create\":$create,\"headSeq\":${head_seq:-null},\"emptyOpen\":$empty,\"firstOpen\":$first,\"reopen\":$again,\"rawEmptyOpen\":$raw_empty,\"rawFirstOpen\":$raw_first,\"rawReopen\":$raw_again,\"nodeReplay\":$replay,\"load1\":$(cut -d' ' -f1 /proc/loadavg)}" | tee -a "$RESULTS"

fi

echo "== machine at end: load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)" | tee -a "$OUT/machine.txt"
node fsync-probe.mjs "${TMPDIR:-/tmp}" | tee -a "$RESULTS" "$OUT/machine.txt" || echo "fsync probe failed" >&2
node report.mjs "$RESULTS"
echo "raw results: $RESULTS"
