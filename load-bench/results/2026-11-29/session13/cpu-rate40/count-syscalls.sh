#!/usr/bin/env bash
# count send-side syscalls of the server process during its step at rate 40
pat="$1"; out="$2"
for i in $(seq 1 300); do pid=$(pgrep -f "$pat" | head -1); [ -n "$pid" ] && break; sleep 1; done
sleep 50
perf stat -e 'syscalls:sys_enter_writev,syscalls:sys_enter_write,syscalls:sys_enter_sendto,syscalls:sys_enter_sendmsg,syscalls:sys_enter_read,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_fsync,syscalls:sys_enter_fdatasync,syscalls:sys_enter_pwrite64' -p $pid sleep 10 > $out 2>&1
