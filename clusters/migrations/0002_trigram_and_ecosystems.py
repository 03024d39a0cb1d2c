from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations
from django.utils.text import slugify

from clusters.reference import ECOSYSTEMS, ensure_ecosystems


def load_ecosystems(apps, schema_editor):
    ensure_ecosystems(apps.get_model("clusters", "Ecosystem"))


def unload_ecosystems(apps, schema_editor):
    apps.get_model("clusters", "Ecosystem").objects.filter(slug__in=[slugify(n) for n in ECOSYSTEMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("clusters", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(load_ecosystems, unload_ecosystems),
    ]
