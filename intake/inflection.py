"""Polish organisation names back to their base form (nominative), by rules for the endings that
occur in cluster and organisation names, and inflected town names by a small dictionary.

A report says "członkowie Wschodniego Klastra Budowlanego" or "spotkanie w Białymstoku"; the
records hold "Wschodni Klaster Budowlany" and "Białystok". Only a name whose head noun is found
inflected (``HEAD_NOUNS``) has its adjectives changed, so that genitive complements ("Klastra
Obróbki Metali") and names in other languages are left alone.
"""

from __future__ import annotations

import re

# Inflected head noun -> (base form, grammatical gender of the base form).
HEAD_NOUNS: dict[str, tuple[str, str]] = {
    "klastra": ("Klaster", "m"),
    "klastrze": ("Klaster", "m"),
    "klastrem": ("Klaster", "m"),
    "klastrowi": ("Klaster", "m"),
    "klastrów": ("Klastry", "pl"),
    "instytutu": ("Instytut", "m"),
    "instytucie": ("Instytut", "m"),
    "instytutem": ("Instytut", "m"),
    "uniwersytetu": ("Uniwersytet", "m"),
    "uniwersytecie": ("Uniwersytet", "m"),
    "parku": ("Park", "m"),
    "funduszu": ("Fundusz", "m"),
    "związku": ("Związek", "m"),
    "ośrodka": ("Ośrodek", "m"),
    "centrum": ("Centrum", "n"),
    "stowarzyszenia": ("Stowarzyszenie", "n"),
    "stowarzyszeniu": ("Stowarzyszenie", "n"),
    "ministerstwa": ("Ministerstwo", "n"),
    "ministerstwie": ("Ministerstwo", "n"),
    "agencji": ("Agencja", "f"),
    "agencją": ("Agencja", "f"),
    "fundacji": ("Fundacja", "f"),
    "fundacją": ("Fundacja", "f"),
    "izby": ("Izba", "f"),
    "izbie": ("Izba", "f"),
    "izbą": ("Izba", "f"),
    "politechniki": ("Politechnika", "f"),
    "politechnice": ("Politechnika", "f"),
    "akademii": ("Akademia", "f"),
    "spółki": ("Spółka", "f"),
    "sieci": ("Sieć", "f"),
}

# Adjective endings, longest first, per gender of the head: (inflected ending, base ending).
ADJECTIVE_ENDINGS: dict[str, list[tuple[str, str]]] = {
    "m": [("iego", "i"), ("iemu", "i"), ("ego", "y"), ("emu", "y"), ("im", "i"), ("ym", "y")],
    "n": [("iego", "ie"), ("iemu", "ie"), ("ego", "e"), ("emu", "e"), ("im", "ie"), ("ym", "e")],
    "f": [("kiej", "ka"), ("giej", "ga"), ("iej", "ia"), ("ej", "a"), ("ą", "a")],
    "pl": [("ich", "ie"), ("ych", "e")],
}

# Towns as Polish prepositions inflect them ("w Białymstoku", "z Mińska") -> (base, country).
PLACE_FORMS: dict[str, tuple[str, str]] = {
    "białymstoku": ("Białystok", "PL"),
    "białegostoku": ("Białystok", "PL"),
    "warszawie": ("Warszawa", "PL"),
    "warszawy": ("Warszawa", "PL"),
    "krakowie": ("Kraków", "PL"),
    "krakowa": ("Kraków", "PL"),
    "poznaniu": ("Poznań", "PL"),
    "poznania": ("Poznań", "PL"),
    "wrocławiu": ("Wrocław", "PL"),
    "wrocławia": ("Wrocław", "PL"),
    "gdańsku": ("Gdańsk", "PL"),
    "gdańska": ("Gdańsk", "PL"),
    "lublinie": ("Lublin", "PL"),
    "lublina": ("Lublin", "PL"),
    "łodzi": ("Łódź", "PL"),
    "rzeszowie": ("Rzeszów", "PL"),
    "katowicach": ("Katowice", "PL"),
    "mińsku": ("Mińsk", "BY"),
    "mińska": ("Mińsk", "BY"),
    "grodnie": ("Grodno", "BY"),
    "grodna": ("Grodno", "BY"),
    "brześciu": ("Brześć", "BY"),
    "brześcia": ("Brześć", "BY"),
    "homlu": ("Homel", "BY"),
    "witebsku": ("Witebsk", "BY"),
    "moskwie": ("Moskwa", "RU"),
    "moskwy": ("Moskwa", "RU"),
}

_WORD = re.compile(r"\w+", re.UNICODE)


def _match_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _adjective_base(word: str, gender: str) -> str:
    lower = word.lower()
    for ending, base in ADJECTIVE_ENDINGS[gender]:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            return word[: len(word) - len(ending)] + base
    return word


def base_place(word: str) -> tuple[str, str] | None:
    """``(base form, country)`` of an inflected town name, or None."""
    return PLACE_FORMS.get(word.lower())


def base_form(name: str) -> str:
    """``name`` with its Polish inflection undone where the rule table knows the head noun;
    otherwise ``name`` unchanged (inflected town names are replaced in either case).

    The adjectives that agree with the head are those before it and those right after it;
    the first word after the head that is not such an adjective starts a genitive complement,
    which keeps its form ("Klastra Obróbki Metali" -> "Klaster Obróbki Metali")."""
    words = list(_WORD.finditer(name))
    head_at, head = None, None
    for i, m in enumerate(words):
        if m.group().lower() in HEAD_NOUNS:
            head_at, head = i, HEAD_NOUNS[m.group().lower()]
            break
    replacements: dict[int, str] = {}
    if head is not None:
        base, gender = head
        replacements[head_at] = _match_case(base, words[head_at].group())
        for i in range(head_at - 1, -1, -1):
            changed = _adjective_base(words[i].group(), gender)
            if changed == words[i].group():
                break
            replacements[i] = changed
        for i in range(head_at + 1, len(words)):
            changed = _adjective_base(words[i].group(), gender)
            if changed == words[i].group():
                break
            replacements[i] = changed
    for i, m in enumerate(words):
        place = base_place(m.group())
        if place:
            replacements[i] = place[0]
    if not replacements:
        return name
    out, last = [], 0
    for i, m in enumerate(words):
        if i in replacements:
            out.append(name[last : m.start()])
            out.append(replacements[i])
            last = m.end()
    out.append(name[last:])
    return "".join(out)
