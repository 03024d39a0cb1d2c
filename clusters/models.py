"""Organisations of every kind, in one table, with what describes and connects them.

Every other app points here: a host, a delegation member, a managing body and a project partner
are all rows of ``Organisation``.
"""

import functools
import operator

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import (
    Case,
    Exists,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Greatest, Length
from django.db.models.lookups import Contains, Exact, GreaterThanOrEqual, LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager

from clusters.participation import participation_links
from clusters.triggers import alternative_names_changed, ecosystem_links_changed, organisation_search_names
from core import fulltext
from core.cache import data_version_trigger
from core.models import (
    SluggedModel,
    TimeStampedModel,
    count_related,
    percentage_check,
    percentage_field,
    tracked_history,
)
from core.text import fold, transliterate


class Ecosystem(models.Model):
    """One of the 14 industrial ecosystems of the EU industrial strategy (reference data)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        triggers = [data_version_trigger()]

    def __str__(self):
        return self.name


# Visits live in the visits app, which depends on this one; they are reached through the
# reverse relations, never imported. Only published visits count on public list pages.
PUBLISHED_VISIT = {"visit__status": "published"}
PUBLISHED = {"status": "published"}


# How close (pg_trgm similarity of folded names) a new name must be to an existing one to be
# shown as a possible duplicate, and how long a name must be to be looked for inside others.
DUPLICATE_SIMILARITY = 0.55
MIN_CONTAINED_LENGTH = 5


def _best_similarity(typed: list[str], column) -> Greatest:
    """The best trigram similarity between any of the ``typed`` texts and folded ``column``."""
    folded = fulltext.Fold(column)
    scores = [Func(Value(t), folded, function="similarity", output_field=models.FloatField()) for t in typed]
    return Greatest(*scores, Value(0.0))


def _name_matches(typed: list[str], column, *, contains: bool = True) -> Q:
    """``column`` folded equals one of the ``typed`` texts or, with ``contains``, one contains
    the other (a word missing). Short names are only compared whole: "ICT" is in too many."""
    folded = fulltext.Fold(column)
    match = Q()
    for text in typed:
        match |= Q(Exact(folded, text))
        if contains:
            match |= Q(Contains(Value(text), folded)) & Q(GreaterThanOrEqual(Length(folded), MIN_CONTAINED_LENGTH))
            if len(text) >= MIN_CONTAINED_LENGTH:
                match |= Q(Contains(folded, text))
    return match & ~Q(Exact(folded, ""))


class OrganisationQuerySet(models.QuerySet):
    def clusters(self):
        return self.filter(kind__in=Organisation.CLUSTER_KINDS)

    def poles(self):
        return self.filter(kind=Organisation.Kind.POLE)

    def search(self, query):
        """Full-text and typo-tolerant name search, annotated with ``search_rank``."""
        return fulltext.search(self, query)

    def similar_names(self, name: str, exclude_pk=None, *, threshold: float = DUPLICATE_SIMILARITY):
        """Organisations whose name, acronym or an alternative name is close to ``name``: equal
        once folded or transliterated, one containing the other (a missing word), or within a
        typo (trigram similarity of the folded names). Closest first, annotated with
        ``name_similarity``; one query."""
        typed = list(dict.fromkeys(t for t in (fold(name).strip(), transliterate(name).strip()) if t))
        if not typed:
            return self.none()
        alternatives = AlternativeName.objects.filter(organisation=OuterRef("pk"))
        best_alternative = Subquery(
            alternatives.annotate(s=_best_similarity(typed, F("name"))).order_by("-s").values("s")[:1]
        )
        queryset = self.exclude(pk=exclude_pk) if exclude_pk else self
        return (
            queryset.annotate(
                name_similarity=Greatest(_best_similarity(typed, F("name")), Coalesce(best_alternative, 0.0))
            )
            .filter(
                Q(name_similarity__gte=threshold)
                | _name_matches(typed, F("name"))
                | _name_matches(typed, F("acronym"), contains=False)
                | Exists(alternatives.filter(_name_matches(typed, F("name"))))
            )
            .order_by("-name_similarity", "name")[:10]
        )

    def took_part(self, **visit_filters):
        """A condition on organisations: it took part in a visit matching ``visit_filters``
        (``status="published"``) under the participation rule (``participation_links``), one
        ``EXISTS`` per link so that rows never repeat."""
        links = participation_links()
        return functools.reduce(
            operator.or_,
            (Exists(link.rows(**visit_filters).filter(**{link.organisation: OuterRef("pk")})) for link in links),
        )

    def has_visits_facet_sql(self) -> tuple[str, list]:
        """The "has visits" facet of these organisations as ``facet_value, facet_label,
        facet_count`` SQL: how many took part in a published visit ("yes", the rule of
        ``took_part``) and how many did not ("no"), with their ids computed once.

        Raw SQL around ORM-built probes: one scalar subquery with LIMIT 1 per link, not EXISTS,
        because PostgreSQL 18 turns an EXISTS into a hash of every published visit's links;
        these stay index probes per organisation."""
        ids_sql, params = self.order_by().values("pk").query.sql_with_params()
        probes, probe_params = [], []
        for link in participation_links():
            rows = link.rows(**PUBLISHED).filter(**{f"{link.organisation}_id": RawSQL("b.pk", ())})
            sql, part = rows.annotate(one=Value(1)).values("one")[:1].query.sql_with_params()
            probes.append(f"({sql}) IS NOT NULL")
            probe_params += part
        sql = (
            f"WITH b(pk) AS MATERIALIZED ({ids_sql}), y AS (SELECT COUNT(*) AS n FROM b WHERE {' OR '.join(probes)}) "
            "SELECT 'yes' AS facet_value, NULL::text AS facet_label, y.n AS facet_count FROM y"
            " UNION ALL SELECT 'no', NULL::text, (SELECT COUNT(*) FROM b) - y.n FROM y"
        )
        return sql, [*params, *probe_params]

    def for_list(self):
        """List pages, CSV export and the API's list: related counts as subquery annotations,
        tags and ecosystems prefetched. A page costs the same queries for 3 rows or 3,000.

        The facet flags (``has_visits``: took part in a published visit, ``took_part``;
        ``has_valid_label``, ``size_band``) are aliases: filters and facets read them, the page's
        rows do not select them. Selected, the planner hashes every published visit's links to
        answer them even for 25 rows; the counts, correlated subqueries, are evaluated after the
        LIMIT, for the page's rows only."""
        today = timezone.localdate()
        hosted = Organisation.visits_hosted.through
        made = Organisation.visits_made.through
        return (
            self.annotate(
                members_on_record=count_related(Membership, "group"),
                visits_hosted_count=count_related(hosted, "organisation", **PUBLISHED_VISIT),
                visits_made_count=count_related(made, "organisation", **PUBLISHED_VISIT),
            )
            .alias(
                has_visits=self.took_part(**PUBLISHED),
                has_valid_label=Exists(Label.objects.current(today).filter(organisation=OuterRef("pk"))),
                size_band=Case(
                    When(members_count__isnull=True, then=Value("unknown")),
                    When(members_count__lt=50, then=Value("1-49")),
                    When(members_count__lt=250, then=Value("50-249")),
                    default=Value("250+"),
                ),
            )
            .prefetch_related("tags", "ecosystems")
        )

    def for_list_page(self):
        """The list pages and their CSV: ``for_list()`` with tags and ecosystems prefetched as
        plain lists, ``tag_list`` and ``ecosystem_list``. Prefetching into the related managers
        builds a filtered QuerySet per row and manager (a fifth of a 25-row page's Python time)."""
        return (
            self.for_list()
            .prefetch_related(None)
            .prefetch_related(Prefetch("tags", to_attr="tag_list"), Prefetch("ecosystems", to_attr="ecosystem_list"))
        )

    def for_profile(self, user):
        """An organisation as its profile page shows it: names, ecosystems, tags, labels, managed
        instruments and, for signed-in users, contacts, prefetched. The page reads the rest in
        one query each: memberships both ways, and the sections other apps register
        (``core.registry``: visits through the participation rule, projects)."""
        prefetches = [
            "alternative_names",
            "ecosystems",
            "tags",
            "labels",
            Prefetch(
                "managed_instruments", queryset=Organisation.managed_instruments.field.model.objects.order_by("name")
            ),
        ]
        if user.is_authenticated:
            prefetches.append("contacts")
        return self.prefetch_related(*prefetches)

    def for_detail(self, user):
        """An organisation as the API shows it: ``for_profile`` and what the API lists besides,
        memberships both ways, the visits it hosted and made that ``user`` may see, and its
        project links; a fixed number of queries."""
        visits = Organisation.visits_hosted.field.model.objects.visible_to(user).order_by("start_date", "pk")
        return self.for_profile(user).prefetch_related(
            Prefetch("member_links", queryset=Membership.objects.select_related("member")),
            Prefetch("membership_links", queryset=Membership.objects.select_related("group")),
            Prefetch("visits_hosted", queryset=visits),
            Prefetch("visits_made", queryset=visits),
            Prefetch(
                "project_links",
                queryset=Organisation.project_links.field.model.objects.select_related("project__instrument"),
            ),
        )

    def similar_to(self, organisation, n: int = 5):
        """The ``n`` organisations sharing most ecosystems, tags and country with ``organisation``
        (one query; reads its prefetched ecosystems and tags), annotated with ``similarity``.

        Scored from the link tables (only rows sharing an ecosystem or a tag are counted), plus
        the first ``n`` by name of the same country sharing nothing else, which score 1: scoring
        every organisation with correlated counts took seconds at 100,000 rows."""
        ecosystem_ids = [e.pk for e in organisation.ecosystems.all()]
        tag_ids = [t.pk for t in organisation.tags.all()]
        content_type = ContentType.objects.get_for_model(Organisation)
        table = Organisation._meta.db_table
        links = Organisation.ecosystems.through._meta.db_table
        tagged = Organisation.tags.through._meta.db_table
        country = organisation.country.code or None
        sql = f"""
            SELECT o.*, c.similarity FROM (
                (SELECT o.id, COUNT(*) + CASE WHEN o.country = %(country)s THEN 1 ELSE 0 END AS similarity, o.name
                 FROM {table} AS o JOIN (
                     SELECT organisation_id AS id FROM {links} WHERE ecosystem_id = ANY(%(eco)s)
                     UNION ALL
                     SELECT object_id::bigint FROM {tagged} WHERE content_type_id = %(ct)s AND tag_id = ANY(%(tags)s)
                 ) AS l ON l.id = o.id
                 WHERE o.id <> %(pk)s GROUP BY o.id ORDER BY similarity DESC, o.name, o.id LIMIT %(n)s)
                UNION ALL
                (SELECT o.id, 1, o.name FROM {table} AS o
                 WHERE o.country = %(country)s AND o.id <> %(pk)s
                 AND NOT EXISTS (SELECT 1 FROM {links} WHERE organisation_id = o.id AND ecosystem_id = ANY(%(eco)s))
                 AND NOT EXISTS (SELECT 1 FROM {tagged} WHERE content_type_id = %(ct)s
                                 AND object_id::bigint = o.id AND tag_id = ANY(%(tags)s))
                 ORDER BY o.name, o.id LIMIT %(n)s)
            ) AS c JOIN {table} AS o ON o.id = c.id
            ORDER BY c.similarity DESC, o.name, o.id LIMIT %(n)s
        """
        params = {"eco": ecosystem_ids, "tags": tag_ids, "ct": content_type.pk, "country": country}
        return list(Organisation.objects.raw(sql, {**params, "pk": organisation.pk, "n": n}))


class Organisation(SluggedModel):
    """A cluster, pole, network, company, institute, agency, authority or funder: any party
    that hosts, visits, manages funding or takes part in a project."""

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("Cluster")
        POLE = "pole", _("Pole of competitiveness")
        NETWORK = "network", _("Meta-cluster / network")
        COMPANY = "company", _("Company")
        RESEARCH = "research", _("Research institute / university")
        AGENCY = "agency", _("Agency / intermediary")
        AUTHORITY = "authority", _("Public authority")
        ASSOCIATION = "association", _("Association")
        FINANCIAL = "financial", _("Financial body")

    class CompanySize(models.TextChoices):
        MICRO = "micro", _("Micro")
        SMALL = "small", _("Small")
        MEDIUM = "medium", _("Medium-sized")
        LARGE = "large", _("Large")

    CLUSTER_KINDS = (Kind.CLUSTER, Kind.POLE, Kind.NETWORK)

    name = models.CharField(max_length=200, help_text="Name in the organisation's own language and script.")
    acronym = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = CountryField(blank=True)
    region = models.CharField(max_length=120, blank=True)
    city = models.CharField(max_length=120, blank=True)
    address = models.CharField(max_length=250, blank=True)
    website = models.URLField(blank=True)
    # General contact lines of the organisation. Shown to signed-in users only, like contacts.
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    fax = models.CharField(max_length=40, blank=True)
    description = models.TextField(blank=True, help_text="Markdown.")

    founded = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Year.")
    company_size = models.CharField(max_length=10, choices=CompanySize.choices, blank=True)
    members_count = models.PositiveIntegerField("number of members", null=True, blank=True)
    members_count_is_approximate = models.BooleanField(
        "number of members is approximate", default=False, help_text='For sources that say "about" or "almost".'
    )
    member_countries_count = models.PositiveSmallIntegerField("countries of its members", null=True, blank=True)
    members_small_pct = percentage_field(_("small firms among members (%)"))
    members_medium_pct = percentage_field(_("medium firms among members (%)"))
    members_large_pct = percentage_field(_("large firms among members (%)"))
    members_research_pct = percentage_field(_("research and education members (%)"))
    public_funding_pct = percentage_field(_("share of its budget paid by the state (%)"))
    national_programme = models.CharField(
        max_length=200, blank=True, help_text="National cluster programme it belongs to, if any."
    )
    interest_topics = ArrayField(
        models.CharField(max_length=100),
        default=list,
        blank=True,
        verbose_name=_("cooperation interests"),
        help_text="Topics it seeks partners for, comma-separated.",
    )
    target_countries = CountryField(multiple=True, blank=True, verbose_name=_("cooperation target countries"))

    ecosystems = models.ManyToManyField(Ecosystem, blank=True, related_name="organisations")
    # The ids of ``ecosystems``, sorted, kept current by database triggers on the link table
    # (clusters/triggers.py): list filters and facets read them from the list indexes below instead of
    # joining 46,000 link rows per facet at 100,000 organisations. Never written by the app.
    ecosystem_ids = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)
    members = models.ManyToManyField(
        "self", through="Membership", symmetrical=False, related_name="member_of", blank=True
    )
    tags = TaggableManager(blank=True, help_text="Technologies and topics, comma-separated.")

    # Alternative names, space-separated, kept current by database triggers (clusters/triggers.py):
    # a generated column cannot read the AlternativeName table.
    search_names = models.TextField(blank=True, default="", editable=False)
    search_vector = models.GeneratedField(
        expression=fulltext.names_vector("name", "acronym", "search_names", weight="A")
        + fulltext.text_vector("description", config="english", weight="C")
        + fulltext.names_vector("city", "region", "national_programme", weight="D"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    search_title = models.GeneratedField(
        expression=fulltext.folded_names("name", "acronym", "search_names"),
        output_field=models.TextField(),
        db_persist=True,
    )

    objects = OrganisationQuerySet.as_manager()
    history = tracked_history(m2m_fields=[ecosystems], excluded_fields=["search_names", "ecosystem_ids"])

    class Meta(SluggedModel.Meta):
        ordering = ["name"]
        triggers = [*SluggedModel.Meta.triggers, organisation_search_names()]
        indexes = [
            # The list pages' filters in their default order (name, then id), so that a filtered
            # page reads its 25 rows in order instead of sorting every match (issue 5).
            models.Index(fields=["name", "id"], name="organisation_name_id"),
            # The included columns let the facet counts of a filtered list (kind, country,
            # ecosystem) come from index-only scans.
            models.Index(
                fields=["country", "name", "id"], include=["kind", "ecosystem_ids"], name="organisation_country_name"
            ),
            models.Index(
                fields=["kind", "country", "name", "id"],
                include=["ecosystem_ids"],
                name="organisation_kind_country_name",
            ),
            models.Index(fields=["region"], name="organisation_region"),
            GinIndex(fields=["search_vector"], name="organisation_search_vector"),
            GinIndex(OpClass("search_title", name="gin_trgm_ops"), name="organisation_search_title_trgm"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(founded__isnull=True) | Q(founded__gte=1800, founded__lte=2100),
                name="organisation_founded_plausible",
                violation_error_message="Founding year must be between 1800 and 2100.",
            ),
            percentage_check("members_small_pct", "organisation_small_pct_range", "The share of small firms"),
            percentage_check("members_medium_pct", "organisation_medium_pct_range", "The share of medium firms"),
            percentage_check("members_large_pct", "organisation_large_pct_range", "The share of large firms"),
            percentage_check(
                "members_research_pct", "organisation_research_pct_range", "The share of research members"
            ),
            percentage_check(
                "public_funding_pct", "organisation_public_funding_pct_range", "The state's share of the budget"
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(
                    Coalesce("members_small_pct", Value(0), output_field=models.DecimalField())
                    + Coalesce("members_medium_pct", Value(0), output_field=models.DecimalField())
                    + Coalesce("members_large_pct", Value(0), output_field=models.DecimalField())
                    + Coalesce("members_research_pct", Value(0), output_field=models.DecimalField()),
                    100,
                ),
                name="organisation_member_split_at_most_100",
                violation_error_message="The member split (small, medium, large, research) exceeds 100 %%.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym and self.acronym != self.name else self.name

    def get_absolute_url(self):
        return reverse("clusters:organisation-detail", kwargs={"slug": self.slug})

    @property
    def is_cluster(self) -> bool:
        return self.kind in self.CLUSTER_KINDS


class AlternativeName(TimeStampedModel):
    """Another name an organisation is known by: an acronym, a translation, a spelling in
    another script or without diacritics, a former name."""

    class Kind(models.TextChoices):
        ACRONYM = "acronym", _("Acronym")
        TRANSLATION = "translation", _("Translation")
        TRANSLITERATION = "transliteration", _("Other script / transliteration")
        SPELLING = "spelling", _("Other spelling")
        FORMER = "former", _("Former name")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="alternative_names")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TRANSLATION)
    language = models.CharField(max_length=8, blank=True, help_text="ISO 639-1 code, e.g. fr, ru, tr.")

    class Meta(TimeStampedModel.Meta):
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="alternative_name_unique_per_organisation")
        ]
        triggers = [*TimeStampedModel.Meta.triggers, *alternative_names_changed()]

    def __str__(self):
        return self.name


