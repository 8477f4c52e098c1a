#!/usr/bin/env bash
# One line per arm and round: per rate p50/p99/CPU, then young-collection totals over the run.
# On PostgreSQL (session 18) CPU is server/cluster/both.
cd /tmp/ab
for f in ${GLOB:-out-*}/results.jsonl; do
  arm=${f%/results.jsonl}; arm=${arm#out-}
  line=$(python3 - "$f" <<'PY'
import json,sys
out=[]
for l in open(sys.argv[1]):
    d=json.loads(l)
    if 'rate' in d and d.get('label','').startswith('ours'):
        cpu = f"{d['serverCpuSecPer1000']}"
        if d.get('dbCpuSecPer1000') is not None:
            cpu += f"/{d['dbCpuSecPer1000']}/{d.get('combinedCpuSecPer1000')}"
        out.append(f"{d['rate']}: {d['p50ms']}/{d['p99ms']} {cpu}")
print(' | '.join(out))
PY
)
  g=gc-$arm.log
  gcs=$(grep -E "Pause Young.*ms$" $g | awk '{gsub("ms","",$NF); print $NF}' | sort -n | awk '{a[NR]=$1; s+=$1} END{printf "young n=%d sum=%.0f p50=%.0f p90=%.0f max=%.0f", NR, s, a[int(NR/2)+1], a[int(NR*0.9)], a[NR]}')
  echo "$arm | $line | $gcs"
done
