"""Reading fixtures: the portal's sites and articles, and a reader's browser."""

import pytest

from tests.portal.conftest import (  # noqa: F401  (fixtures shared with the portal's tests)
    make_image,
    orgs,
    provision,
    publish_article,
    site_a,
    site_b,
)

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/131.0 Mobile Safari/537.36"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture
def read(client):
    """Open a page of a site as a reader on a phone."""

    def read(site, page, **headers):
        return client.get(page.url, HTTP_HOST=site.hostname, HTTP_USER_AGENT=BROWSER, **headers)

    return read
