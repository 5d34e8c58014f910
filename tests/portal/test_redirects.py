"""Editors' redirects answer a page's old address; the API's 404s are left as they are."""

from __future__ import annotations

import pytest
from wagtail.contrib.redirects.models import Redirect

pytestmark = pytest.mark.django_db


def test_an_old_address_of_the_portal_redirects(client, site_a):
    section = site_a.section()
    Redirect.objects.create(old_path="/tin-cu", site=site_a.member.site, redirect_page=section)
    response = client.get("/tin-cu/", HTTP_HOST=site_a.hostname)
    assert response.status_code in (301, 302) and response["Location"].endswith(section.url)


def test_an_api_404_is_never_redirected(client, site_a):
    Redirect.objects.create(old_path="/api/v1/nothing-here", redirect_link="https://example.org/")
    assert client.get("/api/v1/nothing-here/", HTTP_HOST=site_a.hostname).status_code == 404
