"""One identity resolver for every place that links a written name to an organisation on record:
intake, the admin duplicate guard and autocompletes, imports. See resolver.py."""

from .names import acronym_from_parentheses
from .resolver import LINK_SCORE, REASONS, SUGGEST_SCORE, Match, reason_label, resolve

__all__ = ["LINK_SCORE", "REASONS", "SUGGEST_SCORE", "Match", "acronym_from_parentheses", "reason_label", "resolve"]
