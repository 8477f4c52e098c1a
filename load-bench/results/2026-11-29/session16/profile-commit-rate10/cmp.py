import sys, collections, gzip
# usage: cmp.py A-files... -- B-files... ; per-thread totals and top inclusive frames per thread group
def load(files):
    th = collections.Counter(); inc = collections.defaultdict(collections.Counter); leaf = collections.defaultdict(collections.Counter)
    for f in files:
        for line in (gzip.open(f, "rt") if f.endswith(".gz") else open(f)):
            stack, n = line.rstrip().rsplit(' ', 1); n = int(n)
            fr = stack.split(';'); t = fr[0].strip('[]').split(' tid=')[0]
            t = t.rstrip('0123456789-') 
            th[t] += n
            for x in set(fr[1:]): inc[t][x] += n
            leaf[t][fr[-1]] += n
    return th, inc, leaf
i = sys.argv.index('--')
A, B = load(sys.argv[1:i]), load(sys.argv[i+1:])
print('thread totals (samples, 1 ms each)')
for t in sorted(set(A[0]) | set(B[0]), key=lambda t: -(A[0][t] + B[0][t]))[:10]:
    print(f"  {t:40s} {A[0][t]:7d} {B[0][t]:7d}  diff {B[0][t]-A[0][t]:+d}")
for t in [x for x,_ in (A[0]+B[0]).most_common(3)]:
    print('==', t, 'inclusive frames with the largest growth')
    d = collections.Counter()
    for k in set(A[1][t]) | set(B[1][t]):
        d[k] = B[1][t][k] - A[1][t][k]
    for k, v in d.most_common(40):
        print(f"  {v:+6d}  {A[1][t][k]:6d} -> {B[1][t][k]:6d}  {k[:140]}")
