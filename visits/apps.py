from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = "Visits and events"

    def ready(self):
        from core.registry import NavEntry, ProfileSection, RecordType, registry
        from visits.models import Attachment, FollowUp, Participant, Visit
        from visits.profile import profile_context
        from visits.search import VISITS

        registry.register(
            RecordType(
                key="visits",
                model=Visit,
                label=_("Visits and events"),
                count_label=_("visits and events"),
                list_url="visits:visit-list",
                detail_url="visits:visit-detail",
                feed_url="visits:visit-feed",
                position=20,
                search=VISITS,
                home_count=lambda user: Visit.objects.visible_to(user).count(),
                api_viewset="visits.api.VisitViewSet",
                api_enums={
                    "VisitKindEnum": Visit.Kind,
                    "VisitStatusEnum": Visit.Status,
                    "ParticipantRoleEnum": Participant.Role,
                    "FollowUpStatusEnum": FollowUp.Status,
                    "AttachmentKindEnum": Attachment.Kind,
                },
            )
        )
        registry.register_nav(NavEntry("visits", _("Visits"), "visits:visit-list", 40, ("visits",)))
        registry.register_profile_section(ProfileSection("visits", profile_context, 10))
