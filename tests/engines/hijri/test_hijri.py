"""Hijri dates.

Sources: Umm al-Qura calendar (via hijridate 2.6.0): 22 Sep 2023 = 7 Rabi' al-Awwal 1445
(the Dubai page of that day, DESIGN.md); 1 Ramadan 1445 = 11 Mar 2024. UAE offset case:
Rabi' al-Awwal 1447 began on 24 Aug 2025 in Saudi Arabia (Umm al-Qura) and on
25 Aug 2025 in the UAE (as given in the project brief).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nashra.engines.hijri import MONTHS_AR, MONTHS_EN, HijriDate, hijri_date


def test_22_september_2023() -> None:
    h = hijri_date(date(2023, 9, 22))
    assert h == HijriDate(1445, 3, 7)
    assert h.format_en() == "7 Rabi' al-Awwal 1445"
    assert h.format_ar() == "7 ربيع الأول 1445 هـ"
    assert h.format("ar-ae") == h.format_ar()
    assert h.format() == h.format_en()


def test_1_ramadan_1445() -> None:
    assert hijri_date(date(2024, 3, 11)) == HijriDate(1445, 9, 1)
    assert hijri_date(date(2024, 3, 10)) == HijriDate(1445, 8, 29)


def test_uae_started_rabi_al_awwal_1447_a_day_later() -> None:
    offsets = {(1447, 3): 1}
    assert hijri_date(date(2025, 8, 24)) == HijriDate(1447, 3, 1)  # Umm al-Qura
    assert hijri_date(date(2025, 8, 23), offsets) == HijriDate(1447, 2, 29)
    assert hijri_date(date(2025, 8, 24), offsets) == HijriDate(1447, 2, 30)
    assert hijri_date(date(2025, 8, 25), offsets) == HijriDate(1447, 3, 1)
    assert hijri_date(date(2025, 9, 10), offsets) == HijriDate(1447, 3, 17)  # UAQ: 18th
    assert hijri_date(date(2025, 9, 10)) == HijriDate(1447, 3, 18)
    # the month after starts on Umm al-Qura's day: Rabi' al-Awwal is one day shorter
    next_start = date(2025, 8, 24) + timedelta(days=30)
    uaq_next = hijri_date(next_start)
    assert uaq_next is not None
    assert uaq_next.day == 1
    assert hijri_date(next_start, offsets) == uaq_next
    last = hijri_date(next_start - timedelta(days=1), offsets)
    assert last is not None
    assert (last.month, last.day) == (3, 29)


def test_month_starting_earlier() -> None:
    offsets = {(1445, 9): -1}  # Ramadan 1445 a day before Umm al-Qura
    assert hijri_date(date(2024, 3, 10), offsets) == HijriDate(1445, 9, 1)
    assert hijri_date(date(2024, 3, 11), offsets) == HijriDate(1445, 9, 2)
    assert hijri_date(date(2024, 3, 9), offsets) == HijriDate(1445, 8, 28)


def test_offsets_for_other_months_change_nothing() -> None:
    assert hijri_date(date(2023, 9, 22), {(1447, 3): 1}) == HijriDate(1445, 3, 7)


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(1924, 7, 31), date(2077, 11, 17),
                                 date(2200, 1, 1), date(1, 1, 1)])  # fmt: skip
def test_out_of_range_is_none(day: date) -> None:
    assert hijri_date(day) is None
    assert hijri_date(day, {(1343, 1): 1}) is None


def test_range_edges() -> None:
    assert hijri_date(date(1924, 8, 1)) == HijriDate(1343, 1, 1)
    assert hijri_date(date(2077, 11, 16)) is not None
    assert hijri_date(date(2077, 11, 16), {(1500, 12): 1}) is not None


def test_absurd_offset_is_refused() -> None:
    with pytest.raises(ValueError):
        hijri_date(date(2023, 9, 22), {(1445, 3): 7})


def test_month_names() -> None:
    assert len(MONTHS_EN) == len(MONTHS_AR) == 12
    assert MONTHS_EN[8] == "Ramadan"
    assert MONTHS_AR[8] == "رمضان"
