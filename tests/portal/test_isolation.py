"""Member-site isolation: site A's editors never see or change site B's pages, images or documents.

Each test looks for one of site B's titles (a unique marker) in what site A's editor is shown.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from loa.orgs.roles import Role
from tests.factories import make_user

from .conftest import make_document, make_image, publish_article

pytestmark = pytest.mark.django_db

A_MARK = "Tin của sở alpha"
B_MARK = "Tin của xã bravo"


@pytest.fixture
def content(site_a, site_b):
    return {
        "a_article": publish_article(site_a, A_MARK),
        "b_article": publish_article(site_b, B_MARK),
        "a_image": make_image(site_a.member.collection, title="Ảnh alpha"),
        "b_image": make_image(site_b.member.collection, title="Ảnh bravo"),
        "a_document": make_document(site_a.member.collection, title="Văn bản alpha"),
        "b_document": make_document(site_b.member.collection, title="Văn bản bravo"),
    }


@pytest.fixture
def b_reporter(site_b, content):
    """Site B's reporter, who owns, edits and submits a page: a name site A must not learn."""
    reporter = site_b.staff(Role.PORTAL_REPORTER, first_name="Bravo", last_name="Phóng viên")
    draft = content["b_article"]
    draft.owner = reporter
    draft.save_revision(user=reporter, log_action=True)
    site_b.member.workflow.start(draft, reporter)
    return reporter


def shows_b(response, site_b, b_reporter) -> bool:
    return any(shows(response, text) for text in (B_MARK, site_b.home.title, site_b.hostname,
                                                  "Bravo", b_reporter.username))


@pytest.fixture(params=[Role.PORTAL_REPORTER, Role.PORTAL_EDITOR, Role.EDITOR_IN_CHIEF])
def editor_a(request, client, site_a, content):
    user = site_a.staff(request.param)
    client.force_login(user)
    return user


def shows(response, text: str) -> bool:
    """Whether `text` is on the screen; choosers answer JSON carrying their HTML."""
    if response.get("Content-Type", "").startswith("application/json"):
        return text in response.json().get("html", "")
    return text in response.content.decode()


def test_cannot_edit_or_delete_site_b_pages(client, editor_a, content, site_b):
    page = content["b_article"]
    for name in ("edit", "delete", "unpublish", "history", "move"):
        response = client.get(reverse(f"wagtailadmin_pages:{name}", args=[page.pk]))
        assert response.status_code in (302, 403, 404), name
        assert not shows(response, B_MARK), name
    add = reverse("wagtailadmin_pages:add", args=["portal", "articlepage", site_b.section().pk])
    assert client.get(add).status_code in (302, 403, 404)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[content["a_article"].pk])).status_code == 200


def test_explorer_shows_only_site_a(client, editor_a, site_a, site_b, b_reporter):
    listing = client.get(reverse("wagtailadmin_explore_root"), follow=True)
    assert listing.status_code == 200
    assert shows(listing, site_a.home.title) and not shows_b(listing, site_b, b_reporter)
    section = client.get(reverse("wagtailadmin_explore", args=[site_a.section().pk]))
    assert shows(section, A_MARK) and not shows_b(section, site_b, b_reporter)
    b_listing = client.get(reverse("wagtailadmin_explore", args=[site_b.section().pk]))
    assert b_listing.status_code in (302, 403, 404) and not shows(b_listing, B_MARK)


def test_admin_search_shows_only_site_a(client, editor_a, site_b, b_reporter):
    results = client.get(reverse("wagtailadmin_pages:search"), {"q": "Tin"})
    assert results.status_code == 200
    assert shows(results, A_MARK) and not shows_b(results, site_b, b_reporter)


def test_page_chooser_shows_only_site_a(client, editor_a, site_a, site_b):
    root = client.get(reverse("wagtailadmin_choose_page"))
    assert shows(root, site_a.home.title) and not shows(root, site_b.home.title)
    for parent in (site_b.home, site_b.section()):
        inside_b = client.get(reverse("wagtailadmin_choose_page_child", args=[parent.pk]))
        assert inside_b.status_code == 404 and not shows(inside_b, site_b.home.title)
    root = site_a.home.get_parent()
    for parent in (root, site_a.home, site_a.section()):
        assert client.get(reverse("wagtailadmin_choose_page_child", args=[parent.pk])).status_code == 200
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Tin"})
    assert shows(search, A_MARK) and not shows(search, B_MARK)


