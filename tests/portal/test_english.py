"""English pages: Wagtail translations served under /en/, a language switch, isolation, the demo.

Vietnamese stays at the plain addresses: only the pages' URLs take a language prefix, and only
English does; the admin and the API answer where they always did.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, Site, WorkflowPage

from loa.demo.data import load_demo
from loa.orgs.roles import Role
from loa.portal.demo import load_english_demo, load_portal_demo
from loa.portal.pages import ArticlePage, ContactPage, OrganizationPage, PortalHomePage, SectionPage

from .conftest import publish_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def english_home(site, english) -> PortalHomePage:
    return site.home.get_translation(english).specific


def publish_in_english(page: Page, english, **fields) -> Page:
    """Translate `page` as an editor would ("Translate", then edit and publish the copy)."""
    translation = page.get_translation_or_none(english) or page.copy_for_translation(english)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def translated(site_a, english):
    """Site A with its home and "About us" pages in English; its news section left untranslated."""
    home = publish_in_english(site_a.home, english, title="Department of Testing")
    about = OrganizationPage.objects.child_of(site_a.home).get()
    about_en = publish_in_english(about, english, title="About us", slug="about-us")
    return {"home": home, "about": about, "about_en": about_en}


def get(client, site, url, **headers):
    return client.get(url, HTTP_HOST=site.hostname, **headers)


def test_provisioning_makes_an_unpublished_english_home_with_the_sites_permissions(site_a, english):
    home = english_home(site_a, english)
    assert not home.live and home.organization == site_a.home.organization
    assert home.get_parent().is_root() and not home.is_descendant_of(site_a.home)

    def grants(page):
        return set(GroupPagePermission.objects.filter(page=page).values_list("group", "permission"))

    assert grants(home) == grants(site_a.home) and grants(home)
    assert WorkflowPage.objects.get(page=home).workflow == site_a.member.workflow
    for group in (site_a.member.reporters, site_a.member.editors, site_a.member.chiefs):
        assert group.permissions.filter(codename="submit_translation").exists()


def test_english_pages_are_served_under_en_in_english(client, site_a, translated):
    response = get(client, site_a, "/en/")
    assert response.status_code == 200 and response.context["page"].pk == translated["home"].pk
    html = response.content.decode()
    assert '<html lang="en">' in html and "Department of Testing" in html
    assert 'href="/en/about-us/"' in html  # the menu comes from the English home's children
    assert ">Home</a>" in html  # the frame's own words are in English too

    about = get(client, site_a, "/en/about-us/")
    assert about.status_code == 200 and '<html lang="en">' in about.content.decode()
    assert about.context["frame"].home.pk == translated["home"].pk
    assert about.context["frame"].board == site_a.board


def test_the_switch_links_a_translated_page_both_ways(client, site_a, translated):
    vietnamese = get(client, site_a, "/gioi-thieu/").content.decode()
    assert '<html lang="vi">' in vietnamese
    assert '<a href="/en/about-us/" hreflang="en" lang="en" rel="alternate">English</a>' in vietnamese
    assert '<link rel="alternate" hreflang="en" href="http://so-a.localhost/en/about-us/">' in vietnamese
    assert '<link rel="alternate" hreflang="vi" href="http://so-a.localhost/gioi-thieu/">' in vietnamese

    english = get(client, site_a, "/en/about-us/").content.decode()
    assert '<a href="/gioi-thieu/" hreflang="vi" lang="vi" rel="alternate">Tiếng Việt</a>' in english
    assert '<link rel="alternate" hreflang="vi" href="http://so-a.localhost/gioi-thieu/">' in english


def test_the_switch_falls_back_to_the_home_page_of_the_other_language(client, site_a, translated):
    article = publish_article(site_a, "Tin chưa dịch")
    html = get(client, site_a, article.url).content.decode()
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html
    assert 'hreflang="en" href=' not in html  # no search-engine alternate: it is not this page


def test_a_site_without_english_pages_has_no_switch_and_no_en_addresses(client, site_a, site_b):
    html = get(client, site_b, "/").content.decode()
    assert 'hreflang="en"' not in html and "language-switch" not in html
    assert get(client, site_b, "/en/").status_code == 404  # its English home is still a draft
    assert get(client, site_b, "/en/gioi-thieu/").status_code == 404  # no Vietnamese page at /en/


def test_vietnamese_addresses_stay_as_they_were_whatever_the_browser_asks(client, site_a, translated):
    response = get(client, site_a, "/gioi-thieu/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and '<html lang="vi">' in response.content.decode()
    assert "Trang chủ" in response.content.decode()
    assert get(client, site_a, "/", HTTP_ACCEPT_LANGUAGE="en").context["page"].pk == site_a.home.pk
    assert get(client, site_a, "/vi/gioi-thieu/").status_code == 404
    assert get(client, site_a, "/en/gioi-thieu/").status_code == 404  # English URLs are English pages'


def test_the_admin_and_the_api_are_not_prefixed(client, site_a):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/en/admin/login/").status_code == 404
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/en/api/v1/openapi.json").status_code == 404


def test_site_a_editors_edit_their_english_pages_and_never_see_site_b_s(
    client, site_a, site_b, english, translated
):
    b_home = publish_in_english(site_b.home, english, title="Bravo Ward")
    b_about = publish_in_english(
        OrganizationPage.objects.child_of(site_b.home).get(), english, title="About Bravo", slug="about"
    )
    client.force_login(site_a.staff(Role.PORTAL_EDITOR))

    assert client.get(reverse("wagtailadmin_pages:edit", args=[translated["about_en"].pk])).status_code == 200
    root = client.get(reverse("wagtailadmin_explore_root"), follow=True).content.decode()
    assert "Department of Testing" in root and "Bravo Ward" not in root
    for page in (b_home, b_about):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code in (302, 403, 404)
        explore = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
        assert explore.status_code == 404
    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[b_home.pk]))
    assert chooser.status_code == 404
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Bravo"}).content.decode()
    assert "About Bravo" not in search and "Bravo Ward" not in search


def test_an_editor_translates_a_page_of_their_site_into_its_english_tree(client, site_a, site_b, english):
    about = OrganizationPage.objects.child_of(site_a.home).get()
    client.force_login(site_a.staff(Role.PORTAL_REPORTER))
    url = reverse("simple_translation:submit_page_translation", args=[about.pk])
    response = client.post(url, {"locales": [english.pk]})
    translated = about.get_translation(english)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[translated.pk])
    assert translated.get_parent().pk == english_home(site_a, english).pk and not translated.live
    assert client.get(response["Location"]).status_code == 200

    b_about = OrganizationPage.objects.child_of(site_b.home).get()
    url = reverse("simple_translation:submit_page_translation", args=[b_about.pk])
    assert client.post(url, {"locales": [english.pk]}).status_code in (302, 403, 404)
    assert b_about.get_translation_or_none(english) is None


def test_the_demo_translates_the_portal_and_the_department_of_justice_once(client, english):
    load_demo()
    load_portal_demo()  # English pages included
    assert load_english_demo() == 0

    for hostname in ("localhost", "stp.localhost"):
        home = Site.objects.get(hostname=hostname).root_page.get_translation(english)
        pages = Page.objects.descendant_of(home, inclusive=True)
        assert not pages.filter(live=False).exists()
        assert {page.specific_class for page in pages} == {
            PortalHomePage, OrganizationPage, ContactPage, SectionPage, ArticlePage
        }
        assert pages.type(ArticlePage).count() >= 2
        for page in pages:
            response = client.get(page.url, HTTP_HOST=hostname)
            assert response.status_code == 200 and '<html lang="en">' in response.content.decode(), page.url
        assert 'class="masthead__owner" lang="en"' in response.content.decode()  # its English name
    about = OrganizationPage.objects.get(locale=english, slug="about-us", url_path__startswith="/dni-stp")
    assert [leader.position for leader in about.leaders.all()] == [
        "Director of the Department of Justice", "Deputy Director of the Department of Justice"
    ]
    ward = Site.objects.get(hostname="tranbien.localhost").root_page.get_translation(english)
    assert not ward.live  # made by provisioning, left for the ward's editors to translate


def test_the_command_gives_older_sites_their_english_home(site_a):
    english = Locale.objects.get(language_code="en")
    site_a.home.get_translation(english).delete()
    call_command("add_translated_homes", verbosity=0)
    call_command("add_translated_homes", verbosity=0)
    assert site_a.home.get_translation_or_none(english) is not None


def test_english_pages_name_the_organization_in_english_when_it_has_an_english_name(
    client, site_a, translated, orgs
):
    html = get(client, site_a, "/en/").content.decode()
    assert '<p class="masthead__owner" lang="vi">Sở Thử nghiệm</p>' in html  # none yet: marked
    orgs.department.english_name = "Department of Trials"
    orgs.department.save()
    english = get(client, site_a, "/en/").content.decode()
    assert '<p class="masthead__owner" lang="en">Department of Trials</p>' in english
    vietnamese = get(client, site_a, "/").content.decode()
    assert '<p class="masthead__owner" lang="vi">Sở Thử nghiệm</p>' in vietnamese
