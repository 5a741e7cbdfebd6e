"""`/api/v1/prayer-times` and `/api/v1/prayer-times/month`: the contract and every bad input."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from nashra.engines.prayer import compute_day

DAY = "/api/v1/prayer-times"
MONTH = "/api/v1/prayer-times/month"


def test_a_place_day(client, db):
    body = client.get(DAY, {"place": "dubai", "date": "2023-09-22"}).json()
    assert body["place"]["slug"] == "dubai"
    assert body["place"]["name_ar"] == "دبي"
    assert body["date"] == "2023-09-22"
    assert body["timezone"] == "Asia/Dubai"
    assert body["method"] == "uae"
    assert body["times"] == {
        "fajr": "04:50",
        "sunrise": "06:04",
        "dhuhr": "12:14",
        "asr": "15:39",
        "maghrib": "18:19",
        "isha": "19:33",
    }
    assert body["jumuah"] == "13:15"


def test_no_jumuah_on_other_days_or_for_methods_without_one(client, db):
    assert client.get(DAY, {"place": "dubai", "date": "2023-09-21"}).json()["jumuah"] is None
    body = client.get(
        DAY,
        {
            "lat": "51.5",
            "lon": "-0.12",
            "tz": "Europe/London",
            "method": "mwl",
            "date": "2023-09-22",
        },
    ).json()
    assert body["jumuah"] is None
    assert body["method"] == "mwl"
    assert body["place"]["slug"] is None


def test_coordinates_match_the_engine(client, db):
    body = client.get(
        DAY,
        {
            "lat": "21.4225",
            "lon": "39.8262",
            "tz": "Asia/Riyadh",
            "method": "umm-al-qura",
            "elevation": "277",
            "date": "2024-03-01",
        },
    ).json()
    expected = compute_day((21.4225, 39.8262, "Asia/Riyadh"), dt.date(2024, 3, 1), "umm-al-qura")
    assert body["place"]["elevation_m"] == 277.0
    assert body["times"]["dhuhr"] == expected.hhmm()["dhuhr"]


def test_undefined_times_are_null_with_a_reason(client, db):
    body = client.get(
        DAY,
        {
            "lat": "78.2",
            "lon": "15.6",
            "tz": "Arctic/Longyearbyen",
            "method": "mwl",
            "date": "2024-06-21",
        },
    ).json()
    assert body["times"]["sunrise"] is None
    assert body["times"]["maghrib"] is None
    assert "sunrise" in body["undefined"]
    assert body["undefined"]["sunrise"]


def test_date_defaults_to_today_in_the_place_zone(client, db):
    # 21:30 UTC on the 21st is already the 22nd in Dubai.
    with time_machine.travel(dt.datetime(2023, 9, 21, 21, 30, tzinfo=dt.UTC), tick=False):
        assert client.get(DAY, {"place": "dubai"}).json()["date"] == "2023-09-22"
        assert (
            client.get(DAY, {"lat": "40.7", "lon": "-74", "tz": "America/New_York"}).json()["date"]
            == "2023-09-21"
        )


def test_month(client, db):
    body = client.get(MONTH, {"place": "dubai", "month": "2023-09"}).json()
    assert body["month"] == "2023-09"
    assert body["method"] == "uae"
    assert len(body["days"]) == 30
    friday = body["days"][21]
    assert (
        friday["date"] == "2023-09-22"
        and friday["times"]["fajr"] == "04:50"
        and friday["jumuah"] == "13:15"
    )
    assert body["days"][20]["jumuah"] is None
    assert len(client.get(MONTH, {"place": "dubai", "month": "2024-02"}).json()["days"]) == 29


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"lat": "90.5", "lon": "0", "tz": "UTC"}, "lat"),
        ({"lat": "-91", "lon": "0", "tz": "UTC"}, "lat"),
        ({"lat": "10", "lon": "180.1", "tz": "UTC"}, "lon"),
        ({"lat": "10", "lon": "-200", "tz": "UTC"}, "lon"),
        ({"lat": "abc", "lon": "0", "tz": "UTC"}, "lat"),
        ({"lat": "nan", "lon": "0", "tz": "UTC"}, "lat"),
        ({"lat": "10", "lon": "0", "tz": "Mars/Olympus"}, "tz"),
        ({"lat": "10", "lon": "0", "tz": "../../etc/passwd"}, "tz"),
        ({"lat": "10", "lon": "0"}, "tz"),
        ({"lat": "10", "lon": "0", "tz": "UTC", "elevation": "99999"}, "elevation"),
        ({"place": "dubai", "method": "nope"}, "method"),
        ({"place": "atlantis"}, "place"),
        ({"place": "dubai", "lat": "25"}, "place"),
        ({}, "place"),
        ({"place": "dubai", "date": "2023-02-30"}, "date"),
        ({"place": "dubai", "date": "22/09/2023"}, "date"),
        ({"place": "dubai", "date": "0001-01-01"}, "date"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, db, params, field):
    response = client.get(DAY, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"].startswith(f"{field}:"), response.json()


@pytest.mark.parametrize(
    "month", ["2023-13", "2023-00", "2023-9", "September", "9999-12", "2023-09-01"]
)
def test_bad_month_is_a_400(client, db, month):
    response = client.get(MONTH, {"place": "dubai", "month": month})
    assert response.status_code == 400
    assert response.json()["error"].startswith("month:")


def test_month_bad_place_is_a_400(client, db):
    assert (
        client.get(MONTH, {"place": "nowhere", "month": "2023-09"})
        .json()["error"]
        .startswith("place:")
    )


def test_openapi_documents_both_endpoints(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    day = schema["paths"]["/api/v1/prayer-times"]["get"]
    assert set(day["responses"]) == {"200", "400"}
    names = {p["name"] for p in day["parameters"]}
    assert {"place", "lat", "lon", "tz", "method", "elevation", "date"} <= names
    assert "/api/v1/prayer-times/month" in schema["paths"]
    assert "DayResponse" in schema["components"]["schemas"]
