"""/weather/: every place's widget. Reads stored records only; never fetches."""

from django.shortcuts import render

from nashra.engines.weather import OPEN_METEO_ATTRIBUTION
from nashra.weather.widget import all_widgets


def weather_page(request):
    return render(
        request,
        "weather/weather_page.html",
        {"widgets": all_widgets(), "attribution": OPEN_METEO_ATTRIBUTION},
    )
