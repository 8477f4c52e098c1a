import sys,collections
# Aggregates collector-thread samples of async-profiler collapsed files: self frames (leaf) and
# top-level phases (a frame chosen by a keyword list), per thread name prefix.
thread_prefix=sys.argv[1]; files=sys.argv[2:]
total=0; leaf=collections.Counter(); inc=collections.Counter()
for f in files:
    for line in open(f):
        stack,n=line.rstrip().rsplit(' ',1); n=int(n)
        frames=stack.split(';')
        if not frames[0].startswith('['+thread_prefix): continue
        total+=n
        leaf[frames[-1]]+=n
        for fr in set(frames[1:]):
            inc[fr]+=n
print('total samples (ms)',total)
print('-- self')
for k,v in leaf.most_common(15): print(f"{v:6d} {100*v/total:5.1f}% {k[:150]}")
print('-- inclusive')
for k,v in inc.most_common(40): print(f"{v:6d} {100*v/total:5.1f}% {k[:150]}")
