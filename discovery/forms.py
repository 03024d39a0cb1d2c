from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.models import Organisation
from core.countries import country_choices


class DiscoverFilterForm(forms.Form):
    """The filters of /discover/: countries and kinds, several of each allowed."""

    country = forms.MultipleChoiceField(label=_("Country"), required=False, choices=country_choices)
    kind = forms.MultipleChoiceField(
        label=_("Kind"), required=False, choices=Organisation.Kind.choices, widget=forms.CheckboxSelectMultiple
    )

    def errors_as_messages(self) -> list[str]:
        return [f"{self.fields[name].label}: {error}" for name, errors in self.errors.items() for error in errors]
