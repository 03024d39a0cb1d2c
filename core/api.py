"""The read-only JSON API's shared pieces: the base viewset, filtering through the list pages' own
FilterSets, pagination, the anonymous throttle, the schema's error responses and filter
parameters, and the fields every serializer uses (links to records and pages, country codes).

Each app declares its serializers and viewsets in ``<app>/api.py``; ``config/api_urls.py`` routes
them under ``/api/``. A viewset reads like a list page::

    class OrganisationViewSet(RecordViewSet):
        queryset = Organisation.objects.for_list()          # the page's read path
        filterset_class = OrganisationFilterSet             # the page's FilterSet
        serializer_class = OrganisationSerializer
        detail_serializer_class = OrganisationDetailSerializer

        def get_detail_queryset(self):
            return Organisation.objects.for_detail(self.request.user)
"""

import re

from django import forms
from django.db import models
from django.http import JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.extensions import OpenApiFilterExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_parameter_type, is_serializer
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from core.filtering import MultipleValueField, SlugFilter
from core.filtering.fields import TagFilter

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
SLUG_MAX_LENGTH = 100  # SluggedModel.slug
# A repeated parameter: tags are ANDed, any other filter's values ORed.
REPEATED = {True: " (repeat to require several)", False: " (repeat for any of several)"}


# --- Pagination --------------------------------------------------------------------------------


class ApiPagination(PageNumberPagination):
    """``?page=`` from 1 (a page that does not exist is a 404 with a JSON message) and
    ``?page_size=`` from 1 to 100 (anything else is a 400: never silently another size)."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if not raw:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            message = _("A whole number from 1 to %(max)d.") % {"max": self.max_page_size}
            raise ValidationError({self.page_size_query_param: [message]})
        return size

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            parameter["allowEmptyValue"] = True  # an empty value: the first page, the default size
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters


# --- Filtering -----------------------------------------------------------------------------------


class FilterSetBackend(DjangoFilterBackend):
    """The list pages' FilterSets, on list requests only (a record is fetched by its slug alone).

    Values that fail validation answer 400 with a message per parameter. One exception: a
    well-formed slug that names no record (``?organisation=no-such-slug``) is not an error, it
    just matches nothing, as a tag nobody uses does."""

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "action", None) != "list":
            return queryset
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if filterset.is_valid():
            return filterset.qs
        errors = filterset.form.errors.as_data()
        if all(self._names_nothing(filterset, name, errs) for name, errs in errors.items()):
            return queryset.none()
        raise ValidationError({name: [str(m) for e in errs for m in e.messages] for name, errs in errors.items()})

    @staticmethod
    def _names_nothing(filterset, name, errors) -> bool:
        if not isinstance(filterset.filters.get(name), SlugFilter):
            return False
        values = filterset.data.getlist(name) if hasattr(filterset.data, "getlist") else [filterset.data.get(name, "")]
        well_formed = all(len(v) <= SLUG_MAX_LENGTH and re.fullmatch(SLUG_PATTERN, v) is not None for v in values)
        return well_formed and all(e.code == "invalid_choice" for e in errors)


def filter_parameter_schema(field: forms.Field) -> dict:
    """The JSON schema of one query parameter, read from the filter's form field: what the
    FilterSet accepts is what the schema promises."""
    if isinstance(field, MultipleValueField):
        return {"type": "array", "items": filter_parameter_schema(field.child), "maxItems": field.max_values}
    if isinstance(field, forms.ModelChoiceField):
        return {"type": "string", "pattern": SLUG_PATTERN, "maxLength": SLUG_MAX_LENGTH}
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": [str(value) for value, _label in field.choices if value != ""]}
    if isinstance(field, forms.IntegerField):  # DecimalField and FloatField are IntegerFields too
        schema = {"type": "number" if isinstance(field, forms.DecimalField | forms.FloatField) else "integer"}
        if field.min_value is not None:
            schema["minimum"] = field.min_value
        if field.max_value is not None:
            schema["maximum"] = field.max_value
        return schema
    if isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    schema = {"type": "string"}
    if isinstance(field, forms.SlugField):
        schema["pattern"] = SLUG_PATTERN
    elif isinstance(field, forms.CharField):
        # Forms refuse NUL characters in text (and PostgreSQL could not store them).
        schema["pattern"] = r"^[^\u0000]*$"
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return schema


class FilterSetParameters(OpenApiFilterExtension):
    """Documents every filter of a list endpoint from its FilterSet's form fields (types, enums,
    bounds, repeated parameters), without touching the database."""

    target_class = FilterSetBackend
    priority = 1  # before drf-spectacular's own django-filter extension, which guesses from the model

    def get_schema_operation_parameters(self, auto_schema, *args, **kwargs):
        filterset_class = getattr(auto_schema.view, "filterset_class", None)
        if filterset_class is None:
            return []
        parameters = []
        for name, flt in filterset_class.base_filters.items():
            schema = filter_parameter_schema(flt.field)
            repeated = schema["type"] == "array"
            parameter = build_parameter_type(
                name=name,
                location=OpenApiParameter.QUERY,
                schema=schema,
                description=str(flt.label or name) + (REPEATED[isinstance(flt, TagFilter)] if repeated else ""),
                explode=True if repeated else None,
                style="form" if repeated else None,
            )
            # As on the list pages, an empty value (``?kind=``) is the same as no value.
            parameter["allowEmptyValue"] = True
            parameters.append(parameter)
        return parameters


# --- Schema: the error answers of every operation ----------------------------------------------


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong.")


FILTER_ERRORS = {
    "type": "object",
    "description": "Per invalid query parameter, what is wrong with its value.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


class ApiAutoSchema(AutoSchema):
    """Adds the answers every operation may give besides 200: 404 (no such record or page),
    429 (anonymous rate exceeded) and, on lists, 400 (a filter value is invalid)."""

    def get_response_serializers(self):
        serializer = super().get_response_serializers()
        if not is_serializer(serializer):
            return serializer
        responses = {
            200: serializer,
            404: OpenApiResponse(ErrorSerializer, description="No such record, or a page past the last one."),
            429: OpenApiResponse(ErrorSerializer, description="Too many requests from this address; retry later."),
        }
        if self._is_list_view(serializer):
            responses[400] = OpenApiResponse(FILTER_ERRORS, description="A filter value is invalid.")
        return responses


# --- Fields ------------------------------------------------------------------------------------


@extend_schema_field({"type": "string", "format": "uri", "description": "The record's page on the site."})
class HtmlUrlField(serializers.Field):
    """The absolute address of the record's HTML page (``get_absolute_url``)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        path = value.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


