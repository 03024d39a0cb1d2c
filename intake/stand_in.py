"""Stand-ins for ``clusters.identity.resolve`` and ``intake.text``, used only until those
branches are merged: exact and near-exact name matching, and the two date forms of the seeds.
Delete this module once ``clusters.identity`` and ``intake.text`` exist."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from clusters.models import Organisation
from core.text import transliterate

LINK_SCORE = 0.85
SUGGEST_SCORE = 0.6
_GENERIC = {"pole", "of", "competitiveness", "cluster", "kumelenmesi", "the", "klaster"}


@dataclass(frozen=True)
class Match:
    organisation: Organisation
    score: float
    reason: str


def _core(text: str) -> str:
    return " ".join(w for w in re.findall(r"\w+", transliterate(text)) if w not in _GENERIC)


def resolve(mention: str, *, country: str = "", kind: str = "", limit: int = 3, exclude_pk=None) -> list[Match]:
    wanted = _core(mention)
    if not wanted:
        return []
    best: dict[int, Match] = {}
    for org in Organisation.objects.prefetch_related("alternative_names"):
        names = [(org.name, "name"), (org.acronym, "acronym")]
        names += [(a.name, "alternative name") for a in org.alternative_names.all()]
        for name, reason in names:
            core = _core(name or "")
            if not core:
                continue
            score = 1.0 if core == wanted else fuzz.ratio(core, wanted) / 100 * 0.9
            if score >= SUGGEST_SCORE and (org.pk not in best or best[org.pk].score < score):
                best[org.pk] = Match(org, score, reason)
    return sorted(best.values(), key=lambda m: -m.score)[:limit]


@dataclass
class DatesFound:
    start: datetime.date | None = None
    end: datetime.date | None = None
    precision: str = "day"
    year_inferred: bool = False
    mentions: list = field(default_factory=list)


_MONTHS = "january february march april may june july august september october november december".split()
_RANGE = re.compile(r"(\d{1,2})\s*[-–]\s*(\d{1,2})\s+(" + "|".join(_MONTHS) + r"),?\s+(\d{4})", re.I)
_DOTTED = re.compile(r"\b(\d{2})\.(\d{2})\.(\d{4})\b")


def find_dates(text: str, language: str | None, *, reference=None) -> DatesFound:
    if m := _RANGE.search(text):
        month = _MONTHS.index(m.group(3).lower()) + 1
        year = int(m.group(4))
        return DatesFound(datetime.date(year, month, int(m.group(1))), datetime.date(year, month, int(m.group(2))))
    if m := _DOTTED.search(text):
        return DatesFound(datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    return DatesFound()


def detect_language(text: str) -> str | None:
    if re.search(r"[ğşı]|\b(ve|ile|bir)\b", text):
        return "tr"
    return "en" if re.search(r"\b(the|and|of)\b", text) else None
