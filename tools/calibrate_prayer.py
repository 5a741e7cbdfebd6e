"""Calibrate authority offsets (seconds) across ALL calibration rows of an authority.

Not a test: prints, per authority and prayer, the offset and rounding rule that
maximise exact-minute matches over every row of that authority, with the plateau of
equally good offsets (its centre is what goes into methods.py).

    python tools/calibrate_prayer.py [method-id ...]
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np

from nashra.engines.prayer import calculator, verify
from nashra.engines.prayer.profiles import PRAYERS, get_method

CSV = Path(__file__).resolve().parents[1] / "tests/data/prayer/official_calibration.csv"


def raw_seconds(method_id: str, rows: list[verify.OfficialRow], zero: bool = True) -> np.ndarray:
    method = get_method(method_id)
    if zero:
        method = dataclasses.replace(
            method,
            profiles=tuple(
                dataclasses.replace(p, offsets={}, area_offsets={}) for p in method.profiles
            ),
        )
    out = np.full((len(rows), 6), np.nan)
    for i, row in enumerate(rows):
        s, _ = calculator._compute([verify.place_for(row)], [row.date], method)
        out[i] = s[0, 0]
    return out


def fit(raw: np.ndarray, pub: np.ndarray) -> tuple[float, int, int, str]:
    m = ~np.isnan(raw) & ~np.isnan(pub)
    best = (-1.0, 0, 0, "")
    cs = np.arange(-900, 901)
    for mode in ("nearest", "up", "down"):
        x = np.round(raw[m][None, :] + cs[:, None])
        r = {"nearest": np.floor((x + 30) / 60), "up": np.ceil(x / 60), "down": np.floor(x / 60)}[
            mode
        ]
        ex = (r == pub[m][None, :] / 60).mean(1)
        top = ex.max()
        idx = np.where(ex == top)[0]
        if top > best[0] + 1e-9:
            best = (top, int(cs[idx.min()]), int(cs[idx.max()]), mode)
    return best


def main(ids: list[str]) -> None:
    rows = verify.read_rows(CSV)
    groups: dict[tuple[str, str], list[verify.OfficialRow]] = {}
    for row in rows:
        groups.setdefault(
            (verify.method_for(row.authority), row.authority + " / " + row.city), []
        ).append(row)
    for (mid, label), rs in groups.items():
        if ids and mid not in ids:
            continue
        raw = raw_seconds(mid, rs)
        print(f"{mid}: {label} ({len(rs)} rows)")
        for k, p in enumerate(PRAYERS):
            pub = np.array([r.minutes(p) for r in rs], dtype=float) * 60
            top, lo, hi, mode = fit(raw[:, k], pub)
            print(f"  {p:8s} {top * 100:6.1f}% offset {lo}..{hi} s ({mode})")


if __name__ == "__main__":
    main(sys.argv[1:])
