"""Global search: one query over every searchable record type; the best hits of all types in
one ranked list, then each type's best with its count and a way to all of them (a paged list of
one type, exportable), each hit with a highlighted title and a plain-text snippet.

The apps say how their models are searched (``<app>/search.py``); this module runs one query
per type (hits, total count and highlights together), so a page costs the same number of
queries whatever it finds. A query word that no record contains is corrected against the
lexicon (globalsearch/lexicon.py): when the query as typed finds nothing, the corrected one is
searched instead; otherwise its results are offered as "Did you mean".
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from django.core.cache import cache
from django.db.models import Count, F, Window
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core import fulltext
from core.cache import current_data_version
from core.fulltext import Headline, Plain, SearchSpec, SearchText, similarity
from core.registry import registry
from core.text import fold
from globalsearch import lexicon


def specs() -> list[SearchSpec]:
    """How each registered record type is searched, in the registry's order."""
    return [t.search for t in registry.searched()]


def spec_for(key: str) -> SearchSpec | None:
    return next((spec for spec in specs() if spec.key == key), None)


HITS_PER_TYPE = 10  # fetched per type: enough for the best across types
SHOWN_PER_TYPE = 5  # shown in a type's section of the overview
BEST = 10
PER_PAGE = 20
MAX_PAGE = 500  # deeper pages are refused (404) before any query: add words instead
SUGGESTIONS = 5
SUGGESTION_SIMILARITY = 0.3
CACHE_MIN_HITS = 1_000
CACHE_SECONDS = 3600  # keys carry the data version: a write is seen at once whatever this is


@dataclass
class Hit:
    title: SafeString
    snippet: SafeString
    subtitle: str
    url: str
    rank: float
    obj: object
    key: str = ""
    label: str = ""


@dataclass
class Group:
    key: str
    label: str
    count: int
    hits: list[Hit]

    @property
    def shown(self) -> list[Hit]:
        return self.hits[:SHOWN_PER_TYPE]


@dataclass
class Results:
    query: SearchText
    groups: list[Group] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    # A query with its unknown words corrected: offered, or (``corrected``) searched instead.
    correction: "lexicon.Correction | None" = None
    corrected: bool = False

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def best(self) -> list[Hit]:
        """The best hits of every type in one list, by rank (comparable across types: the same
        SearchRank formula over the same weights)."""
        hits = [hit for group in self.groups for hit in group.hits]
        return sorted(hits, key=lambda hit: -hit.rank)[:BEST]

    @property
    def searched_text(self) -> str:
        return self.correction.text if self.corrected else self.query.text


@dataclass
class TypePage:
    """One page of one type's results."""

    spec: SearchSpec
    query: SearchText
    number: int
    count: int
    hits: list[Hit]
    correction: "lexicon.Correction | None" = None
    corrected: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // PER_PAGE))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    @property
    def start(self) -> int:
        return (self.number - 1) * PER_PAGE + 1 if self.hits else 0

    @property
    def end(self) -> int:
        return self.start + len(self.hits) - 1 if self.hits else 0

    @property
    def searched_text(self) -> str:
        return self.correction.text if self.corrected else self.query.text


def search(raw: str | None, user) -> Results:
    """Everything ``user`` may see that matches ``raw``; closest names when nothing does.

    A common term matches a large share of every table, and ranking tens of thousands of rows
    grows with the tables (bench/README.md): results with at least ``CACHE_MIN_HITS`` hits are
    kept per query, kind of reader (the rows a reader may see depend on it), interface language
    (hit subtitles name kinds and languages in it) and data version (a write is seen at once). Rarer queries
    and typos, answered from the indexes, are always run afresh."""
    text = SearchText(raw)
    results = Results(query=text)
    if not text:
        return results
    key = _cache_key("search", text, user)
    if (cached := cache.get(key)) is not None:
        return cached
    results.groups = _groups(text, user)
    results.correction = lexicon.correct(text, specs())
    if not results.groups and results.correction:
        results.groups = _groups(SearchText(results.correction.text), user)
        results.corrected = bool(results.groups)
    if not results.groups:
        results.suggestions = suggestions(text, user)
    if results.total >= CACHE_MIN_HITS:
        cache.set(key, results, CACHE_SECONDS)
    return results


def _cache_key(kind: str, text: SearchText, user, *extra) -> str:
    roles = (user.is_authenticated, user.is_staff, user.is_superuser)
    digest = hashlib.sha256(f"{text.text}|{roles}|{get_language()}|{extra}".encode()).hexdigest()
    return f"{kind}:{current_data_version()}:{digest}"


def _groups(text: SearchText, user) -> list[Group]:
    groups = []
    for spec in specs():
        rows = list(_hits(spec, text, user)[:HITS_PER_TYPE])
        if rows:
            groups.append(Group(spec.key, spec.label, rows[0].search_total, [_hit(spec, row) for row in rows]))
    return groups


def type_page(raw: str | None, user, spec: SearchSpec, number: int) -> TypePage:
    """Page ``number`` of the hits of one type, best first; the corrected query's when the query
    as typed finds none of this type. An empty page past the first: ``count`` is 0."""
    text = SearchText(raw)
    page = TypePage(spec=spec, query=text, number=number, count=0, hits=[])
    if not text:
        return page
    rows = _page_rows(spec, text, user, number)
    if not rows:
        page.correction = lexicon.correct(text, specs())
        if page.correction:
            rows = _page_rows(spec, SearchText(page.correction.text), user, number)
            page.corrected = bool(rows)
    if rows:
        page.count = rows[0].search_total
        page.hits = [_hit(spec, row) for row in rows]
    return page


def _page_rows(spec: SearchSpec, text: SearchText, user, number: int) -> list:
    offset = (number - 1) * PER_PAGE
    return list(_hits(spec, text, user)[offset : offset + PER_PAGE])


