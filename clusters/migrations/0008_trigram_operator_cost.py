# Written by hand (issue 5): tell the planner that pg_trgm's "<%" operator is expensive.
#
# Search ORs "search_vector @@ query" with "folded query <% search_title" (the typo fallback).
# pg_trgm declares word_similarity_op() with the default cost of 1, so on tables of a few
# thousand rows (instruments, calls) the planner preferred a sequential scan computing a word
# similarity per row (140 ms for 10,000 calls) to the two GIN indexes (0.2 ms). At cost 100
# it uses them. The function belongs to the extension, so a dump does not carry this setting:
# running the migrations again (or this statement) restores it. Without the privilege to alter
# the function (a managed database), the migration says so and goes on.

from django.db import migrations

FORWARD = """
DO $$
BEGIN
  ALTER FUNCTION word_similarity_op(text, text) COST 100;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'Could not raise the cost of word_similarity_op(): search may scan small tables.';
END $$;
"""

BACKWARD = """
DO $$
BEGIN
  ALTER FUNCTION word_similarity_op(text, text) COST 1;
EXCEPTION WHEN insufficient_privilege THEN
  NULL;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0007_list_indexes"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
