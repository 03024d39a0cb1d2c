from django.contrib import admin

from shortlists.models import Entry, Shortlist


class EntryInline(admin.TabularInline):
    model = Entry
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(Shortlist)
class ShortlistAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "updated_at"]
    list_filter = ["updated_at"]
    search_fields = ["name", "user__email"]
    autocomplete_fields = ["user"]
    inlines = [EntryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")
