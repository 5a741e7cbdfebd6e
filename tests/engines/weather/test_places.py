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
        assert p.name_en and p.name_ar and ZoneInfo(p.tz)
        assert 22 < p.lat < 27 and 51 < p.lon < 57
    assert PLACES_BY_SLUG["dubai"].name_ar == "دبي"
