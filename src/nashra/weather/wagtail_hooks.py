"""Wagtail admin: provider health and the failed-fetch log, read-only (the job writes them)."""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from nashra.weather.models import FailedFetch, ProviderStatus, WeatherRecord


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Only "view": rows are written by the background job, never by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class ReadOnlyViewSet(ModelViewSet):
    exclude_form_fields = []
    inspect_view_enabled = True


class ProviderStatusViewSet(ReadOnlyViewSet):
    model = ProviderStatus
    name = "weather_providers"
    icon = "success"
    menu_label = "Providers"
    list_display = [
        "provider",
        "last_success_at",
        "last_error_at",
        "consecutive_failures",
        "last_error",
    ]


class FailedFetchViewSet(ReadOnlyViewSet):
    model = FailedFetch
    name = "weather_failed_fetches"
    icon = "warning"
    menu_label = "Failed fetches"
    list_display = ["at", "provider", "place", "error", "message"]
    list_filter = ["provider", "place", "error"]


class WeatherRecordViewSet(ReadOnlyViewSet):
    model = WeatherRecord
    name = "weather_records"
    icon = "date"
    menu_label = "Records"
    list_display = ["place", "date", "condition", "max_c", "min_c", "provider", "fetched_at"]
    list_filter = ["place", "provider"]


for _model in (ProviderStatus, FailedFetch, WeatherRecord):
    register_permission_policy(_model, ReadOnlyPolicy(_model))


class WeatherGroup(ViewSetGroup):
    menu_label = "Weather"
    menu_icon = "site"
    items = (ProviderStatusViewSet, FailedFetchViewSet, WeatherRecordViewSet)


@hooks.register("register_admin_viewset")
def register_weather_viewsets():
    return WeatherGroup()
