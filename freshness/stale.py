"""Freshness of the knowledge base: the records nobody has updated for a number of months, for
the staff page /staff/stale/ (oldest first, a capped number per record type, with counts)."""

import calendar
import datetime
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib.auth.mixins import UserPassesTestMixin
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core.registry import registry

ROWS_PER_TYPE = 50
MAX_MONTHS = 120


def stale_sources() -> list[tuple]:
    """The registered record types the page lists, in their order, with their heading."""
    return [(t.model, t.label) for t in registry.record_types() if t.stale]


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """``moment`` moved back by whole calendar months; the day is clamped to the shorter month
    (31 March minus one month is 28 or 29 February)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


@dataclass
class StaleRow:
    title: str
    url: str
    admin_url: str
    updated_at: datetime.datetime
    is_draft: bool


@dataclass
class StaleGroup:
    title: str
    count: int
    rows: list[StaleRow]
    changelist_url: str

    @property
    def truncated(self) -> bool:
        return self.count > len(self.rows)


def stale_records(months: int, *, now=None, limit: int = ROWS_PER_TYPE) -> list[StaleGroup]:
    """Per record type, those whose ``updated_at`` is more than ``months`` months before ``now``:
    the ``limit`` oldest and how many there are. At most two queries per type, whatever the rows."""
    cutoff = months_before(now or timezone.now(), months)
    groups = []
    for model, title in stale_sources():
        queryset = model.objects.filter(updated_at__lt=cutoff)
        rows = list(queryset.order_by("updated_at", "pk")[:limit])
        count = len(rows) if len(rows) < limit else queryset.count()
        opts = model._meta
        change = f"admin:{opts.app_label}_{opts.model_name}_change"
        groups.append(
            StaleGroup(
                title=title,
                count=count,
                rows=[
                    StaleRow(
                        title=str(obj),
                        url=obj.get_absolute_url(),
                        admin_url=reverse(change, args=[obj.pk]),
                        updated_at=obj.updated_at,
                        is_draft=getattr(obj, "status", None) == "draft",
                    )
                    for obj in rows
                ],
                changelist_url=reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
            )
        )
    return groups


MONTHS_ERROR = _("Give the number of months as a whole number from 1 to 120.")


class StaleForm(forms.Form):
    months = forms.IntegerField(
        label=_("Not updated for (months)"),
        min_value=1,
        max_value=MAX_MONTHS,
        error_messages={"invalid": MONTHS_ERROR, "min_value": MONTHS_ERROR, "max_value": MONTHS_ERROR},
    )


class StaleRecordsView(UserPassesTestMixin, TemplateView):
    """Staff only: anonymous visitors are sent to sign in, signed-in non-staff get 403.
    ``?months=N`` (1–120, default ``settings.STALE_AFTER_MONTHS``); anything else answers 400."""

    template_name = "freshness/stale.html"
    extra_context = {"page_title": _("Records not updated recently")}
    # Staff sign in at the admin (LOGIN_URL is the readers' sign-in).
    login_url = reverse_lazy("admin:login")

    def test_func(self):
        return self.request.user.is_staff

    def get(self, request, *args, **kwargs):
        form = StaleForm({"months": request.GET.get("months") or settings.STALE_AFTER_MONTHS})
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, groups=None), status=400)
        months = form.cleaned_data["months"]
        return self.render_to_response(
            self.get_context_data(form=form, months=months, groups=stale_records(months), rows_per_type=ROWS_PER_TYPE)
        )
