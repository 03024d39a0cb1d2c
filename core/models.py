"""Abstract models and model helpers every domain app builds on; no tables of its own.

The foundation knows nothing of the domain: what is here is about records in general (when they
were created and changed, their slugs, their history, how precisely a date is known).
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, router, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import fulltext
from core.cache import data_version_trigger
from core.text import unique_slug


class TimeStampedModel(models.Model):
    """Abstract base: when a row was created and last changed. Every record has both."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        # Every write bumps the data version (core.cache). Inherited only by a model whose Meta
        # subclasses this one (``class Meta(TimeStampedModel.Meta)``), as Django's Meta goes.
        triggers = [data_version_trigger()]


class SluggedModel(TimeStampedModel):
    """Abstract base for browsable records: a unique slug, filled from the name when left blank."""

    slug = models.SlugField(max_length=100, unique=True, blank=True, allow_unicode=False)
    slug_source_field = "name"

    class Meta(TimeStampedModel.Meta):
        abstract = True

    # How often a new row takes the next free slug when another one took its slug meanwhile.
    slug_attempts = 5

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, getattr(self, self.slug_source_field))
        if not self._state.adding:
            super().save(*args, **kwargs)
            return
        # Two editors saving "the same" new record at once both pass the form's uniqueness check;
        # the later INSERT then meets the earlier's slug. It takes the next free one ("-2")
        # instead of failing, each attempt in a savepoint so the surrounding transaction lives on.
        max_length = self._meta.get_field("slug").max_length
        for attempt in range(self.slug_attempts):
            try:
                with transaction.atomic(using=kwargs.get("using") or router.db_for_write(type(self))):
                    super().save(*args, **kwargs)
                return
            except IntegrityError as error:
                if attempt == self.slug_attempts - 1 or not _is_slug_clash(error, self._meta.db_table):
                    raise
                self.slug = unique_slug(self, self.slug, max_length=max_length)


def _is_slug_clash(error: IntegrityError, table: str) -> bool:
    """Whether ``error`` is a unique violation on ``table``'s slug column."""
    diag = getattr(error.__cause__, "diag", None)
    return (
        getattr(error.__cause__, "sqlstate", None) == "23505"
        and getattr(diag, "table_name", None) == table
        and "slug" in (getattr(diag, "constraint_name", None) or "")
    )


class _HistoricalRecords(HistoricalRecords):
    """Historical models in the module of their model, where django-simple-history puts them,
    also for a model in a package (``clusters.models.organisation``): simple-history would name
    the app's package (``clusters``), from which they cannot be imported."""

    def finalize(self, sender, **kwargs):
        # The search columns are excluded by default; a model without them (an itinerary stop)
        # must not name them, or restoring a historical row looks them up and fails.
        if sender is self.cls:
            names = {field.name for field in [*sender._meta.fields, *sender._meta.many_to_many]}
            self.excluded_fields = [name for name in self.excluded_fields if name in names]
        return super().finalize(sender, **kwargs)

    def create_history_model(self, model, inherited):
        history_model = super().create_history_model(model, inherited)
        if not inherited:
            history_model.__module__ = self.module
        return history_model


def tracked_history(**kwargs) -> HistoricalRecords:
    """Who changed a record, when, and what: the history shown (and reverted) in the admin.
    The search columns are derived by the database, so they are not recorded."""
    kwargs["excluded_fields"] = ["search_vector", "search_title", *kwargs.get("excluded_fields", [])]
    return _HistoricalRecords(**kwargs)


class DatePrecision(models.TextChoices):
    """How much of a stored date is known: 2012-04-01 with MONTH means "April 2012"."""

    DAY = "day", _("Exact day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def date_precision_field(**kwargs) -> models.CharField:
    """How precisely the date next to it is known (``DatePrecision``), the exact day by default."""
    return models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY, **kwargs)


def optional_fk(to, related_name: str, on_delete=models.PROTECT, **kwargs) -> models.ForeignKey:
    """A link that may be empty (``null`` and ``blank``): protected by default, so that a
    referenced record cannot be deleted from under it."""
    return models.ForeignKey(to, on_delete=on_delete, null=True, blank=True, related_name=related_name, **kwargs)


