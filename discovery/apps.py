from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "discovery"
    verbose_name = "Who to meet"

    def ready(self):
        from core.registry import ProfileSection, registry
        from discovery.profile import profile_context

        # After the visits (10) and funding (20) sections: a profile shows the organisation's
        # top suggestions, cached under the data version (discovery/profile.py).
        registry.register_profile_section(ProfileSection("discovery", profile_context, 90))
