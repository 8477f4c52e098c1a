#!/usr/bin/env python3
"""WAL frames per group commit for variants of the embedded store's log layout, with plain SQLite
(no server): 50 documents, each commit one row per document plus the documents-row head update,
like a busy group commit. A read transaction held open keeps the WAL from restarting, so its
growth is every frame written. Compares the layout in use (TEXT document names, rowid table +
(document, seq) index) with WITHOUT ROWID, integer document ids, and no head update.
Usage: server/bench/wal-layout.py [DOCS=50] [ROUNDS=300]"""
import os
import sqlite3
import sys
import tempfile

DOCS = int(sys.argv[1]) if len(sys.argv) > 1 else 50
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 300
PAGE = 4096


def frames_per_commit(without_rowid=False, integer_ids=False, heads=True):
    path = os.path.join(tempfile.mkdtemp(), "layout.sqlite")
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("PRAGMA synchronous=FULL")
    c.execute("CREATE TABLE documents (name TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL,"
              " stage TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
              " head_seq INTEGER NOT NULL DEFAULT 0, head_hash BLOB NOT NULL)")
    c.execute("CREATE TABLE document_updates (document " + ("INTEGER" if integer_ids else "TEXT")
              + " NOT NULL, seq INTEGER NOT NULL, created_at INTEGER NOT NULL, actor TEXT NOT NULL,"
              " connection_id TEXT NOT NULL, update_v1 BLOB, hash BLOB NOT NULL, salt BLOB, commitment BLOB,"
              " erased_at INTEGER, PRIMARY KEY (document, seq))" + (" WITHOUT ROWID" if without_rowid else ""))
    names = ["doc-%08x-aaaa-bbbb-cccc-%012d" % (i, i) for i in range(DOCS)]  # UUID-length names
    for n in names:
        c.execute("INSERT INTO documents VALUES (?, ?, 'doc', 'draft', 0, 0, 0, ?)", (n, n, os.urandom(32)))
    seq = 0

    def commit():
        nonlocal seq
        seq += 1
        c.execute("BEGIN")
        for i, n in enumerate(names):
            c.execute("INSERT INTO document_updates VALUES (?, ?, 1700000000000, 'user-123', 'conn-abcdef',"
                      " ?, ?, ?, ?, NULL)", (i if integer_ids else n, seq, os.urandom(40), os.urandom(32),
                                             os.urandom(32), os.urandom(32)))
        if heads:
            for n in names:
                c.execute("UPDATE documents SET head_seq = ?, head_hash = ?, updated_at = ? WHERE name = ?",
                          (seq, os.urandom(32), seq, n))
        c.execute("COMMIT")

    for _ in range(200):  # every document has index leaves of its own, as in a used store
        commit()
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM documents").fetchall()
    before = os.path.getsize(path + "-wal")
    for _ in range(ROUNDS):
        commit()
    return (os.path.getsize(path + "-wal") - before) / (PAGE + 24) / ROUNDS


for label, kw in [("in use: TEXT names, rowid table + index", {}),
                  ("WITHOUT ROWID", {"without_rowid": True}),
                  ("integer document ids", {"integer_ids": True}),
                  ("in use, without the head update", {"heads": False}),
                  ("integer ids, without the head update", {"integer_ids": True, "heads": False})]:
    print(f"{frames_per_commit(**kw):6.1f} WAL frames per {DOCS}-document commit  {label}")
