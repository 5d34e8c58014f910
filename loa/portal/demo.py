"""The portal demo: the province's portal and two member sites, filled with sample content.

`load_portal_demo()` provisions Đồng Nai's portal (localhost, the default site), the Department of
Justice's site (stp.localhost) and Trấn Biên ward's site (tranbien.localhost) through the real
`provisioning` service, then writes the sample content of `demo_content` into them: every page
type, every body block but video (the demo ships no video, and serving must not wait on YouTube).
`load_english_demo()` then translates the home, "About us", contact and news pages of the portal
and of the Department of Justice into English, as their editors would with "Translate".
Pictures are drawn here with Pillow. Everything is found by slug or title before it is made, so a
second run creates nothing.
"""

from __future__ import annotations

import io
import math
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from loa.orgs.models import Organization

from . import demo_content
from .models import MemberSite
from .pages import (
    ArticlePage,
    ArticleRelatedLink,
    ContactPage,
    GalleryPage,
    GalleryPhoto,
    OrganizationLeader,
    OrganizationPage,
    PortalHomePage,
    SectionPage,
    TopicFeaturedArticle,
    TopicPage,
)
from .provisioning import add_translated_home, provision_member_site

FONTS = Path(__file__).resolve().parent.parent / "bulletins" / "fonts"
Colour = tuple[int, int, int]


# Pictures ----------------------------------------------------------------------------------------


def _font(size: int, bold: bool = True) -> ImageFont.FreeTypeFont:
    path = FONTS / ("NotoSerif-Bold.ttf" if bold else "NotoSerif-Regular.ttf")
    return ImageFont.truetype(str(path), size) if path.exists() else ImageFont.load_default(size)


def _gradient(size: tuple[int, int], start: Colour, end: Colour) -> Image.Image:
    """A diagonal gradient with a few soft circles: a card that reads as a picture, not a blank."""
    width, height = size
    image = Image.new("RGB", size, start)
    draw = ImageDraw.Draw(image)
    steps = width + height
    for step in range(0, steps, 2):
        t = step / steps
        colour = tuple(round(a + (b - a) * t) for a, b in zip(start, end, strict=True))
        draw.line([(step, 0), (0, step)], fill=colour, width=3)
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    shapes = ImageDraw.Draw(overlay)
    for index, (x, y, r) in enumerate(((0.85, 0.2, 0.35), (0.1, 0.95, 0.3), (0.65, 0.9, 0.18))):
        alpha = 38 - index * 8
        shapes.ellipse(
            [(x - r) * width, y * height - r * width, (x + r) * width, y * height + r * width],
            fill=(255, 255, 255, alpha),
        )
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _card(title: str, colours: tuple[Colour, Colour], label: str) -> Image.Image:
    image = _gradient((1200, 675), *colours)
    draw = ImageDraw.Draw(image)
    font = _font(64)
    lines = _wrap(draw, title, font, 1000)
    top = 675 / 2 - len(lines) * 42
    for index, line in enumerate(lines):
        draw.text((100, top + index * 84), line, font=font, fill=(255, 255, 255))
    draw.rectangle([100, top - 40, 220, top - 32], fill=(242, 194, 48))
    draw.text((100, 600), label, font=_font(28, bold=False), fill=(255, 255, 255))
    return image


def _steps(title: str, steps: list[str], colours: tuple[Colour, Colour], label: str) -> Image.Image:
    """An infographic: a title, then numbered steps down the page."""
    height = 330 + 190 * len(steps)
    image = _gradient((1000, height), *colours)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(_wrap(draw, title, _font(56), 860)):
        draw.text((70, 70 + index * 70), line, font=_font(56), fill=(255, 255, 255))
    for index, step in enumerate(steps):
        top = 260 + index * 190
        draw.rounded_rectangle([70, top, 930, top + 150], radius=24, fill=(255, 255, 255))
        draw.ellipse([100, top + 30, 190, top + 120], fill=colours[0])
        draw.text((145, top + 75), str(index + 1), font=_font(52), fill=(255, 255, 255), anchor="mm")
        for row, text in enumerate(_wrap(draw, step, _font(34, bold=False), 680)[:2]):
            draw.text((220, top + 35 + row * 46), text, font=_font(34, bold=False), fill=(28, 31, 35))
    draw.text((70, height - 60), label, font=_font(26, bold=False), fill=(255, 255, 255))
    return image


