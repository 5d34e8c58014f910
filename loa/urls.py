from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern as WAGTAIL_SERVE_PATTERN

from loa.api import api
from loa.citizens import preview
from loa.portal import isolation
from loa.portal.caching import serve_page

urlpatterns = [
    path("admin/loa-preview/<int:pk>/", preview.staff_preview, name="loa_staff_preview"),
    # Before Wagtail's own: tag suggestions from the user's own sites only.
    path("admin/tag-autocomplete/", isolation.tag_autocomplete),
    path("admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/", isolation.tag_autocomplete),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("loa/", preview.feed_view, name="loa_app_feed"),
    path("loa/bulletins/<int:pk>/", preview.bulletin_view, name="loa_app_bulletin"),
    path("tim-kiem/", include("loa.search.urls")),
    path("", include("loa.reading.urls")),
]

if settings.LOA_SERVE_MEDIA:
    # Images and their renditions are public. Files under media/loa/ (the attachments of
    # publication requests) are not: the channel serves them through its own view after its
    # access check. Behind nginx, set LOA_SERVE_MEDIA=0 and let nginx serve the same split.
    urlpatterns += [
        re_path(
            r"^media/(?!loa/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        )
    ]

# The pages: Vietnamese at the plain URLs, English under /en/ (Wagtail serves the site's home page
# in the language the prefix activates). Only the pages are prefixed: the admin, the API and the
# app's own screens above answer at one address whatever the language.
# Readers' requests for pages go through the page cache first (`loa.portal.caching`).
urlpatterns += i18n_patterns(
    re_path(WAGTAIL_SERVE_PATTERN, serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
