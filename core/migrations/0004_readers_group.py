"""The Readers group: signed-in users an administrator lets see contact persons (core.roles)."""

from django.db import migrations

from core.roles import READERS


def create_readers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=READERS)


def remove_readers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=READERS).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0003_triggers_in_python")]

    operations = [migrations.RunPython(create_readers, remove_readers)]
