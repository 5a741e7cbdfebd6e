"""Every code in the reference tables maps to a Condition; every icon exists.

Source of the tables: tests/data/weather/ (copied from shared/data/weather with their
README): the Met Office DataHub significant-weather table and the WMO 4677 subset that
Open-Meteo emits.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from nashra.engines.weather import (
    DAY_LABELS,
    ICON_NAMES,
    NIGHT_LABELS,
    Condition,
    met_office_condition,
    wmo_condition,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "weather"
ICONS = Path(__file__).resolve().parents[3] / "src/nashra/weather/static/weather/icons"


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


MET_OFFICE_ROWS = rows("metoffice_significant_weather_codes.csv")
WMO_ROWS = rows("wmo_weather_codes_openmeteo.csv")


@pytest.mark.parametrize("row", MET_OFFICE_ROWS, ids=lambda r: r["code"])
def test_every_met_office_code_maps(row: dict[str, str]) -> None:
    condition = met_office_condition(row["code"])
    assert isinstance(condition, Condition)
    if row["code"] in ("NA", "4"):  # no-data sentinel and "not used"
        assert condition is Condition.UNKNOWN
    else:
        assert condition is not Condition.UNKNOWN, row["description"]


@pytest.mark.parametrize("row", WMO_ROWS, ids=lambda r: r["code"])
def test_every_wmo_code_maps(row: dict[str, str]) -> None:
    assert wmo_condition(int(row["code"])) is not Condition.UNKNOWN, row["description"]


def test_table_wording_samples() -> None:
    assert met_office_condition(1) is Condition.CLEAR  # "Sunny day"
    assert met_office_condition("3") is Condition.PARTLY_CLOUDY  # "Sunny intervals"
    assert wmo_condition(0).label() == "Sunny"  # CSV day_label
    assert wmo_condition(0).label(night=True) == "Clear"  # CSV night_label
    assert wmo_condition(3).label() == "Cloudy"


@pytest.mark.parametrize("code", [None, "", 4, 31, 33, 100, "x", True, -2, 2.5])
def test_anything_else_is_unknown(code: object) -> None:
    assert met_office_condition(code) is Condition.UNKNOWN
    assert wmo_condition(code) is Condition.UNKNOWN


def test_labels_are_plain_strings_and_unknown_has_none() -> None:
    for condition in Condition:
        if condition is Condition.UNKNOWN:
            assert condition.label() == ""
            assert condition.label(night=True) == ""
            assert condition not in DAY_LABELS
        else:
            assert DAY_LABELS[condition]
            assert NIGHT_LABELS[condition]
    assert Condition.CLEAR.label() == "Sunny"
    assert Condition.CLEAR.label(night=True) == "Clear"


@pytest.mark.parametrize("name", sorted(ICON_NAMES))
def test_every_icon_is_a_small_currentcolor_svg(name: str) -> None:
    path = ICONS / f"{name}.svg"
    data = path.read_bytes()
    assert len(data) < 1024
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 24 24"
    assert b"currentColor" in data


def test_no_orphan_icons() -> None:
    assert {p.stem for p in ICONS.glob("*.svg")} == ICON_NAMES
