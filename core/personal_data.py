"""What the site holds about a user, gathered from the apps that hold it.

Each app registers an exporter in its ``AppConfig.ready()``: ``register("follows", fn)`` where
``fn(user)`` returns JSON-serialisable data; ``collect(user)`` gives ``{key: fn(user)}``.
"""

from collections.abc import Callable

REGISTRY: dict[str, Callable] = {}


def register(key: str, exporter: Callable) -> None:
    REGISTRY[key] = exporter


def collect(user) -> dict:
    return {key: exporter(user) for key, exporter in REGISTRY.items()}
