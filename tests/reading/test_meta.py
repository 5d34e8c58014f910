"""What an article tells search engines and social networks, and how readers share and print it."""

import base64
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import publish_article

pytestmark = pytest.mark.django_db


def html_of(client, site, page) -> str:
    response = client.get(page.url, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return response.content.decode()


def meta(html: str, name: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    assert match, name
    return match.group(1)


def structured_data(html: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_an_article_carries_open_graph_and_news_article_data(client, site_a):
    article = publish_article(
        site_a, "Đồng Nai khởi công cầu Cát Lái", author="Thu Hà", lead="Cây cầu nối hai bờ sông."
    )
    html = html_of(client, site_a, article)
    assert f'<link rel="canonical" href="{article.full_url}">' in html
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:url") == article.full_url
    assert meta(html, "og:title") == "Đồng Nai khởi công cầu Cát Lái"
    assert meta(html, "og:description") == "Cây cầu nối hai bờ sông."
    assert meta(html, "og:site_name") == site_a.home.title
    image = meta(html, "og:image")
    assert image.startswith(f"http://{site_a.hostname}/media/images/") and ".fill-1200x630" in image
    assert meta(html, "twitter:card") == "summary_large_image"

    data = structured_data(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Đồng Nai khởi công cầu Cát Lái"
    assert data["mainEntityOfPage"] == article.full_url
    assert data["image"] == [image]
    assert data["datePublished"].startswith(article.first_published_at.date().isoformat()[:4])
    assert data["dateModified"]
    assert data["author"] == [{"@type": "Person", "name": "Thu Hà"}]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": site_a.home.organization.name,
        "url": f"http://{site_a.hostname}/",
    }


def test_a_title_cannot_break_out_of_the_structured_data(client, site_a):
    title = 'Bài </script><script>alert("x")</script> & <b>'
    article = publish_article(site_a, title, author="")
    html = html_of(client, site_a, article)
    assert '<script>alert("x")' not in html
    data = structured_data(html)
    assert data["headline"] == title
    assert data["author"] == [data["publisher"]]  # no byline: the organization answers for it


def test_other_pages_carry_basic_open_graph_without_article_data(client, site_a):
    html = html_of(client, site_a, site_a.home)
    assert meta(html, "og:type") == "website"
    assert meta(html, "og:url") == site_a.home.full_url
    assert meta(html, "twitter:card") == "summary"
    assert "application/ld+json" not in html


def test_an_article_is_shared_by_plain_links_and_printed_by_the_browser(client, site_a):
    article = publish_article(site_a, "Chia sẻ bài này")
    html = html_of(client, site_a, article)
    assert "connect.facebook.net" not in html and "sp.zalo.me/plugins" not in html  # no SDKs
    links = dict(re.findall(r'<a class="share__link share__link--(\w+)" href="([^"]+)"', html))
    facebook = urlsplit(links["facebook"].replace("&amp;", "&"))
    assert facebook.netloc == "www.facebook.com" and parse_qs(facebook.query)["u"] == [
        article.full_url
    ]
    zalo = urlsplit(links["zalo"].replace("&amp;", "&"))
    payload = json.loads(base64.b64decode(parse_qs(zalo.query)["d"][0]))
    assert zalo.netloc == "button-share.zalo.me" and payload == {"url": article.full_url}
    assert 'onclick="window.print()"' in html
