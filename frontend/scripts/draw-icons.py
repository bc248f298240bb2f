"""Draws the web app's install icons (public/icons/) from the mark of public/favicon.svg: the arch
and base line on Vitrin's orange, a pale yellow light inside. Run with the backend's Python
(Pillow): `../.venv/bin/python scripts/draw-icons.py` from frontend/.

- icon-192.png, icon-512.png: the mark as the favicon draws it, rounded corners, transparent
  outside (purpose "any");
- maskable-512.png, maskable-192.png: the orange fills the square and the mark sits inside the
  central circle every platform's mask keeps (80% of the side), purpose "maskable";
- apple-touch-icon.png (180): full square, as iOS rounds it itself.
"""

from pathlib import Path

from PIL import Image, ImageDraw

ORANGE = (194, 65, 12, 255)  # #c2410c
CREAM = (255, 247, 237, 255)  # #fff7ed
LIGHT = (253, 230, 138, 255)  # #fde68a
SUPERSAMPLE = 4
OUT = Path(__file__).resolve().parent.parent / "public" / "icons"


def draw(size: int, *, rounded: bool, mark_scale: float) -> Image.Image:
    """The mark on a `size` square; `mark_scale` is the share of the side the 32-unit viewBox takes."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    radius = big * 8 / 32 if rounded else 0
    pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=radius, fill=ORANGE)
    unit = big * mark_scale / 32
    offset = (big - 32 * unit) / 2

    def at(x: float, y: float) -> tuple[float, float]:
        return offset + x * unit, offset + y * unit

    stroke = round(2.6 * unit)
    # The arch: M9 25 V14 a7 7 0 0 1 14 0 v11 (a half circle of radius 7 centred on (16, 14)).
    pen.line([at(9, 25), at(9, 14)], fill=CREAM, width=stroke)
    pen.line([at(23, 14), at(23, 25)], fill=CREAM, width=stroke)
    # Pillow draws an arc's width inside its box: the box grows by half a stroke to centre it.
    ax, ay = at(16, 14)
    reach = 7 * unit + stroke / 2
    pen.arc((ax - reach, ay - reach, ax + reach, ay + reach), start=180, end=360, fill=CREAM, width=stroke)
    # The base line: M6 25 h20, round caps.
    pen.line([at(6, 25), at(26, 25)], fill=CREAM, width=stroke)
    for x, y in ((9, 25), (23, 25), (6, 25), (26, 25)):
        cx, cy = at(x, y)
        pen.ellipse((cx - stroke / 2, cy - stroke / 2, cx + stroke / 2, cy + stroke / 2), fill=CREAM)
    cx, cy = at(16, 15.5)
    light = 2.6 * unit
    pen.ellipse((cx - light, cy - light, cx + light, cy + light), fill=LIGHT)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size, rounded=True, mark_scale=1.0).save(OUT / f"icon-{size}.png", optimize=True)
        # The mark spans x 6..26 of 32: at 0.72 of the side it stays inside the 80% safe circle.
        draw(size, rounded=False, mark_scale=0.72).save(OUT / f"maskable-{size}.png", optimize=True)
    draw(180, rounded=False, mark_scale=0.8).save(OUT / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
