"""The questions demo: answered questions and one waiting, on two sites, made once."""

import pytest

from loa.demo.data import load_demo
from loa.portal.demo import load_portal_demo
from loa.questions.demo import load_questions_demo
from loa.questions.models import Question

pytestmark = pytest.mark.django_db


def test_the_demo_fills_two_sites_once(client):
    load_demo()
    load_portal_demo()
    made = load_questions_demo()
    assert made == Question.objects.count() > 0
    assert load_questions_demo() == 0
    for hostname in ("stp.localhost", "tranbien.localhost"):
        questions = Question.objects.filter(site__site__hostname=hostname)
        assert questions.filter(state=Question.State.RECEIVED).count() == 1
        assert questions.published().count() >= 3
        response = client.get("/hoi-dap/", HTTP_HOST=hostname)
        assert response.status_code == 200
        assert questions.published().first().title in response.content.decode()
