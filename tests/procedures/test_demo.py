import pytest
from wagtail.models import ModelLogEntry, Site

from loa.demo.data import load_demo
from loa.portal.demo import load_portal_demo
from loa.procedures.demo import load_procedures_demo
from loa.procedures.models import AdministrativeProcedure
from loa.procedures.pages import ProcedureIndexPage

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_department_and_the_ward_once(client):
    assert load_procedures_demo() == 0  # no demo sites yet: nothing to fill
    load_demo()
    load_portal_demo()
    created = load_procedures_demo()
    audit = ModelLogEntry.objects.filter(action="loa.procedure.import").count()
    assert load_procedures_demo() == 0
    assert ModelLogEntry.objects.filter(action="loa.procedure.import").count() == audit == created

    counts = {
        hostname: AdministrativeProcedure.objects.filter(site__site__hostname=hostname).count()
        for hostname in ("localhost", "stp.localhost", "tranbien.localhost")
    }
    assert counts == {"localhost": 0, "stp.localhost": 12, "tranbien.localhost": 12}
    assert created == 24

    for hostname, query, expected in (
        ("stp.localhost", "ly lich tu phap", "Cấp Phiếu lý lịch tư pháp"),
        ("tranbien.localhost", "khai sinh", "Đăng ký khai sinh"),
    ):
        page = ProcedureIndexPage.objects.descendant_of(Site.objects.get(hostname=hostname).root_page).get()
        response = client.get(page.url, {"q": query}, HTTP_HOST=hostname)
        assert expected in response.content.decode()

