"""The words of every organisation's names on record, to skip resolver lookups that cannot find
anything: a phrase that does not look like an organisation is only kept when it links, and it
can only link when one of its words (or a word one or two letters away) is in a name on record.
Two queries per report instead of one resolver query per capitalised phrase."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from clusters.models import AlternativeName, Organisation
from core.text import transliterate

MIN_WORD = 3
CLOSE = 80  # rapidfuzz ratio: "tehctera" and "techtera"


def words_of(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", transliterate(text or "")) if len(w) >= MIN_WORD}


def vocabulary() -> frozenset[str]:
    """Every word of a name, acronym or alternative name on record, folded and in Latin letters."""
    words: set[str] = set()
    for name, acronym in Organisation.objects.values_list("name", "acronym"):
        words |= words_of(name) | words_of(acronym)
    for (name,) in AlternativeName.objects.values_list("name"):
        words |= words_of(name)
    return frozenset(words)


def may_be_on_record(name: str, known: frozenset[str]) -> bool:
    """Whether a word of ``name`` is, or nearly is, a word of a name on record."""
    for word in words_of(name):
        if word in known or process.extractOne(word, known, scorer=fuzz.ratio, score_cutoff=CLOSE):
            return True
    return False