class LabelQuerySet(models.QuerySet):
    def current(self, today=None):
        """Labels still valid on ``today``: no end date, or one not yet passed."""
        today = today or timezone.localdate()
        return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))

    def expired(self, today=None):
        """Labels whose valid-until date is before ``today``."""
        return self.filter(valid_until__lt=today or timezone.localdate())


class Label(TimeStampedModel):
    """A quality label or status an organisation holds: ESCA bronze/silver/gold, or a national
    label such as the French pole of competitiveness status."""

    class Kind(models.TextChoices):
        ESCA_BRONZE = "esca_bronze", _("ESCA Bronze")
        ESCA_SILVER = "esca_silver", _("ESCA Silver")
        ESCA_GOLD = "esca_gold", _("ESCA Gold")
        NATIONAL = "national", _("National label")
        OTHER = "other", _("Other label")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="labels")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=200, blank=True, help_text="For national and other labels.")
    awarded_on = models.DateField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=250, blank=True)

    objects = LabelQuerySet.as_manager()

    class Meta(TimeStampedModel.Meta):
        ordering = ["organisation", "kind"]
        constraints = [
            models.CheckConstraint(
                condition=Q(awarded_on__isnull=True)
                | Q(valid_until__isnull=True)
                | Q(valid_until__gte=F("awarded_on")),
                name="label_valid_after_awarded",
                violation_error_message="A label cannot expire before it was awarded.",
            ),
        ]

    def __str__(self):
        return self.name or self.get_kind_display()

    @property
    def is_expired(self) -> bool:
        """Past its valid-until date (the same rule as ``Label.objects.expired()``)."""
        return self.valid_until is not None and self.valid_until < timezone.localdate()


