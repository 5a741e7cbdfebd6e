"""Places the weather engine forecasts for: the shared places (prayer uses the same ones)."""

from __future__ import annotations

from ..places import Place, get_place

#: The seven emirates' capitals and Al Ain, at the same points (and elevations) as
#: their prayer times.
DEFAULT_SLUGS: tuple[str, ...] = (
    "abu-dhabi",
    "dubai",
    "sharjah",
    "ajman",
    "umm-al-quwain",
    "ras-al-khaimah",
    "fujairah",
    "al-ain",
)
DEFAULT_PLACES: tuple[Place, ...] = tuple(get_place(slug) for slug in DEFAULT_SLUGS)

PLACES_BY_SLUG: dict[str, Place] = {p.slug: p for p in DEFAULT_PLACES}