@extend_schema_field({"type": "string", "pattern": "^[A-Z]{2}$", "nullable": True})
class CountryCodeField(serializers.Field):
    """An ISO 3166 two-letter code, or null when not known."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return value.code or None if value else None


@extend_schema_field({"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{2}$"}})
class CountryListField(serializers.Field):
    """ISO 3166 two-letter codes."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return [country.code for country in value]


class OptionalURLField(serializers.URLField):
    """A web address, or null when none is on record (never an empty string)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None


class OptionalEmailField(serializers.EmailField):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None


class NamedSlugSerializer(serializers.Serializer):
    """A tag or an ecosystem: its name and the slug the ``tag`` / ``ecosystem`` filters take."""

    name = serializers.CharField(read_only=True)
    slug = serializers.SlugField(read_only=True)


def tags_field():
    return NamedSlugSerializer(source="tags.all", many=True, read_only=True)


def ecosystems_field():
    return NamedSlugSerializer(source="ecosystems.all", many=True, read_only=True)


def record_link(model_name: str, view_name: str) -> type[serializers.Serializer]:
    """A serializer for a link to another record: its API address, slug and name. Built by name so
    an app can link to another app's records without importing it."""

    class Link(serializers.Serializer):
        url = serializers.HyperlinkedIdentityField(view_name=view_name, lookup_field="slug")
        slug = serializers.SlugField(read_only=True)
        name = serializers.CharField(source="__str__", read_only=True)

    Link.__name__ = Link.__qualname__ = f"{model_name}Link"
    Link.__doc__ = f"A link to a {model_name.lower()}: its API address, slug and name."
    return Link


OrganisationLink = record_link("Organisation", "api:organisation-detail")
VisitLink = record_link("Visit", "api:visit-detail")
InstrumentLink = record_link("Instrument", "api:instrument-detail")
CallLink = record_link("Call", "api:call-detail")
ProjectLink = record_link("Project", "api:project-detail")


@extend_schema_field({"type": "string", "format": "uri"})
class FilteredListField(serializers.Field):
    """The API address of another list filtered to this record, e.g. an organisation's visits:
    ``/api/visits/?organisation=<slug>``."""

    def __init__(self, view_name: str, parameter: str, **kwargs):
        self.view_name, self.parameter = view_name, parameter
        super().__init__(source="slug", read_only=True, **kwargs)

    def to_representation(self, value):
        path = f"{reverse(self.view_name)}?{urlencode({self.parameter: value})}"
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class ApiUrlField(serializers.HyperlinkedIdentityField):
    """The record's own API address: the ``api:<model>-detail`` route, by slug."""

    def __init__(self, **kwargs):
        super().__init__(view_name="", lookup_field="slug", **kwargs)  # named in bind(), from the model

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.view_name = f"api:{parent.Meta.model._meta.model_name}-detail"


class RecordSerializer(serializers.ModelSerializer):
    """What every record type's serializer has alike: its fields open with the API address, the
    page on the site and the slug. Tags and ecosystems are declared here too; a subclass shows
    them by naming them in its ``Meta.fields``. A model's URL fields come out as ``OptionalURLField``."""

    url = ApiUrlField()
    html_url = HtmlUrlField()
    tags = tags_field()
    ecosystems = ecosystems_field()

    class Meta:
        fields = ["url", "html_url", "slug"]

    def build_standard_field(self, field_name, model_field):
        # Every web address of a record (a website, a report's source) is null when none is on
        # record, never "": one rule for all, without declaring each field again.
        if isinstance(model_field, models.URLField):
            return OptionalURLField, {}
        return super().build_standard_field(field_name, model_field)


# --- Views -------------------------------------------------------------------------------------


class RecordViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only list (filtered by the page's FilterSet, paginated) and a detail by slug.

    ``queryset`` is the list's read path; ``get_detail_queryset()`` the detail's (default: the
    same). ``detail_serializer_class`` serialises a single record (default: ``serializer_class``).
    Rows come in the model's order with the primary key last, so pages never overlap."""

    lookup_field = "slug"
    lookup_value_converter = "slug"
    filter_backends = [FilterSetBackend]
    pagination_class = ApiPagination
    detail_serializer_class = None

    def get_list_queryset(self):
        return super().get_queryset()

    def get_detail_queryset(self):
        return self.get_list_queryset()

    def get_queryset(self):
        queryset = self.get_list_queryset() if self.action == "list" else self.get_detail_queryset()
        return queryset.order_by(*queryset.model._meta.ordering, "pk")

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()


def not_found(request, *args, **kwargs):
    """Any other address under /api/: a JSON 404, like the API's own."""
    return JsonResponse({"detail": str(_("Not found."))}, status=404)
