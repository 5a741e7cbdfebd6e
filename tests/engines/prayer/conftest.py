from pathlib import Path

import pytest

from nashra.engines.prayer import verify

# Official rows with their source column: copied from ../shared/data/prayer/official_calibration.csv
CALIBRATION = Path(__file__).resolve().parents[2] / "data/prayer/official_calibration.csv"


@pytest.fixture(scope="session")
def official_rows():
    return verify.read_rows(CALIBRATION)
