"""Bulk import and export of organisations through the admin (django-import-export); how rows
are matched, validated and related is core/importing.py's ``NaturalKeyResource``.

Rows are matched by slug, so re-importing an export updates records instead of duplicating
them; related records are written by slug too. Every row is validated like a form would
(``full_clean``: field validators and the model's constraints), the dry run shows row errors
and a diff, and the import itself is all or nothing.

A row that would add an organisation resembling one on record (the identity resolver, as the
admin's duplicate guard) is refused with the records it resembles, unless its ``if_similar``
column says what to do: "create" (a new organisation all the same) or "use" (update the
record it resembles; its name and slug stay, the name written is kept as an alternative name).
"""

from django.core.exceptions import ValidationError

from clusters.identity import resolve
from clusters.models import AlternativeName, Organisation
from core.importing import NaturalKeyResource
from core.text import fold

IF_SIMILAR = "if_similar"
CREATE_ANYWAY, USE_EXISTING = "create", "use"


class OrganisationResource(NaturalKeyResource):
    class Meta(NaturalKeyResource.Meta):
        model = Organisation
        fields = [
            "slug",
            *Organisation.IDENTITY_FIELDS,
            "address",
            "website",
            "email",
            "phone",
            "description",
            "founded",
            "company_size",
            "members_count",
            "members_count_as_of",
            "members_count_source",
            "national_programme",
            "ecosystems",
            "tags",
        ]

    def get_or_init_instance(self, instance_loader, row):
        """The record the row writes: by slug, as always; for a new name that resembles records on
        record, what ``if_similar`` says, or a row error naming them."""
        instance, new = super().get_or_init_instance(instance_loader, row)
        name = " ".join(str(row.get("name") or "").split())
        if not name or (not new and name == instance.name):
            return instance, new
        choice = str(row.get(IF_SIMILAR) or "").strip().lower()
        if choice not in ("", CREATE_ANYWAY, USE_EXISTING):
            raise ValidationError({"name": f'{IF_SIMILAR} must be "{CREATE_ANYWAY}", "{USE_EXISTING}" or empty.'})
        acronym = str(row.get("acronym") or "").strip()
        matches = resolve(
            f"{name} ({acronym})" if acronym else name,
            country=str(row.get("country") or "").strip(),
            kind=str(row.get("kind") or "").strip(),
            exclude_pk=None if new else instance.pk,
        )
        if not matches or choice == CREATE_ANYWAY:
            return instance, new
        if choice == USE_EXISTING and new:
            return self._use(matches[0].organisation, name, row), False
        listed = "; ".join(f"{m.organisation} (slug {m.organisation.slug}, same {m.reason})" for m in matches)
        action = f'"{CREATE_ANYWAY}" to add it anyway' + (f' or "{USE_EXISTING}" to update the first' if new else "")
        message = f"“{name}” resembles an organisation on record: {listed}. Set the column {IF_SIMILAR} to {action}."
        raise ValidationError({"name": message})

    def _use(self, existing, written: str, row) -> Organisation:
        """Points the row at ``existing``: its slug and name kept, the row's empty cells leaving
        its fields as they are."""
        for key in [key for key, value in row.items() if value in ("", None)]:
            del row[key]
        row["slug"], row["name"] = existing.slug, existing.name
        existing.identity_written = written
        return existing

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        written = getattr(instance, "identity_written", "")
        if written and fold(written) != fold(instance.name):
            AlternativeName.objects.get_or_create(
                organisation=instance, name=written, defaults={"kind": AlternativeName.Kind.SPELLING}
            )
