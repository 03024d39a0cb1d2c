"""Reference data that every installation has, loaded by migration and re-ensured by load_demo
(a flushed database, as browser tests leave it, has lost what the migration loaded)."""

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


def ensure_ecosystems(ecosystem_model) -> None:
    """Create or update the 14 ecosystems; ``ecosystem_model`` may be a migration's historical model."""
    for position, name in enumerate(ECOSYSTEMS, start=1):
        ecosystem_model.objects.update_or_create(slug=slugify(name), defaults={"name": name, "position": position})
