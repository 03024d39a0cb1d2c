from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    name = "clusters"
    verbose_name = "Organisations"

    def ready(self):
        from clusters.models import AlternativeName, Label, Membership, Organisation
        from clusters.search import ORGANISATIONS
        from core.registry import NavEntry, RecordType, registry

        enums = {"OrganisationKind": Organisation.Kind, "AlternativeNameKind": AlternativeName.Kind}
        enums |= {"LabelKind": Label.Kind, "MembershipRole": Membership.Role}
        registry.register(
            RecordType(
                Organisation,
                "organisations",
                _("Organisations"),
                _("organisations"),
                position=10,
                search=ORGANISATIONS,
                home_count=lambda user: Organisation.objects.count(),
                api_enums={f"{name}Enum": choices for name, choices in enums.items()},
            )
        )
        registry.register_nav(NavEntry("partners", _("Partners"), "clusters:organisation-list", 20, ("clusters",)))
