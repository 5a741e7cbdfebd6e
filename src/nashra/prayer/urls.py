from django.urls import path, re_path

from nashra.prayer import views

app_name = "prayer"

urlpatterns = [
    path("prayer-times/", views.index, name="index"),
    re_path(
        r"^prayer-times/(?P<slug>[a-z0-9-]+)/(?P<month>\d{4}-\d{2})\.(?P<fmt>csv|ics)$",
        views.download,
        name="download",
    ),
    path("prayer-times/<slug:slug>/", views.place_month, name="place"),
]
