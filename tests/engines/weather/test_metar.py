"""METAR weather groups to conditions. Lines from tests/data/weather/fixtures/metar_omdb_raw.txt
(synthetic, METAR syntax) plus textbook groups (WMO Manual on Codes, FM 15 METAR)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nashra.engines.weather import Condition, parse_metar
from nashra.engines.weather.metar import parse_group

NOW = datetime(2023, 9, 22, 16, tzinfo=UTC)
C = Condition


@pytest.mark.parametrize(
    ("line", "condition", "code"),
    [
        ("METAR OMDB 221100Z 32012KT 9999 FEW040 36/22 Q1003 NOSIG", C.MAINLY_CLEAR, "FEW"),
        ("METAR OMDB 220300Z 00000KT 0800 R30R/P2000 FG NSC 29/27 Q1005 BECMG 2500 BR",
         C.FOG, "FG"),
        ("METAR OMDB 221500Z 31018KT 4000 BLSA DU NSC 37/20 Q1003 NOSIG", C.DUST, "BLSA DU"),
        ("METAR OMDB 221400Z 08006KT CAVOK 37/26 Q1008 NOSIG", C.CLEAR, "CLEAR"),
    ],
)  # fmt: skip
def test_fixture_lines(line: str, condition: Condition, code: str) -> None:
    metar = parse_metar(line, NOW)
    assert (metar.station, metar.condition, metar.weather_code) == ("OMDB", condition, code)


def test_time_and_negative_temperature() -> None:
    metar = parse_metar("SPECI XXXX 302350Z 00000KT 9999 OVC010 M05/M07 Q1020", NOW)
    assert metar.observed_at == datetime(2023, 8, 30, 23, 50, tzinfo=UTC)
    assert metar.temperature_c == -5.0
    assert metar.condition is C.OVERCAST


@pytest.mark.parametrize(
    ("group", "condition"),
    [
        ("DU", C.DUST), ("SA", C.DUST), ("BLSA", C.DUST), ("DRDU", C.DUST), ("VCBLDU", C.DUST),
        ("HZ", C.HAZE), ("FU", C.HAZE), ("VA", C.HAZE), ("BR", C.MIST),
        ("FG", C.FOG), ("MIFG", C.FOG), ("BCFG", C.FOG), ("FZFG", C.FOG),
        ("DS", C.SANDSTORM), ("+SS", C.SANDSTORM), ("PO", C.SANDSTORM),
        ("TS", C.THUNDER), ("TSRA", C.THUNDER), ("VCTS", C.THUNDER), ("FC", C.THUNDER),
        ("RA", C.RAIN), ("-RA", C.RAIN), ("+RA", C.HEAVY_RAIN), ("FZRA", C.RAIN),
        ("SHRA", C.SHOWERS), ("VCSH", C.SHOWERS), ("+SHRA", C.HEAVY_RAIN),
        ("DZ", C.DRIZZLE), ("-DZ", C.DRIZZLE), ("GR", C.HAIL), ("SHGS", C.HAIL),
        ("SN", C.SNOW), ("BLSN", C.SNOW), ("RASN", C.SLEET), ("PL", C.SLEET),
    ],
)  # fmt: skip
def test_groups(group: str, condition: Condition) -> None:
    parsed = parse_group(group)
    assert parsed is not None
    assert parsed.condition is condition


@pytest.mark.parametrize("token", ["NOSIG", "CAVOK", "NSC", "FEW040", "Q1003", "9999", "BL", "XX"])
def test_non_groups(token: str) -> None:
    assert parse_group(token) is None


def test_most_significant_group_wins_and_vicinity_counts_last() -> None:
    assert parse_metar("OMDB 221100Z 5000 HZ -TSRA 30/20", NOW).condition is C.THUNDER
    assert parse_metar("OMDB 221100Z 5000 VCTS HZ 30/20", NOW).condition is C.HAZE


def test_trend_is_not_an_observation() -> None:
    metar = parse_metar("OMDB 221100Z 9999 NSC 30/20 Q1003 TEMPO 3000 DU", NOW)
    assert metar.condition is C.CLEAR
    assert metar.groups == ()
