#!/bin/bash
cd /work/main/load-bench  # TOKEN: minted from the bench server's DATA_DIR
for i in $(seq 1 70); do
  t=$(date +%s%3N)
  out=$(PORT=18650 timeout 20 node results/2026-11-29/session19/open-burst/open-burst.mjs "$TOKEN" probe$t- 10 2>/dev/null)
  echo "$t $out"
  sleep 2
done
