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

        enums = {"VisitKind": Visit.Kind, "VisitStatus": Visit.Status, "ParticipantRole": Participant.Role}
        enums |= {"FollowUpStatus": FollowUp.Status, "AttachmentKind": Attachment.Kind}
        registry.register(
            RecordType(
                Visit,
                "visits",
                _("Visits and events"),
                _("visits and events"),
                position=20,
                search=VISITS,
                home_count=lambda user: Visit.objects.events_visible_to(user).count(),
                api_enums={f"{name}Enum": choices for name, choices in enums.items()},
            )
        )
        registry.register_nav(NavEntry("visits", _("Visits"), "visits:visit-list", 40, ("visits",)))
        registry.register_profile_section(ProfileSection("visits", profile_context, 10))
