"""Default places: the seven emirates' capitals and Al Ain, with their METAR stations."""

from zoneinfo import ZoneInfo

from nashra.engines.weather import DEFAULT_PLACES, PLACES_BY_SLUG


def test_default_places() -> None:
    assert [p.slug for p in DEFAULT_PLACES] == [
        "abu-dhabi", "dubai", "sharjah", "ajman", "umm-al-quwain", "ras-al-khaimah",
        "fujairah", "al-ain",
    ]  # fmt: skip
    stations = {p.slug: p.metar_station for p in DEFAULT_PLACES if p.metar_station}
    assert stations == {
        "abu-dhabi": "OMAA", "dubai": "OMDB", "sharjah": "OMSJ", "ras-al-khaimah": "OMRK",
        "fujairah": "OMFJ", "al-ain": "OMAL",
    }  # fmt: skip
    for p in DEFAULT_PLACES:
        assert p.name_en
        assert p.name_ar
        assert ZoneInfo(p.tz)
        assert 22 < p.latitude < 27
        assert 51 < p.longitude < 57
    assert PLACES_BY_SLUG["dubai"].name_ar == "دبي"


def test_weather_and_prayer_share_one_place_per_slug() -> None:
    """One place, one point, one elevation: weather forecasts where prayer times are."""
    from nashra.engines import places
    from nashra.engines.prayer import get_place

    for p in DEFAULT_PLACES:
        assert get_place(p.slug) is p
        assert places.get_place(p.slug) is p
    assert PLACES_BY_SLUG["al-ain"].elevation_m == get_place("al-ain").elevation_m == 290.0
    # the authority's area name is an alias of the same object
    assert get_place("ras-alkhaimah") is PLACES_BY_SLUG["ras-al-khaimah"]
