# Written by hand (issue 5): planner costs for a database that fits in memory.
#
# With PostgreSQL's default random_page_cost of 4 (a spinning disk), the facet counts of a
# filtered list joined a few thousand organisations to a sequential scan of every ecosystem or
# tag link instead of probing the link tables' indexes; the page's rows walked the name index past
# tens of thousands of non-matching rows. 1.1 is the usual setting for SSDs and cached data; the
# three-filter partner page's statements went from 116 ms to 83 ms (EXPLAIN ANALYZE, medians of 8).
# It is set on the database (new sessions pick it up); without the privilege to do so, the
# migration says so and goes on.

from django.db import migrations

from core.migration_ops import database_setting


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0008_trigram_operator_cost"),
    ]

    operations = [database_setting("random_page_cost", "1.1", "list pages may be slower.")]
