"""What is new about a followed organisation: its published visits, its projects and the calls
of the instruments it manages, each as a queryset of that record type."""

from django.db.models import Q

from funding.models import Call, Project, ProjectPartner
from visits.models import Visit


def news(organisation_id: int) -> list[tuple[type, object]]:
    """``[(model, queryset)]`` of the records that concern the organisation, published only."""
    partnered = ProjectPartner.objects.filter(organisation_id=organisation_id).values("project_id")
    return [
        (Visit, Visit.objects.published().involving([organisation_id])),
        (Project, Project.objects.filter(Q(pk__in=partnered) | Q(funder_id=organisation_id))),
        (Call, Call.objects.filter(instrument__managing_body_id=organisation_id)),
    ]
