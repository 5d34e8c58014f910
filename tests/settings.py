"""Test settings: production settings with the few changes that make a test run fast and hermetic."""

import tempfile
from pathlib import Path

from loa.settings import *  # noqa: F403

# Tests do not run collectstatic; the manifest storage would refuse to render pages without it.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# A deliberately fast hasher: password hashing dominates account tests otherwise.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A media folder of this run's own: concurrent runs must not see each other's files.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="loa-test-media-"))
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
# Page tests count queries and read what they just published: no page cache, except in the tests
# of the cache itself (tests/portal/test_caching.py), which turn it on.
WAGTAIL_CACHE = False
CACHES["pages"] = {"BACKEND": "loa.portal.memory.LocMemPagesCache", "LOCATION": "pages"}  # noqa: F405
# One test process: its shared cache need not be shared with anyone.
CACHES["shared"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"}  # noqa: F405
