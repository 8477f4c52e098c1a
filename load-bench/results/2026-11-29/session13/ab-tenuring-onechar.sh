#!/usr/bin/env bash
# A/B: server jar base vs onechar (and onechar + MaxTenuringThreshold=1), alternated rounds.
cd /work/main/load-bench
for round in 1 2; do
  for arm in base onechar onechar-mtt1; do
    jar=/tmp/jars/${arm%-mtt1}.jar
    opts=/tmp/ab/jvm-$arm-r$round.options
    { grep -v '^#' ../deploy/jvm.options; echo "-Xlog:gc*:file=/tmp/ab/gc-$arm-r$round.log:uptime"; [[ $arm == *mtt1 ]] && echo "-XX:MaxTenuringThreshold=1"; } > $opts
    SERVERS=ours-hp SKIP_PG=1 WARMUP_SECONDS=30 WARMUP_RATE=30 RATES=10,30,60 WINDOW=20 \
      OUT=/tmp/ab/out-$arm-r$round JAR=$jar JVM_OPTIONS=$opts ./saturation.sh > /tmp/ab/log-$arm-r$round.txt 2>&1
    echo "$(date +%T) done $arm r$round"
  done
done
