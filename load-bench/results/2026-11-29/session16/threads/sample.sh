#!/usr/bin/env bash
# Samples per-thread CPU ticks of the pledgepad server every second: lines "epochms tid comm ticks".
out=$1
while true; do
  pid=$(pgrep -f 'pledgepad.jar$' | head -1)
  [[ -z $pid ]] && pid=$(pgrep -f 'java.*pledgepad.jar' | head -1)
  if [[ -n $pid ]]; then
    now=$(date +%s%3N)
    for t in /proc/$pid/task/*; do
      read -r line < $t/stat 2>/dev/null || continue
      comm=$(cat $t/comm 2>/dev/null | tr ' ' '_')
      rest=${line##*) }
      set -- $rest
      echo "$now $pid ${t##*/} $comm $(( ${12} + ${13} ))"
    done >> "$out"
  fi
  sleep 1
done
