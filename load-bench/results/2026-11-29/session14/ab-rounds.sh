#!/usr/bin/env bash
# The session's A/B runs: two rounds, the arms alternated within each round. Each arm is the name
# of a server jar in /tmp/jars (built from the commit under test), optionally with "-mtt1" for
# -XX:MaxTenuringThreshold=1 on top of deploy/jvm.options (before fb133de made it the default).
# Usage: ab-rounds.sh PREFIX ARM...   e.g.  ab-rounds.sh s2- onechar deleted
# Each run: our server alone, 10/30/60 edits/s per client, 20 s windows, GC log beside it.
# Runs of this session:  ab-rounds.sh "" base onechar onechar-mtt1 (deploy/jvm.options as of e8aabb6,
#                        without MaxTenuringThreshold: git show e8aabb6:deploy/jvm.options);  ab-rounds.sh s2- onechar deleted;
#                        ab-rounds.sh s3- deleted cstring        (then summarise.sh for the table)
# Session 14:            ab-rounds.sh s14- base recent  (recent: the embedded store's two-part log)
#                        RATES=30,60,120 ab-rounds.sh s14b- base slots  (slots: ClientSlots in the CRDT)
prefix="$1"; shift
cd /work/main/load-bench
for round in 1 2; do
  for arm in "$@"; do
    run="$prefix$arm-r$round"
    opts=/tmp/ab/jvm-$run.options
    { grep -v '^#' ../deploy/jvm.options; echo "-Xlog:gc*:file=/tmp/ab/gc-$run.log:uptime"
      [[ $arm == *-mtt1 ]] && echo "-XX:MaxTenuringThreshold=1"; } > "$opts"
    SERVERS=ours-hp SKIP_PG=1 WARMUP_SECONDS=30 WARMUP_RATE=30 RATES=${RATES:-10,30,60} WINDOW=20 \
      OUT=/tmp/ab/out-$run JAR=/tmp/jars/${arm%-mtt1}.jar JVM_OPTIONS="$opts" ./saturation.sh > /tmp/ab/log-$run.txt 2>&1
    echo "$(date +%T) done $run"
  done
done
