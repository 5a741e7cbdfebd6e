"""The prayer engine's places are the shared ones (:mod:`nashra.engines.places`)."""

from __future__ import annotations

from ..places import (
    Place,
    all_places,
    coordinates,
    get_place,
    jakim_zones,
    other_places,
    slugify,
    uae_areas,
    validate_zone,
)

__all__ = [
    "Place",
    "all_places",
    "coordinates",
    "get_place",
    "jakim_zones",
    "other_places",
    "slugify",
    "uae_areas",
    "validate_zone",
]
