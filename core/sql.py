"""The SQL functions the Python code calls by name, declared once, here.

Each is a ``SqlFunction``: its name and argument types (``signature``) and the complete
``CREATE OR REPLACE FUNCTION`` statement. Migrations create them with
``core.migration_ops.create_function(FUNCTION)``, which reads the constant below; a migration
never holds a copy. Changing one: edit the constant and add a migration running
``create_function()`` with it (the test tests/core/test_sql_functions.py fails until the
database has the new text). The SQL is plain PostgreSQL (13 and later, no extension), so it
runs on the service's PostgreSQL 15 and the embedded PostgreSQL 18 alike.

Both are IMMUTABLE: ``ckb_fold`` feeds generated columns and indexes (organisation, instrument,
call and project search columns), so a change that folds differently must also rewrite those
columns (``UPDATE ... SET name = name`` does not: drop and re-add the generated columns, or
rebuild the tables).

Triggers are not here: they are declared on their models (``Meta.triggers``, django-pgtrigger).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SqlFunction:
    name: str
    signature: str  # the argument types, as in DROP FUNCTION name(signature)
    create: str  # CREATE OR REPLACE FUNCTION ...

    @property
    def drop(self) -> str:
        return f"DROP FUNCTION IF EXISTS {self.name}({self.signature});"


# ckb_fold(text): the SQL twin of core.text.fold() (used by core.fulltext.Fold): NFD, й kept,
# combining marks removed, letters NFD leaves whole mapped (upper-case ones too, because lower()
# in a "C" ctype only knows ASCII), lower(). Change it together with fold()
# (tests/globalsearch/test_search.py compares them).
FOLD = SqlFunction(
    name="ckb_fold",
    signature="text",
    create=r"""
CREATE OR REPLACE FUNCTION ckb_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT lower(translate(
  replace(replace(replace(replace(replace(replace(replace(replace(
    regexp_replace(
      replace(replace(normalize(t, NFD), 'и' || U&'\0306', 'й'), 'И' || U&'\0306', 'Й'),
      '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g'),
    'ß', 'ss'), 'ẞ', 'SS'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'),
  'łŁıøØđĐðÐħĦАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ',
  'lLioOdDdDhHабвгдеёжзийклмнопрстуфхцчшщъыьэюя'))
$$;
""",
)

# ckb_websearch(configs, query, prefix): the query parsed with websearch_to_tsquery() in every
# configuration, as typed and folded (ckb_fold), plus the as-you-type prefix query, OR-ed with
# empty and repeated parts dropped (core.fulltext.MultiConfigQuery). IMMUTABLE like
# websearch_to_tsquery(regconfig, text): with constant arguments the planner evaluates it once,
# so the GIN index still sees a constant query.
WEBSEARCH = SqlFunction(
    name="ckb_websearch",
    signature="regconfig[], text, text",
    create="""
CREATE OR REPLACE FUNCTION ckb_websearch(configs regconfig[], query text, prefix text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(DISTINCT '(' || q::text || ')', ' | ')::tsquery,
                  websearch_to_tsquery('simple'::regconfig, query))
  FROM (
    SELECT websearch_to_tsquery(c, query) FROM unnest(configs) AS c
    UNION ALL SELECT websearch_to_tsquery(c, ckb_fold(query)) FROM unnest(configs) AS c
    UNION ALL SELECT to_tsquery('simple'::regconfig, prefix) WHERE prefix IS NOT NULL
  ) AS parts(q)
  WHERE numnode(q) > 0
$$;
""",
)

# In the order they are created (ckb_websearch calls ckb_fold).
FUNCTIONS = (FOLD, WEBSEARCH)
