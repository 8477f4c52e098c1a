import sys, json, collections
# usage: diff.py samples results.jsonl rate
samples, results, rate = sys.argv[1], sys.argv[2], float(sys.argv[3])
w = None
for l in open(results):
    try: j = json.loads(l)
    except: continue
    if j.get('label','').startswith('ours') and j.get('rate') == rate:
        w = j; break
start = w['windowStartEpochMs']; end = start + 1000*len(w['secondMaxMs'])
snap = collections.defaultdict(dict)
for l in open(samples):
    t, pid, tid, comm, ticks = l.split()
    snap[(pid, int(t))][tid] = (comm, int(ticks))
keys = sorted(snap, key=lambda k: k[1])
def near(ts):
    return min(keys, key=lambda k: abs(k[1]-ts))
a, b = snap[near(start)], snap[near(end)]
secs = (near(end)[1]-near(start)[1])/1000
agg = collections.Counter()
for tid, (comm, tk) in b.items():
    base = a.get(tid, (comm, 0))[1]
    name = comm.rstrip('0123456789-') or comm
    agg[name] += (tk - base)
tot = sum(agg.values())
print(f"rate {rate}: {secs:.0f}s, total {tot/secs:.1f} ticks/s (100 = one core), delivered/s {w['deliveredPerSec']}, cpu/1000 {w['serverCpuSecPer1000']}")
for n, v in agg.most_common(12):
    print(f"  {n:28s} {v/secs:6.2f} ticks/s  {100*v/tot:5.1f}%")
