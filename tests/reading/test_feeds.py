"""RSS feeds, sitemap.xml and robots.txt, each answering for the requesting site alone."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from loa.portal.pages import SectionPage

from .conftest import publish_article

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def feed_items(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [{child.tag: child.text for child in item} for item in channel.iter("item")]


def test_the_site_feed_lists_the_latest_twenty_articles(client, site_a, site_b):
    for number in range(22):
        latest = publish_article(site_a, f"Tin số {number}", author="Phòng Văn hóa")
    publish_article(site_b, "Tin của site B")
    items = feed_items(client.get(reverse("reading:feed"), HTTP_HOST=site_a.hostname))
    assert [item["title"] for item in items] == [f"Tin số {number}" for number in range(21, 1, -1)]
    first = items[0]
    assert first["link"] == latest.full_url and first["link"].startswith(
        f"http://{site_a.hostname}/tin-tuc/"
    )
    assert first["description"] == "Tóm tắt bài viết."
    assert first["pubDate"]


def add_section(parent, title: str, slug: str) -> SectionPage:
    section = SectionPage(title=title, slug=slug)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def test_a_section_feed_holds_its_sub_sections_and_nothing_else(client, site_a):
    news = site_a.section()
    sub = add_section(news, "Tin cơ sở", "tin-co-so")
    add_section(site_a.home, "Chính sách mới", "chinh-sach")
    publish_article(site_a, "Tin ở chuyên mục")
    publish_article(site_a, "Tin ở chuyên mục con", section="tin-tuc").move(sub, pos="last-child")
    publish_article(site_a, "Tin ở chuyên mục khác", section="chinh-sach")

    items = feed_items(
        client.get(reverse("reading:section_feed", args=[news.pk]), HTTP_HOST=site_a.hostname)
    )
    assert sorted(item["title"] for item in items) == ["Tin ở chuyên mục", "Tin ở chuyên mục con"]


def test_another_sites_section_feed_is_not_found(client, site_a, site_b):
    publish_article(site_b, "Tin nội bộ của site B")
    section_b = site_b.section()
    assert (
        client.get(
            reverse("reading:section_feed", args=[section_b.pk]), HTTP_HOST=site_a.hostname
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("reading:section_feed", args=[section_b.pk]), HTTP_HOST=site_b.hostname
        ).status_code
        == 200
    )
    assert (
        client.get(
            reverse("reading:section_feed", args=[site_a.home.pk]), HTTP_HOST=site_a.hostname
        ).status_code
        == 404
    )
    assert client.get("/rss/999999/", HTTP_HOST=site_a.hostname).status_code == 404


def test_pages_announce_their_feeds(client, site_a):
    section = site_a.section()
    html = client.get(section.url, HTTP_HOST=site_a.hostname).content.decode()
    assert f'<link rel="alternate" type="application/rss+xml" title="{site_a.home.title}: ' in html
    assert f'href="/rss/{section.pk}/"' in html
    assert f'<a href="/rss/{section.pk}/" type="application/rss+xml">' in html
    home = client.get(site_a.home.url, HTTP_HOST=site_a.hostname).content.decode()
    assert 'type="application/rss+xml"' in home and 'href="/rss/"' in home


def test_the_sitemap_lists_the_requesting_sites_pages(client, site_a, site_b):
    article = publish_article(site_a, "Tin có trong sơ đồ")
    publish_article(site_b, "Tin của site B")
    response = client.get("/sitemap.xml", HTTP_HOST=site_a.hostname)
    assert response.status_code == 200
    locations = [node.text for node in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]
    assert f"http://{site_a.hostname}/" in locations
    assert article.full_url in locations
    assert all(location.startswith(f"http://{site_a.hostname}/") for location in locations)


def test_robots_txt_points_to_the_sites_own_sitemap(client, site_a):
    response = client.get("/robots.txt", HTTP_HOST=site_a.hostname)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Disallow: /admin/" in lines and "Disallow: /loa/" in lines
    assert f"Sitemap: http://{site_a.hostname}/sitemap.xml" in lines
