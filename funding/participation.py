"""The projects an organisation took part in, with every partner: the read path of its profile's
funding section and of its cooperation graph."""

from funding.models import ProjectPartner


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
    return {"own_project_links": own}
