"""Form fields and filters of list pages: repeated parameters (``?country=FR&country=DE``), ORed
within a filter and ANDed across filters; ANDed tags; rows chosen by slug."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy, ngettext


class MultipleValueField(forms.Field):
    """Every value of a repeated parameter (``?tag=a&tag=b``), each cleaned by ``child``; a value
    given twice counts once."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *args, child: forms.Field | None = None, max_values: int = 20, **kwargs):
        self.child = child or forms.CharField(max_length=100)
        self.max_values = max_values
        super().__init__(*args, **kwargs)

    @property
    def choices(self):
        """The child's choices, for labels and the API schema (``None`` when it has none)."""
        return getattr(self.child, "choices", None)

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        # Duplicates are dropped only in ``clean``: ``max_values`` bounds the parameters given.
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
        return list(dict.fromkeys(self.child.clean(v) for v in values))


class AnyOfFilter(django_filters.Filter):
    """Rows having ANY of the parameter's values (``?country=FR&country=DE``: France or Germany).

    ``choices`` (a list or a callable) makes each value one of them; otherwise ``child`` cleans
    each value (a text of at most 100 characters by default). With the default ``exact`` lookup
    the values become one ``IN``; another lookup (``contains``) is ORed value by value. A
    ``method`` receives the list of cleaned values."""

    field_class = MultipleValueField

    def __init__(self, *args, choices=None, child: forms.Field | None = None, **kwargs):
        if child is None:
            child = forms.ChoiceField(choices=choices) if choices is not None else forms.CharField(max_length=100)
        kwargs["child"] = child
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        if self.lookup_expr in ("exact", None):
            return qs.filter(**{f"{self.field_name}__in": value})
        condition = Q()
        for v in value:
            condition |= Q(**{f"{self.field_name}__{self.lookup_expr}": v})
        return qs.filter(condition)


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


class SlugsField(MultipleValueField):
    """Rows of ``queryset`` named by their slugs (``to_field_name``), read in one query; the
    cleaned value is the list of rows in the URL's order. A slug naming no row is an error."""

    default_error_messages = {
        "invalid_choice": gettext_lazy("Select a valid choice. %(value)s is not one of the available choices.")
    }

    def __init__(self, *args, queryset, to_field_name: str = "slug", **kwargs):
        self.queryset = queryset
        self.to_field_name = to_field_name
        kwargs.setdefault("child", forms.SlugField(max_length=100))
        super().__init__(*args, **kwargs)

    def clean(self, value):
        slugs = super().clean(value)
        if not slugs:
            return []
        rows = self.queryset.filter(**{f"{self.to_field_name}__in": slugs})
        found = {getattr(row, self.to_field_name): row for row in rows}
        for slug in slugs:
            if slug not in found:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": slug}
                )
        return [found[slug] for slug in slugs]


class SlugFilter(AnyOfFilter):
    """Foreign keys chosen by the related rows' slugs, any of them: ``?project=a&project=b``. A
    many-to-many or computed relation needs a ``method`` (an ``EXISTS``), so rows never repeat."""

    field_class = SlugsField

    def __init__(self, *args, queryset, to_field_name: str = "slug", **kwargs):
        kwargs["queryset"] = queryset
        kwargs["to_field_name"] = to_field_name
        super().__init__(*args, child=forms.SlugField(max_length=100), **kwargs)
