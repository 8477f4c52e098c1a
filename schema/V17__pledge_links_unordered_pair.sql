-- Pledgepad schema v17: one link per unordered pair of pledges (review 2026-11-30, pledges item 11).
-- V4's UNIQUE (a, b) does not cover (b, a): two nodes linking x→y and y→x at once stored both.
-- A database that already holds both directions of a pair keeps the older link (created_at, then
-- id) and drops the newer one before the index is built: both say the pair is linked, and the
-- older one was the first statement of it; the newer one's kind, author and time are not kept.
-- created_at is ISO-8601 text with a varying number of fraction digits, so it is compared as a time.
DELETE FROM pledge_links n
 USING pledge_links o
 WHERE o.a = n.b AND o.b = n.a
   AND (o.created_at::timestamptz < n.created_at::timestamptz
        OR (o.created_at::timestamptz = n.created_at::timestamptz AND o.id < n.id));

CREATE UNIQUE INDEX pledge_links_unordered_pair ON pledge_links (LEAST(a, b), GREATEST(a, b));
