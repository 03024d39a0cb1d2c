"""Full-text search building blocks shared by every searchable model.

The database keeps each record's search data current itself: a stored generated
``search_vector`` (tsvector) and ``search_title`` (folded names, for trigram typo matching),
both built with ``ckb_fold()``, an IMMUTABLE SQL function declared in ``core/sql.py`` that
mirrors :func:`core.text.fold`.

Records are stemmed in their own language (``Visit.language``) or, without one, names with
"simple" and descriptions with "english". A query is therefore stemmed with every content
language's configuration and the results OR-ed: one constant tsquery, so the GIN index serves
it, and a French report matches a French stem whatever language the searcher assumed.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.postgres.search import SearchConfig, SearchQueryField, SearchVector
from django.db import models
from django.db.models import Case, Expression, F, Func, Q, Value, When
from django.utils.translation import get_language

from core.languages import SEARCH_CONFIGS
from core.text import fold

MAX_QUERY_LENGTH = 200
# Every text-search configuration a record may be stemmed with.
QUERY_CONFIGS = tuple(dict.fromkeys(["simple", "english", *SEARCH_CONFIGS.values()]))
# pg_trgm's default word_similarity_threshold; the `<%` operator uses it, so the GIN index serves it.
TYPO_SIMILARITY = 0.6
_CONFIG_NAME = re.compile(r"^[a-z_]+$")
_WORD = re.compile(r"[^\W_]+")


class Fold(Func):
    """``ckb_fold(text)``: lower-case, accent-free text (see core.text.fold)."""

    function = "ckb_fold"
    output_field = models.TextField()


class LanguageConfig(Func):
    """The text-search configuration (regconfig) for a row's language code column.

    The mapping is part of the expression's deconstruction, so changing clusters/languages.py
    produces a migration that regenerates the stored vectors.
    """

    output_field = models.TextField()

    def __init__(self, expression, configs):
        for config in configs.values():
            if not _CONFIG_NAME.match(config):
                raise ValueError(f"Not a text-search configuration name: {config!r}")
        self.configs = dict(configs)
        super().__init__(expression)

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        # Constants cast to regconfig are resolved once, at DDL time: the CASE stays IMMUTABLE.
        whens = " ".join(
            f"WHEN '{code}' THEN '{config}'::regconfig"
            for code, config in self.configs.items()
            if _CONFIG_NAME.match(code)
        )
        return f"(CASE {sql} {whens} ELSE 'simple'::regconfig END)", params


def names_vector(*fields: str, weight: str = "A") -> SearchVector:
    """Names in any language: folded, not stemmed."""
    return SearchVector(*(Fold(F(f)) for f in fields), config="simple", weight=weight)


def text_vector(*fields: str, config, weight: str) -> SearchVector:
    """Prose stemmed with ``config``, both as written (stemmers know their accents) and folded
    (so that a query typed without accents, or in another case, still matches)."""
    config = config if hasattr(config, "resolve_expression") else Value(config)
    return SearchVector(*(F(f) for f in fields), config=config, weight=weight) + SearchVector(
        *(Fold(F(f)) for f in fields), config=config, weight=weight
    )


def folded_names(*fields: str) -> Fold:
    """The folded names of a row, space-separated, for trigram matching."""
    # `||`, not concat_ws(): concat_ws() is only STABLE, which a generated column refuses.
    joined = Func(*(F(f) for f in fields), template="(%(expressions)s)", arg_joiner=" || ' ' || ")
    return Fold(joined, output_field=models.TextField())


class SearchText:
    """A visitor's query, cleaned: NUL and control characters gone, length capped."""

    def __init__(self, raw: str | None):
        text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
        text = " ".join(text.split())
        self.truncated = len(text) > MAX_QUERY_LENGTH
        self.text = text[:MAX_QUERY_LENGTH].strip()
        self.folded = fold(self.text)
        self.words = _WORD.findall(self.folded)

    def __bool__(self):
        return bool(self.words)

    def __str__(self):
        return self.text

    @property
    def has_operators(self) -> bool:
        return '"' in self.text or bool(re.search(r"(^|\s)-|\bor\b", self.text, re.IGNORECASE))

    def tsquery(self) -> "MultiConfigQuery":
        return MultiConfigQuery(self)


