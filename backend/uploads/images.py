"""Judging and cleaning an uploaded image with Pillow; no models, no storage.

The order matters, because the dangerous part is decoding:
1. the type is what Pillow recognises in the bytes (JPEG, PNG, WebP or GIF), never the file's
   name or the Content-Type the client claimed;
2. the pixel count is read from the header, which `Image.open` parses without decoding, and an
   image over the limit is refused before any pixel is decompressed (a decompression bomb:
   a few kilobytes that inflate to gigabytes). Pillow's own DecompressionBombWarning is
   raised as an error on top of that;
3. only then is the image decoded in full (`load()`), so a truncated or corrupt file is
   refused instead of half-read;
4. it is re-encoded from its pixels alone, after applying its EXIF orientation: EXIF (GPS
   included), XMP, ICC profiles and comments are not carried over.
"""

import io
import warnings
from dataclasses import dataclass
from typing import IO

from PIL import Image, ImageOps, UnidentifiedImageError, features

from core.domain_errors import Invalid

NOT_AN_ACCEPTED_IMAGE = "This file is not an image we accept: send a JPEG, PNG, WebP or GIF image."
DAMAGED_IMAGE = "This image is damaged or incomplete, so it cannot be read. Try another file."

# An animated GIF keeps its animation when it is this simple; otherwise its first frame is
# kept, so decoding every frame never costs more than one large still image.
ANIMATION_MAX_FRAMES = 200
ANIMATION_MAX_PIXELS = 20_000_000  # all frames together

# What the encoders need to draw the picture right; everything else in `info` is metadata.
_KEPT_INFO = frozenset({"transparency", "duration", "loop", "background"})


@dataclass(frozen=True)
class ImageKind:
    content_type: str
    extension: str
    pillow_format: str


JPEG = ImageKind("image/jpeg", "jpg", "JPEG")
PNG = ImageKind("image/png", "png", "PNG")
WEBP = ImageKind("image/webp", "webp", "WEBP")
GIF = ImageKind("image/gif", "gif", "GIF")
# MPO is how Pillow names a JPEG holding extra pictures (some cameras write them); the main
# picture is kept as a plain JPEG.
KINDS = {"JPEG": JPEG, "MPO": JPEG, "PNG": PNG, "WEBP": WEBP, "GIF": GIF}
_OPENERS = ["JPEG", "PNG", "WEBP", "GIF"]


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    width: int
    height: int
    kind: ImageKind


def image_clean(source: IO[bytes], *, max_pixels: int) -> CleanImage:
    """The image in `source`, re-encoded without metadata; `Invalid` says why one is refused."""
    source.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = _open(source, max_pixels=max_pixels)
        with image:
            kind = KINDS[str(image.format)]
            loop = image.info.get("loop")
            try:
                frames = _decoded_frames(image, kind)
                data = _encode(frames, kind, loop=loop)
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                raise Invalid(_too_many_pixels(image.size, max_pixels)) from exc
            except Exception as exc:
                # Pillow reports a damaged file with many exception types (OSError, ValueError,
                # SyntaxError, struct.error, ...); each means the same thing here.
                raise Invalid(DAMAGED_IMAGE) from exc
            width, height = frames[0].size
    return CleanImage(data=data, width=width, height=height, kind=kind)


