"""Tree positions as index ranges: the same pages as Wagtail's own lookups, on a real site."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from loa.portal import tree

from .conftest import publish_article


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("0001", "0002"),
        ("00010009", "0001000A"),
        ("0001000Z", "00010010"),
        ("000ZZZZZ", "00100000"),
        ("ZZZZ", None),
    ],
)
def test_the_next_sibling_path_carries_in_the_tree_alphabet(path, expected):
    assert tree.next_sibling_path(path) == expected


def test_the_next_sibling_path_sorts_after_every_descendant():
    path = "0001000Z"
    bound = tree.next_sibling_path(path)
    for descendant in (path + "0001", path + "ZZZZ", path + "ZZZZZZZZ"):
        assert path < descendant < bound


@pytest.mark.django_db
def test_the_ranges_find_what_wagtail_finds(site_a, site_b):
    for number in range(3):
        publish_article(site_a, f"Tin số {number}")
        publish_article(site_b, f"Tin số {number}")
    section = site_a.section()
    article = Page.objects.child_of(section).first()

    def ids(queryset):
        return set(queryset.values_list("pk", flat=True))

    for page in (site_a.home, section, article, Page.get_first_root_node()):
        assert ids(Page.objects.filter(tree.below(page))) == ids(Page.objects.descendant_of(page))
        assert ids(Page.objects.filter(tree.below(page, inclusive=True))) == ids(
            Page.objects.descendant_of(page, inclusive=True)
        )
        assert ids(Page.objects.filter(tree.children(page))) == ids(Page.objects.child_of(page))
    assert ids(Page.objects.filter(tree.siblings(article))) == ids(
        Page.objects.sibling_of(article, inclusive=False)
    )
    # The other site's pages are never in range, though its tree is built alike.
    assert not ids(Page.objects.filter(tree.below(site_a.home))) & ids(
        Page.objects.descendant_of(site_b.home, inclusive=True)
    )


def test_the_range_reaches_pages_from_rows_about_them(site_a, site_b):
    """`field` names the path from another model: the rows of the pages below a page."""
    from loa.reading.models import DailyPageViews

    mine, theirs = publish_article(site_a, "Tin của sở"), publish_article(site_b, "Tin của xã")
    for page in (mine, theirs, site_a.home):
        DailyPageViews.objects.create(page=page, day="2026-11-20", views=1)
    rows = DailyPageViews.objects.filter(tree.below(site_a.home, inclusive=True, field="page__path"))
    assert set(rows.values_list("page", flat=True)) == {mine.pk, site_a.home.pk}
