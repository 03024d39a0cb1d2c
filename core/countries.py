"""Country choices for the filters: translated and sorted once per interface language.

``django_countries.countries`` translates and sorts its 250 names each time it is iterated, and a
list page iterates a country filter's choices several times (validation, facet labels, chips):
that was a fifth of a list page's Python time.
"""

from functools import lru_cache

from django.utils.translation import get_language
from django_countries import countries


@lru_cache(maxsize=32)
def _choices(language: str) -> tuple[tuple[str, str], ...]:
    return tuple((code, str(name)) for code, name in countries)


def country_choices() -> tuple[tuple[str, str], ...]:
    """``(code, name)`` of every country, named and ordered in the active language."""
    return _choices(get_language() or "")


@lru_cache(maxsize=32)
def _names(language: str) -> dict[str, str]:
    return dict(_choices(language))


def country_name(code) -> str:
    """A country's name in the active language, as ``Country.name`` gives it, from the cached
    choices: ``Country.name`` translates on every call (search subtitles name up to 50 countries)."""
    code = str(code or "")
    return _names(get_language() or "").get(code, code)
