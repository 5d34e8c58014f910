"""Another app's records in search: a provider registered for a model that is not a page."""

from __future__ import annotations

import pytest
from wagtail.documents import get_document_model

from loa.portal.models import MemberSite
from loa.search import registry
from loa.search.index import rebuild
from loa.search.models import SearchEntry
from loa.search.registry import Kind, SearchDocument
from tests.portal.conftest import make_document

pytestmark = pytest.mark.django_db


class DocumentProvider:
    """The files of a member site's collection, found on that site."""

    model = get_document_model()
    kind = Kind("document", "Tài liệu")

    def public(self):
        return self.model.objects.select_related("collection")

    def document(self, record) -> SearchDocument | None:
        member = MemberSite.objects.filter(collection=record.collection_id).first()
        if member is None:
            return None
        return SearchDocument(
            site_id=member.site_id, kind=self.kind.code, path=record.url, title=record.title,
            published_at=record.created_at,
        )


@pytest.fixture
def documents_searchable():
    registry.register(DocumentProvider())
    yield
    registry.unregister(DocumentProvider.model)


def found(client, site, **params) -> list[str]:
    response = client.get("/tim-kiem/", params, HTTP_HOST=site.hostname)
    return [entry.title for entry in response.context["results"]]


def kind_choices(client, site) -> dict:
    form = client.get("/tim-kiem/", HTTP_HOST=site.hostname).context["form"]
    return dict(form.fields["kind"].choices)


def test_a_registered_model_is_searchable_under_its_own_kind(client, site_a, documents_searchable):
    document = make_document(site_a.member.collection, "Quyết định công bố thủ tục hành chính")
    assert found(client, site_a, q="quyet dinh cong bo", loai="document") == [document.title]
    assert "document" in kind_choices(client, site_a)


def test_saving_and_deleting_a_record_updates_the_index(client, site_a, documents_searchable):
    document = make_document(site_a.member.collection, "Quyết định công bố thủ tục")
    document.title = "Quyết định bãi bỏ thủ tục"
    document.save()
    assert found(client, site_a, q="bai bo thu tuc") == [document.title]
    assert found(client, site_a, q="cong bo thu tuc") == []
    document.delete()
    assert found(client, site_a, q="thu tuc", loai="document") == []


def test_rebuilding_includes_registered_records(site_a, documents_searchable):
    document = make_document(site_a.member.collection, "Biểu mẫu đăng ký hộ tịch")
    SearchEntry.objects.all().delete()
    rebuild()
    entry = SearchEntry.objects.get(kind="document")
    assert (entry.object_id, entry.site_id) == (document.pk, site_a.member.site_id)
    assert entry.page_id is None


def test_an_unregistered_kind_leaves_the_form(client, site_a):
    registry.register(DocumentProvider())
    registry.unregister(DocumentProvider.model)
    choices = kind_choices(client, site_a)
    assert "document" not in choices and "article" in choices
