"""What each process keeps of the portal: routes and fragments, under the pages generation."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from loa.portal.caching import clear_pages
from loa.portal.memory import PAGES_GENERATION

from .conftest import publish_article

pytestmark = pytest.mark.django_db


def read(client, host: str, path: str):
    return client.get(path, HTTP_HOST=host)


def routing_queries(client, host: str, path: str) -> list[str]:
    """The queries of one read that look for the site or walk the page tree."""
    with CaptureQueriesContext(connection) as captured:
        assert read(client, host, path).status_code == 200
    return [
        query["sql"]
        for query in captured
        if '"wagtailcore_site"' in query["sql"] or '"wagtailcore_page"."slug" =' in query["sql"]
    ]


def test_an_address_is_routed_once_per_generation(client, site_a):
    article = publish_article(site_a, "Tin được đọc hai lần")
    assert routing_queries(client, site_a.hostname, article.url)
    assert routing_queries(client, site_a.hostname, article.url) == []
    clear_pages()
    assert routing_queries(client, site_a.hostname, article.url)


def test_a_new_address_is_routed_from_the_kept_home_page(client, site_a):
    article = publish_article(site_a, "Tin mới trên trang đã biết")
    assert read(client, site_a.hostname, "/").status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert "Tin mới trên trang đã biết" in read(client, site_a.hostname, article.url).content.decode()
    assert not [query for query in captured if '"wagtailcore_site"' in query["sql"]]
    assert read(client, site_a.hostname, "/khong-co-trang-nay/").status_code == 404


def test_articles_of_a_section_share_its_newest(client, site_a):
    first, second, third = (publish_article(site_a, f"Tin thứ {n}") for n in (1, 2, 3))
    assert [a.pk for a in third.more_in_section()] == [second.pk, first.pk]
    with CaptureQueriesContext(connection) as captured:
        assert [a.pk for a in first.more_in_section()] == [third.pk, second.pk]
    assert len(captured) == 0
    fourth = publish_article(site_a, "Tin thứ 4")
    assert [a.pk for a in first.more_in_section()] == [fourth.pk, third.pk, second.pk]


def test_an_unpublished_page_is_gone_at_once(client, site_a):
    article = publish_article(site_a, "Tin sẽ gỡ")
    assert read(client, site_a.hostname, article.url).status_code == 200
    article.unpublish()
    assert read(client, site_a.hostname, article.url).status_code == 404


def test_a_renamed_address_moves_at_once(client, site_a):
    article = publish_article(site_a, "Tin đổi địa chỉ")
    old_url = article.url
    assert read(client, site_a.hostname, old_url).status_code == 200
    revision = article.get_latest_revision_as_object()
    revision.slug = "dia-chi-moi"
    revision.save_revision().publish()
    article.refresh_from_db()
    assert read(client, site_a.hostname, old_url).status_code == 404
    assert read(client, site_a.hostname, article.url).status_code == 200


def test_another_process_sees_a_change_once_it_reads_the_generation_again(client, site_a):
    article = publish_article(site_a, "Tin gỡ ở tiến trình khác")
    assert read(client, site_a.hostname, article.url).status_code == 200
    seen_here = PAGES_GENERATION.current()
    article.unpublish()  # as another process would: the row and the shared generation...
    PAGES_GENERATION._seen.set(PAGES_GENERATION.key, seen_here)  # ...not yet read by this one
    assert read(client, site_a.hostname, article.url).status_code == 200
    PAGES_GENERATION._seen.clear()  # a second later
    assert read(client, site_a.hostname, article.url).status_code == 404


def test_a_lost_shared_cache_leaves_every_kept_route_unread(client, site_a):
    article = publish_article(site_a, "Tin khi mất bộ nhớ chung")
    read(client, site_a.hostname, article.url)
    caches["shared"].clear()  # a restarted Redis, a removed var/cache/shared
    PAGES_GENERATION._seen.clear()
    assert routing_queries(client, site_a.hostname, article.url)


def test_a_view_restriction_applies_to_a_kept_route(client, site_a):
    article = publish_article(site_a, "Tin nội bộ")
    assert "Tin nội bộ" in read(client, site_a.hostname, article.url).content.decode()
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    response = read(client, site_a.hostname, article.url)
    assert "Tin nội bộ" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_pages_of_other_types_are_routed_by_wagtail_alone(client):
    """A kept page is shared by every reader of the process: only the portal's page types, which
    never change themselves while serving, are kept."""
    bare = Page.get_first_root_node().add_child(instance=Page(title="Trang trần", slug="trang-tran"))
    Site.objects.create(hostname="bare.localhost", root_page=bare)
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert read(client, "bare.localhost", "/").status_code == 200
        # What Wagtail itself asks: the site, the locale, the page's view restrictions (two).
        assert len(captured) == 4
        assert '"wagtailcore_site"' in captured[0]["sql"]


def test_each_host_has_its_own_routes(client, site_a, site_b):
    assert site_a.home.title in read(client, site_a.hostname, "/").content.decode()
    assert site_b.home.title in read(client, site_b.hostname, "/").content.decode()
    assert site_a.home.title in read(client, site_a.hostname, "/").content.decode()


def test_the_fragment_cache_keeps_values_under_the_generation():
    fragments = caches["template_fragments"]
    fragments.set("band", "<p>kept</p>")
    assert fragments.get("band") == "<p>kept</p>"
    assert fragments.add("band", "other") is False
    assert fragments.touch("band") is True
    clear_pages()
    assert fragments.get("band") is None
    assert fragments.add("band", "again") is True
    assert fragments.delete("band") is True
    assert fragments.get("band", "absent") == "absent"
    fragments.set("band", "not kept", timeout=0)
    assert fragments.has_key("band") is False
