"""Text helpers shared by every app: accent folding and slugs.

Folding must also handle letters that do not decompose under Unicode NFD (ł, ı, ø, ß, đ...),
which ``unicodedata`` alone leaves in place.

``fold()`` is the Python twin of the SQL function ``ckb_fold()`` (declared in core/sql.py) that
builds the stored search vectors: a query folded here must equal the same text folded by the
database, so change both together (tests/globalsearch/test_search.py checks they agree). The SQL side
does not trust ``lower()`` with non-ASCII letters (a database with a "C" ctype leaves them as
they are), so upper-case letters that survive NFD are mapped explicitly, before ``lower()``.
"""

import re
import unicodedata

from django.utils.text import slugify

# Combining marks left by NFD (the same ranges as in ckb_fold()).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters folded to two letters (SQL replace()), then letters NFD leaves whole (SQL translate()).
_DIGRAPHS = [("ß", "ss"), ("ẞ", "SS"), ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("þ", "th"), ("Þ", "TH")]
_UNDECOMPOSABLE_FROM = "łŁıøØđĐðÐħĦАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_UNDECOMPOSABLE_TO = "lLioOdDdDhHабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_UNDECOMPOSABLE = str.maketrans(_UNDECOMPOSABLE_FROM, _UNDECOMPOSABLE_TO)

# A cheap transliteration of Russian Cyrillic, enough for slugs and duplicate checks.
_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
    }
)  # fmt: skip


# Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def printable(text: str) -> str:
    """``text`` on one line without control characters (each run becomes one space), for echoing
    a visitor's input into a header-like line: a calendar's name, a feed's title."""
    return _CONTROL.sub(" ", str(text)).strip()


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` for comparisons; keeps its script (Russian
    stays Cyrillic, so that it can still be stemmed) and its й."""
    text = unicodedata.normalize("NFD", text).replace("и\u0306", "й").replace("И\u0306", "Й")
    text = _MARKS.sub("", text)
    for letter, spelling in _DIGRAPHS:
        text = text.replace(letter, spelling)
    return text.translate(_UNDECOMPOSABLE).lower()


def transliterate(text: str) -> str:
    """``fold(text)`` in Latin letters (Russian Cyrillic transliterated)."""
    return fold(text).translate(_CYRILLIC)


def unique_slug(instance, text: str, *, field: str = "slug", max_length: int = 80) -> str:
    """A slug for ``instance`` built from ``text`` that no other row of its model uses."""
    base = slugify(transliterate(text))[:max_length].strip("-") or instance._meta.model_name
    manager = type(instance)._default_manager
    others = manager.exclude(pk=instance.pk) if instance.pk else manager.all()
    slug, n = base, 2
    while others.filter(**{field: slug}).exists():
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return slug
