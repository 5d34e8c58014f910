"""The syndication demo: member sites' articles on Đồng Nai's portal, made once."""

import pytest
from django.db.models import Count

from loa.demo.data import load_demo
from loa.portal.demo import load_portal_demo
from loa.syndication.demo import PROPOSALS, load_syndication_demo
from loa.syndication.models import Proposal, State

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_portal_once(client):
    load_demo()
    load_portal_demo()

    assert load_syndication_demo() == len(PROPOSALS)
    assert load_syndication_demo() == 0

    states = dict(Proposal.objects.values_list("state").annotate(n=Count("pk")))
    assert states == {State.ACCEPTED: 4, State.REFUSED: 1, State.PROPOSED: 1}
    assert {p.source.site.hostname for p in Proposal.objects.select_related("source__site")} == {
        "stp.localhost",
        "tranbien.localhost",
    }
    assert Proposal.objects.get(state=State.REFUSED).refusal_reason

    home = client.get("/", HTTP_HOST="localhost").content.decode()
    assert home.count("card--syndicated") == 4
    for proposal in Proposal.objects.shown_on(Proposal.objects.first().portal):
        assert proposal.article.title in home
    assert 'href="http://tranbien.localhost/' in home and 'href="http://stp.localhost/' in home
