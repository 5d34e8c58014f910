"""Schedules are tested on the portal's provisioned sites."""

from tests.portal.conftest import orgs, site_a, site_b  # noqa: F401
