"""The representative image of a bulletin: what the VNeID feed can show well, checked on upload.

Seed 000 asks for a presentable bulletin with a representative image. The app shows it as a
landscape card, so the image must be a real JPEG, PNG or WebP picture, large enough to stay sharp
on a phone (800×450, the card's size at 16:9), no larger than a camera's full frame, and between
square and twice as wide as high. One function states these rules; the request form calls it.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MIN_WIDTH, MIN_HEIGHT = 800, 450
MAX_WIDTH, MAX_HEIGHT = 6000, 6000
# Width divided by height: from square (1:1) to twice as wide as high (2:1).
MIN_RATIO, MAX_RATIO = 1.0, 2.0

# Pillow's format name -> the extensions a file of that format may carry.
FORMATS: dict[str, frozenset[str]] = {
    "JPEG": frozenset({"jpg", "jpeg"}),
    "PNG": frozenset({"png"}),
    "WEBP": frozenset({"webp"}),
}
EXTENSIONS = frozenset().union(*FORMATS.values())
ACCEPT = "image/jpeg,image/png,image/webp"

# EXIF orientations that turn the picture a quarter: what the app shows has width and height
# swapped, and Wagtail's renditions follow the tag.
_QUARTER_TURNS = {5, 6, 7, 8}
_EXIF_ORIENTATION = 0x0112


@dataclass(frozen=True)
class ImageInfo:
    format: str  # "JPEG", "PNG" or "WEBP"
    width: int  # as displayed, after the EXIF orientation
    height: int


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def _bomb_error() -> ValidationError:
    return ValidationError(
        _(
            "The image has too many pixels to be processed safely; the largest accepted is"
            " %(max_width)d×%(max_height)d."
        ),
        code="decompression_bomb",
        params={"max_width": MAX_WIDTH, "max_height": MAX_HEIGHT},
    )


def _not_an_image() -> ValidationError:
    return ValidationError(
        _("The file is not a readable JPEG, PNG or WebP image."), code="not_an_image"
    )


def validate_representative_image(file: IO[bytes]) -> ImageInfo:
    """Check an uploaded representative image; raise ValidationError saying what is wrong.

    `file` is an uploaded file (it has `name` and `size`, or is seekable). It is left rewound, so
    it can be stored afterwards.
    """
    name = getattr(file, "name", "") or ""
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in EXTENSIONS:
        raise ValidationError(
            _("Upload a JPEG, PNG or WebP image (a file ending in %(extensions)s)."),
            code="extension",
            params={"extensions": ", ".join(f".{ext}" for ext in sorted(EXTENSIONS))},
        )
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
    if size > MAX_BYTES:
        raise ValidationError(
            _("The image must not be larger than %(max)s MB; this one is %(size)s MB."),
            code="file_size",
            params={"max": _megabytes(MAX_BYTES), "size": _megabytes(size)},
        )

    orientation = None
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; refuse those too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            file.seek(0)
            with Image.open(file) as picture:  # reads the header only
                detected = picture.format
                width, height = picture.size
                decodable = detected in FORMATS and width <= MAX_WIDTH and height <= MAX_HEIGHT
                if decodable:
                    picture.verify()  # the structure; must come right after opening
            if decodable:
                # Decoding finds truncated or corrupt data; the size limits bound its cost.
                file.seek(0)
                with Image.open(file) as picture:
                    orientation = picture.getexif().get(_EXIF_ORIENTATION)
                    if detected == "JPEG":
                        picture.draft("RGB", (MIN_WIDTH, MIN_HEIGHT))
                    picture.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _bomb_error() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _not_an_image() from None
    finally:
        file.seek(0)

    if detected not in FORMATS:
        raise ValidationError(
            _("Only JPEG, PNG and WebP images are accepted; this file is %(format)s."),
            code="format",
            params={"format": detected or "?"},
        )
    if extension not in FORMATS[detected]:
        raise ValidationError(
            _("The file name ends in .%(extension)s but the file is a %(format)s image."),
            code="extension_mismatch",
            params={"extension": extension, "format": detected},
        )
    if orientation in _QUARTER_TURNS:
        width, height = height, width
    if width > MAX_WIDTH or height > MAX_HEIGHT:
        raise ValidationError(
            _(
                "The image must be at most %(max_width)d×%(max_height)d pixels; this one is"
                " %(width)d×%(height)d."
            ),
            code="too_large",
            params={
                "max_width": MAX_WIDTH,
                "max_height": MAX_HEIGHT,
                "width": width,
                "height": height,
            },
        )
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        raise ValidationError(
            _(
                "The image must be at least %(min_width)d×%(min_height)d pixels; this one is"
                " %(width)d×%(height)d."
            ),
            code="too_small",
            params={
                "min_width": MIN_WIDTH,
                "min_height": MIN_HEIGHT,
                "width": width,
                "height": height,
            },
        )
    ratio = width / height
    if not MIN_RATIO <= ratio <= MAX_RATIO:
        raise ValidationError(
            _(
                "The image must be landscape, from square (1:1) to twice as wide as high (2:1);"
                " this one is %(width)d×%(height)d."
            ),
            code="aspect_ratio",
            params={"width": width, "height": height},
        )
    return ImageInfo(format=detected, width=width, height=height)
