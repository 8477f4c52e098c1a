-- Pledgepad schema v14: the V7 trigger goes; the appending server notifies after its COMMIT.
--
-- Why: a transaction that NOTIFYs takes one lock for the whole cluster at commit and holds it
-- until its commit record is flushed, so notifying transactions commit one after another, each
-- with a flush of its own: PostgreSQL's group commit was lost for every append (measured with
-- pgbench, 4 concurrent appending clients: 136-171 transactions/s with the trigger, 535-650
-- without, see docs/benchmarks.md). The server now sends the same notification
-- (channel pledgepad_updates, payload '<newest seq>:<document name>') in a separate statement
-- after the append committed; that statement writes nothing else and commits without a flush. A node that crashes
-- between the two leaves the other nodes to learn of those rows with the document's next
-- notification or their next catch-up read, as with notifications missed while not listening.
-- All nodes sharing a database must run a server that notifies by itself (this version on).

DROP TRIGGER IF EXISTS document_updates_notify ON document_updates;
DROP FUNCTION IF EXISTS pledgepad_notify_committed_updates();
