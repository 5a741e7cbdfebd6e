from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from nashra.newsroom import page_passwords
from nashra.newsroom import views as newsroom_views
from nashra.site import media, views
from nashra.site.api import api

handler404 = "nashra.site.views.page_not_found"
handler500 = "nashra.site.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/logout/", views.admin_logout, name="admin-logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v1/", api.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("nashra.syndication.urls")),
]

if settings.NASHRA_SERVE_MEDIA:
    # One machine serves its own renditions; behind a CDN or nginx, NASHRA_SERVE_MEDIA=false
    # (docs/operating.md: the web server must expose MEDIA_ROOT/images/ only).
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", media.media, name="media"))

urlpatterns += i18n_patterns(
    path("", include("nashra.prayer.urls")),
    path("corrections/", newsroom_views.corrections, name="corrections"),
    path("weather/", include("nashra.weather.urls")),
    path("", include("nashra.search.urls")),
    # Before Wagtail's own: page-password guesses are throttled (newsroom.page_passwords).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_passwords.authenticate_with_password,
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
