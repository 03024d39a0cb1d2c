"""Typo correction against a lexicon of the words the searched records contain.

A word of the query that no record contains ("tehctera", "montebuorg") is rewritten to the
closest word that some record does contain, by Damerau-Levenshtein distance (a transposition is
one edit). Candidates come from the ``Word`` table in one statement: the words with the same
letters (every transposition) and the nearest words by trigram distance (a GiST index, so the
nearest come first whatever their similarity).

The lexicon holds the folded words of what an anonymous reader may find (names, acronyms,
alternative names, descriptions, reports), so a correction never reveals a draft. It is rebuilt
from the tables when the data version changed since the last build, at most every
``REFRESH_SECONDS`` (``refresh_if_stale()``), by one process at a time; a search that meets a
rebuild in progress uses the previous lexicon.
"""

import threading
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.fields import ArrayField
from django.db import connection, transaction
from django.db.models import F, Func, TextField, Value
from django.utils import timezone
from rapidfuzz.distance import DamerauLevenshtein

from core.cache import current_data_version
from core.fulltext import Fold, SearchSpec, SearchText
from globalsearch.models import LexiconBuild, Word

# A word added less than this long after the last rebuild may not be corrected towards yet.
REFRESH_SECONDS = 600
MIN_LENGTH = 3  # shorter words are left as typed: too many words are one edit away
CANDIDATES = 20
_LOCK = 71_017  # pg advisory lock key of a rebuild
_LETTERS = "(SELECT string_agg(c, '' ORDER BY c COLLATE \"C\") FROM regexp_split_to_table({w}, '') AS c)"
# Letters only: numbers, addresses and e-mails are no words to correct towards.
_IS_WORD = "length({w}) BETWEEN 3 AND 40 AND {w} !~ '[0-9./:@_-]'"


def max_distance(word: str) -> int:
    return 1 if len(word) <= 5 else 2


@dataclass
class Correction:
    """The query with its unknown words rewritten (``text``), or None when every word is known."""

    original: str
    words: dict[str, str]  # unknown word -> its replacement

    @property
    def text(self) -> str:
        return " ".join(self.words.get(w, w) for w in SearchText(self.original).words)


def _documents_sql(specs: list[SearchSpec]) -> tuple[str, list]:
    """One row (id, words) per record anyone may find: its folded words, each once."""
    parts, params = [], []
    anonymous = AnonymousUser()
    for spec in specs:
        text = Func(
            F("search_title"),
            *(F(f) for f in spec.body),
            template="(%(expressions)s)",
            arg_joiner=" || ' ' || ",
            output_field=TextField(),
        )
        words = Func(
            Func(Value("simple"), Fold(text), function="to_tsvector", output_field=TextField()),
            function="tsvector_to_array",
            output_field=ArrayField(TextField()),
        )
        queryset = spec.queryset(anonymous).order_by().annotate(lexicon_words=words).values_list("lexicon_words")
        sql, part_params = queryset.query.sql_with_params()
        parts.append(sql)
        params.extend(part_params)
    return " UNION ALL ".join(f"({p})" for p in parts), params


def rebuild(specs: list[SearchSpec], version: int | None = None) -> int:
    """Rebuild the lexicon from the tables now; the number of words."""
    documents, params = _documents_sql(specs)
    letters = _LETTERS.format(w="w")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Word._meta.db_table}")
        cursor.execute(
            f"INSERT INTO {Word._meta.db_table} (word, letters, documents)"
            f" SELECT w, {letters}, count(*) FROM ({documents}) AS d(words), unnest(d.words) AS w"
            f" WHERE {_IS_WORD.format(w='w')} GROUP BY w",
            params,
        )
        count = cursor.rowcount
        version = current_data_version() if version is None else version
        LexiconBuild.objects.update_or_create(pk=1, defaults={"data_version": version})
    return count


def refresh_if_stale(specs: list[SearchSpec]) -> None:
    """Rebuild when the data changed since the last build and that build is older than
    ``REFRESH_SECONDS``. A rebuild reads every searched text (15-20 s at 100,000 organisations,
    bench/search_typos.py), so a request starts it in a background thread and searches with the
    previous lexicon; inside a transaction (tests, the shell) it runs at once, to see its rows."""
    version = current_data_version()
    build = LexiconBuild.objects.filter(pk=1).values_list("data_version", "built_at").first()
    if build and build[0] == version:
        return
    if connection.in_atomic_block:  # no wait for REFRESH_SECONDS: the caller's own writes count now
        _rebuild_once(specs, version)
        return
    if build and build[1] > timezone.now() - timedelta(seconds=REFRESH_SECONDS):
        return
    if _running.acquire(blocking=False):
        threading.Thread(target=_background, args=(specs, version), daemon=True, name="lexicon-rebuild").start()


_running = threading.Lock()  # a process rebuilds in one thread at a time


def _background(specs: list[SearchSpec], version: int) -> None:
    try:
        _rebuild_once(specs, version)
    finally:
        _running.release()
        connection.close()


def _rebuild_once(specs: list[SearchSpec], version: int) -> None:
    """Rebuild unless another process is at it or has just built this version."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_LOCK])
        if cursor.fetchone()[0] and not LexiconBuild.objects.filter(pk=1, data_version=version).exists():
            rebuild(specs, version)


def correct(text: SearchText, specs: list[SearchSpec]) -> Correction | None:
    """The query with each word no record contains replaced by the closest word that some record
    does contain; None when there is nothing to correct. The last word may be a prefix being
    typed ("expres"): a word it begins counts as known."""
    words = [w for w in dict.fromkeys(text.words) if len(w) >= MIN_LENGTH and not w.isdigit()]
    if not words or text.has_operators:
        return None
    refresh_if_stale(specs)
    last = text.words[-1]
    table = Word._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT q.w, c.word, c.documents
            FROM unnest(%s::text[]) AS q(w)
            CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM {table} WHERE word = q.w)
                OR (q.w = %s AND EXISTS (SELECT 1 FROM {table} WHERE word > q.w AND word < q.w || U&'\\+10FFFF'))
                AS known) AS k
            CROSS JOIN LATERAL (
                (SELECT word, documents FROM {table} WHERE letters = {_LETTERS.format(w="q.w")} LIMIT {CANDIDATES})
                UNION
                (SELECT word, documents FROM {table} ORDER BY word <-> q.w LIMIT {CANDIDATES})
            ) AS c
            WHERE NOT k.known
            """,
            [words, last],
        )
        candidates: dict[str, list[tuple[str, int]]] = {}
        for word, candidate, documents in cursor.fetchall():
            candidates.setdefault(word, []).append((candidate, documents))
    replacements = {}
    for word, found in candidates.items():
        scored = sorted(
            (DamerauLevenshtein.distance(word, candidate), -documents, candidate) for candidate, documents in found
        )
        if scored and scored[0][0] <= max_distance(word):
            replacements[word] = scored[0][2]
    return Correction(text.text, replacements) if replacements else None
