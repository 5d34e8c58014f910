"""Where a page stands in the tree, as conditions a database index can answer.

Wagtail's `descendant_of()`, `child_of()` and `sibling_of()` ask for `path LIKE 'prefix%'`. SQLite's
LIKE ignores case and the page table's path index does not, so SQLite cannot use the index and
reads the whole page table, every site of the portal, on each call; PostgreSQL, under a
non-C collation, cannot either. A tree path is a string of fixed-width steps over an alphabet of
digits and capital letters, so the pages below one are exactly those whose path lies between its
own and that of its next possible sibling: a range, which both databases answer from the index.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Page


def next_sibling_path(path: str) -> str | None:
    """The path a next sibling of the page at `path` would have: every descendant sorts before it.

    The last step is incremented in the tree's alphabet, carrying into the steps before it when it
    is the last letter ("00010Z" becomes "000110"). A path of nothing but the last letter has no
    successor (None): nothing sorts after it but its own descendants.
    """
    alphabet = Page.alphabet
    digits = list(path)
    for position in range(len(digits) - 1, -1, -1):
        index = alphabet.index(digits[position])
        if index + 1 < len(alphabet):
            digits[position] = alphabet[index + 1]
            return "".join(digits)
        digits[position] = alphabet[0]
    return None


def below(page: Page, *, inclusive: bool = False, field: str = "path") -> Q:
    """Pages below `page` (and `page` itself, if `inclusive`): `descendant_of()` by a range.

    `field` names the path from another model, such as "page__path" for rows about pages.
    """
    lower = Q(**{f"{field}__gte" if inclusive else f"{field}__gt": page.path})
    return lower & _before(next_sibling_path(page.path), field)


def children(page: Page) -> Q:
    """Pages right under `page`: `child_of()` by a range."""
    return below(page) & Q(depth=page.depth + 1)


def siblings(page: Page, *, inclusive: bool = False) -> Q:
    """Pages beside `page`, itself excluded unless `inclusive`: `sibling_of()` by a range."""
    parent_path = page.path[: -Page.steplen]
    parent_range = Q(path__gt=parent_path) & _before(next_sibling_path(parent_path))
    beside = parent_range & Q(depth=page.depth)
    return beside if inclusive else beside & ~Q(pk=page.pk)


def _before(bound: str | None, field: str = "path") -> Q:
    return Q() if bound is None else Q(**{f"{field}__lt": bound})
