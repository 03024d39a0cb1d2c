"""The language a report is written in, among those the knowledge base meets (the seeds' and their
neighbours'). lingua weighs every language it knows, so that a Finnish or Latin text is placed in
Finnish or Latin (and answered None) rather than squeezed into the nearest language we accept;
low-accuracy mode (trigrams only) loads in seconds, where the full models take half a minute and
a gigabyte, and reports are long enough for it."""

from __future__ import annotations

import functools
import re

LANGUAGES = ("en", "fr", "de", "it", "es", "pl", "ru", "tr", "be", "uk", "nl", "pt", "cs", "sk", "hu", "ro")

MIN_WORDS = 3  # fewer words than this and any answer is a guess
MIN_CONFIDENCE = 0.5  # lingua's share for the winner...
MIN_LEAD = 0.2  # ...and its lead over the runner-up: gibberish spreads itself over several languages
SAMPLE_CHARS = 5_000  # the language of a report shows long before its end

WORD = re.compile(r"[^\W\d_]{2,}")


@functools.cache
def detector():
    """Built on first use; the models load lazily, as lingua needs them."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short, no language
    wins clearly (digits, names only, gibberish) or the winner is not one of ``LANGUAGES``."""
    sample = (text or "")[:SAMPLE_CHARS]
    if len(WORD.findall(sample)) < MIN_WORDS:
        return None
    values = detector().compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0].value
    runner_up = values[1].value if len(values) > 1 else 0.0
    if best < MIN_CONFIDENCE or best - runner_up < MIN_LEAD:
        return None
    code = values[0].language.iso_code_639_1.name.lower()
    return code if code in LANGUAGES else None