def _chart(title: str, units: list[str], colours: tuple[Colour, Colour]) -> Image.Image:
    """An organization chart: the leadership on top, the units below on two rows, each row hung
    from its own line, so that no line crosses a box."""
    width, height = 1600, 940
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.text((width / 2, 60), title, font=_font(48), fill=colours[0], anchor="mm")
    head, rest = units[0], units[1:]
    draw.rounded_rectangle([600, 120, 1000, 220], radius=16, fill=colours[0])
    draw.text((800, 170), head, font=_font(36), fill=(255, 255, 255), anchor="mm")
    per_row = math.ceil(len(rest) / 2)
    gap = 30
    box_width = (width - 120 - (per_row - 1) * gap) / per_row
    rows = [rest[:per_row], rest[per_row:]]
    trunk_x = 30
    draw.line([(800, 220), (800, 260), (trunk_x, 260)], fill=colours[1], width=4)
    for row_index, row in enumerate(rows):
        top = 320 + row_index * 320
        bus_y = top - 40
        centres = [60 + column * (box_width + gap) + box_width / 2 for column in range(len(row))]
        draw.line([(trunk_x, 260), (trunk_x, bus_y), (centres[-1], bus_y)], fill=colours[1], width=4)
        for centre, unit in zip(centres, row, strict=True):
            left = centre - box_width / 2
            draw.line([(centre, bus_y), (centre, top)], fill=colours[1], width=4)
            draw.rounded_rectangle([left, top, left + box_width, top + 220], radius=14,
                                   fill=(255, 255, 255), outline=colours[1], width=4)
            lines = _wrap(draw, unit, _font(28, bold=False), box_width - 30)[:4]
            for number, line in enumerate(lines):
                draw.text((centre, top + 110 + (number - (len(lines) - 1) / 2) * 38), line,
                          font=_font(28, bold=False), fill=(28, 31, 35), anchor="mm")
    return image


def _photo(title: str, colours: tuple[Colour, Colour], label: str) -> Image.Image:
    """A gallery picture (4:3, its words centred so that square and wide crops keep them)."""
    image = _gradient((1200, 900), *colours)
    draw = ImageDraw.Draw(image)
    font = _font(72)
    lines = _wrap(draw, title, font, 760)
    top = 450 - (len(lines) - 1) * 45
    for index, line in enumerate(lines):
        draw.text((600, top + index * 90), line, font=font, fill=(255, 255, 255), anchor="mm")
    draw.text((600, 820), label, font=_font(28, bold=False), fill=(255, 255, 255), anchor="mm")
    return image


def _map(title: str, colours: tuple[Colour, Colour]) -> Image.Image:
    """A plainly illustrative map: coloured patches, a river and a legend saying what it is not."""
    image = _gradient((1200, 900), (236, 240, 232), (222, 232, 240))
    draw = ImageDraw.Draw(image)
    patches = [
        [(180, 220), (520, 160), (600, 420), (300, 520), (150, 400)],
        [(520, 160), (900, 200), (980, 460), (600, 420)],
        [(300, 520), (600, 420), (700, 720), (360, 760)],
        [(600, 420), (980, 460), (1020, 700), (700, 720)],
    ]
    fills = [(205, 226, 190), (250, 224, 178), (214, 206, 236), (246, 205, 200)]
    for patch, fill in zip(patches, fills, strict=True):
        draw.polygon(patch, fill=fill, outline=colours[0], width=4)
    draw.line([(80, 820), (330, 640), (650, 600), (1120, 380)], fill=(91, 155, 213), width=22, joint="curve")
    draw.text((60, 40), title, font=_font(44), fill=colours[0])
    draw.text((60, 850), "Bản đồ minh họa – không phải bản đồ chính thức", font=_font(26, bold=False),
              fill=(60, 60, 60))
    return image


