"""Generated artwork for demo data: product covers, gallery screenshots and avatars.

Everything is drawn with Pillow from a seed, so the same product always gets the same picture.
Backgrounds are composed at a quarter of the final size and scaled up, which softens the shapes
for free; text is drawn at full size so it stays sharp. JPEG keeps each image a few dozen KB.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFilter, ImageFont

COVER_SIZE = (1200, 630)
GALLERY_SIZE = (1200, 750)
AVATAR_SIZE = (256, 256)
JPEG_QUALITY = 82

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class GeneratedImage:
    content: bytes
    width: int
    height: int
    content_type: str = "image/jpeg"
    extension: str = "jpg"


def hex_to_rgb(color: str) -> RGB:
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _mix(color: RGB, other: RGB, amount: float) -> RGB:
    r, g, b = (round(c + (o - c) * amount) for c, o in zip(color, other, strict=True))
    return r, g, b


@lru_cache(maxsize=64)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


@lru_cache(maxsize=16)
def _diagonal_mask(size: tuple[int, int], flip: bool) -> Image.Image:
    vertical = Image.linear_gradient("L").resize(size, Image.Resampling.BILINEAR)
    horizontal = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90).resize(size, Image.Resampling.BILINEAR)
    if flip:
        horizontal = horizontal.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return Image.blend(vertical, horizontal, 0.5)


def _diagonal_gradient(size: tuple[int, int], start: RGB, end: RGB, flip: bool) -> Image.Image:
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), _diagonal_mask(size, flip))


def _soft_background(size: tuple[int, int], color: RGB, rng: random.Random, shapes: int) -> Image.Image:
    small = (size[0] // 4, size[1] // 4)
    start, end = _mix(color, (0, 0, 0), 0.35), _mix(color, (255, 255, 255), 0.25)
    base = _diagonal_gradient(small, start, end, flip=rng.random() < 0.5)
    overlay = Image.new("RGBA", small, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for _ in range(shapes):
        radius = rng.uniform(0.08, 0.35) * small[1]
        x, y = rng.uniform(0, small[0]), rng.uniform(0, small[1])
        tint = _mix(color, (255, 255, 255), rng.uniform(0.3, 0.8))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*tint, rng.randint(40, 110)))
    composed = Image.alpha_composite(base.convert("RGBA"), overlay).convert("RGB")
    return composed.filter(ImageFilter.GaussianBlur(1.5)).resize(size, Image.Resampling.BILINEAR)


def _encode(image: Image.Image) -> GeneratedImage:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return GeneratedImage(content=buffer.getvalue(), width=image.width, height=image.height)


def _fit_text(draw: ImageDraw.ImageDraw, text: str, max_width: int, size: int, min_size: int) -> tuple[str, int]:
    """The largest font size (down to `min_size`) at which `text` fits; then an ellipsis if needed."""
    while size > min_size and draw.textlength(text, font=_font(size)) > max_width:
        size -= 4
    while draw.textlength(text, font=_font(size)) > max_width and len(text) > 1:
        text = text[:-2].rstrip() + "…"
    return text, size


def product_cover(*, title: str, tagline: str, color: str, seed: int) -> GeneratedImage:
    """A 1200x630 card: a soft gradient in the category colour, a logo tile and the title."""
    rng = random.Random(seed)
    rgb = hex_to_rgb(color)
    image = _soft_background(COVER_SIZE, rgb, rng, shapes=rng.randint(5, 9))
    draw = ImageDraw.Draw(image)
    width, height = COVER_SIZE

    tile = 180
    left, top = 96, (height - tile) // 2 - 40
    draw.rounded_rectangle(
        (left + 8, top + 10, left + tile + 8, top + tile + 10), radius=40, fill=_mix(rgb, (0, 0, 0), 0.55)
    )
    draw.rounded_rectangle((left, top, left + tile, top + tile), radius=40, fill=(255, 255, 255))
    draw.text((left + tile / 2, top + tile / 2), title[:1].upper(), font=_font(120), fill=rgb, anchor="mm")

    text_left = left + tile + 56
    max_width = width - text_left - 80
    fitted_title, size = _fit_text(draw, title, max_width, 88, 48)
    draw.text((text_left, top + 20), fitted_title, font=_font(size), fill=(255, 255, 255), anchor="lt")
    fitted_tagline, tagline_size = _fit_text(draw, tagline, max_width, 34, 22)
    draw.text((text_left, top + 40 + size), fitted_tagline, font=_font(tagline_size), fill=(245, 245, 250), anchor="lt")
    return _encode(image)


def product_screenshot(*, title: str, color: str, seed: int) -> GeneratedImage:
    """A 1200x750 mock of the product's screen: a window with a sidebar, cards and a chart."""
    rng = random.Random(seed)
    rgb = hex_to_rgb(color)
    image = _soft_background(GALLERY_SIZE, rgb, rng, shapes=4)
    draw = ImageDraw.Draw(image)
    width, height = GALLERY_SIZE
    window = (70, 60, width - 70, height - 60)
    draw.rounded_rectangle(window, radius=22, fill=(250, 250, 252))
    draw.rounded_rectangle((window[0], window[1], window[2], window[1] + 48), radius=22, fill=(232, 233, 238))
    for index, dot in enumerate([(255, 95, 86), (255, 189, 46), (39, 201, 63)]):
        cx = window[0] + 30 + index * 26
        draw.ellipse((cx - 8, window[1] + 16, cx + 8, window[1] + 32), fill=dot)
    draw.text(((window[0] + window[2]) / 2, window[1] + 24), title, font=_font(22), fill=(90, 90, 100), anchor="mm")

    sidebar_right = window[0] + 230
    draw.rectangle((window[0], window[1] + 48, sidebar_right, window[3] - 22), fill=_mix(rgb, (255, 255, 255), 0.85))
    for row in range(7):
        y = window[1] + 84 + row * 44
        draw.rounded_rectangle(
            (window[0] + 24, y, sidebar_right - rng.randint(40, 90), y + 16),
            radius=8,
            fill=rgb if row == 1 else (205, 207, 215),
        )

    content_left = sidebar_right + 36
    card_width = (window[2] - content_left - 36 - 2 * 24) // 3
    for column in range(3):
        x = content_left + column * (card_width + 24)
        draw.rounded_rectangle((x, window[1] + 84, x + card_width, window[1] + 184), radius=14, fill=(240, 241, 246))
        draw.text((x + 20, window[1] + 104), str(rng.randint(12, 980)), font=_font(40), fill=_mix(rgb, (0, 0, 0), 0.2))

    chart_top, chart_bottom = window[1] + 220, window[3] - 50
    bars = 14
    bar_width = (window[2] - content_left - 36) // bars
    for bar in range(bars):
        bar_height = rng.uniform(0.2, 1.0) * (chart_bottom - chart_top)
        x = content_left + bar * bar_width
        draw.rounded_rectangle(
            (x + 6, chart_bottom - bar_height, x + bar_width - 6, chart_bottom),
            radius=6,
            fill=_mix(rgb, (255, 255, 255), 0.15 + 0.4 * (bar % 2)),
        )
    return _encode(image)


def avatar(*, initials: str, color: str, seed: int) -> GeneratedImage:
    """A 256x256 square: a gradient with the person's initials."""
    rng = random.Random(seed)
    rgb = hex_to_rgb(color)
    image = _soft_background(AVATAR_SIZE, rgb, rng, shapes=3)
    draw = ImageDraw.Draw(image)
    draw.text(
        (AVATAR_SIZE[0] / 2, AVATAR_SIZE[1] / 2),
        initials.upper()[:2],
        font=_font(104),
        fill=(255, 255, 255),
        anchor="mm",
    )
    return _encode(image)
