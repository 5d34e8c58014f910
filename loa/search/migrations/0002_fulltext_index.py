"""The full-text index over `SearchEntry.folded_text`, in the database's own dialect.

SQLite: an FTS5 table that reads its text from the entries table ("external content"), kept in
step by triggers, so that any write to the entries, bulk ones included, updates it. The text is
already folded, so the tokenizer removes nothing; `detail=none` keeps no word positions, because
ranking works on titles (see `loa.search.query`) and the index is then several times smaller.
A covering index holds the columns that filtering and ranking read.

PostgreSQL: a GIN index over `to_tsvector('simple', folded_text)`, built from the same Django
expression that `loa.search.query` filters with, so the planner recognises it.
"""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE search_searchentry_fts USING fts5(
        folded_text, content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', detail=none)""",
    """CREATE TRIGGER search_searchentry_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(rowid, folded_text) VALUES (new.id, new.folded_text);
    END""",
    """CREATE TRIGGER search_searchentry_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, folded_text)
        VALUES ('delete', old.id, old.folded_text);
    END""",
    """CREATE TRIGGER search_searchentry_fts_update AFTER UPDATE OF folded_text ON search_searchentry
    BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, folded_text)
        VALUES ('delete', old.id, old.folded_text);
        INSERT INTO search_searchentry_fts(rowid, folded_text) VALUES (new.id, new.folded_text);
    END""",
    # Everything a search filters and ranks on, so that SQLite ranks thousands of matches from
    # this index alone instead of reading each match's long row (PostgreSQL keeps long text out
    # of line by itself, so it needs no such index).
    """CREATE INDEX search_searchentry_ranking ON search_searchentry
        (site_id, kind, published_at, title_key, folded_title)""",
]
SQLITE_DROP = [
    "DROP INDEX search_searchentry_ranking",
    "DROP TRIGGER search_searchentry_fts_update",
    "DROP TRIGGER search_searchentry_fts_delete",
    "DROP TRIGGER search_searchentry_fts_insert",
    "DROP TABLE search_searchentry_fts",
]
POSTGRES_INDEX = "search_entry_folded_text_fts"


def _postgres_index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector("folded_text", config="simple"), name=POSTGRES_INDEX)


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.add_index(apps.get_model("search", "SearchEntry"), _postgres_index())


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("search", "SearchEntry"), _postgres_index())


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
