"""What the site holds about a person, for "Download my data" (accounts/).

Each app that keeps data about a user registers an exporter under a key from its
``AppConfig.ready()``: ``register("saved_searches", exporter)``, where ``exporter(user)`` returns
JSON-serialisable data. The download holds the account itself under "account" and each registered
key beside it, so a new kind of personal data cannot be forgotten by a hand-written list.
"""

from collections.abc import Callable
from typing import Any

Exporter = Callable[[Any], Any]

_exporters: dict[str, Exporter] = {}

RESERVED = "account"


def register(key: str, exporter: Exporter) -> None:
    """Register ``exporter(user)`` under ``key``; registering a key twice with another exporter is
    a mistake (two apps would overwrite each other's data in the download)."""
    if key == RESERVED:
        raise ValueError(f"{RESERVED!r} is the account's own key")
    if key in _exporters and _exporters[key] is not exporter:
        raise ValueError(f"A personal data exporter is already registered under {key!r}")
    _exporters[key] = exporter


def unregister(key: str) -> None:
    _exporters.pop(key, None)


def exporters() -> dict[str, Exporter]:
    """The registered exporters by key, in registration order."""
    return dict(_exporters)


def collect(user) -> dict[str, Any]:
    """Every registered key's data for ``user`` (the account's own part is the caller's)."""
    return {key: exporter(user) for key, exporter in _exporters.items()}
