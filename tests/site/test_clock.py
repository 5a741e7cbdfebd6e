from datetime import UTC, datetime

import pytest

from nashra.kernel.clock import clock_line


@pytest.mark.parametrize(
    "utc, expected",
    [
        # The page Nashra is modelled on: 3.16 PM in Dubai is 11.16 UTC.
        (datetime(2023, 9, 22, 11, 16, tzinfo=UTC), "3.16 PM Friday, 22 September 2023"),
        (datetime(2023, 9, 21, 20, 5, tzinfo=UTC), "12.05 AM Friday, 22 September 2023"),
        (datetime(2023, 9, 22, 8, 0, tzinfo=UTC), "12.00 PM Friday, 22 September 2023"),
        (datetime(2024, 12, 31, 19, 59, tzinfo=UTC), "11.59 PM Tuesday, 31 December 2024"),
    ],
)
def test_clock_line_is_dubai_time_in_the_original_format(utc, expected):
    assert clock_line(utc) == expected
