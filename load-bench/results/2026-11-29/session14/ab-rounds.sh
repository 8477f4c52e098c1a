#!/usr/bin/env bash
# Session 14's A/B runs, now through session 15's ab-rounds.sh (the same loop: two rounds, arms
# alternated, our server alone, 20 s windows, GC log beside each run), with session 14's serial
# collector settings added to each arm, since deploy/jvm.options has changed since (session 15).
# Runs of session 14:  ab-rounds.sh s14- base recent       (recent: the embedded store's two-part log)
#                      RATES=30,60,120 ab-rounds.sh s14b- base slots  (slots: ClientSlots in the CRDT)
# Each arm is the name of a server jar in /tmp/jars; run names now end in "-serial14-rN".
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p /tmp/ab && cp "$here/../session15/ab/serial14.flags" /tmp/ab/
prefix="$1"; shift
arms=(); for arm in "$@"; do arms+=("$arm+serial14"); done
exec "$here/../session15/ab-rounds.sh" "$prefix" "${arms[@]}"
