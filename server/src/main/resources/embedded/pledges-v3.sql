-- Embedded twin of schema/V17__pledge_links_unordered_pair.sql: one link per unordered pair.
-- Both directions of a pair already stored: the older link (created_at, then id) stays, the
-- newer one is dropped. min/max of two arguments are SQLite's scalar LEAST/GREATEST.
DELETE FROM pledge_links
 WHERE EXISTS (SELECT 1 FROM pledge_links o
                WHERE o.a = pledge_links.b AND o.b = pledge_links.a
                  AND (julianday(o.created_at) < julianday(pledge_links.created_at)
                       OR (julianday(o.created_at) = julianday(pledge_links.created_at) AND o.id < pledge_links.id)));

CREATE UNIQUE INDEX IF NOT EXISTS pledge_links_unordered_pair ON pledge_links (min(a, b), max(a, b));