class MultiConfigQuery(Expression):
    """websearch_to_tsquery(q) in every configuration, as typed and folded, OR-ed; plus, for
    as-you-type, the words with the last one as a prefix (``'via':*``).

    Built by ``ckb_websearch()`` (declared in core/sql.py), which drops the empty and repeated
    parts: most configurations parse a name alike, and 29 copies of the same disjunct made every
    ``@@`` test and ``ts_rank`` of a row 29 times the work.

    The statements get the result as a tsquery constant, which the GIN index uses like any other.
    Left in the SQL, the IMMUTABLE call was folded by the planner at each of its three places in
    each of a search's five statements, each fold parsing the text in every configuration: a large
    share of every statement's planning (figures in bench/README.md). The constant is computed by
    one query the first time a process meets a query text (``websearch_literal()``, kept for the
    process's next requests), and shared by every expression of that text in the request."""

    output_field = SearchQueryField()

    def __init__(self, text: SearchText):
        super().__init__()
        self.text = text

    def as_sql(self, compiler, connection):
        literal = websearch_literal(connection, self.text.text, _prefix_text(self.text), _stem_config(self.text))
        return "%s::tsquery", [literal]


MIN_STEM_PREFIX = 5


def _stem_config(text: SearchText) -> str | None:
    """The interface language's configuration, for the stem alternatives; None when it has no
    stemmer or the query uses operators."""
    config = SEARCH_CONFIGS.get((get_language() or "en").split("-")[0], "simple")
    return None if text.has_operators or config == "simple" or not text.words else config


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("'", "''") + "'"


def _stem_alternatives(cursor, config: str, words: list[str]) -> str | None:
    """A tsquery text ANDing, for each word, the word OR its stem in ``config`` as a prefix OR
    the stem of its stem. A stemmer leaves some inflections whole (French "financent" stays
    "financent" while "financer" is "financ") and some stems change again (Turkish "hibe" is
    stored "hip", "hibeler" stems to "hibe"): the prefix and the second stemming meet them."""
    cursor.execute(
        "SELECT w, s, (SELECT array_agg(x) FROM unnest(tsvector_to_array(to_tsvector(%s::regconfig, s))) AS x)"
        " FROM unnest(%s::text[]) WITH ORDINALITY AS q(w, n)"
        " LEFT JOIN LATERAL unnest(tsvector_to_array(to_tsvector(%s::regconfig, q.w))) AS s ON true ORDER BY n",
        [config, words, config],
    )
    alternatives: dict[str, set[str]] = {}
    changed = False
    for word, stem, stems_of_stem in cursor.fetchall():
        options = alternatives.setdefault(word, {_quoted(word)})
        if stem and stem != word:
            changed = True
            if len(stem) >= MIN_STEM_PREFIX:
                options.add(_quoted(stem) + ":*")
            options.update(_quoted(x) for x in stems_of_stem or [] if x != stem)
    if not changed:
        return None
    return " & ".join("(" + " | ".join(sorted(options)) + ")" for options in alternatives.values())


_CONFIGS_ARRAY = "{" + ",".join(c for c in QUERY_CONFIGS if _CONFIG_NAME.match(c)) + "}"


@lru_cache(maxsize=4096)
def _websearch_literal(alias: str, text: str, prefix: str | None, stem_config: str | None) -> str:
    from django.db import connections

    with connections[alias].cursor() as cursor:
        extra = _stem_alternatives(cursor, stem_config, _WORD.findall(fold(text))) if stem_config else None
        if extra:
            cursor.execute(
                "SELECT (ckb_websearch(%s::regconfig[], %s, %s) || to_tsquery('simple'::regconfig, %s))::text",
                [_CONFIGS_ARRAY, text, prefix, extra],
            )
        else:
            cursor.execute("SELECT ckb_websearch(%s::regconfig[], %s, %s)::text", [_CONFIGS_ARRAY, text, prefix])
        return cursor.fetchone()[0]


