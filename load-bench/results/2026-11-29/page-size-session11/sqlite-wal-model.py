import sqlite3, os, time, random
random.seed(1)
docs=50; rows=60; commits=1000
names=[f'bench-doc-{i:04d}-xxxxxxxx' for i in range(docs)]
payload=[(os.urandom(40),os.urandom(32),os.urandom(16),os.urandom(32)) for _ in range(rows*commits)]
choice=[random.randrange(docs) for _ in range(rows*commits)]
def setup(page):
    p=f'/tmp/sq/t2_{page}.db'
    for s in ['','-wal','-shm']:
        try: os.remove(p+s)
        except: pass
    c=sqlite3.connect(p, isolation_level=None)
    c.execute(f'PRAGMA page_size={page}')
    c.execute('PRAGMA journal_mode=WAL'); c.execute('PRAGMA synchronous=FULL'); c.execute('PRAGMA foreign_keys=ON')
    c.execute('PRAGMA wal_autocheckpoint=0')
    c.execute('CREATE TABLE documents(name TEXT PRIMARY KEY, x INTEGER)')
    c.execute('CREATE TABLE u(document TEXT NOT NULL REFERENCES documents(name), seq INTEGER NOT NULL, created_at INTEGER, actor TEXT, connection_id TEXT, update_v1 BLOB, hash BLOB, salt BLOB, commitment BLOB, erased_at INTEGER, PRIMARY KEY(document,seq))')
    for n in names: c.execute('INSERT INTO documents VALUES(?,0)',(n,))
    seq={n:0 for n in names}
    c.execute('BEGIN')
    for i in range(200000):
        n=names[i%docs]; seq[n]+=1
        c.execute('INSERT INTO u VALUES(?,?,?,?,?,?,?,?,?,NULL)',(n,seq[n],1,'actor-xyz','conn-123456')+payload[i%len(payload)])
    c.execute('COMMIT'); c.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    batches=[]
    k=0
    for _ in range(commits):
        b=[]
        for r in range(rows):
            n=names[choice[k]]; seq[n]+=1
            b.append((n,seq[n],1,'actor-xyz','conn-123456')+payload[k]); k+=1
        batches.append(b)
    return c,p,batches
def run(page):
    c,p,batches=setup(page)
    t=time.process_time()
    for b in batches:
        c.execute('BEGIN'); c.executemany('INSERT INTO u VALUES(?,?,?,?,?,?,?,?,?,NULL)',b); c.execute('COMMIT')
    cpu=time.process_time()-t
    return cpu/commits*1e3, os.path.getsize(p+'-wal')/commits/1024
for r in range(3):
    for page in (4096,2048,1024):
        cpu,wal=run(page); print(r,page,f'cpu/commit {cpu:.3f} ms, WAL/commit {wal:.0f} KiB')
