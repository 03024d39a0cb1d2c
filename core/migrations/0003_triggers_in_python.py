# Written by hand: the data-version trigger of the domain apps' tables is declared in Python now,
# and the SQL functions the code calls are created from their one definition in core/sql.py.
#
# clusters/0012, funding/0007 and visits/0006 installed django-pgtrigger's data-version trigger
# (core.cache.data_version_trigger) on every table of their models; the one core/0002 attached by
# hand (core_data_version_bump) is dropped from every table of those apps, so that a statement
# appends one version entry, not two. The simple_history tables of the apps lose it without a
# replacement: no page reads them, and they are written only together with the record they
# track, whose own trigger bumps the version. Third-party tables (auth, admin, content types,
# tags) keep core/0002's trigger. Reversed, core/0002's function attaches it again everywhere.
#
# ckb_fold() and ckb_websearch() were created by clusters/0003 and clusters/0010 from copies of
# their text; CREATE OR REPLACE from core/sql.py makes that module the definition (same text).

from django.db import migrations

from core import sql
from core.migration_ops import create_function

DOMAIN_APPS = ("clusters", "funding", "visits")


def drop_hand_attached_triggers(apps, schema_editor):
    quote = schema_editor.quote_name
    for label in DOMAIN_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.proxy or not model._meta.managed:
                continue
            schema_editor.execute(f"DROP TRIGGER IF EXISTS core_data_version_bump ON {quote(model._meta.db_table)}")


def attach_hand_attached_triggers(apps, schema_editor):
    schema_editor.execute("SELECT core_attach_data_version_triggers()")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_data_version"),
        ("clusters", "0012_triggers_in_python"),
        ("funding", "0007_triggers_in_python"),
        ("visits", "0006_triggers_in_python"),
    ]

    operations = [
        migrations.RunPython(drop_hand_attached_triggers, attach_hand_attached_triggers),
        *(create_function(function, drop_on_reverse=False) for function in sql.FUNCTIONS),
    ]