def websearch_literal(connection, text: str, prefix: str | None, stem_config: str | None = None) -> str:
    """``ckb_websearch()`` of ``text`` as tsquery text, OR-ed with the stem alternatives in the
    interface language's ``stem_config``, computed once per process, text and configuration: the
    configurations' parsers and stemmers do not change while the server runs (a migration that
    changed ``ckb_websearch`` restarts it)."""
    return _websearch_literal(connection.alias, text, prefix, stem_config)


def _prefix_text(text: SearchText) -> str | None:
    """The words ANDed, the last one as a prefix (``'via' & 'mec':*``); None with operators."""
    if text.has_operators or not text.words:
        return None
    # Words are runs of letters and digits only, so quoting them is safe.
    *head, last = text.words
    return " & ".join([*(f"'{w}'" for w in head), f"'{last}':*"])


def _prefix_query(text: SearchText) -> tuple[list[str], list[str]]:
    prefix = _prefix_text(text)
    return ([], []) if prefix is None else (["to_tsquery('simple'::regconfig, %s)"], [prefix])


class HeadlineQuery(Func):
    """The folded query in one row's configuration and in "simple", for ts_headline: the full
    multi-language query makes ts_headline's fragment mode shrink snippets to the matched word."""

    output_field = SearchQueryField()

    def __init__(self, config, text: SearchText):
        super().__init__(SearchConfig.from_parameter(config))
        self.text = text

    def as_sql(self, compiler, connection, **extra_context):
        config, config_params = compiler.compile(self.source_expressions[0])
        parts = [
            f"websearch_to_tsquery({config}, ckb_fold(%s))",
            "websearch_to_tsquery('simple'::regconfig, ckb_fold(%s))",
        ]
        params = [*config_params, self.text.text, self.text.text]
        prefix, prefix_params = _prefix_query(self.text)
        return "(" + " || ".join(parts + prefix) + ")", params + prefix_params


class BooleanOp(Func):
    """``lhs <op> rhs`` as a filter condition."""

    output_field = models.BooleanField()

    def __init__(self, lhs, op: str, rhs):
        super().__init__(lhs, rhs)
        self.arg_joiner = f" {op} "
        self.template = "(%(expressions)s)"


class Headline(Func):
    """ts_headline over folded text, with private-use markers around matches."""

    function = "ts_headline"
    output_field = models.TextField()
    START, STOP, DELIMITER = "\ue000", "\ue001", "\ue002"

    def __init__(self, config, text, query: SearchText, *, whole: bool = False):
        options = f"StartSel={self.START}, StopSel={self.STOP}"
        if whole:
            options += ", HighlightAll=true"
        else:
            options += f", MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter={self.DELIMITER}"
        config = SearchConfig.from_parameter(config)
        super().__init__(config, Fold(text), HeadlineQuery(config, query), Value(options))


@dataclass(frozen=True)
class SearchSpec:
    """How one model takes part in global search.

    ``queryset(user)`` gives the rows that user may find (its QuerySet has ``search()``);
    ``title`` and ``body`` name the fields shown as the hit's title and snippet, highlighted with
    ``title_config`` and ``config`` (a configuration name or an expression); ``subtitle(obj)`` a
    line of context. A hit links to its row's ``get_absolute_url()``. ``list_view`` (a dotted
    path to the type's ``FacetedListView``) gives the export of this type's hits the list's own
    rows and columns.
    """

    key: str
    label: str
    queryset: Callable
    title: str
    body: tuple[str, ...]
    subtitle: Callable
    config: object = "english"
    title_config: object = "simple"
    # (SearchText) -> Q or None: further rows found by the query, e.g. visits by their hosts' names.
    also: Callable | None = None
    list_view: str = ""

    def body_text(self) -> Func:
        """The body fields as one text, blank-line separated."""
        return Func(*(F(f) for f in self.body), template="(%(expressions)s)", arg_joiner=" || E'\\n\\n' || ")


