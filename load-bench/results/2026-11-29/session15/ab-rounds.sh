#!/usr/bin/env bash
# Session 15's A/B runs: rounds with the arms alternated within each round (ROUNDS, default 2).
# Session 18: AB_SERVERS=ours-pg AB_SKIP_PG=0 runs them on PostgreSQL (default: ours-hp, embedded).
# An arm is JAR or JAR+FLAGS: JAR names a server jar in /tmp/jars, FLAGS names a file
# /tmp/ab/FLAGS.flags whose JVM options go after deploy/jvm.options (the later option wins), and
# /tmp/ab/FLAGS.env, if there is one, whose NAME=value lines go into the server's environment
# (session 16: NATIVE_TRANSPORT=io_uring).
# Usage: [ROUNDS=2] [RATES=10,30,60] [WINDOW=20] ab-rounds.sh PREFIX ARM...   e.g.  ab-rounds.sh s15- base base+mtt0
# Each run: our server alone, WINDOW s windows, GC log beside it; table by session 13's summarise.sh
# (GLOB="out-PREFIX*").
# Rounds s15-, s15p-, s15q-, s15r- ran before 5c9cad2, when deploy/jvm.options was session 14's
# serial settings; to repeat them now, "base" is base+serial14 (ab/serial14.flags). The s15i-,
# s15prof- and s15long- rounds ran with the parallel collector promoting at once (now base+mtt0);
# since the session's last change to deploy/jvm.options it promotes after one collection.
prefix="$1"; shift
cd /work/main/load-bench
for round in $(seq 1 "${ROUNDS:-2}"); do
  for arm in "$@"; do
    jar=${arm%%+*}; flags=; [[ $arm == *+* ]] && flags=${arm#*+}
    run="$prefix${arm//+/-}-r$round"
    opts=/tmp/ab/jvm-$run.options
    { grep -v '^#' ../deploy/jvm.options; echo "-Xlog:gc*:file=/tmp/ab/gc-$run.log:uptime"
      [[ -n $flags ]] && grep -v '^#' "/tmp/ab/$flags.flags"; } > "$opts"
    arm_env=(); [[ -n $flags && -f /tmp/ab/$flags.env ]] && mapfile -t arm_env < <(grep -v '^#' "/tmp/ab/$flags.env")
    env "${arm_env[@]}" SERVERS=${AB_SERVERS:-ours-hp} SKIP_PG=${AB_SKIP_PG:-1} WARMUP_SECONDS=30 WARMUP_RATE=30 RATES=${RATES:-10,30,60} WINDOW=${WINDOW:-20} \
      OUT=/tmp/ab/out-$run JAR=/tmp/jars/$jar.jar JVM_OPTIONS="$opts" ./saturation.sh > /tmp/ab/log-$run.txt 2>&1
    echo "$(date +%T) done $run"
  done
done
