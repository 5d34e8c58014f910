from django.dispatch import receiver
from wagtail.signals import page_unpublished

from .popularity import forget_most_read


@receiver(page_unpublished, dispatch_uid="reading_forget_withdrawn_page")
def forget_withdrawn_page(sender, instance, **kwargs) -> None:
    """A withdrawn article leaves the most-read list at once, not when its cache expires."""
    forget_most_read(instance)
