"""Share of PostgreSQL's backend CPU per executor / commit stage, from `perf script` output.

usage: perf script -i perf.data --comm postgres > ps.txt; python3 breakdown.py ps.txt
A sample counts for every listed function on its stack (inclusive). Symbols of the Debian
postgres binary without debug info: static functions show as their nearest exported neighbour or
as bare addresses, so only exported names are listed.
"""
import sys

stacks, cur = [], []
for line in open(sys.argv[1]):
    line = line.rstrip('\n')
    if not line.strip():
        if cur:
            stacks.append(cur)
            cur = []
        continue
    if line[0] in ' \t':
        parts = line.strip().split(None, 1)
        cur.append((parts[1] if len(parts) > 1 else parts[0]).split('+0x')[0])
if cur:
    stacks.append(cur)
n = len(stacks)
groups = [
    ('statement execution (PortalRun)', 'PortalRun'),
    ('  executor start (plan init)', 'standard_ExecutorStart'),
    ('  executor run', 'standard_ExecutorRun'),
    ('    heap_insert (log rows, snapshots)', 'heap_insert'),
    ('    index inserts (primary keys)', 'ExecInsertIndexTuples'),
    ('    CHECK / NOT NULL constraints', 'ExecConstraints'),
    ('    snapshot compression (pglz)', 'toast_compress_datum'),
    ('    documents head UPDATE (heap_update)', 'heap_update'),
    ('    scans (unnest, CTE, documents lookup; ExecScan)', 'ExecScan'),
    ('    buffer lookups (ReadBufferExtended)', 'ReadBufferExtended'),
    ('  executor finish (after-statement trigger)', 'standard_ExecutorFinish'),
    ('    of it the plpgsql check (V15)', 'plpgsql_exec_trigger'),
    ('commit (CommitTransactionCommand)', 'CommitTransactionCommand'),
    ('  WAL flush (XLogFlush)', 'XLogFlush'),
    ('    of it fdatasync', 'fdatasync'),
    ('parsing simple queries (BEGIN/COMMIT, the peer count)', 'pg_parse_query'),
    ('binary array parameters (array_recv)', 'array_recv'),
    ('cached plan lookup (GetCachedPlan)', 'GetCachedPlan'),
    ('socket send', '__send'),
    ('socket receive', 'secure_read'),
]
print(f"{n} samples of postgres processes")
print("| stage | share of PostgreSQL's CPU |\n|---|---|")
for label, fn in groups:
    k = sum(1 for s in stacks if fn in s)
    print(f"| {label} | {100 * k / n:.1f} % |")