def test_superusers_choose_from_every_site(client, site_a, site_b, content):
    client.force_login(make_user(is_superuser=True))
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Tin"})
    assert shows(search, A_MARK) and shows(search, B_MARK)


def test_images_are_isolated(client, editor_a, content):
    for url in (reverse("wagtailimages:index"), reverse("wagtailimages_chooser:choose"),
                reverse("wagtailimages:index") + "?q=Ảnh", reverse("wagtailimages_chooser:choose") + "?q=Ảnh"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert shows(response, "Ảnh alpha") and not shows(response, "Ảnh bravo"), url
    b_image = content["b_image"]
    for url in (reverse("wagtailimages:edit", args=[b_image.pk]),
                reverse("wagtailimages:delete", args=[b_image.pk]),
                reverse("wagtailimages_chooser:chosen", args=[b_image.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert not shows(response, "Ảnh bravo"), url


def test_documents_are_isolated(client, editor_a, content):
    for url in (reverse("wagtaildocs:index"), reverse("wagtaildocs_chooser:choose"),
                reverse("wagtaildocs:index") + "?q=Văn"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert shows(response, "Văn bản alpha") and not shows(response, "Văn bản bravo"), url
    b_document = content["b_document"]
    for url in (reverse("wagtaildocs:edit", args=[b_document.pk]),
                reverse("wagtaildocs_chooser:chosen", args=[b_document.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert not shows(response, "Văn bản bravo"), url


def test_uploads_go_to_the_site_collection_only(client, editor_a, site_a, site_b):
    form = client.get(reverse("wagtailimages:add_multiple"))
    assert form.status_code == 200 and not shows(form, site_b.member.collection.name)
    source = make_image(site_a.member.collection).file
    source.open()
    data = source.read()

    def upload(collection):
        client.post(reverse("wagtailimages:add_multiple"), {
            "files[]": SimpleUploadedFile("moi.png", data, content_type="image/png"),
            "collection": collection.pk,
        }, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        return get_image_model().objects.filter(title="moi.png").values_list("collection", flat=True)

    # Asking for site B's collection is ignored: an editor's uploads go to the one they may add to.
    assert set(upload(site_b.member.collection)) == {site_a.member.collection.pk}


def test_reports_show_only_site_a(client, editor_a, site_b, b_reporter):
    for name in ("wagtailadmin_reports:site_history", "wagtailadmin_reports:workflow",
                 "wagtailadmin_reports:workflow_tasks", "wagtailadmin_reports:aging_pages",
                 "wagtailadmin_reports:locked_pages"):
        response = client.get(reverse(name))
        assert response.status_code in (200, 302, 403), name
        assert not shows_b(response, site_b, b_reporter), name


def test_dashboard_shows_nothing_of_site_b(client, editor_a, site_b, b_reporter):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert not shows_b(response, site_b, b_reporter)


def tag(article, name: str) -> None:
    article.tags.add(name)
    article.save()  # an article's tags are written with the page


def test_tag_suggestions_come_from_the_own_site_only(client, editor_a, content):
    tag(content["a_article"], "Chuyển đổi số")
    tag(content["b_article"], "Chuyển đổi xanh")
    content["a_image"].tags.add("Chân dung")
    content["b_image"].tags.add("Chợ quê")
    for url in ("/admin/tag-autocomplete/", "/admin/tag-autocomplete/taggit/tag/"):
        response = client.get(url, {"term": "ch"})
        assert response.status_code == 200
        assert sorted(response.json()) == ["Chuyển đổi số", "Chân dung"], url
    assert reverse("wagtailadmin_tag_autocomplete") == "/admin/tag-autocomplete/"


def test_superusers_get_every_tag(client, site_a, content):
    tag(content["a_article"], "Chuyển đổi số")
    tag(content["b_article"], "Chuyển đổi xanh")
    client.force_login(make_user(is_superuser=True))
    assert sorted(client.get("/admin/tag-autocomplete/", {"term": "chuy"}).json()) == [
        "Chuyển đổi số", "Chuyển đổi xanh"]


def test_tag_suggestions_need_an_admin_sign_in(client, content):
    assert client.get("/admin/tag-autocomplete/", {"term": "ch"}).status_code == 302
