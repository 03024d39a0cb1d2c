"""Reference data that every installation has, loaded by migration and re-ensured by load_demo
(a flushed database, as browser tests leave it, has lost what the migration loaded)."""

from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop

# The 14 industrial ecosystems of the EU industrial strategy (2020, updated 2021), stored in
# English and shown in the reader's language: the names are msgids of the catalogs
# (gettext_noop marks them for makemessages and leaves the stored value as it is).
ECOSYSTEMS = [
    gettext_noop("Aerospace and defence"),
    gettext_noop("Agri-food"),
    gettext_noop("Construction"),
    gettext_noop("Cultural and creative industries"),
    gettext_noop("Digital"),
    gettext_noop("Electronics"),
    gettext_noop("Energy-intensive industries"),
    gettext_noop("Energy – renewables"),
    gettext_noop("Health"),
    gettext_noop("Mobility – transport – automotive"),
    gettext_noop("Proximity, social economy and civil security"),
    gettext_noop("Retail"),
    gettext_noop("Textile"),
    gettext_noop("Tourism"),
]

# Region names as the records store them (in English); shown in the reader's language when the
# catalogs know them, any other region as written. A closed list rather than gettext() on every
# stored value: free text that happened to equal an interface message would be "translated".
REGIONS = frozenset(
    {
        gettext_noop("Alsace"),
        gettext_noop("Burgundy"),
        gettext_noop("Central Transdanubia"),
        gettext_noop("Lombardy"),
        gettext_noop("North Rhine-Westphalia"),
        gettext_noop("Trnava Region"),
        gettext_noop("Upper Austria"),
    }
)
_ECOSYSTEM_NAMES = frozenset(ECOSYSTEMS)


def ecosystem_name(name: str) -> str:
    """One of the 14 ecosystem names in the active language (another name as it is)."""
    return gettext(name) if name in _ECOSYSTEM_NAMES else name


def region_name(name: str) -> str:
    """A region's name in the active language when it is a known one, else as written."""
    return gettext(name) if name in REGIONS else name


def ensure_ecosystems(ecosystem_model) -> None:
    """Create or update the 14 ecosystems; ``ecosystem_model`` may be a migration's historical model."""
    for position, name in enumerate(ECOSYSTEMS, start=1):
        ecosystem_model.objects.update_or_create(slug=slugify(name), defaults={"name": name, "position": position})