def _portrait(name: str, colours: tuple[Colour, Colour]) -> Image.Image:
    """A neutral silhouette with the person's initials: the demo has no photographs of anyone."""
    image = _gradient((480, 600), *colours)
    draw = ImageDraw.Draw(image)
    draw.ellipse([150, 120, 330, 300], fill=(255, 255, 255))
    draw.pieslice([70, 330, 410, 700], 180, 360, fill=(255, 255, 255))
    initials = "".join(word[0] for word in name.split()[-2:])
    draw.text((240, 210), initials, font=_font(72), fill=colours[0], anchor="mm")
    return image


def _store(picture: Image.Image, title: str, collection, filename: str):
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=86)
    return Image_.objects.create(
        title=title, collection=collection, file=ImageFile(buffer, name=f"{filename}.jpg")
    )


def _pictures(spec: dict, member: MemberSite, label: str) -> dict[str, object]:
    colours = spec["colours"]
    photos = {name for name, _alt, _caption in spec["gallery"]["photos"]}
    images = {}
    for name, picture in spec["pictures"].items():
        title, lines = (picture, []) if isinstance(picture, str) else picture
        if name in photos:
            drawing = _photo(title, colours, label)
        elif name.endswith("-info"):
            drawing = _steps(title, lines, colours, label)
        elif name == "so-do":
            drawing = _chart(title, lines, colours)
        elif name == "ban-do":
            drawing = _map(title, colours)
        else:
            drawing = _card(title, colours, label)
        images[name] = _store(drawing, title, member.collection, name)
    return images


# Pages -------------------------------------------------------------------------------------------


def _publish(page: Page, owner, when=None) -> None:
    if when is not None and page.first_published_at is None:
        page.first_published_at = when
    page.save_revision(user=owner, log_action=False).publish(user=owner, log_action=False)


def _child(parent: Page, slug: str) -> Page | None:
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def _resolve(blocks: list[dict], images: dict) -> list[dict]:
    """Replace the "@name" picture references of raw StreamField data with image ids."""

    def resolve(value):
        if isinstance(value, str) and value.startswith("@"):
            return images[value[1:]].pk
        if isinstance(value, dict):
            return {key: resolve(item) for key, item in value.items()}
        return value

    return [{"type": block["type"], "value": resolve(block["value"])} for block in blocks]


def _find(home: PortalHomePage, slug: str) -> Page:
    return Page.objects.descendant_of(home).get(slug=slug).specific


def _topic(home, spec, images, owner, now) -> int:
    topic = spec["topic"]
    parent = _find(home, topic["parent"]) if topic["parent"] else home
    if _child(parent, topic["slug"]):
        return 0
    page = TopicPage(
        title=topic["title"], slug=topic["slug"], intro=topic["intro"],
        banner=images[topic["banner"]], banner_alt=topic["banner_alt"], live=False,
    )
    parent.add_child(instance=page)
    _publish(page, owner, now - timedelta(days=10))
    return 1


def _articles(home, spec, images, owner, now) -> int:
    created = 0
    for article in spec["articles"]:
        section = _find(home, article["section"])
        if _child(section, article["slug"]):
            continue
        page = ArticlePage(
            title=article["title"],
            slug=article["slug"],
            lead=article["lead"],
            image=images[article["image"]],
            image_alt=article["image_alt"],
            body=_resolve(article["body"], images),
            author=article.get("author", ""),
            source=article.get("source", ""),
            source_url=article.get("source_url", ""),
            live=False,
        )
        page.tags.add(*article.get("tags", []))
        page.related_links = [
            ArticleRelatedLink(target=_find(home, slug)) for slug in article.get("related", [])
        ]
        section.add_child(instance=page)
        _publish(page, owner, now - timedelta(days=article["days_ago"], hours=created * 3))
        created += 1
    topic = _find(home, spec["topic"]["slug"])
    if not topic.featured_articles.exists():
        topic.featured_articles = [
            TopicFeaturedArticle(article=_find(home, slug)) for slug in spec["topic"]["featured"]
        ]
        _publish(topic, owner)
    return created


