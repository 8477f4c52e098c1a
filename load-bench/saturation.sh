#!/usr/bin/env bash
# The saturation search of issue 3 with the generator off the server's core: run.sh's load section
# with every server process on CPU 0 and the Java generator (lean clients) on CPU 1, on a grid
# fine enough to resolve each server's saturation point (steps of 10 edits/s per client up to
# 120, then 20). About 10-13 minutes: each server stops at its first step that is not sustained.
# Any run.sh setting can be overridden, e.g. SKIP_PG=1, OUT=/tmp/sat, RATES=..., GEN_CPUS=1.
# Tables (saturation points and ratios) at the end; raw lines in $OUT/results.jsonl.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export SECTIONS="${SECTIONS:-load}" SERVER_CPUS="${SERVER_CPUS:-0}" GEN_CPUS="${GEN_CPUS:-1}" CLIENT_MODE="${CLIENT_MODE:-lean}"
export RATES="${RATES:-20,40,50,60,70,80,90,100,110,120,140,160,180,200,240}"
exec "$here/run.sh"