class SearchRank(Func):
    """A name hit (weight A) first, then ts_rank, then closeness of the names to the query."""

    output_field = models.FloatField()

    def __init__(self, query, folded):
        super().__init__(F("search_vector"), query, folded, F("search_title"))

    def as_sql(self, compiler, connection, **extra_context):
        (v, v_params), (q, q_params), (f, f_params), (t, t_params) = (
            compiler.compile(e) for e in self.source_expressions
        )
        sql = (
            f"(CASE WHEN ts_filter({v}, '{{a}}') @@ {q} THEN 1.0 ELSE 0.0 END"
            f" + ts_rank({v}, {q}) + 0.5 * word_similarity({f}, {t}))"
        )
        return sql, (*v_params, *q_params, *v_params, *q_params, *f_params, *t_params)


# What a match of ``also`` (a related record's name, say a visit's host) adds to the rank: below a
# hit in the row's own name (1.0 and more), above a mention in its text (ts_rank, mostly < 0.5).
ALSO_RANK = 0.75


def search(queryset, text: "SearchText | str", *, also: Q | None = None):
    """Rows of ``queryset`` matching ``text`` (full text, a name prefix, or a name with a typo),
    annotated with ``search_rank``: any hit in a name (weight A) ranks above body mentions.
    ``also``: further rows to find (e.g. visits by their hosts' names), ranked ``ALSO_RANK`` up."""
    text = text if isinstance(text, SearchText) else SearchText(text)
    if not text:
        return queryset.none()
    query = text.tsquery()
    folded = Fold(Value(text.text))
    condition = Q(BooleanOp(F("search_vector"), "@@", query)) | Q(BooleanOp(folded, "<%%", F("search_title")))
    rank = SearchRank(query, folded)
    if also is not None:
        condition |= also
        rank = rank + Case(When(also, then=Value(ALSO_RANK)), default=Value(0.0), output_field=models.FloatField())
    return queryset.filter(condition).annotate(search_rank=rank)


def names_match(text: SearchText) -> Q:
    """A condition on a searchable model: ``text`` matches one of the row's names (weight A).
    The whole vector is tested first, so the GIN index finds the rows ts_filter() then checks."""
    names = Func(F("search_vector"), Value("{a}"), function="ts_filter", output_field=models.TextField())
    return Q(BooleanOp(F("search_vector"), "@@", text.tsquery())) & Q(BooleanOp(names, "@@", text.tsquery()))


class Plain(Func):
    """Markdown as plain text, for snippets: links and images keep their text, HTML tags, heading,
    quote and list markers, emphasis and code marks, and reference definitions go."""

    output_field = models.TextField()
    _STEPS = (
        (r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$", "", "gn"),  # [ref]: https://...
        (r"!?\[([^\]]*)\]\([^)]*\)", "\\1", "g"),  # [text](url), ![alt](src)
        (r"!?\[([^\]]*)\]\[[^\]]*\]", "\\1", "g"),  # [text][ref]
        (r"<[^>\n]*>", "", "g"),  # <b>, <https://...>
        (r"^\s{0,3}([-*_]\s*){3,}$", "", "gn"),  # --- rules
        (r"^\s{0,3}(#{1,6}|>+|[-*+]|\d{1,9}[.)])\s+", "", "gn"),  # # Heading, > quote, - item, 1. item
        (r"(\*{1,3}|`+|~~)", "", "g"),  # **bold**, `code`, ~~struck~~
        (r"(^|[\s(])_{1,3}(\S)", "\\1\\2", "g"),  # _emphasis_
        (r"(\S)_{1,3}([\s).,;:!?]|$)", "\\1\\2", "g"),
    )

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        params = list(params)
        for pattern, replacement, flags in self._STEPS:
            sql = f"regexp_replace({sql}, %s, %s, '{flags}')"
            params += [pattern, replacement]
        return sql, params


def similarity(text: SearchText):
    """How close the folded query is to a row's names (0..1), for "did you mean"."""
    return Func(Fold(Value(text.text)), F("search_title"), function="word_similarity", output_field=models.FloatField())
