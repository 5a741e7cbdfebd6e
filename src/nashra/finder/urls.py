from django.urls import path

from nashra.finder import views

app_name = "finder"
urlpatterns = [path("search/", views.search, name="search")]
