"""The portal's fixtures (organizations, provisioned sites, published articles) for search tests."""

from tests.portal.conftest import orgs, site_a, site_b  # noqa: F401
