"""The portal demo: three sites, every page type on each, and nothing new on a second run."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from loa.demo.data import load_demo
from loa.portal.demo import load_portal_demo
from loa.portal.models import PAGE_MODELS, MemberSite
from loa.portal.pages import ArticlePage, GalleryPage, PortalHomePage, SectionPage, TopicPage

pytestmark = pytest.mark.django_db

# Every page type, those of the standard sections included.
PAGE_TYPES = {PortalHomePage, ArticlePage, TopicPage, GalleryPage, *PAGE_MODELS.values()}


def test_the_demo_fills_three_sites_once(client):
    load_demo()
    assert load_portal_demo() > 0
    before = (Page.objects.count(), MemberSite.objects.count(), get_image_model().objects.count())
    assert load_portal_demo() == 0
    assert (Page.objects.count(), MemberSite.objects.count(), get_image_model().objects.count()) == before

    sites = {site.hostname: site for site in Site.objects.all()}
    assert set(sites) == {"localhost", "stp.localhost", "tranbien.localhost"}
    assert sites["localhost"].is_default_site
    for site in sites.values():
        pages = Page.objects.descendant_of(site.root_page, inclusive=True)
        assert {page.specific_class for page in pages} == PAGE_TYPES, site.hostname
        assert not pages.filter(live=False).exists()
        for page in pages:
            assert client.get(page.relative_url(site), HTTP_HOST=site.hostname).status_code == 200

    province = MemberSite.objects.get(site__hostname="localhost")
    assert province.editorial_board.code == "DNI-BBT"
    User = get_user_model()
    assert set(User.objects.get(username="bbt.phongvien").groups.all()) == {province.reporters}
    assert set(User.objects.get(username="bbt.tongbientap").groups.all()) == {province.chiefs}
    home = client.get("/", HTTP_HOST="127.0.0.1").content.decode()  # an unclaimed name: the default site
    assert "Cổng thông tin điện tử tỉnh Đồng Nai" in home and "Trang thông tin điện tử phường Trấn Biên" in home
