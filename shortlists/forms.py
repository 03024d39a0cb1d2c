from django import forms
from django.utils.translation import gettext_lazy as _

from shortlists.models import Entry, Shortlist


class ShortlistForm(forms.ModelForm):
    class Meta:
        model = Shortlist
        fields = ["name"]


class NoteForm(forms.ModelForm):
    class Meta:
        model = Entry
        fields = ["note"]


class AddForm(forms.Form):
    """The "Add to shortlist" button: the organisation's slug, and one of the reader's lists or
    ``new`` (with an optional name for it)."""

    organisation = forms.SlugField(max_length=100)
    shortlist = forms.CharField(required=False, max_length=20)
    name = forms.CharField(required=False, max_length=200, label=_("New shortlist's name"))
    next = forms.CharField(required=False, max_length=2000)

    def clean_shortlist(self):
        value = self.cleaned_data["shortlist"].strip()
        if value in ("", "new"):
            return None
        if not value.isdigit():
            raise forms.ValidationError(_("Choose one of your shortlists."))
        return int(value)
