import sys, json, collections
# Grid table: cells "p50 / p99, cpu" (pg: server / server+cluster); bold = not sustained.
rows = collections.defaultdict(dict); rates = set()
for l in open(sys.argv[1]):
    try: j = json.loads(l)
    except Exception: continue
    if 'rate' not in j or 'p99ms' not in j: continue
    lab = j['label']; r = j['rate']; rates.add(r)
    if j.get('deliveryRatio', 1) < 0.95:
        cell = f"**{j['deliveryRatio']:.3f} delivered**"
    else:
        cpu = f"{j['serverCpuSecPer1000']:.4f}"
        if j.get('dbCpuSecPer1000') is not None:
            cpu += f" / {j['combinedCpuSecPer1000']:.4f}"
        cell = f"{j['p50ms']} / {j['p99ms']}, {cpu}"
    rows[lab][r] = (cell, j)
rates = sorted(rates)
print('| edits/s per client | ' + ' | '.join(map(str, rates)) + ' |')
print('|---|' + '---|' * len(rates))
for lab, d in rows.items():
    print(f"| {lab} | " + ' | '.join(d[r][0] if r in d else '–' for r in rates) + ' |')
hp = rows.get('hocuspocus', {})
for lab, d in rows.items():
    if lab == 'hocuspocus': continue
    cr = []; pr = []
    for r in rates:
        if r in d and r in hp and hp[r][1].get('deliveryRatio',1) >= 0.95 and d[r][1].get('deliveryRatio',1) >= 0.95:
            a, b = d[r][1], hp[r][1]
            c = a['serverCpuSecPer1000'] / b['serverCpuSecPer1000']
            extra = ''
            if a.get('dbCpuSecPer1000') is not None:
                extra = f"/{a['combinedCpuSecPer1000']/b['serverCpuSecPer1000']:.2f}"
            cr.append(f"{r}:{c:.2f}{extra}"); pr.append(f"{r}:{a['p99ms']/b['p99ms']:.2f}")
    print(f"{lab}: cpu ratio {' '.join(cr)}\n   p99 ratio {' '.join(pr)}")
