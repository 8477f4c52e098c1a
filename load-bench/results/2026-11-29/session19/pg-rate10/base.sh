#!/bin/bash
# base.sh "STATEMENT" N
{
  echo '\pset tuples_only on'
  echo 'SELECT pg_backend_pid() \g /tmp/plan/pid'
  echo "$3"
  for i in $(seq 1 20); do echo "$1"; done
  echo '\! /tmp/plan/stat.sh before'
  for i in $(seq 1 $2); do echo "$1"; done
  echo '\! /tmp/plan/stat.sh after'
} > base.sql
psql -h 127.0.0.1 -U postgres -d plantest -q -f base.sql > /dev/null
awk -v a=$(cat after) -v b=$(cat before) -v n=$2 -v l="$1" 'BEGIN {printf "%-70s %.3f ms each\n", substr(l,1,70), (a-b)*10/n}'