def _open(source: IO[bytes], *, max_pixels: int) -> Image.Image:
    """Reads the header only: the format and the size, not the pixels."""
    try:
        image = Image.open(source, formats=_OPENERS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise Invalid(_too_many_pixels(None, max_pixels)) from exc
    except UnidentifiedImageError as exc:
        raise Invalid(NOT_AN_ACCEPTED_IMAGE) from exc
    except Exception as exc:
        raise Invalid(DAMAGED_IMAGE) from exc
    if str(image.format) not in KINDS:
        image.close()
        raise Invalid(NOT_AN_ACCEPTED_IMAGE)
    width, height = image.size
    if width < 1 or height < 1:
        image.close()
        raise Invalid(DAMAGED_IMAGE)
    if width * height > max_pixels:
        image.close()
        raise Invalid(_too_many_pixels(image.size, max_pixels))
    return image


def _too_many_pixels(size: tuple[int, int] | None, max_pixels: int) -> str:
    limit = f"at most {max_pixels / 1_000_000:g} megapixels"
    if size is None:
        return f"This image has too many pixels; send one of {limit}."
    return f"This image is {size[0]} by {size[1]} pixels; send one of {limit}."


def _decoded_frames(image: Image.Image, kind: ImageKind) -> list[Image.Image]:
    """The frames to keep, decoded, upright and stripped of metadata."""
    if kind is GIF and _is_simple_animation(image):
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frame = image.copy()  # copying decodes the frame
            frame.info = {key: value for key, value in frame.info.items() if key in _KEPT_INFO}
            frames.append(frame)
        return frames
    image.load()
    ImageOps.exif_transpose(image, in_place=True)
    image.info = {key: value for key, value in image.info.items() if key in _KEPT_INFO}
    return [image]


def _is_simple_animation(image: Image.Image) -> bool:
    frame_count = getattr(image, "n_frames", 1)  # counted from the frame headers, not decoded
    width, height = image.size
    return 1 < frame_count <= ANIMATION_MAX_FRAMES and frame_count * width * height <= ANIMATION_MAX_PIXELS


def _encode(frames: list[Image.Image], kind: ImageKind, *, loop: object) -> bytes:
    """Only the options given here reach the encoder (metadata was dropped from `info`)."""
    output = io.BytesIO()
    first = frames[0]
    if kind is JPEG:
        if first.mode not in ("L", "RGB"):
            first = first.convert("RGB")
        first.save(output, format="JPEG", quality=85, optimize=True)
    elif kind is PNG:
        # Pillow's `optimize` (zlib level 9) took twice as long on large images for files no
        # smaller, so the default level is used.
        first.save(output, format="PNG")
    elif kind is WEBP:
        first.save(output, format="WEBP", quality=85)
    elif len(frames) == 1:
        first.save(output, format="GIF")
    else:
        # Pillow hands out each frame fully drawn, so each one replaces the last (disposal 2).
        options: dict[str, object] = {"duration": [frame.info.get("duration", 0) for frame in frames], "disposal": 2}
        if loop is not None:
            options["loop"] = loop
        first.save(output, format="GIF", save_all=True, append_images=frames[1:], **options)
    return output.getvalue()


# --- variants -----------------------------------------------------------------------------------
# Widths of the smaller copies: 160 for the 64-80 px thumbnails of lists at twice the pixel
# density, 480 for mid-size cards, 800 for the product page's gallery on a phone (380 px at
# 1.75-2x; without it a phone took the 1280 copy, which Lighthouse counted as 80% waste on the
# page's largest paint) and on a desktop (760 px), 1280 for wider or denser screens. An image is
# never enlarged: a narrower one gets the widths below its own and one at its own width.
VARIANT_WIDTHS = (160, 480, 800, 1280)
VARIANT_QUALITY = {"AVIF": 55, "WEBP": 78, "JPEG": 80}
# libavif's speed 8 measured 0.13 s for a 1280 px copy where its default (6) took 1.0 s, for a
# file 1% larger (docs/performance.md, "Images").
AVIF_SPEED = 8
AVIF = ImageKind("image/avif", "avif", "AVIF")


def avif_supported() -> bool:
    """Whether this Pillow was built with an AVIF encoder (Pillow 11.3+ wheels are)."""
    return bool(features.check("avif"))


@dataclass(frozen=True)
class Variant:
    kind: ImageKind
    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class Variants:
    width: int  # the original's, upright
    height: int
    copies: list[Variant]


def variant_widths(width: int) -> list[int]:
    """The widths made for an image `width` pixels wide: never wider than the image."""
    return sorted({w for w in VARIANT_WIDTHS if w < width} | {min(width, max(VARIANT_WIDTHS))})


def image_variants(source: IO[bytes], *, formats: list[ImageKind] | None = None) -> Variants | None:
    """Copies of the (already cleaned) image in `source` at `variant_widths`, in AVIF when
    supported, WebP, and JPEG — PNG for an image with transparency — as the fallback every
    browser reads. None for an animated GIF, which is served as it is (its copies would lose
    the animation)."""
    source.seek(0)
    with Image.open(source, formats=_OPENERS) as image:
        if getattr(image, "n_frames", 1) > 1:
            return None
        image.load()
        upright = ImageOps.exif_transpose(image)  # stored uploads are upright; older files may not be
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info)
    picture = upright.convert("RGBA" if has_alpha else "RGB")
    if formats is None:
        formats = [*([AVIF] if avif_supported() else []), WEBP, PNG if has_alpha else JPEG]
    width, height = picture.size
    copies: list[Variant] = []
    # Largest first, each made from the one before: resampling 1280 px down to 480 costs a
    # fraction of resampling the original again, for no visible difference.
    current = picture
    for target in reversed(variant_widths(width)):
        size = (target, max(1, round(height * target / width)))
        current = current if current.size == size else current.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        copies.extend(Variant(kind, size[0], size[1], _encode_variant(current, kind)) for kind in formats)
    return Variants(width=width, height=height, copies=copies)


def _encode_variant(picture: Image.Image, kind: ImageKind) -> bytes:
    output = io.BytesIO()
    if kind is AVIF:
        picture.save(output, format="AVIF", quality=VARIANT_QUALITY["AVIF"], speed=AVIF_SPEED)
    elif kind is WEBP:
        picture.save(output, format="WEBP", quality=VARIANT_QUALITY["WEBP"], method=4)
    elif kind is JPEG:
        picture.save(output, format="JPEG", quality=VARIANT_QUALITY["JPEG"], optimize=True, progressive=True)
    else:
        picture.save(output, format="PNG")
    return output.getvalue()
