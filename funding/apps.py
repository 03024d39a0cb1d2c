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

        types = [
            (Instrument, "instruments", _("Funding instruments"), _("funding instruments"), INSTRUMENTS),
            (Call, "calls", _("Calls for proposals"), _("calls for proposals"), CALLS),
            (Project, "projects", _("Projects"), _("cooperation projects"), PROJECTS),
        ]
        enums = {
            Instrument: {"InstrumentKindEnum": Instrument.Kind, "InstrumentStatusEnum": Instrument.Status},
            Call: {"CallStatusEnum": CallStatus},
            Project: {"ProjectPartnerRoleEnum": ProjectPartner.Role},
        }
        for position, (model, key, label, count_label, search) in enumerate(types, start=3):
            registry.register(
                RecordType(
                    model,
                    key,
                    label,
                    count_label,
                    position=10 * position,
                    search=search,
                    home_count=lambda user, model=model: model.objects.count(),
                    api_enums=enums[model],
                )
            )
        registry.register_nav(NavEntry("funding", _("Funding"), "funding:instrument-list", 30, ("funding",)))
        registry.register_profile_section(ProfileSection("funding", profile_context, 20))