def export_rows(raw: str | None, user, spec: SearchSpec):
    """Every hit of one type, in the paged list's order, without highlights (for CSV): the
    corrected query's when the query as typed finds none of this type, like ``type_page``."""
    text = SearchText(raw)
    if not text:
        return spec.queryset(user).none()
    if not _matching(spec, text, user).exists() and (correction := lexicon.correct(text, specs())):
        text = SearchText(correction.text)
    return _matching(spec, text, user).order_by("-search_rank", "pk")


def _matching(spec: SearchSpec, text: SearchText, user):
    return fulltext.search(spec.queryset(user), text, also=spec.also(text) if spec.also else None)


def _hits(spec: SearchSpec, text: SearchText, user):
    body = Plain(spec.body_text())
    return (
        _matching(spec, text, user)
        .annotate(
            search_total=Window(Count("pk")),
            search_body=body,
            marked_title=Headline(spec.title_config, F(spec.title), text, whole=True),
            marked_body=Headline(spec.config, body, text),
        )
        .order_by("-search_rank", "pk")
    )


def _hit(spec: SearchSpec, row) -> Hit:
    return Hit(
        title=highlight(getattr(row, spec.title), row.marked_title),
        snippet=highlight(row.search_body or "", row.marked_body or ""),
        subtitle=spec.subtitle(row),
        url=url_for(row),
        rank=row.search_rank,
        obj=row,
        key=spec.key,
        label=str(spec.label),
    )


def url_for(obj) -> str:
    """The record's page; its admin change page while the public page does not exist yet."""
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        meta = obj._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def suggestions(text: SearchText, user, n: int = SUGGESTIONS) -> list[str]:
    """The names closest to the query (trigram word similarity), one query for all types."""
    parts = [
        spec.queryset(user)
        .order_by()
        .annotate(suggestion=F(spec.title), closeness=similarity(text))
        .filter(closeness__gte=SUGGESTION_SIMILARITY)
        .values_list("suggestion", "closeness")
        for spec in specs()
    ]
    rows = parts[0].union(*parts[1:], all=True).order_by("-closeness", "suggestion")[: n * 2]
    return list(dict.fromkeys(name for name, _ in rows))[:n]


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


_WORD = re.compile(r"\w+")
_MAX_SKIP = 8  # words ts_headline may drop between two of a fragment's words (HTML tags, say)


def highlight(original: str, marked: str) -> SafeString:
    """HTML for ``marked`` (ts_headline output over ``fold(original)``, matches between private-use
    markers) in the original spelling: escaped text, ``<mark>`` around the matched words, "…"
    where fragments were cut. The fragments' words are found again, in order, among the words of
    the folded text, whose positions map back to the original. A fragment that cannot be placed is
    shown folded."""
    original = unicodedata.normalize("NFC", original)
    pieces, origin = [], []
    for i, ch in enumerate(original):
        piece = _fold_char(ch)
        pieces.append(piece)
        origin.extend([i] * len(piece))
    folded = "".join(pieces)
    words = [(m.group(), origin[m.start()], origin[m.end() - 1] + 1) for m in _WORD.finditer(folded)]
    if folded != fold(original):
        words = []
    out, cursor = [], 0
    cut_before = cut_after = False
    for fragment in marked.split(Headline.DELIMITER):
        tokens = _tokens(fragment)
        if not tokens:
            continue
        placed = _place(words, [w for w, _ in tokens], cursor)
        if placed is None:
            out.append(_fallback(fragment))
            continue
        cursor = placed[-1] + 1
        begin, end = words[placed[0]][1], words[placed[-1]][2]
        # Keep punctuation stuck to the first and last words ("(İŞİM),", "horn</b>.").
        while begin > 0 and not original[begin - 1].isspace():
            begin -= 1
        while end < len(original) and not original[end].isspace():
            end += 1
        if not out:
            cut_before = begin > 0
        cut_after = end < len(original.rstrip())
        html, position = [], begin
        for (_, is_marked), index in zip(tokens, placed, strict=True):
            if is_marked:
                s, e = words[index][1], words[index][2]
                html.append(f"{escape(original[position:s])}<mark>{escape(original[s:e])}</mark>")
                position = e
        html.append(escape(original[position:end]))
        out.append("".join(html).strip())
    if not out:
        return mark_safe("")
    snippet = " … ".join(out)
    snippet = ("… " if cut_before else "") + snippet + (" …" if cut_after else "")
    return mark_safe(snippet)  # noqa: S308 - every piece of text above is escaped


def _tokens(fragment: str) -> list[tuple[str, bool]]:
    """The fragment's words, each with whether ts_headline marked it."""
    tokens, inside = [], False
    for part in re.split(f"([{Headline.START}{Headline.STOP}])", fragment):
        if part == Headline.START:
            inside = True
        elif part == Headline.STOP:
            inside = False
        else:
            tokens += [(w, inside) for w in _WORD.findall(part)]
    return tokens


def _place(words: list, wanted: list[str], cursor: int) -> list[int] | None:
    """Indexes in ``words`` of ``wanted``, in order, from ``cursor``, skipping a few words."""
    for first in range(cursor, len(words)):
        if words[first][0] != wanted[0]:
            continue
        found, at = [first], first
        for word in wanted[1:]:
            at = next((i for i in range(at + 1, min(at + 2 + _MAX_SKIP, len(words))) if words[i][0] == word), None)
            if at is None:
                break
            found.append(at)
        else:
            return found
    return None


def _fallback(fragment: str) -> str:
    # escape() leaves the private-use markers alone; ts_headline always pairs them.
    return escape(fragment).replace(Headline.START, "<mark>").replace(Headline.STOP, "</mark>")
