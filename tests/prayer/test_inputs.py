"""One parser for prayer input: the CLI and the API refuse the same input with the same
message (the CLI on one line with exit code 2, the API as HTTP 400 JSON)."""

from __future__ import annotations

import datetime as dt

import pytest

from nashra.cli import main
from nashra.engines.prayer import get_place
from nashra.prayer.inputs import BadInput, parse_date, parse_range, resolve

DAY = "/api/v1/prayer-times"
COORDS = {"lat": "25.2", "lon": "55.3", "tz": "Asia/Dubai", "method": "mwl"}

BAD = [
    pytest.param({"place": "dubai", "date": "2024-02-30"}, "date", id="bad-date"),
    pytest.param({"place": "dubai", "date": "22/09/2023"}, "date", id="not-iso-date"),
    pytest.param({"place": "dubai", "date": "1800-01-01"}, "date", id="date-out-of-years"),
    pytest.param({**COORDS, "lat": "90.5"}, "lat", id="lat-out-of-range"),
    pytest.param({**COORDS, "lat": "abc"}, "lat", id="lat-not-a-number"),
    pytest.param({**COORDS, "lon": "-200"}, "lon", id="lon-out-of-range"),
    pytest.param({**COORDS, "tz": "Mars/Olympus"}, "tz", id="bad-tz"),
    pytest.param({**COORDS, "elevation": "99999"}, "elevation", id="bad-elevation"),
    pytest.param({"lat": "25.2", "lon": "55.3", "method": "mwl"}, "tz", id="missing-tz"),
    pytest.param({"place": "atlantis"}, "place", id="unknown-place"),
    pytest.param({"place": "dubai", "lat": "25"}, "place", id="place-and-coordinates"),
    pytest.param({"place": "dubai", "method": "nope"}, "method", id="unknown-method"),
    pytest.param({"place": "dubai", "asr": "maliki"}, "asr", id="unknown-asr"),
]


def _cli_error(capsys, params: dict[str, str]) -> str:
    argv = ["prayer", "times"]
    for name, value in params.items():
        argv += [f"--{name}", value]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert out == "" and len(lines) == 1 and lines[0].startswith("nashra: error: "), err
    return lines[0].removeprefix("nashra: error: ")


@pytest.mark.parametrize(("params", "field"), BAD)
def test_cli_and_api_refuse_the_same_input_with_the_same_message(client, db, capsys, params, field):
    with pytest.raises(BadInput) as parsed:
        where = resolve(**{k: v for k, v in params.items() if k != "date"})
        parse_date(params.get("date"), where.place)
    assert parsed.value.field == field
    response = client.get(DAY, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    api = response.json()["error"]
    assert api == str(parsed.value)
    assert api.startswith(f"{field}: ")
    assert _cli_error(capsys, params) == api


def test_coordinates_need_a_method_on_the_cli_only(client, db, capsys):
    """DESIGN.md's CLI contract asks for --method with coordinates; the API defaults to MWL."""
    params = {k: v for k, v in COORDS.items() if k != "method"}
    assert _cli_error(capsys, params) == "method: required with lat/lon/tz (a method id)"
    assert client.get(DAY, {**params, "date": "2024-01-01"}).json()["method"] == "mwl"


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2024-03-02", "2024-03-01", "from: 2024-03-02 is after to 2024-03-01"),
        ("yesterday", "2024-03-01", "from: 'yesterday' is not a valid date (YYYY-MM-DD)"),
        ("2024-03-01", "2024-02-30", "to: '2024-02-30' is not a valid date (YYYY-MM-DD)"),
        (
            "2000-01-01",
            "2012-01-01",
            "to: 4384 days from 2000-01-01; at most 3653 (10 years) at once",
        ),
    ],
)
def test_a_bad_range_is_one_message(capsys, start, end, message):
    with pytest.raises(BadInput) as parsed:
        parse_range(start, end, get_place("dubai"))
    assert str(parsed.value) == message
    code = main(["prayer", "timetable", "--place", "dubai", "--from", start, "--to", end])
    assert code == 2
    assert capsys.readouterr().err == f"nashra: error: {message}\n"


def test_hanafi_asr_through_the_cli_and_the_api(client, db, capsys):
    """The same option, the same times: ?asr=hanafi and --asr hanafi."""
    body = client.get(DAY, {"place": "dubai", "date": "2024-01-01", "asr": "hanafi"}).json()
    assert body["asr_school"] == "hanafi"
    assert body["method"] == "uae"
    shafii = client.get(DAY, {"place": "dubai", "date": "2024-01-01"}).json()
    assert shafii["asr_school"] == "shafii"
    later = dt.datetime.strptime(body["times"]["asr"], "%H:%M") - dt.datetime.strptime(
        shafii["times"]["asr"], "%H:%M"
    )
    assert dt.timedelta(minutes=40) < later < dt.timedelta(minutes=48)
    assert {k: v for k, v in body["times"].items() if k != "asr"} == {
        k: v for k, v in shafii["times"].items() if k != "asr"
    }
    code = main(["prayer", "times", "--place", "dubai", "--date", "2024-01-01", "--asr", "hanafi"])
    out = capsys.readouterr().out
    assert code == 0
    assert f"Asr      {body['times']['asr']}" in out
    assert "hanafi Asr" in out
    assert main(["prayer", "asr"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == [
        "shafii",
        "hanafi",
    ]
