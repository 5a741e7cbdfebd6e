"""Weather on the site: the background refresh, the stored records and the header widget.

The engine (``nashra.engines.weather``) fetches; this app stores and renders. Pages only
ever read :class:`~nashra.weather.models.WeatherRecord`; see ``docs/weather.md``.
"""
