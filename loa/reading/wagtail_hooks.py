from wagtail import hooks

from loa.portal.caching import ARTICLE_HEADER
from loa.portal.pages import ArticlePage


# A serving hook rather than a template tag: a view is a side effect of serving the page, not of
# rendering a template (which also happens for previews). The hook only marks an article's
# response; `loa.portal.caching.serve_page` counts the view, so that copies served from the page
# cache count too. The high order puts this wrapper innermost, inside Wagtail's own
# view-restriction check: a reader who got a password or login form has not read the article.
@hooks.register("on_serve_page", order=100)
def mark_article_responses(serve):
    def serve_and_mark(page, request, serve_args, serve_kwargs):
        response = serve(page, request, serve_args, serve_kwargs)
        if isinstance(page, ArticlePage) and response.status_code == 200:
            response[ARTICLE_HEADER] = str(page.pk)
        return response

    return serve_and_mark
