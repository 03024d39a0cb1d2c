"""The first step of intake: a report's text, pasted or in a file."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy

from core.languages import LANGUAGE_CHOICES
from intake.text import extract

# Longer than any report seen; a longer paste is most likely a mistake (a whole book, a log).
MAX_PASTED_CHARS = 500_000
ACCEPTED = ".txt,.md,.markdown,.html,.htm,.pdf,.docx,.pptx,.odt,.odp"


class SourceForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Paste the report's text"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 14, "class": "vLargeTextField"}),
    )
    file = forms.FileField(
        label=gettext_lazy("or upload a file"),
        required=False,
        help_text=format_lazy(
            gettext_lazy(
                "TXT, Markdown, HTML, PDF, DOCX, PPTX or ODT, up to {size}. "
                "A scanned PDF has no text to read: paste its text instead."
            ),
            size=filesizeformat(extract.MAX_BYTES),
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED}),
    )
    language = forms.ChoiceField(
        choices=[("", gettext_lazy("Recognise it")), *LANGUAGE_CHOICES],
        required=False,
        help_text=gettext_lazy("Set it only if intake cannot tell the language itself."),
    )

    too_large = False

    def clean_text(self):
        text = self.cleaned_data["text"]
        if len(text) > MAX_PASTED_CHARS:
            self.too_large = True
            raise ValidationError(
                gettext("The text is longer than %(limit)s characters; paste one report at a time.")
                % {"limit": f"{MAX_PASTED_CHARS:,}"}
            )
        return text

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and upload.size > extract.MAX_BYTES:
            self.too_large = True
            raise ValidationError(
                gettext("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(extract.MAX_BYTES)}
            )
        return upload

    def clean(self):
        data = super().clean()
        text, upload = data.get("text"), data.get("file")
        if self.errors:
            return data
        if text and upload:
            raise ValidationError(gettext("Paste a text or upload a file, not both."))
        if upload:
            try:
                data["text"] = extract.extract_text(upload.read(), upload.name)
            except extract.ExtractionError as error:
                self.add_error("file", error.message)
                return data
            data["source"] = upload.name
        elif text:
            data["source"] = "Pasted text"
        else:
            raise ValidationError(gettext("Paste the report's text or choose a file: there is nothing to read yet."))
        return data
