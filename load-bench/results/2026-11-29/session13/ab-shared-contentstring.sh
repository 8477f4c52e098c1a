#!/usr/bin/env bash
# A/B: onechar vs deleted (shared ContentDeleted), both with the shipped jvm.options (mtt1 now).
cd /work/main/load-bench
for round in 1 2; do
  for arm in deleted cstring; do
    opts=/tmp/ab/jvm3-$arm-r$round.options
    { grep -v '^#' ../deploy/jvm.options; echo "-Xlog:gc*:file=/tmp/ab/gc-s3-$arm-r$round.log:uptime"; } > $opts
    SERVERS=ours-hp SKIP_PG=1 WARMUP_SECONDS=30 WARMUP_RATE=30 RATES=10,30,60 WINDOW=20 \
      OUT=/tmp/ab/out-s3-$arm-r$round JAR=/tmp/jars/$arm.jar JVM_OPTIONS=$opts ./saturation.sh > /tmp/ab/log-s3-$arm-r$round.txt 2>&1
    echo "$(date +%T) done $arm r$round"
  done
done
