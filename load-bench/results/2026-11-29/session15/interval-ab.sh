#!/usr/bin/env bash
# Session 15: group commit interval 10 ms (the default) against 3 ms, our server alone, two
# alternated rounds, parallel collector (deploy/jvm.options) with a GC log beside each run.
# Table: GLOB="out-s15i*" ../session13/summarise.sh (run in /tmp/ab).
cd /work/main/load-bench
for round in 1 2; do
  for ms in 10 3; do
    run="s15i-interval$ms-r$round"; opts=/tmp/ab/jvm-$run.options
    { grep -v '^#' ../deploy/jvm.options; echo "-Xlog:gc*:file=/tmp/ab/gc-$run.log:uptime"; } > "$opts"
    GROUP_COMMIT_INTERVAL_MS=$ms SERVERS=ours-hp SKIP_PG=1 WARMUP_SECONDS=30 WARMUP_RATE=30 RATES=10,20,30,40,60 WINDOW=20 \
      OUT=/tmp/ab/out-$run JAR=/tmp/jars/base.jar JVM_OPTIONS="$opts" ./saturation.sh > /tmp/ab/log-$run.txt 2>&1
    echo "$(date +%T) done $run"
  done
done
