"""Writes that touch several models at once."""

from django.db import models, transaction
from taggit.managers import TaggableManager

from clusters.models import AlternativeName, Organisation
from core.text import fold

# Never copied from a duplicate: identity, bookkeeping and what the database derives.
_NOT_FILLED = {"id", "slug", "name", "created_at", "updated_at", "search_names", "search_vector", "search_title"}


def _organisation_links() -> list[tuple[type[models.Model], models.ForeignKey]]:
    """Every (model, foreign key) by which a row points at an organisation, found from the model
    metadata so that a relation added tomorrow is merged too: foreign keys of other models and of
    explicit through models (visits, memberships, project partners...) and the hidden through
    tables of many-to-many fields in either direction (delegation, hosts, ecosystems)."""
    links = []
    for rel in Organisation._meta.related_objects:
        if rel.many_to_many:
            through = rel.through
            if through._meta.auto_created:
                links.append((through, through._meta.get_field(rel.field.m2m_reverse_field_name())))
        else:
            links.append((rel.related_model, rel.field))
    for field in Organisation._meta.many_to_many:
        through = getattr(field.remote_field, "through", None)
        if not isinstance(field, TaggableManager) and through is not None and through._meta.auto_created:
            links.append((through, through._meta.get_field(field.m2m_field_name())))
    return links


def _unique_sets(model, field) -> list[tuple[str, ...]]:
    """The sets of field names that must be unique together on ``model`` and include ``field``."""
    sets = [tuple(constraint.fields) for constraint in model._meta.total_unique_constraints]
    sets += [tuple(fields) for fields in model._meta.unique_together]
    if field.unique:
        sets.append((field.name,))
    return [fields for fields in sets if field.name in fields]


def _value(row, name: str):
    return getattr(row, row._meta.get_field(name).attname)


def _move_links(*, survivor, duplicate) -> int:
    """Point every row that references ``duplicate`` at ``survivor``. A row that would then
    refer to the survivor twice (a membership of itself) or repeat one the survivor already has
    (the same role in the same group, a second partner link in one project, the same
    alternative name) is deleted instead; returns how many were."""
    dropped = 0
    for model, field in _organisation_links():
        other_fks = [
            f
            for f in model._meta.concrete_fields
            if f is not field and f.is_relation and f.related_model is Organisation
        ]
        unique_sets = _unique_sets(model, field)
        for row in model._base_manager.filter(**{field.name: duplicate.pk}):
            setattr(row, field.attname, survivor.pk)
            clash = any(getattr(row, f.attname) == survivor.pk for f in other_fks) or any(
                model._base_manager.filter(**{name: _value(row, name) for name in fields}).exclude(pk=row.pk).exists()
                for fields in unique_sets
            )
            if clash:
                model._base_manager.filter(pk=row.pk).delete()
                dropped += 1
            else:
                model._base_manager.filter(pk=row.pk).update(**{field.attname: survivor.pk})
    return dropped


def _is_blank(value) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _fill_blank_fields(*, survivor, duplicate) -> None:
    for field in Organisation._meta.concrete_fields:
        if field.name in _NOT_FILLED or field.generated or isinstance(field, models.BooleanField):
            continue
        if _is_blank(getattr(survivor, field.attname)) and not _is_blank(getattr(duplicate, field.attname)):
            setattr(survivor, field.attname, getattr(duplicate, field.attname))


def _keep_names(*, survivor, names: list[tuple[str, str]]) -> None:
    """Keep the duplicate's name and acronym as alternative names of the survivor."""
    known = {fold(survivor.name), fold(survivor.acronym)} | {
        fold(n) for n in survivor.alternative_names.values_list("name", flat=True)
    }
    for name, kind in names:
        if name and fold(name) not in known:
            alternative = AlternativeName(organisation=survivor, name=name, kind=kind)
            alternative.full_clean()
            alternative.save()
            known.add(fold(name))


@transaction.atomic
def merge_organisations(*, survivor: Organisation, duplicate: Organisation, user=None) -> Organisation:
    """Fold ``duplicate`` into ``survivor``: every relation moves to the survivor, its blank
    fields are filled from the duplicate, the duplicate's names are kept as alternative names,
    and the duplicate is deleted. All or nothing."""
    if survivor.pk == duplicate.pk:
        raise ValueError("An organisation cannot be merged into itself.")
    survivor = Organisation.objects.select_for_update().get(pk=survivor.pk)
    duplicate = Organisation.objects.select_for_update().get(pk=duplicate.pk)
    if user is not None:
        # Read by django-simple-history for the history rows this merge writes.
        survivor._history_user = duplicate._history_user = user

    same_name = fold(duplicate.name) == fold(survivor.name)
    names = [(duplicate.name, AlternativeName.Kind.SPELLING if same_name else AlternativeName.Kind.FORMER)]
    if duplicate.acronym and survivor.acronym and fold(duplicate.acronym) != fold(survivor.acronym):
        names.append((duplicate.acronym, AlternativeName.Kind.ACRONYM))

    tags = list(duplicate.tags.all())
    _move_links(survivor=survivor, duplicate=duplicate)
    if tags:
        survivor.tags.add(*tags)
    _fill_blank_fields(survivor=survivor, duplicate=duplicate)
    duplicate.delete()

    survivor.full_clean()
    survivor.save()
    _keep_names(survivor=survivor, names=names)
    return survivor
