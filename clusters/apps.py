from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    name = "clusters"
    verbose_name = "Organisations"

    def ready(self):
        from clusters.models import AlternativeName, Label, Membership, Organisation
        from clusters.search import ORGANISATIONS
        from core.registry import NavEntry, RecordType, registry

        registry.register(
            RecordType(
                key="organisations",
                model=Organisation,
                label=_("Organisations"),
                count_label=_("organisations"),
                list_url="clusters:organisation-list",
                detail_url="clusters:organisation-detail",
                feed_url="clusters:organisation-feed",
                position=10,
                search=ORGANISATIONS,
                home_count=lambda user: Organisation.objects.count(),
                api_viewset="clusters.api.OrganisationViewSet",
                api_enums={
                    "OrganisationKindEnum": Organisation.Kind,
                    "AlternativeNameKindEnum": AlternativeName.Kind,
                    "LabelKindEnum": Label.Kind,
                    "MembershipRoleEnum": Membership.Role,
                },
            )
        )
        registry.register_nav(NavEntry("partners", _("Partners"), "clusters:organisation-list", 20, ("clusters",)))
