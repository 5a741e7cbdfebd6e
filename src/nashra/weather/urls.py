from django.urls import path

from nashra.weather import views

app_name = "weather"
urlpatterns = [path("", views.weather_page, name="page")]
