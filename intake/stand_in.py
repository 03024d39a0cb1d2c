"""Stand-ins for the parts of ``intake.text`` not merged yet (title, places, figures, the
participants' count, the itinerary): the simplest answer each, so that ``propose`` runs.
Delete this module once ``intake.text`` has them all."""

from __future__ import annotations


def guess_title(text: str) -> str:
    return next((line.strip(" #*") for line in text.splitlines() if line.strip(" #*")), "")[:250]


def find_places(text: str, language: str | None) -> list[tuple[str, str]]:
    return []


def find_figures(text: str, language: str | None) -> list:
    return []


def participants_count(text: str, language: str | None) -> int | None:
    return None


def find_itinerary(text: str, language: str | None, start) -> list:
    return []
