from django import forms
from django.utils.translation import gettext_lazy as _

from alerts.models import SavedSearch


class SaveSearchForm(forms.Form):
    """The "Save this search" control: a name, and the page and filters it was shown on."""

    name = forms.CharField(label=_("Name"), max_length=200)
    view_name = forms.CharField(max_length=100, widget=forms.HiddenInput)
    query = forms.CharField(max_length=2000, required=False, widget=forms.HiddenInput)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the search a name."))
        return name

    def clean_view_name(self):
        from alerts.sources import saveable  # noqa: PLC0415

        view_name = self.cleaned_data["view_name"]
        if not saveable(view_name):
            raise forms.ValidationError(_("Only a list page or the search can be saved."))
        return view_name


class SavedSearchForm(forms.ModelForm):
    """Rename a saved search and choose its e-mails."""

    class Meta:
        model = SavedSearch
        fields = ["name", "frequency", "reminder_days"]

    def __init__(self, *args, reminders: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reminder_days"].widget.attrs.update(min=1, max=60)
        if not reminders:
            del self.fields["reminder_days"]

    def clean_reminder_days(self):
        days = self.cleaned_data.get("reminder_days")
        if days is not None and not 1 <= days <= 60:
            raise forms.ValidationError(_("Choose 1 to 60 days."))
        return days