def _gallery(home, spec, images, owner, now) -> int:
    gallery = spec["gallery"]
    parent = _find(home, gallery["parent"]) if gallery["parent"] else home
    if _child(parent, gallery["slug"]):
        return 0
    page = GalleryPage(title=gallery["title"], slug=gallery["slug"], intro=gallery["intro"], live=False)
    page.photos = [
        GalleryPhoto(image=images[name], alt=alt, caption=caption, credit="Ban Biên tập")
        for name, alt, caption in gallery["photos"]
    ]
    parent.add_child(instance=page)
    _publish(page, owner, now - timedelta(days=3))
    return 1


def _organization_page(home, spec, images, owner, collection) -> int:
    page = OrganizationPage.objects.child_of(home).first()
    about = spec["organization_page"]
    if page is None or page.functions:
        return 0
    page.functions = about["functions"]
    page.structure = about["structure"]
    page.history = about["history"]
    if not page.address:
        page.address, page.phone, page.email = spec["contact"]
    if about.get("chart"):
        page.chart, page.chart_alt = images[about["chart"]], about["chart_alt"]
    page.leaders = [
        OrganizationLeader(
            name=name,
            position=position,
            duties=duties,
            photo=_store(_portrait(name, spec["colours"]), f"Ảnh chân dung {name}", collection, "chan-dung"),
            biography=f"<p>Họ và tên: {name}. Chức vụ: {position}.</p>"
            "<p>Tiểu sử tóm tắt do cơ quan cung cấp (nội dung minh họa).</p>",
        )
        for name, position, duties in about["leaders"]
    ]
    _publish(page, owner)
    return 1


def _contact_page(home, spec, owner) -> int:
    page = ContactPage.objects.child_of(home).first()
    if page is None or page.office_hours:
        return 0
    page.intro = "<p>Người dân, tổ chức liên hệ trong giờ hành chính hoặc gửi thư điện tử.</p>"
    page.office_hours = demo_content.OFFICE_HOURS
    page.address, page.phone, page.email = spec["contact"]
    _publish(page, owner)
    return 1


def _locality(home, spec, images, owner) -> int:
    filled = 0
    for slug, blocks in spec["locality"].items():
        page = _child(home, slug)
        if isinstance(page, SectionPage) and not page.body:
            page.body = _resolve(blocks, images)
            _publish(page, owner)
            filled += 1
    return filled


def _home(home: PortalHomePage, spec: dict, owner) -> int:
    if home.intro:
        return 0
    home.intro = spec["intro"]
    home.notice = demo_content.NOTICE
    _publish(home, owner)
    return 1


def _fill(spec: dict, owner) -> int:
    organization = Organization.objects.get(code=spec["organization"])
    member = MemberSite.objects.filter(organization=organization).select_related("site", "collection").first()
    created = 0
    if member is None:
        provision_member_site(organization, spec["hostname"], actor=owner, default=spec["default"])
        member = MemberSite.objects.select_related("site", "collection").get(organization=organization)
        created += 1
    home = member.site.root_page.specific
    now = timezone.now()
    label = member.site.site_name
    images = _pictures(spec, member, label)
    created += _home(home, spec, owner)
    created += _topic(home, spec, images, owner, now)
    created += _articles(home, spec, images, owner, now)
    created += _gallery(home, spec, images, owner, now)
    created += _organization_page(home, spec, images, owner, member.collection)
    created += _contact_page(home, spec, owner)
    created += _locality(home, spec, images, owner)
    return created


def load_portal_demo() -> int:
    """Provision and fill the three demo sites, with their English pages; returns how many sites and
    pages were made or filled."""
    owner = get_user_model().objects.filter(username="quantri").first()
    total = 0
    for spec in demo_content.SITES:
        with transaction.atomic():
            total += _fill(spec, owner)
    return total + load_english_demo()


