import pytest
from wagtail.models import Site

from loa.portal.demo import load_portal_demo
from loa.reading.demo import load_reading_demo
from loa.reading.popularity import most_read

pytestmark = pytest.mark.django_db


def test_the_demo_gives_every_site_a_most_read_list_once():
    from loa.demo.data import load_demo

    load_demo()
    load_portal_demo()
    assert load_reading_demo() > 0
    assert load_reading_demo() == 0
    for hostname in ("localhost", "stp.localhost", "tranbien.localhost"):
        home = Site.objects.get(hostname=hostname).root_page
        ranked = most_read(home)
        assert ranked, hostname
        assert [item.views for item in ranked] == sorted(
            (item.views for item in ranked), reverse=True
        )
