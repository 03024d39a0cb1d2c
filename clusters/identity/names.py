"""Names brought to one comparable form: folded, in Latin letters, cut into words; acronyms
read from parentheses or built from initials; Latin names written back in Cyrillic letters.

Everything is compared in Latin (``core.text.transliterate``): a Cyrillic name meets its Latin
record, and the reverse, letter for letter. The database holds names folded but in their own
script, so a Latin mention is also written in Cyrillic (``to_cyrillic``) to find a record known
only by its Russian name.
"""

import re

from core.text import fold, transliterate

from .lexicon import STOPWORDS

_WORD = re.compile(r"[^\W_]+")
_PARENTHESES = re.compile(r"^(?P<outside>[^()]*?)\s*\((?P<inside>[^()]+)\)\s*(?P<rest>[^()]*)$")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Latin spellings back to Russian letters, longest first (the reverse of core.text's table).
_TO_CYRILLIC = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
    ("ya", "я"), ("iy", "ий"), ("yi", "ый"), ("yo", "ё"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"),
    ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("y", "ы"), ("k", "к"), ("l", "л"), ("m", "м"),
    ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
    ("h", "х"), ("c", "к"), ("w", "в"), ("x", "кс"), ("j", "й"), ("q", "к"),
]  # fmt: skip
_TO_CYRILLIC_RE = re.compile("|".join(re.escape(latin) for latin, _ in _TO_CYRILLIC))
_TO_CYRILLIC_MAP = dict(_TO_CYRILLIC)
MAX_ACRONYM = 10


def words(text: str) -> list[str]:
    """The words of ``text``, folded and in Latin letters: "Pôle Véhicule du Futur" ->
    ["pole", "vehicule", "du", "futur"]."""
    return _WORD.findall(transliterate(text))


def written_words(text: str) -> list[str]:
    """The words of ``text`` folded but in their own script, as the database holds them."""
    return _WORD.findall(fold(text))


def folded(text: str) -> str:
    """``text`` folded, its words joined by single spaces (the database's search_title form)."""
    return " ".join(_WORD.findall(fold(text)))


def latin(text: str) -> str:
    return " ".join(words(text))


def compact(text: str) -> str:
    """Letters and digits only, in Latin: "CLIB 2021" and "Clib2021" are one name."""
    return "".join(words(text))


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def to_cyrillic(text: str) -> str:
    """A Latin name written in Russian letters, for finding records known by their Russian name:
    "Klaster innovatsionnykh tekhnologii" -> "кластер инновационных технологии". Approximate
    (e may be е or э), which trigram matching tolerates."""
    return _TO_CYRILLIC_RE.sub(lambda m: _TO_CYRILLIC_MAP[m.group(0)], latin(text))


def looks_like_acronym(text: str) -> bool:
    """One word of 2 to 10 letters or digits, with a letter: "PVF", "pvf", "H2020", "RDA"."""
    parts = _WORD.findall(text)
    return (
        len(parts) == 1
        and 2 <= len(parts[0]) <= MAX_ACRONYM
        and any(c.isalpha() for c in parts[0])
        and (text.strip().isupper() or len(parts[0]) <= 5)
    )


def initials(text: str) -> set[str]:
    """Acronyms a name could go by, from the initials of its words, with and without its small
    words: "Pôle Véhicule du Futur" -> {"pvf", "pvdf"}. Empty for names of one word."""
    tokens = words(text)
    if len(tokens) < 2:
        return set()
    full = "".join(t[0] for t in tokens)
    significant = "".join(t[0] for t in tokens if t not in STOPWORDS)
    return {a for a in (full, significant) if len(a) >= 2}


def acronym_from_parentheses(text: str) -> tuple[str, str]:
    """A name and the acronym written beside it in parentheses, either way round:
    "Pôle Véhicule du Futur (PVF)" and "PVF (Pôle Véhicule du Futur)" -> ("Pôle Véhicule du Futur",
    "PVF"). Without an acronym in parentheses: (text, "")."""
    text = " ".join((text or "").split())
    match = _PARENTHESES.match(text)
    if not match or match.group("rest"):
        return text, ""
    outside, inside = match.group("outside").strip(), match.group("inside").strip()
    if looks_like_acronym(inside) and not looks_like_acronym(outside):
        return outside, inside
    if looks_like_acronym(outside) and not looks_like_acronym(inside):
        return inside, outside
    return text, ""
