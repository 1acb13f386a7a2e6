-- Useful queries on the marketwatch database, for sqlite-utils, Datasette or the sqlite3 shell.
--   sqlite-utils query ~/.local/share/marketwatch/marketwatch.db "$(sed -n '/name: top-pairs/,/;/p' contrib/queries.sql)"
-- Tables: stories (one row per entry; kind is NULL when it matched nothing), story_companies
-- (role 'party' or 'mentioned'), story_pairs (company = the OEM, partner = the tech company,
-- deal_type the pair's own), story_deals (each party's own deal types, which `--deal` and the
-- dashboard's deal filter count), story_alliances, story_feeds, feeds. Dates are UTC ISO 8601 text ("2026-11-23T09:00:00Z").
-- tests/test_cli_docs.py runs every query below against a test database.

-- name: top-pairs
-- The OEM-tech pairs with the most tie-up stories.
SELECT company AS oem, partner AS tech, count(*) AS stories, max(published) AS latest
FROM story_pairs
WHERE kind = 'oem-tech'
GROUP BY company, partner
ORDER BY stories DESC, latest DESC
LIMIT 20;

-- name: tieups-per-week
-- Tie-up stories per week (weeks start on Monday), most recent first.
SELECT date(published, '-6 days', 'weekday 1') AS week, count(*) AS tieups
FROM stories
WHERE kind = 'oem-tech'
GROUP BY week
ORDER BY week DESC
LIMIT 26;

-- name: company-stories
-- One company's tie-up stories, newest first (sqlite-utils: -p company Toyota).
SELECT s.published, s.title, s.url, s.deal_type
FROM stories s
JOIN story_companies c ON c.story_id = s.id
WHERE c.company = :company AND c.role = 'party' AND s.kind = 'oem-tech'
ORDER BY s.published DESC;

-- name: deal-types
-- What kind of deals the tie-ups are, by each story's main deal (`--deal` also counts the other
-- deals a story reports, from story_deals).
SELECT coalesce(deal_type, 'unclassified') AS deal_type, count(*) AS stories
FROM stories
WHERE kind = 'oem-tech'
GROUP BY 1
ORDER BY stories DESC;

-- name: failing-feeds
-- Feeds whose last fetch failed, the longest-failing first.
SELECT coalesce(name, title, url) AS feed, error, failures, last_ok
FROM feeds
WHERE status = 'error'
ORDER BY failures DESC;
