"""Organisations of every kind, in one table.

Every other app points here: a host, a delegation member, a managing body and a project partner
are all rows of ``Organisation``.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThanOrEqual
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager

from clusters.models.ecosystem import Ecosystem
from clusters.models.querysets import OrganisationQuerySet
from clusters.triggers import ecosystem_links_changed, organisation_search_names
from core import fulltext
from core.models import (
    SluggedModel,
    as_of_fields,
    link_proxy,
    percentage_check,
    percentage_field,
    search_indexes,
    tracked_history,
)
from core.provenance import Dated, dated


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
    # What it is and where, in this order: the API and the import/export columns both start so.
    IDENTITY_FIELDS = ("name", "acronym", "kind", "country", "region", "city")

    name = models.CharField(max_length=200, help_text="Name in the organisation's own language and script.")
    acronym = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = CountryField(blank=True)
    region = models.CharField(max_length=120, blank=True)
    city = models.CharField(max_length=120, blank=True)
    address = models.CharField(max_length=250, blank=True)
    website = models.URLField(blank=True)
    # General contact lines of the organisation. Shown to readers only, like contacts (core.roles).
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
    # The date and source of the member count, its countries and its split below.
    members_count_as_of, members_count_source = as_of_fields("number of members")
    members_small_pct = percentage_field(_("small firms among members (%)"))
    members_medium_pct = percentage_field(_("medium firms among members (%)"))
    members_large_pct = percentage_field(_("large firms among members (%)"))
    members_research_pct = percentage_field(_("research and education members (%)"))
    public_funding_pct = percentage_field(_("share of its budget paid by the state (%)"))
    public_funding_as_of, public_funding_source = as_of_fields("state share")
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
    # Took part in a published visit under the participation rule (clusters/participation.py),
    # kept current by database triggers on the visits' tables (visits/triggers.py): the partner
    # lists' "has visits" filter and facet read it from the list indexes instead of probing five
    # link tables per organisation. Never written by the app.
    took_part = models.BooleanField(default=False, editable=False)
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
    # The name as the lists sort it: folded (case and accents gone, İ Ş ı ł ß… as their base
    # letters, core/sql.py ckb_fold), so "İŞİM" sorts among the I's, not after "ZENIT" as the
    # database's byte order puts it. A folded key rather than an ICU collation: the embedded
    # PostgreSQL 18 is built without ICU and libc collations depend on the host's locales, while
    # ckb_fold is IMMUTABLE everywhere and the key can be indexed. One order for every interface
    # language: in each of en, fr, de, ru and tr an accented letter sorts with its base letter.
    sort_name = models.GeneratedField(
        expression=fulltext.Fold("name"), output_field=models.TextField(), db_persist=True
    )

    objects = OrganisationQuerySet.as_manager()
    history = tracked_history(m2m_fields=[ecosystems], excluded_fields=["search_names", "ecosystem_ids", "took_part"])

    class Meta(SluggedModel.Meta):
        ordering = ["name"]
        triggers = [*SluggedModel.Meta.triggers, organisation_search_names()]
        indexes = [
            # The list pages' filters in their default order (sort name, then id), so that a filtered
            # page reads its 25 rows in order instead of sorting every match (issue 5).
            models.Index(fields=["name", "id"], name="organisation_name_id"),
            models.Index(fields=["sort_name", "id"], name="organisation_sort_name_id"),
            # The included columns let the facet counts of a filtered list (kind, country,
            # ecosystem) come from index-only scans.
            models.Index(
                fields=["country", "sort_name", "id"],
                include=["kind", "ecosystem_ids", "took_part"],
                name="organisation_country_sort",
            ),
            models.Index(
                fields=["kind", "country", "sort_name", "id"],
                include=["ecosystem_ids", "took_part"],
                name="organisation_kind_country_sort",
            ),
            models.Index(fields=["region"], name="organisation_region"),
            *search_indexes("organisation"),
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

    @property
    def dated_members_count(self) -> Dated | None:
        """Its member count as its source stated it on its date ("375 members as of Jul 2017, per ...")."""
        if self.members_count is None:
            return None
        claim = ngettext("%(count)s member", "%(count)s members", self.members_count) % {"count": self.members_count}
        if self.members_count_is_approximate:
            claim = gettext("about %(claim)s") % {"claim": claim}
        return dated(claim, self.members_count_as_of, self.members_count_source)

    @property
    def dated_public_funding(self) -> Dated | None:
        if self.public_funding_pct is None:
            return None
        return dated(
            f"{floatformat(self.public_funding_pct, -2)} %", self.public_funding_as_of, self.public_funding_source
        )


# The organisation-ecosystem link table, named only to carry its triggers: the data version and
# ``ecosystem_ids`` kept current (clusters/triggers.py).
OrganisationEcosystemLink = link_proxy(Organisation.ecosystems, "OrganisationEcosystemLink", *ecosystem_links_changed())
