from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from nashra.api.urls import api
from nashra.newsroom import views as newsroom_views
from nashra.site import views

handler404 = "nashra.site.views.page_not_found"
handler500 = "nashra.site.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v1/", api.urls),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.NASHRA_SERVE_MEDIA:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("corrections/", newsroom_views.corrections, name="corrections"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
