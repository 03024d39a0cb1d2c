"""The one list of browsable record types, and of the other entries the site is built from.

Each domain app registers its record types in its ``AppConfig.ready()``; the features read them
here instead of keeping lists of their own:

- global search: ``RecordType.search`` (a ``core.fulltext.SearchSpec``), in registration order;
- the home page: ``RecordType.home_count(user)`` under ``RecordType.count_label``;
- the staff freshness page: every type with ``stale=True``, headed ``RecordType.label``;
- the API: ``<app>.api.<Model>ViewSet`` at ``/api/<key>/``, and
  ``RecordType.api_enums`` merged into drf-spectacular's ENUM_NAME_OVERRIDES;
- the site header: ``NavEntry`` objects, registered by record types and by features alike.

An organisation's profile is drawn by the clusters app, but what other apps know about the
organisation (the visits it took part in, its projects, its cooperation graph) is theirs: they
register a ``profile_section``, a callable ``(organisation, user) -> dict`` whose result is merged
into the profile's template context. The foundation imports nothing of the domain: everything
here is data that the apps hand in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class NavEntry:
    """A link in the site header. ``active`` says when it is the current page: an app name
    (``"clusters"``) or URL names (``"insights:map"``) matched against the request's resolver."""

    key: str
    label: Any
    url_name: str
    position: int
    active: tuple[str, ...] = ()
    staff_only: bool = False

    def is_active(self, resolver_match) -> bool:
        if resolver_match is None:
            return False
        return any(
            (":" in a and resolver_match.view_name == a) or (":" not in a and resolver_match.app_name == a)
            for a in self.active
        )


@dataclass(frozen=True)
class RecordType:
    """A browsable record type: its model and the places the site shows it. Its API viewset is
    ``<app>.api.<Model>ViewSet`` unless ``api`` names another (a dotted path); ``api=False``
    keeps a type out of the API."""

    model: type
    key: str  # e.g. "organisations": the search group, the API prefix
    label: Any  # plural heading, e.g. _("Organisations")
    count_label: Any  # lower-case plural for counts, e.g. _("organisations")
    position: int = 100
    search: Any = None  # core.fulltext.SearchSpec, or None when not searched
    home_count: Callable | None = None  # (user) -> int; None: not counted on the home page
    stale: bool = True  # listed on the staff freshness page
    api: bool | str = True
    api_basename: str | None = None  # the API's URL names, default the model name
    api_enums: dict = field(default_factory=dict)  # name -> choices, for drf-spectacular

    @property
    def basename(self) -> str:
        return self.api_basename or self.model._meta.model_name

    @cached_property
    def viewset(self):
        if not self.api:
            return None
        meta = self.model._meta
        return import_string(
            self.api if isinstance(self.api, str) else f"{meta.app_config.name}.api.{meta.object_name}ViewSet"
        )


@dataclass(frozen=True)
class ProfileSection:
    key: str
    context: Callable  # (organisation, user) -> dict
    position: int = 100


class Registry:
    def __init__(self):
        self._types: dict[str, RecordType] = {}
        self._nav: dict[str, NavEntry] = {}
        self._sections: dict[str, ProfileSection] = {}

    # Record types ---------------------------------------------------------------------------
    def register(self, record_type: RecordType) -> RecordType:
        if record_type.key in self._types and self._types[record_type.key] is not record_type:
            raise ValueError(f"A record type {record_type.key!r} is registered already.")
        self._types[record_type.key] = record_type
        if record_type.api_enums:
            overrides = settings.SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {})
            overrides.update(record_type.api_enums)
        return record_type

    def unregister(self, key: str) -> None:
        record_type = self._types.pop(key)
        overrides = settings.SPECTACULAR_SETTINGS.get("ENUM_NAME_OVERRIDES", {})
        for name in record_type.api_enums:
            overrides.pop(name, None)

    def record_types(self) -> list[RecordType]:
        return sorted(self._types.values(), key=lambda t: t.position)

    def get(self, key: str) -> RecordType:
        return self._types[key]

    def searched(self) -> list[RecordType]:
        return [t for t in self.record_types() if t.search is not None]

    # Navigation -----------------------------------------------------------------------------
    def register_nav(self, entry: NavEntry) -> NavEntry:
        self._nav[entry.key] = entry
        return entry

    def unregister_nav(self, key: str) -> None:
        self._nav.pop(key)

    def navigation(self) -> list[NavEntry]:
        return sorted(self._nav.values(), key=lambda e: e.position)

    # Profile sections -----------------------------------------------------------------------
    def register_profile_section(self, section: ProfileSection) -> ProfileSection:
        self._sections[section.key] = section
        return section

    def profile_sections(self) -> list[ProfileSection]:
        return sorted(self._sections.values(), key=lambda s: s.position)

    def profile_context(self, organisation, user) -> dict:
        """Every registered section's context for ``organisation``'s profile, in order."""
        context: dict = {}
        for section in self.profile_sections():
            context.update(section.context(organisation, user))
        return context


registry = Registry()


def navigation(request) -> dict:
    """Context processor: the header's links for this reader, each marked when current."""
    user = getattr(request, "user", None)
    is_staff = bool(user and user.is_staff)
    match = getattr(request, "resolver_match", None)
    return {
        "site_nav": [
            {"entry": entry, "current": entry.is_active(match)}
            for entry in registry.navigation()
            if is_staff or not entry.staff_only
        ]
    }
