#!/usr/bin/env bash
# Session 14: the group commit interval against Hocuspocus at low rates on this machine, one run
# per interval, each with Hocuspocus measured in the same run (run44: 5 ms, run45: 10 ms, the default).
cd /work/main/load-bench
for ms in 5 10; do
  run=$([[ $ms == 5 ]] && echo run44 || echo run45)
  GROUP_COMMIT_INTERVAL_MS=$ms OUT=results/2026-11-29/session14/$run-interval$ms SERVERS="hp ours-hp" SKIP_PG=1 \
    WARMUP_SECONDS=30 WARMUP_RATE=30 RATES=10,20,30,40,60 WINDOW=10 ./saturation.sh > /tmp/ab/$run.log 2>&1
  echo "$(date +%T) done $run"
done
