#!/bin/bash
# samples the embedded store's WAL size and the server's commit-path stalls every 0.2 s
while true; do
  for f in /tmp/pledgepad-bench-data.*/pledgepad.sqlite-wal; do
    [ -f "$f" ] && echo "$(date +%s.%N | cut -c1-14) $(stat -c %s "$f")"
  done
  sleep 0.2
done
