#!/usr/bin/env bash
# The PostgreSQL store alone (AppendBench: no sockets, no CRDT) at fixed rates per document, one
# JVM per rate on one database, plus the database's side of each run from its statistics:
# transactions and WAL flushes (pg_stat_database, pg_stat_wal; read after the JVM exited, when
# its backends have reported). Load-independent figures: rows per transaction and WAL flushes
# per transaction (1.0: every commit flushed alone; below 1: commits shared flushes). With the
# load generator built (load-gen/target/load-gen.jar), also the cluster's CPU over the window:
# dbCpuMsPer1000 (all of it: other databases' work in a shared cluster counts too),
# dbOwnBackendsCpuMsPer1000 (this database's backends) and combinedCpuMsPer1000 (with the JVM's).
# Usage: server/bench/append-bench.sh [DOCS=50] [RATES=40,80,160] [WINDOW=6]
#   (after mvn -pl server -am package -DskipTests; test classes are needed too: mvn ... test-compile)
# Env: PG_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432), PG_DB (default pledgepad_append_bench),
#      JAR (default server/target/pledgepad.jar)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
docs="${1:-50}" rates="${2:-40,80,160}" window="${3:-6}"
admin="${PG_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432}" db="${PG_DB:-pledgepad_append_bench}"
jar="${JAR:-$root/server/target/pledgepad.jar}"
psql "$admin/postgres" -qc "DROP DATABASE IF EXISTS $db" > /dev/null 2>&1
psql "$admin/postgres" -qc "CREATE DATABASE $db" > /dev/null
trap 'psql "$admin/postgres" -qc "DROP DATABASE IF EXISTS $db" > /dev/null 2>&1 || true' EXIT
q() { psql -Atc "$1" "$admin/$db"; }
postmaster="$(head -1 "$(psql -Atc "SHOW data_directory" "$admin/postgres")/postmaster.pid" 2> /dev/null || true)"
loadgen="${LOADGEN_JAR:-$root/load-gen/target/load-gen.jar}"
cluster_cpu() { [[ -n "$postmaster" && -f "$loadgen" ]] && java -cp "$loadgen" org.pledgepad.loadgen.ClusterCpu "$postmaster" "$db" || true; }
for rate in ${rates//,/ }; do
  rows0="$(q "SELECT count(*) FROM document_updates" 2> /dev/null || echo 0)"
  x0="$(q "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")"
  s0="$(q "SELECT wal_sync FROM pg_stat_wal")" # cluster-wide: other databases' flushes count too
  # The cluster's CPU over AppendBench's window (load-gen's ClusterCpu: postmaster and children,
  # so a shared cluster's other work too; and this database's backends), sampled when the bench
  # says its window starts and ends (each sample starts a JVM: ~0.5 s later, at both ends alike).
  line="" c0="" c1=""
  while IFS= read -r l; do
    case "$l" in
      "window start") c0="$(cluster_cpu)" ;;
      "window end") c1="$(cluster_cpu)" ;;
      "{"*) line="$l" ;;
    esac
  done < <(DATABASE_URL="$admin/$db" java -cp "$jar:$root/server/target/test-classes" \
    org.pledgepad.server.bench.AppendBench "$docs" "$rate" "$window" 2> /tmp/append-bench-$$.log)
  [[ -n "$line" ]] || { tail -20 /tmp/append-bench-$$.log >&2; exit 1; }
  if [[ -n "$c0" && -n "$c1" ]]; then
    line="$(echo "$line" | python3 -c 'import json,sys
r = json.load(sys.stdin); (a, b), (c, d) = [map(float, x.split()) for x in sys.argv[1:3]]
k = r["committed"] / 1000
r["dbCpuMsPer1000"] = round((c - a) * 1000 / k, 1) if k else None
r["dbOwnBackendsCpuMsPer1000"] = round((d - b) * 1000 / k, 1) if k else None
r["combinedCpuMsPer1000"] = round(r["jvmCpuMsPer1000"] + r["dbCpuMsPer1000"], 1) if k else None
print(json.dumps(r, separators=(",", ":")))' "$c0" "$c1")"
  fi
  sleep 1.5 # the exiting backends' statistics
  rows1="$(q "SELECT count(*) FROM document_updates")"
  x1="$(q "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")"
  s1="$(q "SELECT wal_sync FROM pg_stat_wal")"
  echo "${line%\}},\"rows\":$((rows1 - rows0)),\"transactions\":$((x1 - x0)),\"walSyncs\":$((s1 - s0))}"
done
rm -f /tmp/append-bench-$$.log
