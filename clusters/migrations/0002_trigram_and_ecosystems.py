from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations
from django.utils.text import slugify

# The 14 industrial ecosystems of the EU industrial strategy (2020, updated 2021).
ECOSYSTEMS = [
    "Aerospace and defence",
    "Agri-food",
    "Construction",
    "Cultural and creative industries",
    "Digital",
    "Electronics",
    "Energy-intensive industries",
    "Energy – renewables",
    "Health",
    "Mobility – transport – automotive",
    "Proximity, social economy and civil security",
    "Retail",
    "Textile",
    "Tourism",
]


def load_ecosystems(apps, schema_editor):
    Ecosystem = apps.get_model("clusters", "Ecosystem")
    for position, name in enumerate(ECOSYSTEMS, start=1):
        Ecosystem.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "position": position}
        )


def unload_ecosystems(apps, schema_editor):
    apps.get_model("clusters", "Ecosystem").objects.filter(slug__in=[slugify(n) for n in ECOSYSTEMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("clusters", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(load_ecosystems, unload_ecosystems),
    ]
