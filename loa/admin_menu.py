"""A Wagtail admin menu item shown only to those the screen behind it would let in."""

from collections.abc import Callable

from django.http import HttpRequest
from wagtail.admin.menu import MenuItem


class ShownToMenuItem(MenuItem):
    """Nobody is offered a link to a 404: `shown_to(user)` is the screen's own access rule."""

    def __init__(self, *args, shown_to: Callable[..., bool], **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request: HttpRequest) -> bool:
        # Asked on every admin page: the rules keep their answers on the user for the request.
        return self.shown_to(request.user)
