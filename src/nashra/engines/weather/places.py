"""Places the weather engine forecasts for: the shared places (prayer uses the same ones)."""

from __future__ import annotations

from ..places import MAIN_CITIES, Place, get_place

#: The main cities, at the same points (and elevations) as their prayer times.
DEFAULT_PLACES: tuple[Place, ...] = tuple(get_place(slug) for slug in MAIN_CITIES)

PLACES_BY_SLUG: dict[str, Place] = {p.slug: p for p in DEFAULT_PLACES}
