"""Widget states, decided in Python, checked with a frozen clock."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.utils import translation

from nashra.engines.weather import DAY_LABELS, NIGHT_LABELS, PLACES_BY_SLUG
from nashra.weather.models import WeatherRecord
from nashra.weather.widget import WidgetState, all_widgets, widget_for
from tests.support.weather import NOW, TODAY, assert_no_leak, weather_fragment

DUBAI = PLACES_BY_SLUG["dubai"]


def store(fetched_at=NOW, day=TODAY, condition="clear", provider="open-meteo", place="dubai"):
    return WeatherRecord.objects.create(
        place=place, date=day, condition=condition, max_c=36.4, min_c=29.8,
        provider=provider, provider_code="0", fetched_at=fetched_at,
    )  # fmt: skip


@pytest.mark.parametrize(
    "age,state,updated",
    [
        (timedelta(minutes=10), WidgetState.OK, ""),
        (timedelta(minutes=60), WidgetState.OK, ""),
        (timedelta(hours=1, minutes=30), WidgetState.STALE, "14:00"),
        (timedelta(hours=6), WidgetState.STALE, "09:30"),
        (timedelta(hours=6, minutes=1), WidgetState.UNAVAILABLE, ""),
    ],
)
def test_state_by_age(db, age, state, updated):
    store(fetched_at=NOW - age)
    with time_machine.travel(NOW, tick=False):
        widget = widget_for(DUBAI)
    assert (widget.state, widget.updated, widget.date) == (state, updated, TODAY)
    if state != WidgetState.UNAVAILABLE:
        assert (widget.label, widget.max_c) == ("Sunny", 36)
        assert (
            widget.icon.startswith("<svg")
            and widget.attribution.text == "Weather data by Open-Meteo.com"
        )


def test_wrong_day_is_unavailable_and_shows_the_records_date(db):
    # fetched 10 minutes ago but for yesterday (the provider's day had not rolled over)
    store(fetched_at=NOW - timedelta(minutes=10), day=date(2023, 9, 21))
    with time_machine.travel(NOW, tick=False):
        widget = widget_for(DUBAI)
    assert (widget.state, widget.date, widget.label) == (
        WidgetState.UNAVAILABLE,
        date(2023, 9, 21),
        "",
    )


def test_dubai_midnight_not_utc_midnight(db):
    # 20:30 UTC on the 22nd is 00:30 on the 23rd in Dubai: the 22nd's record is old news
    store(fetched_at=datetime(2023, 9, 22, 20, 0, tzinfo=UTC))
    with time_machine.travel(datetime(2023, 9, 22, 20, 30, tzinfo=UTC), tick=False):
        assert widget_for(DUBAI).state == WidgetState.UNAVAILABLE


def test_no_record_shows_todays_dubai_date(db):
    with time_machine.travel(datetime(2023, 9, 22, 21, 0, tzinfo=UTC), tick=False):
        widget = widget_for(DUBAI)
    assert (widget.state, widget.date) == (WidgetState.UNAVAILABLE, date(2023, 9, 23))


def test_unknown_condition_has_no_label_or_icon(db):
    store(condition="unknown")
    with time_machine.travel(NOW, tick=False):
        widget = widget_for(DUBAI)
    assert (widget.state, widget.label, str(widget.icon), widget.max_c) == (
        WidgetState.OK,
        "",
        "",
        36,
    )


def test_unrecognised_stored_condition_is_treated_as_unknown(db):
    store(condition="weather.code.99")
    with time_machine.travel(NOW, tick=False):
        assert widget_for(DUBAI).label == ""


def test_metar_record_has_no_open_meteo_attribution(db):
    store(provider="metar")
    with time_machine.travel(NOW, tick=False):
        assert widget_for(DUBAI).attribution is None


def render_home(client, path="/"):
    with time_machine.travel(NOW, tick=False):
        return client.get(path).content.decode()


def test_header_ok(client, db):
    store()
    html = render_home(client)
    fragment = weather_fragment(html)
    text = re.sub(r"<[^>]+>", "", fragment)
    assert re.sub(r"\s+", " ", text).startswith("22 September 2023 Sunny Max: 36 °C")
    assert "<svg" in fragment
    assert 'href="https://open-meteo.com/"' in fragment
    assert "Updated" not in fragment
    assert_no_leak(html)


def test_header_stale(client, db):
    store(fetched_at=NOW - timedelta(hours=2))
    fragment = weather_fragment(render_home(client))
    assert 'data-weather-state="stale"' in fragment
    assert "Updated 13:30" in fragment


def test_header_in_arabic(client, db):
    store(condition="dust", fetched_at=NOW - timedelta(hours=2))
    html = render_home(client, "/ar/")
    fragment = weather_fragment(html)
    assert "غبار" in fragment
    assert "العظمى: 36 °م" in fragment
    assert "آخر تحديث 13:30" in fragment
    assert "سبتمبر" in fragment  # the month, translated by Django's date filter
    assert_no_leak(html)


def test_weather_page_lists_every_place(client, db):
    store()
    store(place="al-ain", condition="haze", fetched_at=NOW - timedelta(hours=3))
    for path in ("/weather/", "/ar/weather/"):
        with time_machine.travel(NOW, tick=False):
            response = client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count('class="weather-list__place"') == 8
        assert 'href="https://open-meteo.com/"' in html
        for leak in ("{{", "{%", "None", "Traceback"):
            assert leak not in html
    with translation.override("en"), time_machine.travel(NOW, tick=False):
        states = {w.place: w.state for w in all_widgets()}
    assert (
        states["Dubai"] == "ok"
        and states["Al Ain"] == "stale"
        and states["Sharjah"] == "unavailable"
    )


def test_every_label_has_an_arabic_translation():
    from pathlib import Path

    import nashra.weather

    po = Path(nashra.weather.__file__).parent / "locale" / "ar" / "LC_MESSAGES" / "django.po"
    translations = dict(
        re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', po.read_text(encoding="utf-8"), re.M)
    )
    missing = [
        label for label in {*DAY_LABELS.values(), *NIGHT_LABELS.values(),
                            "Max: %(temp)s °C", "Updated %(time)s", "Weather unavailable",
                            "Weather data by Open-Meteo.com"}
        if not translations.get(label)
    ]  # fmt: skip
    assert missing == []
