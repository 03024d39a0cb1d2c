from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = "Funding"

    def ready(self):
        from core.registry import NavEntry, ProfileSection, RecordType, registry
        from funding.models import Call, CallStatus, Instrument, Project, ProjectPartner
        from funding.participation import profile_context
        from funding.search import CALLS, INSTRUMENTS, PROJECTS

        registry.register(
            RecordType(
                key="instruments",
                model=Instrument,
                label=_("Funding instruments"),
                count_label=_("funding instruments"),
                list_url="funding:instrument-list",
                detail_url="funding:instrument-detail",
                feed_url="funding:instrument-feed",
                position=30,
                search=INSTRUMENTS,
                home_count=lambda user: Instrument.objects.count(),
                api_viewset="funding.api.InstrumentViewSet",
                api_enums={"InstrumentKindEnum": Instrument.Kind, "InstrumentStatusEnum": Instrument.Status},
            )
        )
        registry.register(
            RecordType(
                key="calls",
                model=Call,
                label=_("Calls for proposals"),
                count_label=_("calls for proposals"),
                list_url="funding:call-list",
                detail_url="funding:call-detail",
                feed_url="funding:call-feed",
                position=40,
                search=CALLS,
                home_count=lambda user: Call.objects.count(),
                api_viewset="funding.api.CallViewSet",
                api_enums={"CallStatusEnum": CallStatus},
            )
        )
        registry.register(
            RecordType(
                key="projects",
                model=Project,
                label=_("Projects"),
                count_label=_("cooperation projects"),
                list_url="funding:project-list",
                detail_url="funding:project-detail",
                feed_url="funding:project-feed",
                position=50,
                search=PROJECTS,
                home_count=lambda user: Project.objects.count(),
                api_viewset="funding.api.ProjectViewSet",
                api_enums={"ProjectPartnerRoleEnum": ProjectPartner.Role},
            )
        )
        registry.register_nav(NavEntry("funding", _("Funding"), "funding:instrument-list", 30, ("funding",)))
        registry.register_profile_section(ProfileSection("funding", profile_context, 20))