def as_of_fields(claim: str) -> tuple[models.DateField, models.CharField]:
    """The date of the source that states ``claim`` (a status, a label's validity, a member
    count, a rate) and that source in short: a claim is only as current as its source, and a
    page says "as of Oct 2014, per ..." (``core.provenance``) instead of presenting it as today's.
    Assign both: ``status_as_of, status_source = as_of_fields("status")``."""
    date = models.DateField(
        f"{claim} as of",
        null=True,
        blank=True,
        help_text=f"Date of the source that states the {claim} (its publication or the event it reports).",
    )
    source = models.CharField(
        f"{claim} source",
        max_length=200,
        blank=True,
        help_text='Short citation of that source, e.g. "ZENIT workshop report, Düsseldorf".',
    )
    return date, source


def percentage_check(field: str, name: str, label: str = "A percentage") -> models.CheckConstraint:
    """A constraint keeping ``field`` (nullable) between 0 and 100."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0, f"{field}__lte": 100}),
        name=name,
        violation_error_message=f"{label} must be between 0 and 100 %%.",
    )


def percentage_field(verbose_name: str, **kwargs) -> models.DecimalField:
    kwargs.setdefault("help_text", "0 to 100")
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        **kwargs,
    )


def count_related(model, field: str, **filters) -> Coalesce:
    """How many ``model`` rows point at the outer row through ``field``, as a subquery, so that
    several counts on one queryset never multiply joins (netbox ``utilities/query.py``)."""
    subquery = (
        model.objects.filter(**{field: OuterRef("pk")}, **filters)
        .order_by()
        .values(field)
        .annotate(c=Count("*"))
        .values("c")
    )
    return Coalesce(Subquery(subquery, output_field=IntegerField()), 0)


def period_check(start: str, end: str, name: str, message: str) -> models.CheckConstraint:
    """A constraint keeping the date ``end`` on or after ``start`` when both are known."""
    return models.CheckConstraint(
        condition=Q(**{f"{start}__isnull": True}) | Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}),
        name=name,
        violation_error_message=message,
    )


def non_negative_check(field: str, name: str) -> models.CheckConstraint:
    """A constraint keeping ``field`` (nullable) at zero or above."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}),
        name=name,
        violation_error_message=f"{field.capitalize()} cannot be negative.",
    )


class SearchableQuerySet(models.QuerySet):
    """A QuerySet of a model with the stored search columns ``search_vector`` and ``search_title``."""

    def search(self, query):
        """Full-text and typo-tolerant name search, annotated with ``search_rank``."""
        return fulltext.search(self, query)


def search_indexes(prefix: str) -> list[models.Index]:
    """The indexes of the stored search columns: ``<prefix>_search_vector`` for full text and
    ``<prefix>_search_title_trgm`` (trigrams of the folded names) for prefixes and typos."""
    return [
        GinIndex(fields=["search_vector"], name=f"{prefix}_search_vector"),
        GinIndex(OpClass("search_title", name="gin_trgm_ops"), name=f"{prefix}_search_title_trgm"),
    ]


def link_proxy(m2m, name: str, *triggers) -> type[models.Model]:
    """A proxy model called ``name`` on the link table Django made for the many-to-many field
    ``m2m`` (``Visit.hosts``), only to carry the table's triggers: the data-version trigger
    and ``triggers``. django-pgtrigger declares triggers on such a table through a proxy; it has
    no table and no permissions of its own, and no admin. Assign it to a module-level ``name``
    so that migrations and imports find it."""
    through = m2m.through
    meta = type("Meta", (), {"proxy": True, "default_permissions": (), "triggers": [data_version_trigger(), *triggers]})
    doc = f"The {through._meta.db_table} link table, named only to carry its triggers (``core.models.link_proxy``)."
    return type(name, (through,), {"__module__": through.__module__, "__doc__": doc, "Meta": meta})
