"""Money for cooperation: funding instruments, their calls, and the projects they paid for."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager

from clusters.models import Ecosystem, Organisation
from core import fulltext
from core.models import (
    SluggedModel,
    TimeStampedModel,
    as_of_fields,
    date_precision_field,
    link_proxy,
    non_negative_check,
    optional_fk,
    percentage_check,
    percentage_field,
    period_check,
    search_indexes,
    tracked_history,
)
from core.provenance import Dated, dated
from funding.querysets import CallQuerySet, CallStatus, InstrumentQuerySet, ProjectQuerySet

__all__ = [
    "BeneficiaryType",
    "Call",
    "CallStatus",
    "Eligibility",
    "Instrument",
    "InstrumentEcosystemLink",
    "Project",
    "ProjectEcosystemLink",
    "ProjectLabelLink",
    "ProjectPartner",
]


def search_fields(*names: str):
    """The stored search columns of a record with ``names`` (weight A) and a description."""
    vector = models.GeneratedField(
        expression=fulltext.names_vector(*names, weight="A")
        + fulltext.text_vector("description", config="english", weight="C"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    title = models.GeneratedField(
        expression=fulltext.folded_names(*names), output_field=models.TextField(), db_persist=True
    )
    return vector, title


class BeneficiaryType(models.TextChoices):
    SME = "sme", _("SMEs")
    LARGE_COMPANY = "large_company", _("Large companies")
    CLUSTER_ORGANISATION = "cluster_organisation", _("Cluster organisations")
    RESEARCH = "research", _("Research institutes and universities")
    PUBLIC_AUTHORITY = "public_authority", _("Public authorities")
    AGENCY = "agency", _("Agencies and intermediaries")
    NON_PROFIT = "non_profit", _("Associations and non-profits")
    INDIVIDUAL = "individual", _("Individuals and students")


class Instrument(SluggedModel):
    """A funding instrument or programme: who pays, for what, to whom, from which countries, at
    what rate (FASIE, EUREKA, Horizon 2020, COSME, an OSEO loan guarantee, Innovation Express)."""

    class Kind(models.TextChoices):
        GRANT = "grant", _("Grant")
        LOAN = "loan", _("Loan")
        LOAN_GUARANTEE = "loan_guarantee", _("Loan guarantee")
        EQUITY = "equity", _("Equity")
        VOUCHER = "voucher", _("Voucher")
        PRIZE = "prize", _("Prize")
        TAX_INCENTIVE = "tax_incentive", _("Tax incentive")

    class Level(models.TextChoices):
        EU = "eu", _("EU")
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")
        BILATERAL = "bilateral", _("Bilateral")
        MULTILATERAL = "multilateral", _("Multilateral / joint")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DISCONTINUED = "discontinued", _("Discontinued")

    # What it is and its status, then its terms: the API and the import/export columns both list
    # them in this order.
    SUMMARY_FIELDS = ("name", "acronym", "kind", "level", "status", "status_as_of", "status_source")
    TERMS_FIELDS = (
        "co_funding_rate",
        "rate_as_of",
        "rate_source",
        "budget",
        "budget_is_approximate",
        "currency",
        "start_date",
        "end_date",
    )

    name = models.CharField(max_length=200)
    acronym = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    level = models.CharField(max_length=20, choices=Level.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    status_as_of, status_source = as_of_fields("status")
    managing_body = optional_fk(Organisation, "managed_instruments")
    parent = optional_fk("self", "children", verbose_name=_("parent programme"))
    successor = optional_fk("self", "predecessors", on_delete=models.SET_NULL)
    eligible_countries = CountryField(
        multiple=True, blank=True, help_text="Empty: no source on record states a country restriction."
    )
    bilateral_partner_countries = CountryField(
        multiple=True, blank=True, help_text="Countries it has bilateral cooperation agreements with."
    )
    co_funding_rate = percentage_field(
        _("co-funding rate (%)"), help_text="Share of costs it pays, when the same for every beneficiary."
    )
    # The date and source of its co-funding rates, its own and its beneficiary types'.
    rate_as_of, rate_source = as_of_fields("co-funding rate")
    budget = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    budget_is_approximate = models.BooleanField(default=False)
    currency = models.CharField(max_length=3, default="EUR")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    calls_per_year = models.PositiveSmallIntegerField(null=True, blank=True)
    eligible_activities = ArrayField(
        models.CharField(max_length=250), default=list, blank=True, help_text="Comma-separated."
    )
    url = models.URLField("website", blank=True)
    description = models.TextField(blank=True, help_text="Markdown.")
    ecosystems = models.ManyToManyField(Ecosystem, blank=True, related_name="instruments")
    tags = TaggableManager(blank=True)
    search_vector, search_title = search_fields("name", "acronym")

    objects = InstrumentQuerySet.as_manager()
    history = tracked_history(m2m_fields=[ecosystems])

    class Meta(SluggedModel.Meta):
        ordering = ["name"]
        indexes = [*search_indexes("instrument"), models.Index(fields=["name", "id"], name="instrument_name_id")]
        constraints = [
            percentage_check("co_funding_rate", "instrument_rate_range", "The co-funding rate"),
            period_check(
                "start_date", "end_date", "instrument_period_order", "The period cannot end before it starts."
            ),
            non_negative_check("budget", "instrument_budget_non_negative"),
            models.CheckConstraint(
                condition=~Q(successor=F("pk")) & ~Q(parent=F("pk")),
                name="instrument_not_own_successor_or_parent",
                violation_error_message="An instrument cannot be its own parent or successor.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("funding:instrument-detail", kwargs={"slug": self.slug})

    @property
    def dated_status(self) -> Dated:
        """Its status as its source stated it on its date ("Active as of Oct 2014, per ...")."""
        return dated(self.get_status_display(), self.status_as_of, self.status_source)

    @property
    def dated_rates(self) -> Dated:
        """The date of its beneficiary types' rates, when it has no single rate of its own."""
        return dated(gettext("The rates above"), self.rate_as_of, self.rate_source)

    @property
    def dated_rate(self) -> Dated | None:
        if self.co_funding_rate is None:
            return None
        return dated(f"{floatformat(self.co_funding_rate, -2)} %", self.rate_as_of, self.rate_source)


