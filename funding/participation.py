"""The projects an organisation took part in, with every partner: the read path of its profile's
funding section and of its cooperation graph; and, for a pole, the projects it labelled."""

from funding.models import Project, ProjectPartner


def project_partner_links(org):
    """Every partner link of the projects ``org`` took part in (its own included), with the
    organisation, project and instrument; one query."""
    return list(
        ProjectPartner.objects.filter(
            project__in=ProjectPartner.objects.filter(organisation=org).values("project_id")
        ).select_related("organisation", "project__instrument")
    )


def profile_context(org, user) -> dict:
    """The funding part of an organisation's profile: its own project links, sorted; every
    partner link of its projects is kept on the organisation for the cooperation graph."""
    org.project_partner_links = project_partner_links(org)
    own = [link for link in org.project_partner_links if link.organisation_id == org.pk]
    own.sort(key=lambda link: (link.project.name, link.project.pk, link.role, link.partner_code, link.pk))
    return {"own_project_links": own, "labelled_projects": labelled_projects(org)}


def labelled_projects(org) -> list:
    """The projects a pole of competitiveness labelled (one query; none asked for other kinds)."""
    if org.kind != org.Kind.POLE:
        return []
    return list(
        Project.objects.filter(labelled_by=org).select_related("instrument").order_by("-start_date", "name", "pk")
    )
