"""Search across a site and across the portal, insensitive to Vietnamese diacritics.

Why an index of our own rather than Wagtail's search backends:

- Diacritics. People type "phuong" for "phường" and "d" for "đ". FTS5's `remove_diacritics`
  leaves "đ" alone (it is a letter, not a "d" with a mark) and PostgreSQL needs the `unaccent`
  extension for the same job, which differs again. So both the text and the query are folded in
  Python by one function, `text.fold`, and the database only ever compares plain words.
- Ranking. Titles holding the query exactly as typed come first, then titles holding it folded,
  then the rest, newest first within each rank (`query`). That is a plain ORDER BY over our own
  columns, the same on SQLite and PostgreSQL, where a backend's relevance score would not be.
- Scope. A result belongs to a site, and a search covers one site or every site of the province:
  one indexed `site_id` column, where Wagtail's index would filter on tree paths.
- Other records. Legal documents, procedures and questions are not all pages. A `SearchEntry`
  row is the same for any record, written by a provider that the owning app registers
  (`registry`), so one query finds and ranks them all together.

The pieces: `text` (folding), `models.SearchEntry` (one row per public record), migration 0002
(FTS5 on SQLite, a GIN index on PostgreSQL), `pages` and `signals` (pages in and out of the
index on publish, unpublish, move, privacy and site changes), `registry` (kinds and providers),
`index` (writing rows; `rebuild_search_index` refills it), `query` (matching and ranking),
`forms` and `views` (the page at /tim-kiem/).
"""
