"""METAR parsing: present-weather groups and cloud cover to :class:`Condition`.

Only the parts we need: station, observation time (``ddhhmmZ``), temperature, the
present-weather groups (``[+-|VC][descriptor][phenomena...]``) and cloud cover. The trend
(``NOSIG``, ``BECMG``, ``TEMPO``) and remarks are ignored: they are not observations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .conditions import Condition

C = Condition

DESCRIPTORS = ("MI", "PR", "BC", "DR", "BL", "SH", "TS", "FZ")
PHENOMENA = (
    "DZ", "RA", "SN", "SG", "IC", "PL", "GR", "GS", "UP",  # precipitation
    "BR", "FG", "FU", "VA", "DU", "SA", "HZ", "PY",  # obscuration
    "PO", "SQ", "FC", "SS", "DS",  # other
)  # fmt: skip
_DESC = "|".join(DESCRIPTORS)
_PHEN = "|".join(PHENOMENA)
_WX = re.compile(rf"^(?P<prefix>[+-]|VC)?(?P<desc>{_DESC})?(?P<phen>(?:{_PHEN})*)$")
_TIME = re.compile(r"^(\d{2})(\d{2})(\d{2})Z$")
_TEMP = re.compile(r"^(M?\d{2})/(M?\d{2})?$")
_CLOUD = re.compile(r"^(FEW|SCT|BKN|OVC|VV)(\d{3}|///)")
_STOP = {"NOSIG", "BECMG", "TEMPO", "RMK"}
_CLEAR_SKY = {"CAVOK", "SKC", "CLR", "NSC", "NCD"}
_COVER = {
    "CLEAR": C.CLEAR,
    "FEW": C.MAINLY_CLEAR,
    "SCT": C.PARTLY_CLOUDY,
    "BKN": C.CLOUDY,
    "OVC": C.OVERCAST,
}
_COVER_RANK = ["CLEAR", "FEW", "SCT", "BKN", "OVC"]

# Dust, sand and haze: the observations that override a clear forecast.
DUST_HAZE = frozenset({C.DUST, C.HAZE, C.SANDSTORM})


@dataclass(frozen=True)
class WeatherGroup:
    """One present-weather group, e.g. ``+TSRA`` or ``BLSA``."""

    text: str
    prefix: str  # "+", "-", "VC" or ""
    descriptor: str  # "BL", "SH", ... or ""
    phenomena: tuple[str, ...]

    @property
    def condition(self) -> Condition:
        """The condition this group alone stands for."""
        return group_condition(self)


@dataclass(frozen=True)
class Metar:
    """The parsed parts of one METAR report."""

    raw: str
    station: str
    observed_at: datetime | None
    temperature_c: float | None
    groups: tuple[WeatherGroup, ...]
    cover: str | None  # "CLEAR", "FEW", "SCT", "BKN", "OVC", "VV" or None

    @property
    def condition(self) -> Condition:
        """Most significant condition: weather groups first, then cloud cover."""
        return metar_condition(self)

    @property
    def weather_code(self) -> str:
        """The present-weather groups as written (e.g. ``"BLSA DU"``), or the cover."""
        return " ".join(g.text for g in self.groups) or (self.cover or "")


def parse_group(token: str) -> WeatherGroup | None:
    """Parse one token as a present-weather group; None if it is not one."""
    m = _WX.match(token)
    if not m:
        return None
    phen = m["phen"] or ""
    desc = m["desc"] or ""
    if not phen and desc not in ("TS", "SH"):  # "TS" and "VCSH" stand alone
        return None
    return WeatherGroup(
        text=token,
        prefix=m["prefix"] or "",
        descriptor=desc,
        phenomena=tuple(phen[i : i + 2] for i in range(0, len(phen), 2)),
    )


def group_condition(g: WeatherGroup) -> Condition:
    """Map one present-weather group to a Condition (priority order inside the group)."""
    p, d = set(g.phenomena), g.descriptor
    if p & {"DS", "SS", "PO"}:
        return C.SANDSTORM
    if d == "TS" or "FC" in p:
        return C.THUNDER
    if p & {"GR", "GS"}:
        return C.HAIL
    if "PL" in p or ("RA" in p and "SN" in p):
        return C.SLEET
    if p & {"SN", "SG", "IC"}:
        return C.SNOW
    if p & {"RA", "UP"}:
        if g.prefix == "+":
            return C.HEAVY_RAIN
        return C.SHOWERS if d == "SH" else C.RAIN
    if d == "SH":  # VCSH: showers in the vicinity
        return C.SHOWERS
    if "DZ" in p:
        return C.DRIZZLE
    if "FG" in p:
        return C.FOG
    if p & {"DU", "SA"}:  # includes BLSA, DRSA, BLDU, DRDU
        return C.DUST
    if p & {"HZ", "FU", "VA"}:
        return C.HAZE
    if p & {"BR", "PY"}:
        return C.MIST
    return C.UNKNOWN


# Most significant first: severe weather beats precipitation beats obscuration.
_RANK = [
    C.SANDSTORM, C.THUNDER, C.HAIL, C.HEAVY_RAIN, C.SLEET, C.SNOW, C.RAIN, C.SHOWERS,
    C.DRIZZLE, C.FOG, C.DUST, C.HAZE, C.MIST, C.UNKNOWN,
]  # fmt: skip


def metar_condition(metar: Metar) -> Condition:
    """Most significant condition of a report; vicinity (VC) groups count last."""
    if metar.groups:
        best = min(
            metar.groups,
            key=lambda g: (g.prefix == "VC", _RANK.index(g.condition)),
        )
        if best.condition is not C.UNKNOWN:
            return best.condition
    if metar.cover == "VV":  # sky obscured
        return C.FOG
    return _COVER.get(metar.cover or "", C.UNKNOWN)


def _observed_at(day: int, hour: int, minute: int, now: datetime) -> datetime | None:
    """Resolve ``ddhhmm`` to the latest datetime not after ``now`` (+1 h of clock skew)."""
    anchor = now.astimezone(UTC)
    for months_back in range(3):
        year, month = anchor.year, anchor.month - months_back
        while month < 1:
            month += 12
            year -= 1
        try:
            candidate = datetime(year, month, day, hour, minute, tzinfo=UTC)
        except ValueError:
            continue
        if candidate <= anchor + timedelta(hours=1):
            return candidate
    return None


def parse_metar(raw: str, now: datetime) -> Metar:
    """Parse one METAR line. ``now`` (aware) resolves the day-of-month to a full date."""
    tokens = raw.split()
    if tokens and tokens[0] in ("METAR", "SPECI"):
        tokens = tokens[1:]
    station = tokens[0] if tokens else ""
    observed_at: datetime | None = None
    temperature: float | None = None
    groups: list[WeatherGroup] = []
    covers: list[str] = []
    for token in tokens[1:]:
        if token in _STOP:
            break
        if observed_at is None and (m := _TIME.match(token)):
            observed_at = _observed_at(int(m[1]), int(m[2]), int(m[3]), now)
            continue
        if m := _TEMP.match(token):
            temperature = float(m[1].replace("M", "-"))
            continue
        if token in _CLEAR_SKY:
            covers.append("CLEAR")
            continue
        if m := _CLOUD.match(token):
            covers.append(m[1])
            continue
        if group := parse_group(token):
            groups.append(group)
    cover: str | None = None
    if "VV" in covers:
        cover = "VV"
    elif covers:
        cover = max(covers, key=_COVER_RANK.index)
    return Metar(raw.strip(), station, observed_at, temperature, tuple(groups), cover)
