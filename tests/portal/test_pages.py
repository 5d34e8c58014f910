"""The public pages: every type renders on its own site, accessibly, in a fixed number of queries."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from loa.portal.blocks import LongformSectionBlock
from loa.portal.pages import (
    ArticlePage,
    ContactPage,
    GalleryPage,
    GalleryPhoto,
    OrganizationLeader,
    OrganizationPage,
    TopicFeaturedArticle,
    TopicPage,
)

from .conftest import make_image, publish_article

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=loa-demo"


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def filled(site_b):
    """Site B with one page of every type."""
    collection = site_b.member.collection
    image = make_image(collection)
    article = publish_article(
        site_b,
        "Ngày hội văn hóa khu phố",
        image=image,
        image_alt="Đoàn đồng diễn áo dài",
        author="Minh Châu",
        source="Báo Đồng Nai",
        source_url="https://example.vn/bai",
        body=[
            {"type": "paragraph", "value": "<p>Mở đầu ngày hội.</p>"},
            {"type": "image", "value": {"image": image.pk, "alt": "Sân khấu ngày hội", "caption": "Sân khấu",
                                        "credit": ""}},
            {"type": "quote", "value": {"quote": "Một ngày vui.", "attribution": "Người dân"}},
            {"type": "table", "value": {"data": [["Giờ", "Hoạt động"], ["7:00", "Khai mạc"]],
                                        "table_caption": "Chương trình", "table_header_choice": "row",
                                        "first_row_is_table_header": True, "first_col_is_header": False}},
            {"type": "video", "value": {"video": VIDEO_URL, "title": "Phóng sự ngày hội", "caption": ""}},
            {"type": "infographic", "value": {"image": image.pk, "alt": "Đồ họa chương trình",
                                              "caption": "", "text_version": "<p>Bốn hoạt động.</p>"}},
            {"type": "longform_section", "value": {"heading": "Hương vị khu phố", "text": "<p>Ẩm thực.</p>",
                                                   "image": None, "alt": "", "caption": ""}},
        ],
    )
    article.tags.add("Văn hóa")
    publish(article)
    topic = TopicPage(title="Chuyên trang Văn minh đô thị", intro="<p>Giới thiệu.</p>", live=False)
    topic.featured_articles = [TopicFeaturedArticle(article=article)]
    site_b.home.add_child(instance=topic)
    publish(topic)
    gallery = GalleryPage(title="Thư viện ảnh", live=False,
                          videos=[{"type": "video", "value": {"video": VIDEO_URL, "title": "Video", "caption": ""}}])
    gallery.photos = [GalleryPhoto(image=image, alt="Đồng diễn áo dài", caption="Đồng diễn")]
    site_b.home.add_child(instance=gallery)
    publish(gallery)
    about = OrganizationPage.objects.child_of(site_b.home).get()
    about.functions = "<p>Quản lý nhà nước trên địa bàn.</p>"
    about.leaders = [OrganizationLeader(name="Dương Văn Phúc", position="Chủ tịch", photo=image,
                                        biography="<p>Tiểu sử.</p>")]
    publish(about)
    contact = ContactPage.objects.child_of(site_b.home).get()
    contact.address, contact.office_hours = "Số 1 đường Thử", "Sáng: 7 giờ 00 – 11 giờ 30"
    publish(contact)
    return {"article": article, "topic": topic, "gallery": gallery, "about": about, "contact": contact,
            "section": site_b.section(), "home": site_b.home}


def get(client, site, page):
    return client.get(page.url, HTTP_HOST=site.hostname)


def test_every_page_type_renders_on_its_site(client, site_b, filled):
    for name, page in filled.items():
        response = get(client, site_b, page)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert page.title in html, name
        assert '<html lang="vi">' in html
        assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
        for landmark in ("<header", "<nav", "<main", "<footer"):
            assert landmark in html, (name, landmark)
        assert len(re.findall(r"<h1[ >]", html)) == 1, name
        assert site_b.home.title in html  # the site's own header, on every page
        for alt in re.findall(r"<img [^>]*>", html):
            assert 'alt="' in alt, (name, alt)


def test_the_article_shows_what_the_law_asks(client, site_b, filled):
    html = get(client, site_b, filled["article"]).content.decode()
    for text in ("Tóm tắt bài viết.", 'alt="Đoàn đồng diễn áo dài"', "Minh Châu", "Báo Đồng Nai",
                 "https://example.vn/bai", "Văn hóa", "<caption>Chương trình</caption>", "Một ngày vui.",
                 "Hương vị khu phố", "Bốn hoạt động."):
        assert text in html, text
    assert 'datetime="' in html  # the publication time


def test_a_video_plays_only_when_its_embed_was_stored(client, site_b, filled):
    html = get(client, site_b, filled["gallery"]).content.decode()
    assert f'href="{VIDEO_URL}"' in html and "<iframe" not in html
    Embed.objects.create(url=VIDEO_URL, hash=get_embed_hash(VIDEO_URL), type="video",
                         html='<iframe title="Phóng sự" src="https://www.youtube-nocookie.com/embed/x"></iframe>')
    assert "youtube-nocookie.com/embed/x" in get(client, site_b, filled["gallery"]).content.decode()


def test_a_page_is_served_only_on_its_own_site(client, site_a, site_b, filled):
    assert client.get(filled["article"].url, HTTP_HOST=site_a.hostname).status_code == 404
    home_a = client.get("/", HTTP_HOST=site_a.hostname).content.decode()
    assert site_a.home.title in home_a and "Ngày hội văn hóa khu phố" not in home_a


def test_the_province_portal_lists_its_member_sites(client, orgs, site_a, site_b):
    from .conftest import provision

    province = provision(orgs.province, "tinh.localhost")
    html = client.get("/", HTTP_HOST="tinh.localhost").content.decode()
    assert site_a.home.title in html and site_b.home.title in html
    assert province.home.title in html
    assert "tinh.localhost" not in client.get("/", HTTP_HOST=site_a.hostname).content.decode()


def test_an_article_requires_the_alternative_text_of_its_image(site_b):
    page = ArticlePage(title="Không có lời thay thế", lead="Tóm tắt", image=make_image(site_b.member.collection),
                       image_alt="", body=[{"type": "paragraph", "value": "<p>Nội dung</p>"}])
    with pytest.raises(ValidationError) as error:
        site_b.section().add_child(instance=page)
    assert "image_alt" in error.value.message_dict
    page = ArticlePage(title="Không có ảnh", lead="Tóm tắt", image_alt="Ảnh",
                       body=[{"type": "paragraph", "value": "<p>Nội dung</p>"}])
    with pytest.raises(ValidationError) as error:
        site_b.section().add_child(instance=page)
    assert "image" in error.value.message_dict


def test_a_longform_picture_needs_its_alternative_text(site_b):
    block = LongformSectionBlock()
    image = make_image(site_b.member.collection)
    value = block.to_python({"heading": "Chương", "text": "<p>Chữ</p>", "image": image.pk, "alt": "", "caption": ""})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_an_organization_chart_needs_its_alternative_text(site_b):
    about = OrganizationPage.objects.child_of(site_b.home).get()
    about.chart = make_image(site_b.member.collection)
    with pytest.raises(ValidationError):
        about.full_clean()


def queries(client, site, page) -> int:
    client.get(page.url, HTTP_HOST=site.hostname)  # renditions are made on the first view
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page.url, HTTP_HOST=site.hostname).status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_the_number_of_articles(client, site_a):
    articles = [publish_article(site_a, f"Bài số {number}") for number in range(3)]
    few = {name: queries(client, site_a, page) for name, page in
           (("home", site_a.home), ("section", site_a.section()), ("article", articles[0]))}
    articles += [publish_article(site_a, f"Bài số {number}") for number in range(3, 20)]
    many = {name: queries(client, site_a, page) for name, page in
            (("home", site_a.home), ("section", site_a.section()), ("article", articles[0]))}
    assert many == few
    assert max(many.values()) <= 25, many  # today: home 7, section 16, article 14


def test_the_admin_forms_open(client, site_b, filled):
    from django.urls import reverse

    from tests.factories import make_user

    client.force_login(make_user(is_superuser=True))
    for name, page in filled.items():
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200, name
    parents = {"articlepage": filled["section"], "sectionpage": filled["section"],
               "topicpage": filled["home"], "gallerypage": filled["home"]}
    for model, parent in parents.items():
        url = reverse("wagtailadmin_pages:add", args=["portal", model, parent.pk])
        assert client.get(url).status_code == 200, model
