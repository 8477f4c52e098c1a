#!/usr/bin/env bash
# System calls and per-thread CPU of our embedded server at 40 edits/s per client, 10 s inside a
# 40 s window after the usual 30 s warm-up. Usage: measure.sh ARM (jar /tmp/jars/ARM.jar)
arm="$1"; here="$(cd "$(dirname "$0")" && pwd)"; out="$here/$arm"; mkdir -p "$out"
cd /work/main/load-bench
SERVERS=ours-hp SKIP_PG=1 WARMUP_SECONDS=30 WARMUP_RATE=30 RATES=40 WINDOW=40 OUT=/tmp/ab/sys-$arm \
  JAR=/tmp/jars/$arm.jar ./saturation.sh > "$out/saturation.log" 2>&1 &
bench=$!
pid=""
for i in $(seq 1 120); do pid=$(pgrep -f "java.*pledgepad.jar" | head -1); [[ -n $pid ]] && break; sleep 1; done
sleep 50   # start, warm-up 30 s, and 10 s into the window
pid=$(pgrep -f "java.*pledgepad.jar" | head -1)   # the server (the first matches were its CLI commands)
threads() { for t in /proc/$pid/task/*; do echo "$(cat $t/comm | tr ' ' _)/${t##*/} $(awk '{print $14+$15}' $t/stat)"; done; }
threads > "$out/threads-before.txt"
perf stat --per-thread -e 'syscalls:sys_enter_pwrite64,syscalls:sys_enter_fsync,syscalls:sys_enter_fdatasync,syscalls:sys_enter_writev,syscalls:sys_enter_write,syscalls:sys_enter_pread64' \
  -p "$pid" -- sleep 10 2> "$out/perf.txt"
threads > "$out/threads-after.txt"
wait $bench
join <(sort -k1,1 "$out/threads-before.txt" | awk '{a[$1]+=$2} END{for(k in a) print k, a[k]}' | sort) \
     <(sort -k1,1 "$out/threads-after.txt" | awk '{a[$1]+=$2} END{for(k in a) print k, a[k]}' | sort) \
  | awk '{d=$3-$2; if (d>0) printf "%-28s %5d ticks\n", $1, d}' | sort -k2 -n -r > "$out/threads-cpu.txt"
