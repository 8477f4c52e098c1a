import sys,collections,gzip
# usage: under.py THREADPREFIX FRAME files... : inclusive frames below FRAME in that thread
pre, frame, files = sys.argv[1], sys.argv[2], sys.argv[3:]
inc=collections.Counter(); tot=0; all=0
for f in files:
  for line in (gzip.open(f, "rt") if f.endswith(".gz") else open(f)):
    st,n=line.rstrip().rsplit(' ',1); n=int(n); fr=st.split(';')
    if not fr[0].startswith('['+pre): continue
    all+=n
    if frame not in fr: continue
    tot+=n; i=fr.index(frame)
    for x in set(fr[i+1:]): inc[x]+=n
print('thread',all,frame,tot)
for k,v in inc.most_common(40): print(f"{v:6d} {k[:150]}")