# English pages ----------------------------------------------------------------------------------


def _translate(page: Page, locale: Locale) -> tuple[Page, bool]:
    """The page's translation into `locale`, and whether it was made just now (as a draft copy)."""
    translation = page.get_translation_or_none(locale)
    if translation is not None:
        return translation.specific, False
    return page.copy_for_translation(locale).specific, True


def _english_names(member: MemberSite, spec: dict) -> None:
    """The English names of the site's organization and editorial board, unless already given."""
    for organization, name in ((member.organization, spec["organization"]),
                               (member.editorial_board, spec["board"])):
        if not organization.english_name:
            organization.english_name = name
            organization.save(update_fields=["english_name"])


def _english_home(member: MemberSite, spec: dict, locale: Locale, owner) -> int:
    home = add_translated_home(member, locale, actor=owner)
    if home.live:
        return 0
    home.title, home.intro, home.notice = spec["title"], spec["intro"], demo_content.ENGLISH_NOTICE
    _publish(home, owner)
    return 1


def _english_about(vi_home: PortalHomePage, spec: dict, owner, locale: Locale) -> int:
    source = OrganizationPage.objects.child_of(vi_home).first()
    page, made = _translate(source, locale)
    if not made:
        return 0
    about = spec["about"]
    page.title, page.slug = about["title"], about["slug"]
    page.functions, page.structure, page.history = about["functions"], about["structure"], about["history"]
    page.address = spec["contact"]["address"]
    if page.chart_id:
        page.chart_alt = about["chart_alt"]
    page.leaders = [
        OrganizationLeader(
            name=leader.name,
            position=position,
            duties=duties,
            photo=leader.photo,
            biography=f"<p>Full name: {leader.name}. Position: {position}.</p>"
            "<p>A short biography provided by the agency (sample content).</p>",
        )
        for leader, (position, duties) in zip(source.leaders.all(), about["leaders"], strict=True)
    ]
    _publish(page, owner)
    return 1


def _english_contact(vi_home: PortalHomePage, spec: dict, owner, locale: Locale) -> int:
    page, made = _translate(ContactPage.objects.child_of(vi_home).first(), locale)
    if not made:
        return 0
    contact = spec["contact"]
    page.title, page.slug, page.intro = contact["title"], contact["slug"], contact["intro"]
    page.address, page.office_hours = contact["address"], demo_content.ENGLISH_OFFICE_HOURS
    _publish(page, owner)
    return 1


def _english_news(vi_home: PortalHomePage, spec: dict, owner, locale: Locale) -> int:
    news = _find(vi_home, "tin-tuc")
    section, made = _translate(news, locale)
    created = 0
    if made:
        section.title, section.slug = spec["news"]["title"], spec["news"]["slug"]
        _publish(section, owner)
        created += 1
    for vi_slug, article in spec["articles"].items():
        source = _find(news, vi_slug)
        page, made = _translate(source, locale)
        if not made:
            continue
        page.title, page.slug, page.lead = article["title"], article["slug"], article["lead"]
        page.image_alt, page.image_caption, page.body = article["image_alt"], "", article["body"]
        page.related_links = []  # they point at Vietnamese pages
        page.tags.set(article["tags"])
        page.first_published_at = source.first_published_at
        _publish(page, owner)
        created += 1
    return created


def load_english_demo() -> int:
    """English versions of the province portal's and the Department of Justice's home, "About us",
    contact and news pages, and of a few of their news items; returns how many pages were made."""
    owner = get_user_model().objects.filter(username="quantri").first()
    locale = Locale.objects.get(language_code="en")
    created = 0
    for code, spec in demo_content.ENGLISH.items():
        member = MemberSite.objects.filter(organization__code=code).select_related("site").first()
        if member is None:
            continue
        with transaction.atomic():
            _english_names(member, spec)
            vi_home = member.site.root_page.specific
            created += _english_home(member, spec["home"], locale, owner)
            for translate in (_english_about, _english_news, _english_contact):  # the menu's order
                created += translate(vi_home, spec, owner, locale)
    return created
