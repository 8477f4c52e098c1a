# Generates a psql script: PREPARE the server's append statement, run it N times with
# 20 documents x 1 row each (rate-10 commit shape), then EXPLAIN ANALYZE one more execution.
import sys, re, random
sql = open('/tmp/plan/append.sql').read().strip()
N = int(sys.argv[1]); DOCS = int(sys.argv[2]); mode = sys.argv[3]
out = []
out.append("SET plan_cache_mode = %s;" % mode)
out.append("PREPARE app(text[], bigint[], bytea[], bigint[], bytea[], timestamptz, text[], bigint[], text[], text[], bytea[], bytea[], bytea[], bytea[]) AS " + sql + ";")
heads = {}
def h(n): return "'\\x%064x'" % n
def arr(xs, t): return "ARRAY[%s]::%s[]" % (",".join(xs), t)
cnt = 0
def call(explain=False):
    global cnt
    docs = sorted(random.sample(range(50), DOCS))
    names=[]; fs=[]; fh=[]; ts=[]; th=[]
    rd=[]; rs=[]; ra=[]; rc=[]; ru=[]; rh=[]; rsa=[]; rco=[]
    for d in docs:
        s = heads.get(d, 0); cnt += 1
        names.append("'d%02d'" % d); fs.append(str(s)); fh.append(h(s)); ts.append(str(s+1)); th.append(h(s+1))
        rd.append("'d%02d'" % d); rs.append(str(s+1)); ra.append("'bench'"); rc.append("'c1'")
        ru.append("'\\x%s'" % ("ab"*30)); rh.append(h(s+1)); rsa.append(h(7)); rco.append(h(9))
        heads[d] = s+1
    args = ",".join([arr(names,'text'),arr(fs,'bigint'),arr(fh,'bytea'),arr(ts,'bigint'),arr(th,'bytea'),"now()",
        arr(rd,'text'),arr(rs,'bigint'),arr(ra,'text'),arr(rc,'text'),arr(ru,'bytea'),arr(rh,'bytea'),arr(rsa,'bytea'),arr(rco,'bytea')])
    return ("EXPLAIN (ANALYZE, SUMMARY, COSTS) " if explain else "") + "EXECUTE app(%s);" % args
for i in range(N):
    out.append(call())
out.append(call(True))
out.append(call(True))
print("\n".join(out))
