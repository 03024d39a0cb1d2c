"""Admin pieces every app's admin reuses: URL fields that assume https, a country filter that
offers only the countries in use."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

# A web address typed without a scheme ("www.polymeris.fr") is taken as https.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class CountryListFilter(admin.ChoicesFieldListFilter):
    """Offers only the countries that occur in the table, by name, instead of all 249 of them."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        used = set(
            model_admin.get_queryset(request)
            .exclude(**{field_path: ""})
            .order_by()
            .values_list(field_path, flat=True)
            .distinct()
        )
        self.used_choices = sorted(
            ((code, name) for code, name in field.flatchoices if code in used), key=lambda choice: str(choice[1])
        )

    def get_facet_counts(self, pk_attname, filtered_qs):
        return {
            f"{i}__c": models.Count(pk_attname, filter=models.Q(**{self.lookup_kwarg: code}))
            for i, (code, _name) in enumerate(self.used_choices)
        }

    def choices(self, changelist):
        facet_counts = self.get_facet_queryset(changelist) if changelist.add_facets else None
        yield {
            "selected": self.lookup_val is None,
            "query_string": changelist.get_query_string(remove=[self.lookup_kwarg, self.lookup_kwarg_isnull]),
            "display": _("All"),
        }
        for i, (code, name) in enumerate(self.used_choices):
            yield {
                "selected": self.lookup_val is not None and code in self.lookup_val,
                "query_string": changelist.get_query_string({self.lookup_kwarg: code}, [self.lookup_kwarg_isnull]),
                "display": f"{name} ({facet_counts[f'{i}__c']})" if facet_counts else name,
            }
