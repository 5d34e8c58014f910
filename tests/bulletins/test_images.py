"""The representative image's rules: a real JPEG, PNG or WebP picture the feed can show well."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from loa.bulletins import images
from loa.bulletins.images import validate_representative_image


def picture(width=1200, height=675, fmt="PNG", name=None, mode="RGB", **save_options):
    buffer = io.BytesIO()
    Image.new(mode, (width, height), 128 if mode == "L" else (200, 60, 40)).save(
        buffer, fmt, **save_options
    )
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}[fmt]
    return SimpleUploadedFile(name or f"anh.{extension}", buffer.getvalue())


def error_code(upload) -> str:
    with pytest.raises(ValidationError) as caught:
        validate_representative_image(upload)
    return caught.value.code


@pytest.mark.parametrize(
    "upload",
    [
        picture(1200, 675, "PNG"),
        picture(1200, 675, "JPEG"),
        picture(1200, 675, "JPEG", name="anh.JPEG"),
        picture(1200, 675, "WEBP"),
        picture(800, 450, "PNG"),  # the smallest accepted
        picture(1000, 1000, "PNG"),  # square
        picture(2000, 1000, "PNG"),  # twice as wide as high
    ],
    ids=["png", "jpg", "jpeg-upper", "webp", "minimum", "square", "two-to-one"],
)
def test_good_images_pass(upload):
    info = validate_representative_image(upload)
    assert info.format in images.FORMATS
    assert upload.tell() == 0  # rewound, ready to be stored


def test_the_answer_names_format_and_size():
    info = validate_representative_image(picture(1600, 900, "JPEG"))
    assert (info.format, info.width, info.height) == ("JPEG", 1600, 900)


@pytest.mark.parametrize(
    "upload, code",
    [
        (picture(799, 450), "too_small"),
        (picture(900, 449), "too_small"),
        (picture(6001, 3100, mode="L"), "too_large"),
        (picture(1000, 1001), "aspect_ratio"),  # portrait
        (picture(2001, 1000), "aspect_ratio"),  # wider than 2:1
    ],
    ids=["narrow", "low", "huge", "portrait", "panorama"],
)
def test_dimensions_and_shape_are_checked(upload, code):
    assert error_code(upload) == code


def test_the_messages_carry_the_limits():
    with pytest.raises(ValidationError) as caught:
        validate_representative_image(picture(640, 360))
    error = caught.value
    assert error.params["min_width"] == images.MIN_WIDTH
    assert error.params["min_height"] == images.MIN_HEIGHT
    assert (error.params["width"], error.params["height"]) == (640, 360)
    assert "640" in error.messages[0] and str(images.MIN_WIDTH) in error.messages[0]


def test_a_file_larger_than_five_megabytes_is_refused_before_it_is_read():
    upload = SimpleUploadedFile("anh.png", b"\x89PNG" + b"0" * images.MAX_BYTES)
    with pytest.raises(ValidationError) as caught:
        validate_representative_image(upload)
    assert caught.value.code == "file_size"
    assert caught.value.params["max"] == "5"


def test_text_dressed_as_a_png_is_not_an_image():
    assert (
        error_code(SimpleUploadedFile("anh.png", b"just some text, not a picture"))
        == "not_an_image"
    )


def test_a_truncated_image_is_not_an_image():
    whole = picture(1200, 675, "PNG").read()
    assert error_code(SimpleUploadedFile("anh.png", whole[: len(whole) // 2])) == "not_an_image"


def test_the_extension_must_match_the_content():
    assert error_code(picture(1200, 675, "PNG", name="anh.jpg")) == "extension_mismatch"
    assert error_code(picture(1200, 675, "JPEG", name="anh.webp")) == "extension_mismatch"


def test_only_jpeg_png_and_webp_are_accepted():
    assert error_code(picture(1200, 675, "GIF")) == "extension"
    assert error_code(picture(1200, 675, "GIF", name="anh.png")) == "format"
    assert error_code(SimpleUploadedFile("anh.txt", b"text")) == "extension"
    assert error_code(SimpleUploadedFile("anh", b"text")) == "extension"


def test_a_decompression_bomb_is_refused_clearly(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)
    # Over twice the limit Pillow raises; between once and twice it only warns: both refused.
    assert error_code(picture(1200, 675)) == "decompression_bomb"
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 500_000)
    assert error_code(picture(1200, 675)) == "decompression_bomb"


def test_the_exif_orientation_decides_the_shape_shown():
    exif = Image.Exif()
    exif[0x0112] = 6  # turned a quarter: shown as 1000 wide, 1800 high
    assert error_code(picture(1800, 1000, "JPEG", exif=exif)) == "aspect_ratio"
    assert validate_representative_image(picture(1800, 1000, "JPEG")).width == 1800