class Membership(TimeStampedModel):
    """``member`` belongs to ``group`` in a role: a company in a pole, the anchor firm of a
    cluster, the coordinator of a network, a seat on a board."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        ANCHOR = "anchor", _("Anchor member")
        COORDINATOR = "coordinator", _("Coordinator")
        BOARD = "board", _("Board member")
        FOUNDER = "founder", _("Founder")
        PARTNER = "partner", _("Partner")

    group = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="member_links")
    member = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="membership_links")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    since = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Year.")
    note = models.CharField(max_length=250, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["group", "role", "member"]
        constraints = [
            models.UniqueConstraint(fields=["group", "member", "role"], name="membership_unique_role"),
            models.CheckConstraint(
                condition=~Q(group=F("member")),
                name="membership_not_self",
                violation_error_message="An organisation cannot be a member of itself.",
            ),
        ]

    def __str__(self):
        return f"{self.member} — {self.get_role_display().lower()} of {self.group}"


class ContactPerson(TimeStampedModel):
    """A named person to contact at an organisation. Personal data: shown to signed-in users only."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["organisation", "name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class OrganisationEcosystemLink(Organisation.ecosystems.through):
    """The organisation-ecosystem link table (Django's default many-to-many table), named here
    only to carry its triggers: django-pgtrigger declares triggers on such a table through a
    proxy model. No table, no permissions of its own."""

    class Meta:
        proxy = True
        default_permissions = ()
        triggers = [data_version_trigger(), *ecosystem_links_changed()]
