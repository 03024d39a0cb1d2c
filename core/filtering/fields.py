"""Form fields and filters of list pages: repeated parameters, ANDed tags, rows chosen by slug."""

import django_filters
from django import forms
from django.utils.translation import ngettext


class MultipleValueField(forms.Field):
    """Every value of a repeated parameter (``?tag=a&tag=b``), each cleaned by ``child``."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *args, child: forms.Field | None = None, max_values: int = 20, **kwargs):
        self.child = child or forms.CharField(max_length=100)
        self.max_values = max_values
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        return [v for v in values if v not in ("", None)]

    def validate(self, value):
        super().validate(value)
        if len(value) > self.max_values:
            raise forms.ValidationError(
                ngettext("At most %(count)d value.", "At most %(count)d values.", self.max_values)
                % {"count": self.max_values}
            )

    def clean(self, value):
        values = super().clean(value)
        return [self.child.clean(v) for v in values]


class TagFilter(django_filters.Filter):
    """Taggit slugs; several ``tag`` parameters are ANDed (rows carrying every tag)."""

    field_class = MultipleValueField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("field_name", "tags")
        kwargs.setdefault("child", forms.SlugField(max_length=100))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        # One join per tag: a tag is attached to an object at most once, so no duplicate rows.
        for slug in value or ():
            qs = qs.filter(**{f"{self.field_name}__slug": slug})
        return qs


class SlugFilter(django_filters.ModelChoiceFilter):
    """A foreign key (or many-to-many) chosen by the related row's slug: ``?ecosystem=health``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)
