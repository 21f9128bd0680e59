from django.contrib import admin

from .models import SecurityEvent


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, so staff may look but not add, change or delete."""

    list_display = ["at", "kind", "email", "ip", "method", "path", "detail"]
    list_filter = ["kind"]
    search_fields = ["email", "ip", "path"]
    date_hierarchy = "at"
    readonly_fields = [f.name for f in SecurityEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
