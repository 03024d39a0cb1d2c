"""The bench database's organisations in SQLite for Datasette: the same rows and facet columns,
indexes on the filtered columns and an FTS5 table, so that both sides answer the same question."""

import json
import os
import sqlite3
from pathlib import Path

import psycopg

SELECT = """
SELECT o.id, o.slug, o.name, o.acronym, o.kind, o.country, o.region, o.city, o.members_count,
       CASE WHEN o.members_count IS NULL THEN 'unknown' WHEN o.members_count < 50 THEN '1-49'
            WHEN o.members_count < 250 THEN '50-249' ELSE '250+' END,
       coalesce((SELECT json_agg(e.slug ORDER BY e.slug) FROM clusters_organisation_ecosystems oe
                 JOIN clusters_ecosystem e ON e.id = oe.ecosystem_id WHERE oe.organisation_id = o.id), '[]'),
       coalesce((SELECT json_agg(t.slug ORDER BY t.slug) FROM taggit_taggeditem ti
                 JOIN taggit_tag t ON t.id = ti.tag_id JOIN django_content_type ct ON ct.id = ti.content_type_id
                 WHERE ct.app_label = 'clusters' AND ct.model = 'organisation' AND ti.object_id = o.id), '[]')
FROM clusters_organisation o
"""

SCHEMA = """
CREATE TABLE organisation (id INTEGER PRIMARY KEY, slug TEXT UNIQUE, name TEXT, acronym TEXT, kind TEXT,
  country TEXT, region TEXT, city TEXT, members_count INTEGER, size_band TEXT, ecosystems TEXT, tags TEXT);
"""
INDEXES = """
CREATE INDEX organisation_kind_country ON organisation (kind, country);
CREATE INDEX organisation_country ON organisation (country);
CREATE INDEX organisation_region ON organisation (region);
CREATE INDEX organisation_name ON organisation (name);
-- Datasette finds the FTS table of a table by `content="organisation"` in double quotes (or
-- brackets); single quotes leave its ?_search= silently ignored.
CREATE VIRTUAL TABLE organisation_fts USING fts5(name, acronym, content="organisation", content_rowid='id');
INSERT INTO organisation_fts (rowid, name, acronym) SELECT id, name, acronym FROM organisation;
ANALYZE;
"""


def export(path: Path, url: str | None = None) -> None:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    with psycopg.connect(url or os.environ["DATABASE_URL"]) as pg, pg.cursor(name="export") as cursor:
        cursor.execute(SELECT)
        while rows := cursor.fetchmany(5000):
            db.executemany(
                "INSERT INTO organisation VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(*row[:10], json.dumps(row[10]), json.dumps(row[11])) for row in rows],
            )
    db.executescript(INDEXES)
    db.commit()
    db.close()
