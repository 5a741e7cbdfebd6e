"""The header's prayer and weather panels are rendered once a minute, never shown stale.

They are a third of a public page's server time, so their inclusion tags
(`{% prayer_panel %}`, `{% weather_panel %}`) cache their HTML (nashra.kernel.cache): the
prayer table per Dubai minute, header places and purge generation; the weather line per
widget state.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from nashra.weather.models import WeatherRecord
from tests.support.weather import NOW, TODAY, weather_fragment

pytestmark = pytest.mark.django_db


@pytest.fixture
def prayer_renders(monkeypatch):
    """How many times the prayer table was worked out for a page."""
    import nashra.prayer.header as header

    calls = []
    real = header.prayer_header

    def counting(now):
        calls.append(now)
        return real(now)

    monkeypatch.setattr(header, "prayer_header", counting)
    return calls


def store_weather(condition: str, fetched_at=NOW) -> None:
    WeatherRecord.objects.create(
        place="dubai", date=TODAY, condition=condition, max_c=36.4, min_c=29.8,
        provider="open-meteo", provider_code="0", fetched_at=fetched_at,
    )  # fmt: skip


def test_the_panels_are_worked_out_once_a_minute(client, prayer_renders):
    with time_machine.travel(NOW, tick=False):
        assert client.get("/").status_code == 200
        assert client.get("/corrections/").status_code == 200
        assert len(prayer_renders) == 1
    with time_machine.travel(NOW + timedelta(minutes=1), tick=False):
        html = client.get("/prayer-times/").content.decode()
        assert len(prayer_renders) == 2
        assert "prayer-table" in html


def test_new_weather_shows_on_the_next_page_within_the_same_minute(client):
    with time_machine.travel(NOW, tick=False):
        store_weather("clear")
        first = weather_fragment(client.get("/").content.decode())
        WeatherRecord.objects.update(condition="dust", fetched_at=NOW + timedelta(seconds=5))
        second = weather_fragment(client.get("/corrections/").content.decode())
    assert first != second
    assert "Dust" in second or "dust" in second


def test_each_edition_gets_its_own_panels(client):
    with time_machine.travel(NOW, tick=False):
        store_weather("clear")
        english = client.get("/").content.decode()
        arabic = client.get("/ar/").content.decode()
    assert "Prayer times" in english
    assert "Prayer times" not in arabic


def test_a_purge_renders_the_panels_again(client, prayer_renders):
    from nashra.kernel.cache import purge

    with time_machine.travel(NOW, tick=False):
        client.get("/")
        purge()
        client.get("/corrections/")
    assert len(prayer_renders) == 2


def sections_bar(html: str) -> str:
    return html.split('<nav class="sections"')[1].split("</nav>")[0]


def test_a_published_section_shows_in_the_sections_bar_of_the_next_page(client, editor):
    from nashra.newsroom.models import HomePage, SectionPage

    home = HomePage.objects.get(locale__language_code="en")
    assert "Climate desk" not in sections_bar(client.get("/").content.decode())
    section = SectionPage(title="Climate desk", slug="climate-desk", show_in_menus=True)
    home.add_child(instance=section)
    section.save_revision(user=editor).publish(user=editor)
    bar = sections_bar(client.get("/corrections/").content.decode())
    assert "Climate desk" in bar
    assert f'href="{section.url}"' in bar
    assert "Climate desk" not in sections_bar(client.get("/ar/").content.decode())
