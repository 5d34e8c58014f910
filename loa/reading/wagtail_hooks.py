from wagtail import hooks

from loa.portal.pages import ArticlePage

from .counting import count_view, is_reader_view, maybe_flush


# A serving hook rather than a template tag: a view is a side effect of serving the page, not of
# rendering a template (which also happens for previews, and may come from a cached fragment);
# here the request's method and headers and the response's status are at hand. Previews are never
# served through these hooks. The high order puts this wrapper innermost, inside Wagtail's own
# view-restriction check: a reader who got a password or login form has not read the article.
@hooks.register("on_serve_page", order=100)
def count_article_views(serve):
    def serve_and_count(page, request, serve_args, serve_kwargs):
        response = serve(page, request, serve_args, serve_kwargs)
        if (
            isinstance(page, ArticlePage)
            and response.status_code == 200
            and is_reader_view(request)
        ):
            count_view(page.pk)
            maybe_flush()
        return response

    return serve_and_count
