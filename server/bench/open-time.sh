#!/usr/bin/env bash
# Open time of a document with a long log (issue target: 100,000 logged updates open in <= 200 ms).
# Logs N updates through a real session (group commit, snapshots by the server's policy, no final
# snapshot: the state after kill -9), then opens the document in fresh JVMs (cold) and repeatedly
# in one JVM (warm). Embedded store by default; PostgreSQL when DATABASE_URL is set.
# Usage: server/bench/open-time.sh [N=100000] [b4|random] [COLD=3] [WARM=5]
#   (needs `mvn -B -pl server -am package -DskipTests` first, or SKIP_BUILD=0 to build)
# Env: B4_TRACE (default shared/data/automerge-paper.json.gz beside the repository or the worktree),
#      SNAPSHOT_EVERY, SNAPSHOT_MAX_TAIL (default: the server's), DATABASE_URL, JAVA_OPTS,
#      TAIL=K (write the worst case: a snapshot at N-K, then K updates without one).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-100000}" kind="${2:-b4}" cold="${3:-3}" warm="${4:-5}"
for t in "${B4_TRACE:-}" "$root/../shared/data/automerge-paper.json.gz" "$root/../../shared/data/automerge-paper.json.gz"; do
  if [[ -n "$t" && -f "$t" ]]; then export B4_TRACE="$t"; break; fi
done
if [[ "${SKIP_BUILD:-1}" == 0 || ! -f "$root/server/target/pledgepad.jar" ]]; then
  (cd "$root" && mvn -q -B -pl server -am package -DskipTests)
fi
# The fat jar has every runtime dependency; the bench classes are test classes.
cp="$root/server/target/pledgepad.jar:$root/server/target/test-classes"
data="$(mktemp -d /tmp/pledgepad-open-bench.XXXXXX)"
trap 'rm -rf "$data"' EXIT
export DATA_DIR="$data"
doc="open-bench-$kind-$n-$RANDOM"
bench() { # the store's and session's INFO logs go to a file, shown when the bench fails
  java ${JAVA_OPTS:-} -cp "$cp" org.pledgepad.server.bench.OpenTimeBench "$@" 2>>"$data/bench.log" | grep '^{' \
    || { tail -30 "$data/bench.log" >&2; return 1; }
}
bench write "$doc" "$n" "$kind"
for _ in $(seq 1 "$cold"); do bench open "$doc" 1 | sed 's/"round"/"jvm":"cold","round"/'; done
bench open "$doc" "$warm" | sed 's/"round"/"jvm":"warm","round"/'
echo "{\"store\":\"${DATABASE_URL:+postgres}${DATABASE_URL:-embedded}\",\"load1\":\"$(cut -d' ' -f1 /proc/loadavg)\"}" | sed 's#postgres[^"]*#postgres#'
