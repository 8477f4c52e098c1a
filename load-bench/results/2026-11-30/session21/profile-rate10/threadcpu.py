#!/usr/bin/env python3
# usage: threadcpu.py PID SECONDS -> per-thread user/sys CPU over the interval, grouped by name
import os, sys, time, re, collections
pid=int(sys.argv[1]); secs=float(sys.argv[2]); tck=os.sysconf('SC_CLK_TCK')
def snap():
    out={}
    for t in os.listdir(f'/proc/{pid}/task'):
        try:
            s=open(f'/proc/{pid}/task/{t}/stat').read()
            name=s[s.index('(')+1:s.rindex(')')]
            f=s[s.rindex(')')+2:].split()
            out[t]=(name,int(f[11]),int(f[12]))
        except Exception: pass
    return out
a=snap(); time.sleep(secs); b=snap()
g=collections.defaultdict(lambda:[0,0])
for t,(n,u,s) in b.items():
    u0,s0=(a[t][1],a[t][2]) if t in a else (0,0)
    key=re.sub(r'\d+','#',n)
    g[key][0]+=u-u0; g[key][1]+=s-s0
tot=sum(u+s for u,s in g.values())
print(f"total {tot/tck/secs*100:.1f}% of a core over {secs}s (user {sum(u for u,s in g.values())/tck/secs*100:.1f}%, sys {sum(s for u,s in g.values())/tck/secs*100:.1f}%)")
for k,(u,s) in sorted(g.items(), key=lambda x:-(x[1][0]+x[1][1])):
    if u+s==0: continue
    print(f"{k:40s} user {u/tck/secs*100:5.1f}%  sys {s/tck/secs*100:5.1f}%  share {(u+s)/tot*100:5.1f}%")
