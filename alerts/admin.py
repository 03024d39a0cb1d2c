from django.contrib import admin

from alerts.models import Delivery, Follow, SavedSearch


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "view_name", "frequency", "reminder_days", "created_at", "last_digest_at"]
    list_filter = ["frequency", "view_name", "language"]
    search_fields = ["name", "user__username", "user__email", "query"]
    raw_id_fields = ["user"]
    list_select_related = ["user"]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "created_at", "last_sent_at"]
    search_fields = ["user__username", "user__email", "organisation__name"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["user"]
    list_select_related = ["user", "organisation"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """What was sent: a record of the alerts, not edited by hand."""

    list_display = ["sent_at", "user", "saved_search", "follow", "kind", "record_id", "reminder_date"]
    list_filter = ["kind"]
    search_fields = ["user__username", "user__email", "kind"]
    list_select_related = ["user", "saved_search", "follow__organisation"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
