"""`nashra prayer ...` through nashra.cli.main, without Django."""

import json
from pathlib import Path

import pytest

from nashra.cli import main

CALIBRATION = Path(__file__).resolve().parents[1] / "data/prayer/official_calibration.csv"


def run(capsys, *argv):
    code = main(["prayer", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_timetable_csv_for_dubai(capsys):
    code, out, _ = run(
        capsys, "timetable", "--place", "dubai", "--from", "2023-09-22", "--to", "2023-09-22"
    )
    assert code == 0
    header = "date,fajr,sunrise,dhuhr,asr,maghrib,isha\n"
    assert out == header + "2023-09-22,04:50,06:04,12:14,15:39,18:19,19:33\n"


def test_timetable_coordinates_json_and_ics(capsys):
    code, out, _ = run(
        capsys,
        "timetable",
        "--lat",
        "51.5",
        "--lon",
        "-0.12",
        "--tz",
        "Europe/London",
        "--method",
        "moonsighting",
        "--from",
        "2024-03-30",
        "--to",
        "2024-04-01",
        "--format",
        "json",
    )
    assert code == 0
    assert len(json.loads(out)["days"]) == 3
    code, out, _ = run(
        capsys,
        "timetable",
        "--place",
        "ras-alkhaimah",
        "--method",
        "mwl",
        "--from",
        "2024-01-01",
        "--to",
        "2024-01-01",
        "--format",
        "ics",
    )
    assert code == 0
    assert "BEGIN:VTIMEZONE" in out


def test_times_places_methods(capsys):
    code, out, _ = run(capsys, "times", "--place", "dubai", "--date", "2026-01-02")
    assert code == 0
    assert "12:45" in out
    assert "دبي" in out
    code, out, _ = run(capsys, "times", "--place", "abu-dhabi")  # today in Asia/Dubai
    assert code == 0
    assert "Fajr" in out
    code, out, _ = run(capsys, "places")
    assert code == 0
    assert len(out.splitlines()) == 62
    assert "jebel-jais" in out  # 60 UAE areas
    assert "pls01" in out
    assert "ktn01" in out  # and the JAKIM zones at their reference points
    code, out, _ = run(capsys, "methods")
    ids = {line.split()[0] for line in out.splitlines()}
    assert {
        "uae",
        "egypt",
        "diyanet",
        "jakim",
        "kemenag",
        "muis",
        "umm-al-qura",
        "qatar",
        "jordan",
        "moonsighting",
        "mwl",
        "isna",
        "karachi",
        "kuwait",
        "tehran",
        "jakim-kelantan",
        "isna-canada",
    } <= ids


def test_verify_prints_per_authority_and_prayer(capsys):
    code, out, _ = run(capsys, "verify", str(CALIBRATION))
    assert code == 0
    line = next(
        row
        for row in out.splitlines()
        if row.startswith("UAE Awqaf (GAIAE) API / Sharjah") and " isha " in row
    )
    assert "100.0%" in line
    assert "exact" in out.splitlines()[0]
    assert "worst" in out.splitlines()[0]


@pytest.mark.parametrize(
    "argv,needle",
    [
        (
            [
                "timetable",
                "--lat",
                "91",
                "--lon",
                "0",
                "--tz",
                "UTC",
                "--method",
                "mwl",
                "--from",
                "2024-01-01",
                "--to",
                "2024-01-02",
            ],
            "latitude",
        ),
        (
            [
                "timetable",
                "--lat",
                "10",
                "--lon",
                "-181",
                "--tz",
                "UTC",
                "--method",
                "mwl",
                "--from",
                "2024-01-01",
                "--to",
                "2024-01-02",
            ],
            "longitude",
        ),
        (
            [
                "timetable",
                "--lat",
                "10",
                "--lon",
                "10",
                "--tz",
                "Mars/Base",
                "--method",
                "mwl",
                "--from",
                "2024-01-01",
                "--to",
                "2024-01-02",
            ],
            "time zone",
        ),
        (
            [
                "timetable",
                "--lat",
                "10",
                "--lon",
                "10",
                "--tz",
                "UTC",
                "--method",
                "nope",
                "--from",
                "2024-01-01",
                "--to",
                "2024-01-02",
            ],
            "method",
        ),
        (
            ["timetable", "--place", "atlantis", "--from", "2024-01-01", "--to", "2024-01-02"],
            "place",
        ),
        (["timetable", "--place", "dubai", "--from", "2024-02-30", "--to", "2024-03-01"], "date"),
        (["timetable", "--place", "dubai", "--from", "yesterday", "--to", "2024-03-01"], "date"),
        (["timetable", "--place", "dubai", "--from", "2024-03-02", "--to", "2024-03-01"], "after"),
        (
            ["timetable", "--place", "dubai", "--from", "2000-01-01", "--to", "2012-01-01"],
            "10 years",
        ),
        (
            [
                "timetable",
                "--lat",
                "abc",
                "--lon",
                "10",
                "--tz",
                "UTC",
                "--method",
                "mwl",
                "--from",
                "2024-01-01",
                "--to",
                "2024-01-02",
            ],
            "number",
        ),
        (["times", "--place", "dubai", "--date", "2024-13-01"], "date"),
        (["verify", "/nonexistent.csv"], "cannot read"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, argv, needle):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert needle in err
    assert "Traceback" not in err


def test_argparse_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(
            [
                "prayer",
                "timetable",
                "--place",
                "dubai",
                "--format",
                "xml",
                "--from",
                "2024-01-01",
                "--to",
                "2024-01-02",
            ]
        )
    assert exc.value.code == 2


def test_verify_cross_validation_prints_out_of_sample_rates(capsys, tmp_path):
    shared = Path(__file__).resolve().parents[2].parent / "shared/data/prayer"
    lines = (shared / "official_calibration.csv").read_text(encoding="utf-8").splitlines()
    subset = tmp_path / "rows.csv"
    subset.write_text(
        "\n".join([lines[0], *[x for x in lines if ",Madinat Zayed," in x][:60]]) + "\n",
        encoding="utf-8",
    )
    assert main(["prayer", "verify", "--cv", "months", str(subset)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("out of sample (months)")
    assert "Madinat Zayed" in out
    assert " 30 " in out  # the later half of 60 rows is what is checked
