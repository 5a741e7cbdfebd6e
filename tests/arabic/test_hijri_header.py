"""Today's Hijri date in both headers, with the editors' UAE offsets."""

import html as htmllib
from datetime import UTC, date, datetime

import pytest
import time_machine

from nashra.engines.hijri import HijriDate

pytestmark = pytest.mark.django_db


def hijri_line(client, url):
    html = client.get(url).content.decode()
    if '<p class="hijri">' not in html:
        return None
    return htmllib.unescape(html.split('<p class="hijri">')[1].split("<bdi>")[1].split("</bdi>")[0])


def test_header_shows_the_hijri_date_in_each_language(client):
    # Umm al-Qura: 22 September 2023 is 7 Rabi' al-Awwal 1445.
    with time_machine.travel(datetime(2023, 9, 22, 8, 0, tzinfo=UTC), tick=False):
        assert hijri_line(client, "/") == "7 Rabi' al-Awwal 1445"
        assert hijri_line(client, "/ar/") == "7 ربيع الأول 1445 هـ"


def test_uae_offset_moves_the_start_of_rabi_al_awwal_1447(client):
    # Umm al-Qura began Rabi' al-Awwal 1447 on 24 August 2025; the UAE on 25 August.
    from nashra.hijri.models import HijriMonthOffset
    from nashra.hijri.today import observed_hijri_date

    assert observed_hijri_date(date(2025, 8, 24)) == HijriDate(1447, 3, 1)
    HijriMonthOffset.objects.create(year=1447, month=3, offset=1)
    assert observed_hijri_date(date(2025, 8, 24)) == HijriDate(1447, 2, 30)
    assert observed_hijri_date(date(2025, 8, 25)) == HijriDate(1447, 3, 1)
    with time_machine.travel(datetime(2025, 8, 24, 12, 0, tzinfo=UTC), tick=False):
        assert hijri_line(client, "/") == "30 Safar 1447"


def test_the_hijri_date_changes_at_dubai_midnight(client):
    # 23:59 in Dubai on 23 Sep 2023 is 19:59 UTC: still 8 Rabi' al-Awwal; at 20:01 UTC the 9th.
    with time_machine.travel(datetime(2023, 9, 23, 19, 59, tzinfo=UTC), tick=False):
        assert hijri_line(client, "/") == "8 Rabi' al-Awwal 1445"
    with time_machine.travel(datetime(2023, 9, 23, 20, 1, tzinfo=UTC), tick=False):
        assert hijri_line(client, "/") == "9 Rabi' al-Awwal 1445"


def test_outside_the_calendars_range_the_date_is_left_out(client):
    with time_machine.travel(datetime(2099, 1, 1, 8, 0, tzinfo=UTC), tick=False):
        response = client.get("/")
    assert response.status_code == 200
    assert 'class="hijri"' not in response.content.decode()


@pytest.mark.ignore_template_errors  # Wagtail's own admin templates
def test_an_offset_beyond_the_limit_is_refused_by_the_form(editor_client):
    response = editor_client.post(
        "/admin/snippets/hijri/hijrimonthoffset/add/", {"year": 1447, "month": 3, "offset": 5}
    )
    assert response.status_code == 200  # the form again, with its error
    from nashra.hijri.models import HijriMonthOffset

    assert not HijriMonthOffset.objects.exists()


@pytest.mark.ignore_template_errors  # Wagtail's own admin templates are not ours to police
def test_saving_an_offset_in_the_admin_purges_every_cached_page(
    client, editor, django_capture_on_commit_callbacks
):
    from django.test import Client

    from nashra.hijri.models import HijriMonthOffset

    with time_machine.travel(datetime(2025, 8, 24, 12, 0, tzinfo=UTC), tick=False):
        client.get("/")
        assert client.get("/").headers["X-Nashra-Cache"] == "hit"
        admin = Client()
        admin.force_login(editor)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin.post(
                "/admin/snippets/hijri/hijrimonthoffset/add/",
                {"year": 1447, "month": 3, "offset": 1},
            )
        assert response.status_code == 302
        assert HijriMonthOffset.objects.get().offset == 1
        fresh = client.get("/")
        assert fresh.headers["X-Nashra-Cache"] == "miss"
        assert "30 Safar 1447" in fresh.content.decode()
