from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyPageViews(models.Model):
    """How many readers opened a page on one day, written only by `loa.reading.counting`.

    One row per page and day, so that "most read in the last 7 days" is a short range scan on
    `day` rather than a count over a log of every view.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    day = models.DateField(_("day"))
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily page views")
        verbose_name_plural = _("daily page views")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "day"], name="reading_views_one_row_per_page_day"
            )
        ]
        indexes = [models.Index(fields=["day", "page"], name="reading_views_by_day")]

    def __str__(self) -> str:
        return f"{self.page_id} {self.day}: {self.views}"
