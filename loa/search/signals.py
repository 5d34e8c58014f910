"""Keep the search index in step with the pages: publish, unpublish, move, privacy, sites.

Records shown at a section's address (legal documents, procedures, questions) follow that section:
when it is published, unpublished, moved, made private or deleted, its site's records are
described again. A deleted page's own entries go with it (`SearchEntry.page` cascades).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import index
from .models import SearchEntry
from .pages import page_document, subtree_documents
from .registry import providers


def reindex_subtree(page: Page) -> None:
    """Describe `page` and its descendants again: their addresses or their privacy changed."""
    for descendant, document in subtree_documents(page):
        index.save(descendant, document)
    reindex_records_shown_under(page)


def reindex_records_shown_under(page: Page) -> None:
    """Describe again the records of `page`'s site that are shown at a section at or below it."""
    site = page.get_site()
    if site is None:
        return
    subtree = Page.objects.descendant_of(page, inclusive=True)
    for provider in providers():
        section = getattr(provider, "section", None)
        if section is None or not section.objects.filter(pk__in=subtree.values("pk")).exists():
            continue
        _reindex_records(provider, site)


def _reindex_records(provider, site: Site) -> None:
    for record in provider.public().filter(site__site=site).iterator(chunk_size=500):
        index.save(record, provider.document(record))


@receiver(page_published, dispatch_uid="search_page_published")
def page_was_published(sender, instance: Page, **kwargs) -> None:
    before = SearchEntry.objects.filter(page_id=instance.pk).values_list("path", flat=True).first()
    document = page_document(instance.specific)
    index.save(instance, document)
    if (document.path if document else None) != before:
        # Made public, or at a new address: records shown under it are too. A new version of an
        # already public page changes nothing for them.
        reindex_records_shown_under(instance)


@receiver(page_unpublished, dispatch_uid="search_page_unpublished")
def page_was_unpublished(sender, instance: Page, **kwargs) -> None:
    index.save(instance, None)
    reindex_records_shown_under(instance)


@receiver(page_slug_changed, dispatch_uid="search_page_slug_changed")
@receiver(post_page_move, dispatch_uid="search_page_moved")
def page_address_changed(sender, instance: Page, **kwargs) -> None:
    reindex_subtree(instance)


@receiver(post_delete, sender=Page, dispatch_uid="search_section_deleted")
def section_deleted(sender, instance: Page, **kwargs) -> None:
    """A deleted section takes away the only public address of its site's records."""
    model = instance.specific_class
    sections = [
        provider for provider in providers()
        if getattr(provider, "section", None) is not None and model is not None
        and issubclass(model, provider.section)
    ]  # fmt: skip
    if not sections:
        return  # an article or any other page: records are not shown at its address
    sites = [
        site for site in Site.objects.select_related("root_page")
        if instance.path.startswith(site.root_page.path)
    ]  # fmt: skip
    for site in sites:
        for provider in sections:
            _reindex_records(provider, site)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")
def privacy_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    origin = kwargs.get("origin")
    origin_model = origin.model if isinstance(origin, QuerySet) else type(origin)
    if origin is not None and not issubclass(origin_model, PageViewRestriction):
        return  # deleted along with its page, whose entries are going too
    reindex_subtree(instance.page)


@receiver(post_save, sender=Site, dispatch_uid="search_site_saved")
def site_saved(sender, instance: Site, **kwargs) -> None:
    """A new site, or a site given another root page: its pages now have (other) addresses.

    Provisioning publishes a site's first pages before the site exists, so this is also where
    they enter the index.
    """
    if SearchEntry.objects.filter(page_id=instance.root_page_id, site_id=instance.pk).exists():
        return  # the same root as before: a new name or host name moves no page
    # Wagtail's own receiver, which forgets the cached root paths, may run after this one.
    Site.clear_site_root_paths_cache()
    reindex_subtree(instance.root_page)
