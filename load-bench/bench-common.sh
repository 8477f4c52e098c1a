# Shared by run.sh, run-cluster.sh and run-cluster-throughput.sh (sourced; needs $here and $OUT).

# Node packages, the server jar (built if missing) and the recommended JVM settings.
# Sets JAR_COPY: a private copy, since other builds may replace the jar while a benchmark runs.
prepare_server_jar() {
  [[ -d node_modules ]] || npm ci --no-audit --no-fund
  local jar_src="${JAR:-$here/../server/target/pledgepad.jar}"
  if [[ ! -f "$jar_src" ]]; then (cd "$here/.." && mvn -q -B -o -pl server -am package -DskipTests); fi
  JAR_COPY="$OUT/pledgepad.jar"
  cp "$jar_src" "$JAR_COPY"
  # The JVM settings the product recommends for production (deploy/jvm.options, see docs/benchmarks.md).
  JVM_OPTIONS="${JVM_OPTIONS:-$here/../deploy/jvm.options}"
}

# An ADMIN account "bench" and a 2-hour token for it, with the jar's operator commands; sets
# TOKEN (empty, with a warning, if minting failed). Arguments: the store's environment.
mint_token() {
  timeout 60 env "$@" java -jar "$JAR_COPY" user add bench --role ADMIN > /dev/null 2>&1 || true
  TOKEN="$(timeout 60 env "$@" java -jar "$JAR_COPY" token --user bench --role ADMIN --ttl 2h 2> /dev/null | tail -1 || true)"
  [[ -n "$TOKEN" ]] || echo "warning: no token minted; our server may refuse writes" >&2
}
