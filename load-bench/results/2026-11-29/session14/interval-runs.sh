#!/usr/bin/env bash
# The group commit interval against Hocuspocus at low rates, one run per interval, each with
# Hocuspocus measured in the same run.
# Usage: interval-runs.sh [SESSION_DIR RUN:MS...]
#   session 14 (the default): interval-runs.sh session14 run44:5 run45:10   (run45: 10 ms, the default)
#   session 15:               interval-runs.sh session15 run51:0 run52:3    (10 ms is run49)
cd /work/main/load-bench
dir=${1:-session14}; shift || true
(( $# )) || set -- run44:5 run45:10
for pair in "$@"; do
  run=${pair%%:*} ms=${pair#*:}
  GROUP_COMMIT_INTERVAL_MS=$ms OUT=results/2026-11-29/$dir/$run-interval$ms SERVERS="hp ours-hp" SKIP_PG=1 \
    WARMUP_SECONDS=30 WARMUP_RATE=30 RATES=10,20,30,40,60 WINDOW=10 ./saturation.sh > /tmp/ab/$run.log 2>&1
  echo "$(date +%T) done $run"
done