class Eligibility(TimeStampedModel):
    """A type of beneficiary an instrument funds, with its co-funding rate when that differs."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="eligibilities")
    beneficiary_type = models.CharField(max_length=30, choices=BeneficiaryType.choices)

    class Condition(models.TextChoices):
        NONE = "", _("No condition stated")
        LOCATION = "location", _("Location")
        SIZE = "size", _("Company size")
        PROJECT_LABEL = "project_label", _("Project label")
        OTHER = "other", _("Other condition")

    co_funding_rate = percentage_field(_("co-funding rate (%)"))
    # What the rate depends on, where the instrument states it ("50 % for SMEs located in ...").
    condition_kind = models.CharField(
        _("rate condition"), max_length=20, choices=Condition.choices, blank=True, default=Condition.NONE
    )
    condition = models.CharField(
        _("condition text"),
        max_length=250,
        blank=True,
        help_text=_('As the source states it, e.g. "located in a convergence region".'),
    )
    note = models.CharField(max_length=250, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["instrument", "beneficiary_type"]
        verbose_name_plural = _("eligibilities")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "beneficiary_type"], name="eligibility_unique_type"),
            percentage_check("co_funding_rate", "eligibility_rate_range", "The co-funding rate"),
            models.CheckConstraint(
                condition=Q(condition_kind="") | ~Q(condition=""),
                name="eligibility_condition_has_text",
                violation_error_message="A rate condition needs its text.",
            ),
        ]

    def __str__(self):
        return self.get_beneficiary_type_display()

    @property
    def stated_condition(self) -> str:
        """ "Location: located in ..." or "" when the rate holds without a condition."""
        if not self.condition_kind:
            return ""
        return f"{self.get_condition_kind_display()}: {self.condition}"


class Call(SluggedModel):
    """A call for proposals under an instrument, with its dates (Innovation Express 2nd call)."""

    slug_source_field = "title"

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="calls")
    title = models.CharField(max_length=250)
    number = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1 for the first call, ...")
    opens_on = models.DateField(null=True, blank=True)
    deadline = models.DateField(null=True, blank=True)
    budget = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, default="EUR")
    proposals_received = models.PositiveIntegerField(null=True, blank=True)
    clusters_targeted = models.PositiveIntegerField(
        null=True, blank=True, help_text="Clusters targeted by the proposals received."
    )
    url = models.URLField(blank=True)
    description = models.TextField(blank=True, help_text="Markdown.")
    tags = TaggableManager(blank=True)
    search_vector, search_title = search_fields("title")

    objects = CallQuerySet.as_manager()
    history = tracked_history()

    class Meta(SluggedModel.Meta):
        ordering = ["-deadline", "title"]
        indexes = [*search_indexes("call"), models.Index(fields=["deadline"], name="call_deadline")]
        constraints = [
            period_check(
                "opens_on", "deadline", "call_deadline_after_opening", "The deadline cannot precede the opening."
            ),
            non_negative_check("budget", "call_budget_non_negative"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("funding:call-detail", kwargs={"slug": self.slug})


class Project(SluggedModel):
    """A cooperation project with partner organisations, usually funded by an instrument
    (BILAT RUS Advanced, CLUSTEM, Clusters-Cord, TACTICS)."""

    name = models.CharField(max_length=200)
    acronym = models.CharField(max_length=40, blank=True)
    instrument = optional_fk(Instrument, "projects", help_text="The specific instrument or call that funded it.")
    programme = optional_fk(
        Instrument, "programme_projects", help_text="The programme it ran under (e.g. COSME, Central Europe)."
    )
    funder = optional_fk(Organisation, "funded_projects", help_text="The organisation that paid for it.")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    date_precision = date_precision_field()
    partners = models.ManyToManyField(Organisation, through="ProjectPartner", related_name="projects", blank=True)
    partner_countries = CountryField(
        multiple=True, blank=True, help_text="Countries of its partners, including partners not on record."
    )
    partners_count = models.PositiveSmallIntegerField(null=True, blank=True)
    budget = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, default="EUR")
    url = models.URLField("website", blank=True)
    description = models.TextField(blank=True, help_text="Markdown.")
    ecosystems = models.ManyToManyField(Ecosystem, blank=True, related_name="projects")
    labelled_by = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="labelled_projects",
        limit_choices_to={"kind": Organisation.Kind.POLE},
        verbose_name=_("labelled by"),
        help_text=_("The poles of competitiveness that gave it their label."),
    )
    tags = TaggableManager(blank=True)
    search_vector, search_title = search_fields("name", "acronym")

    objects = ProjectQuerySet.as_manager()

    class Meta(SluggedModel.Meta):
        ordering = ["name"]
        indexes = [*search_indexes("project"), models.Index(fields=["name", "id"], name="project_name_id")]
        constraints = [
            period_check("start_date", "end_date", "project_period_order", "A project cannot end before it starts."),
            non_negative_check("budget", "project_budget_non_negative"),
        ]

    def __str__(self):
        return self.acronym or self.name

    def get_absolute_url(self):
        return reverse("funding:project-detail", kwargs={"slug": self.slug})


class ProjectPartner(TimeStampedModel):
    """An organisation's part in a project: coordinator, partner (with its number), WP leader."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        PARTNER = "partner", _("Partner")
        ASSOCIATED = "associated", _("Associated partner")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partner_links")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="project_links")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PARTNER)
    partner_code = models.CharField(max_length=20, blank=True, help_text='E.g. "PP5".')
    responsibility = models.CharField(max_length=200, blank=True, help_text='E.g. "WP4 leader".')

    class Meta(TimeStampedModel.Meta):
        ordering = ["project", "role", "partner_code", "organisation"]
        constraints = [
            models.UniqueConstraint(fields=["project", "organisation"], name="project_partner_unique"),
        ]

    def __str__(self):
        return f"{self.organisation} in {self.project}"


# The link tables of the ecosystem fields, named only to carry their data-version triggers.
InstrumentEcosystemLink = link_proxy(Instrument.ecosystems, "InstrumentEcosystemLink")
ProjectEcosystemLink = link_proxy(Project.ecosystems, "ProjectEcosystemLink")
ProjectLabelLink = link_proxy(Project.labelled_by, "ProjectLabelLink")
