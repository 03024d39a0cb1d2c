"""The QuerySets of the funding app's models: list and detail shapes, search, and the status
of a call relative to a day.

The models are imported inside a method (they import this module), as in visits/querysets.py.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, F, Func, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import SearchableQuerySet, count_related


class CallStatus(models.TextChoices):
    FORTHCOMING = "forthcoming", _("Forthcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class InstrumentQuerySet(SearchableQuerySet):
    def for_list(self):
        """List pages and CSV: managing body joined, ``has_open_call`` and counts as subqueries,
        tags and eligibilities prefetched; the same queries for 3 rows or 3,000."""
        from funding.models import Call, Project  # noqa: PLC0415 (the models import this module)

        open_calls = Call.objects.with_status().filter(instrument=OuterRef("pk"), call_status=CallStatus.OPEN)
        return (
            self.select_related("managing_body")
            .annotate(
                has_open_call=Exists(open_calls),
                calls_count=count_related(Call, "instrument"),
                projects_count=count_related(Project, "instrument"),
            )
            .prefetch_related("tags", "eligibilities")
        )

    def for_detail(self, user=None):
        """The instrument page: its family, eligibility, calls (with status), funded projects
        with their partners, the projects that ran under it as their programme and, given
        ``user``, the visits that used it that ``user`` may see (the visits app is reached through
        the reverse relation), in a fixed number of queries."""
        from funding.models import Call, Project, ProjectPartner  # noqa: PLC0415 (the models import this module)

        visible_projects = Project.objects.select_related("instrument").prefetch_related(
            models.Prefetch("partner_links", queryset=ProjectPartner.objects.select_related("organisation"))
        )
        return self.select_related("managing_body", "parent", "successor").prefetch_related(
            "children",
            "predecessors",
            "eligibilities",
            "tags",
            "ecosystems",
            models.Prefetch("calls", queryset=Call.objects.with_status().order_by("-opens_on", "-deadline", "pk")),
            models.Prefetch("projects", queryset=visible_projects.order_by("-start_date", "name")),
            models.Prefetch("programme_projects", queryset=Project.objects.order_by("-start_date", "name")),
            *self._visits(user),
        )

    def _visits(self, user) -> list:
        if user is None:
            return []
        visit_model = self.model.visits.field.model
        visits = visit_model.objects.visible_to(user).order_by("start_date", "pk")
        return [models.Prefetch("visits", queryset=visits)]


class CallQuerySet(SearchableQuerySet):
    def with_status(self, today=None):
        """``call_status`` relative to ``today``: forthcoming before opening, closed after the
        deadline (or, with no deadline, once its instrument is discontinued), open otherwise.
        Also ``days_to_deadline`` (negative once passed, None without a deadline) and
        ``closing_soon``: open and closing within ``settings.CALL_CLOSING_SOON_DAYS`` days."""
        from funding.models import Instrument  # noqa: PLC0415 (the models import this module)

        today = today or timezone.localdate()
        soon = today + datetime.timedelta(days=settings.CALL_CLOSING_SOON_DAYS)
        return self.annotate(
            # date - date is a whole number of days in PostgreSQL (Django's "-" would make an interval).
            days_to_deadline=Func(
                F("deadline"),
                Value(today, output_field=models.DateField()),
                template="(%(expressions)s)",
                arg_joiner=" - ",
                output_field=models.IntegerField(),
            ),
            closing_soon=Case(
                When(
                    Q(opens_on__isnull=True) | Q(opens_on__lte=today),
                    deadline__gte=today,
                    deadline__lte=soon,
                    then=Value(True),
                ),
                default=Value(False),
                output_field=models.BooleanField(),
            ),
            call_status=Case(
                When(opens_on__gt=today, then=Value(CallStatus.FORTHCOMING)),
                When(deadline__lt=today, then=Value(CallStatus.CLOSED)),
                When(
                    deadline__isnull=True,
                    instrument__status=Instrument.Status.DISCONTINUED,
                    then=Value(CallStatus.CLOSED),
                ),
                default=Value(CallStatus.OPEN),
                output_field=models.CharField(),
            ),
        )

    def for_list(self):
        return self.with_status().select_related("instrument").prefetch_related("tags")

    def for_detail(self):
        return self.with_status().select_related("instrument__managing_body").prefetch_related("tags")


class ProjectQuerySet(SearchableQuerySet):
    def for_list(self):
        from funding.models import ProjectPartner  # noqa: PLC0415 (the models import this module)

        return (
            self.select_related("instrument", "programme", "funder")
            .annotate(partners_on_record=count_related(ProjectPartner, "project"))
            .prefetch_related("tags")
        )

    def for_detail(self, user):
        """The project page; visits are those ``user`` may see (the visits app is reached through
        the reverse relation, never imported)."""
        from funding.models import ProjectPartner  # noqa: PLC0415 (the models import this module)

        visit_model = self.model.visits.field.model
        return self.select_related("instrument", "programme", "funder").prefetch_related(
            "tags",
            "ecosystems",
            models.Prefetch(
                "labelled_by", queryset=self.model.labelled_by.field.related_model.objects.order_by("name")
            ),
            models.Prefetch(
                "partner_links",
                queryset=ProjectPartner.objects.select_related("organisation").order_by(
                    "role", "partner_code", "organisation__name"
                ),
            ),
            models.Prefetch("visits", queryset=visit_model.objects.visible_to(user).order_by("start_date", "pk")),
        )
