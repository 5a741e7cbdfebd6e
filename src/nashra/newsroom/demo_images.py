"""Illustrations for the demo content, drawn locally with Pillow (nothing is downloaded)."""

from __future__ import annotations

import hashlib
import io
import math

from PIL import Image, ImageDraw

PALETTES = {
    "skyline": ((244, 180, 120), (120, 60, 90), (40, 30, 50)),
    "desert": ((250, 220, 170), (225, 160, 90), (150, 90, 50)),
    "sea": ((170, 215, 235), (40, 120, 170), (10, 60, 100)),
    "road": ((210, 215, 220), (90, 95, 105), (30, 32, 38)),
    "stadium": ((180, 225, 160), (50, 140, 70), (20, 70, 40)),
    "market": ((250, 210, 160), (200, 90, 60), (90, 40, 30)),
    "chart": ((235, 240, 245), (60, 110, 170), (20, 40, 70)),
    "mosque": ((250, 230, 200), (200, 170, 120), (90, 70, 50)),
    "palm": ((230, 245, 220), (90, 160, 90), (40, 80, 40)),
    "sun": ((255, 240, 190), (250, 170, 60), (200, 90, 30)),
}
SIZE = (1200, 675)


def illustration(motif: str, seed: str) -> bytes:
    """A PNG: a sky gradient and a simple motif, varied deterministically by `seed`."""
    light, mid, dark = PALETTES.get(motif, PALETTES["skyline"])
    rng = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    width, height = SIZE
    image = Image.new("RGB", SIZE, light)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        colour = tuple(int(light[i] * (1 - t) + mid[i] * t) for i in range(3))
        draw.line([(0, y), (width, y)], fill=colour)
    sun_x = 200 + rng % 800
    draw.ellipse([sun_x - 70, 90, sun_x + 70, 230], fill=(255, 245, 215))
    horizon = int(height * 0.68)
    if motif in ("skyline", "market", "mosque"):
        x = 0
        while x < width:
            rng //= 3
            w = 50 + rng % 90
            h = 120 + (rng // 7) % 260
            draw.rectangle([x, horizon - h, x + w, height], fill=dark)
            if motif == "mosque" and (rng % 4 == 0):
                draw.ellipse([x, horizon - h - w // 2, x + w, horizon - h + w // 2], fill=dark)
            x += w + 8
    elif motif == "chart":
        points = [(i * width / 12, horizon - 60 - ((rng >> (i * 3)) % 250)) for i in range(13)]
        draw.line(points, fill=dark, width=10, joint="curve")
    elif motif == "sea":
        for k in range(8):
            y = horizon + k * 28
            draw.line(
                [(x, y + 10 * math.sin(x / 40 + k)) for x in range(0, width, 20)],
                fill=dark,
                width=5,
            )
    elif motif == "palm":
        for trunk_x in (300, 700, 1000):
            draw.line([(trunk_x, height), (trunk_x + 30, horizon - 150)], fill=dark, width=22)
            for angle in range(0, 360, 45):
                rad = math.radians(angle)
                draw.line(
                    [
                        (trunk_x + 30, horizon - 150),
                        (trunk_x + 30 + 140 * math.cos(rad), horizon - 150 + 60 * math.sin(rad)),
                    ],
                    fill=dark,
                    width=12,
                )
    else:
        draw.polygon(
            [
                (0, horizon),
                (width * 0.3, horizon - 90),
                (width * 0.7, horizon - 30),
                (width, horizon - 110),
                (width, height),
                (0, height),
            ],
            fill=mid,
        )
        draw.rectangle([0, horizon + 40, width, height], fill=dark)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
