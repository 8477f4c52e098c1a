#!/usr/bin/env bash
# Session 15. For each arm (see ab-rounds.sh for arms): one run at RATE for a 60 s window; at server uptime AT seconds, a full collection
# (jcmd GC.run) shows in the GC log how much of the old generation was garbage.
cd /work/main/load-bench
for arm in "$@"; do
  jar=${arm%%+*}; flags=; [[ $arm == *+* ]] && flags=${arm#*+}
  run="fullgc-${arm//+/-}"; opts=/tmp/ab/jvm-$run.options
  { grep -v '^#' ../deploy/jvm.options; echo "-Xlog:gc*:file=/tmp/ab/gc-$run.log:uptime"
    [[ -n $flags ]] && grep -v '^#' "/tmp/ab/$flags.flags"; } > "$opts"
  ( for i in $(seq 1 60); do pid=$(pgrep -f "jvm-$run.options" | head -1); [[ -n $pid ]] && break; sleep 2; done
    # the CLI commands before the server match too; wait for a process that stays
    sleep ${AT:-100}; pid=$(pgrep -f "jvm-$run.options" | tail -1); jcmd "$pid" GC.run > /tmp/ab/jcmd-$run.txt 2>&1 ) &
  SERVERS=ours-hp SKIP_PG=1 WARMUP_SECONDS=30 WARMUP_RATE=30 RATES=${RATE:-60} WINDOW=60 \
    OUT=/tmp/ab/out-$run JAR=/tmp/jars/$jar.jar JVM_OPTIONS="$opts" ./saturation.sh > /tmp/ab/log-$run.txt 2>&1
  wait
  echo "$(date +%T) done $run"
done
