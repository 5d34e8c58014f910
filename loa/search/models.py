"""The search index: one row per public record of any site, with its text folded for matching.

The row keeps what a result shows (title, summary, link, date, site) so that a page of results is
read from this one table, whatever kinds of records it mixes. The folded text is matched through
the database's full-text index (FTS5 on SQLite, a GIN index on PostgreSQL), made by migration 0002.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import pgettext_lazy


class SearchEntry(models.Model):
    """A public record as search finds it. Rows are written only by `loa.search.index`."""

    # The record: a page, or any other model a provider registers (see `loa.search.registry`).
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    # Set for pages, so that deleting a page (and its subtree) takes its entries with it.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(pgettext_lazy("search", "type"), max_length=40)
    path = models.CharField(pgettext_lazy("search", "address on its site"), max_length=2048)
    published_at = models.DateTimeField(pgettext_lazy("search", "published at"))
    title = models.TextField(pgettext_lazy("search", "title"))
    summary = models.TextField(pgettext_lazy("search", "summary"), blank=True)
    # The title in lower case with its diacritics, to rank first the titles that hold the query
    # exactly as typed.
    title_key = models.TextField()
    # Folded words (see `loa.search.text.fold`) separated by single spaces. Kept last: SQLite then
    # reads the short columns of a row without following the overflow pages of a long body.
    folded_title = models.TextField()
    folded_text = models.TextField()

    class Meta:
        verbose_name = pgettext_lazy("search", "search entry")
        verbose_name_plural = pgettext_lazy("search", "search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_entry_unique_record"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def url_from(self, site_id: int) -> str:
        """The link to the record from a page of site `site_id`: relative on its own site."""
        if self.site_id == site_id:
            return self.path
        return self.site.root_url + self.path
