import pytest

from loa.demo.data import load_demo
from loa.legal.demo import load_legal_demo
from loa.legal.models import Consultation, ConsultationComment, LegalDocument
from loa.portal.demo import load_portal_demo

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_three_sites_once(client):
    load_demo()
    load_portal_demo()
    assert load_legal_demo() > 0
    assert load_legal_demo() == 0
    by_site = {
        host: LegalDocument.objects.filter(site__site__hostname=host).count()
        for host in ("localhost", "stp.localhost", "tranbien.localhost")
    }
    assert all(by_site.values()) and sum(by_site.values()) >= 12
    assert all(document.files.count() == 1 for document in LegalDocument.objects.all())
    assert Consultation.objects.count() == 2 and ConsultationComment.objects.count() >= 2
    response = client.get("/van-ban/du-thao/", HTTP_HOST="stp.localhost")
    assert response.status_code == 200
    assert "Dự thảo Quyết định" in response.content.decode()
