#!/bin/bash
# usage: cpu.sh N DOCS MODE [pre-sql] [wrap]  -> backend CPU ms per execution
N=$1; D=$2; MODE=$3; PRE="$4"; WRAP="$5"
psql -h 127.0.0.1 -U postgres -d plantest -qc "TRUNCATE document_updates; UPDATE documents SET head_seq=0, head_hash=decode(repeat('00',32),'hex')"
python3 gen.py $N $D $MODE | grep -v EXPLAIN > body.sql
rm -f pid
{
  echo "$PRE"
  echo '\pset tuples_only on'
  echo 'SELECT pg_backend_pid() \g /tmp/plan/pid'
  head -12 body.sql
  echo '\! /tmp/plan/stat.sh before'
  [ "$WRAP" = tx ] && echo "BEGIN;"
  sed -n '13,$p' body.sql
  [ "$WRAP" = tx ] && echo "COMMIT;"
  echo '\! /tmp/plan/stat.sh after'
} > run.sql
psql -h 127.0.0.1 -U postgres -d plantest -q -f run.sql > /dev/null
b=$(cat before); a=$(cat after); n=$(( $(wc -l < body.sql) - 12 ))
awk -v a=$a -v b=$b -v n=$n -v l="$MODE $D docs $WRAP ${PRE:0:30}" 'BEGIN {printf "%-60s %d ms CPU / %d = %.3f ms each\n", l, (a-b)*10, n, (a-b)*10/n}'
