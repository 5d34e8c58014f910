"""Parts of pages that every reader sees alike (the home page's bands, an article's body, the
footer) are kept in each process's memory under the pages generation, whether or not whole pages
are cached (the test settings do not cache them), and are left unread after any change. Previews
never read nor keep them."""

from __future__ import annotations

import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PILImage

from loa.portal.caching import clear_pages
from loa.portal.pages import TopicPage
from loa.reading.models import DailyPageViews

from .conftest import provision, publish_article

pytestmark = pytest.mark.django_db


def read(client, site, path="/") -> str:
    response = client.get(path, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return response.content.decode()


def read_counting(client, site, path) -> tuple[str, int]:
    """The page and the number of queries it took."""
    with CaptureQueriesContext(connection) as captured:
        page = read(client, site, path)
    return page, len(captured)


def test_kept_fragments_spare_the_queries_of_a_page_and_not_its_content(client, site_a):
    articles = [publish_article(site_a, f"Tin số {number}") for number in range(3)]
    topic = TopicPage(title="Chuyên trang chuyển đổi số", slug="chuyen-doi-so", live=False)
    site_a.home.add_child(instance=topic)
    topic.save_revision().publish()
    for path in ("/", articles[0].url):
        read(client, site_a, path)  # renditions are made on the first view
        clear_pages()
        cold_page, cold = read_counting(client, site_a, path)
        warm_page, warm = read_counting(client, site_a, path)  # the frame and fragments are kept
        assert warm_page == cold_page
        # The kept frame alone spares its seven queries; the fragments spare those of the page's
        # own lists (topics, galleries, member sites, news from units, breadcrumb, related, more).
        assert cold - warm >= 9, (path, cold, warm)
    assert "Chuyên trang chuyển đổi số" in read(client, site_a)


def test_publishing_shows_at_once_in_every_fragment(client, site_a):
    article = publish_article(site_a, "Tin cũ")
    other = publish_article(site_a, "Tin bên cạnh")
    assert "Tin cũ" in read(client, site_a)
    assert "Nội dung bài viết." in read(client, site_a, article.url)
    assert "Tin cũ" in read(client, site_a, other.url)  # "more in this section"

    revision = article.get_latest_revision_as_object()
    revision.title = "Tin đã sửa"
    revision.body = [{"type": "paragraph", "value": "<p>Nội dung đã sửa.</p>"}]
    revision.save_revision().publish()

    assert "Tin đã sửa" in read(client, site_a)
    assert "Nội dung đã sửa." in read(client, site_a, article.url)
    assert "Tin đã sửa" in read(client, site_a, other.url)


def test_a_preview_neither_reads_nor_keeps_the_fragments(client, site_a):
    article = publish_article(site_a, "Tin đã đăng")
    assert "Nội dung bài viết." in read(client, site_a, article.url)  # kept now
    draft = article.get_latest_revision_as_object()
    draft.body = [{"type": "paragraph", "value": "<p>Nội dung chưa duyệt.</p>"}]
    assert "Nội dung chưa duyệt." in draft.make_preview_request().content.decode()
    clear_pages()
    assert "Nội dung chưa duyệt." in draft.make_preview_request().content.decode()
    assert "Nội dung chưa duyệt." not in read(client, site_a, article.url)

    home = site_a.home.specific
    home.intro = "Lời giới thiệu chưa duyệt"
    assert "Lời giới thiệu chưa duyệt" in home.make_preview_request().content.decode()
    assert "Lời giới thiệu chưa duyệt" not in read(client, site_a)


def test_the_footer_is_kept_per_site_and_language(client, site_a, site_b):
    assert site_a.home.title in read(client, site_a)
    page_b = read(client, site_b)
    footer_b = page_b[page_b.index('<footer class="footer">') :]
    assert site_b.home.title in footer_b and site_a.home.title not in footer_b


def test_an_articles_view_count_is_read_afresh(client, site_a):
    article = publish_article(site_a, "Tin được đọc")
    assert "1.234" not in read(client, site_a, article.url)  # the fragments are kept now
    DailyPageViews.objects.create(page=article, day=timezone.localdate(), views=1234)
    assert "1.234" in read(client, site_a, article.url)


def test_a_member_sites_new_name_shows_at_once_on_the_portal(client, orgs, site_a):
    province = provision(orgs.province, "tinh.localhost")
    assert site_a.member.site.site_name in read(client, province)
    site = site_a.member.site
    site.site_name = "Cổng thông tin Sở Thử nghiệm (mới)"
    site.save()
    assert "Cổng thông tin Sở Thử nghiệm (mới)" in read(client, province)


def test_a_changed_image_shows_at_once(client, site_a):
    article = publish_article(site_a, "Tin có ảnh")
    first = read(client, site_a, article.url)
    image = article.image
    image.file.delete(save=False)
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 180), (30, 30, 180)).save(buffer, "PNG")
    image.file = ImageFile(buffer, name="anh-moi.png")
    image.save()
    image.renditions.all().delete()
    second = read(client, site_a, article.url)
    assert "anh-moi" in second and "anh-moi" not in first
