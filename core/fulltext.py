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
from django.db.models import Expression, F, Func, Q, Value

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
        return "%s::tsquery", [websearch_literal(connection, self.text.text, _prefix_text(self.text))]


_CONFIGS_ARRAY = "{" + ",".join(c for c in QUERY_CONFIGS if _CONFIG_NAME.match(c)) + "}"


@lru_cache(maxsize=4096)
def _websearch_literal(alias: str, text: str, prefix: str | None) -> str:
    from django.db import connections

    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT ckb_websearch(%s::regconfig[], %s, %s)::text", [_CONFIGS_ARRAY, text, prefix])
        return cursor.fetchone()[0]


def websearch_literal(connection, text: str, prefix: str | None) -> str:
    """``ckb_websearch()`` of ``text`` as tsquery text, computed once per process and text: the
    configurations' parsers and stemmers do not change while the server runs (a migration that
    changed ``ckb_websearch`` restarts it)."""
    return _websearch_literal(connection.alias, text, prefix)


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
    line of context. A hit links to its row's ``get_absolute_url()``.
    """

    key: str
    label: str
    queryset: Callable
    title: str
    body: tuple[str, ...]
    subtitle: Callable
    config: object = "english"
    title_config: object = "simple"

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


def search(queryset, text: "SearchText | str"):
    """Rows of ``queryset`` matching ``text`` (full text, a name prefix, or a name with a typo),
    annotated with ``search_rank``: any hit in a name (weight A) ranks above body mentions."""
    text = text if isinstance(text, SearchText) else SearchText(text)
    if not text:
        return queryset.none()
    query = text.tsquery()
    folded = Fold(Value(text.text))
    return queryset.filter(
        Q(BooleanOp(F("search_vector"), "@@", query)) | Q(BooleanOp(folded, "<%%", F("search_title")))
    ).annotate(search_rank=SearchRank(query, folded))


def similarity(text: SearchText):
    """How close the folded query is to a row's names (0..1), for "did you mean"."""
    return Func(Fold(Value(text.text)), F("search_title"), function="word_similarity", output_field=models.FloatField())
