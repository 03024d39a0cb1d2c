"""Text helpers shared by every app: accent folding and slugs.

Folding must also handle letters that do not decompose under Unicode NFD (ł, ı, ø, ß, đ...),
which ``unicodedata`` alone leaves in place.
"""

import unicodedata

from django.utils.text import slugify

# Letters NFD leaves whole, mapped to their usual Latin spelling.
_UNDECOMPOSABLE = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ħ": "h",
        "Ħ": "H",
    }
)

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


def fold(text: str) -> str:
    """Lower-case, accent-free, Latin-script form of ``text`` for comparisons."""
    text = text.lower().translate(_UNDECOMPOSABLE).translate(_CYRILLIC)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def unique_slug(instance, text: str, *, field: str = "slug", max_length: int = 80) -> str:
    """A slug for ``instance`` built from ``text`` that no other row of its model uses."""
    base = slugify(fold(text))[:max_length].strip("-") or instance._meta.model_name
    manager = type(instance)._default_manager
    others = manager.exclude(pk=instance.pk) if instance.pk else manager.all()
    slug, n = base, 2
    while others.filter(**{field: slug}).exists():
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return slug
