-- Pledgepad schema v18: one restore per document at a time across server nodes (review 2026-11-30,
-- history item 10; history/README.md, "Server: revision cache and restore notes"). A node holds
-- the row of a document from before it plans a restore until the restore's update is logged; a
-- node finding the row of another holder that has not expired answers 409. owner is a random
-- token of that one turn (no person, no node address); expires_ms is PostgreSQL's clock
-- (clock_timestamp, epoch milliseconds), so the nodes' clocks never meet in one comparison.
-- A holder that crashed leaves its row behind until expires_ms; the next restore then takes it
-- over. No foreign key: the turn is taken before the document is looked up, and a row of a
-- document that does not exist is deleted again by the same request.
CREATE TABLE restore_leases (
  document   text PRIMARY KEY,
  owner      text NOT NULL,
  expires_ms bigint NOT NULL
);
