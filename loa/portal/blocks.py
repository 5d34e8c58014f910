"""The blocks an article's body is written in.

Seed 002 names the forms a portal's newsroom publishes: news with photos, infographics and
longform stories, quotes and tables of figures. Every block that shows a picture asks for its
alternative text, because a portal must be usable with a screen reader (Decree 224/2026, WCAG 2.1
AA), and for pictures reproduced from others a credit, as intellectual property law asks.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Headings start at h2: the page title is the one h1.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
INLINE_FEATURES = ["bold", "italic", "link", "document-link"]

ALT_HELP = _(
    "What the picture shows, for readers who cannot see it. Do not start with “Image of”."
)


class ImageBlock(blocks.StructBlock):
    """A photo in the flow of the text, with its caption and, when not the board's own, its credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(label=_("Alternative text"), max_length=255, help_text=ALT_HELP)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(
        label=_("Photo credit"),
        required=False,
        max_length=255,
        help_text=_("The author or source of the photo, when it is not the editorial board's own."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "portal/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Said by"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "portal/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    """A video from a service such as YouTube.

    The page shows the player only when the video's details were fetched when the editor saved it;
    otherwise a link, so that serving a page never waits on another site.
    """

    video = EmbedBlock(label=_("Video address"), help_text=_("The address of the video, such as a YouTube link."))
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "portal/blocks/video.html"


class InfographicBlock(blocks.StructBlock):
    """A full-width graphic; its figures also as text, since alternative text cannot hold a chart."""

    image = ImageChooserBlock(label=_("Infographic"))
    alt = blocks.CharBlock(label=_("Alternative text"), max_length=255, help_text=ALT_HELP)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    text_version = blocks.RichTextBlock(
        label=_("Text version"),
        features=RICH_TEXT_FEATURES,
        required=False,
        help_text=_("The content of the infographic as text, for screen readers and search."),
    )

    class Meta:
        icon = "image"
        label = _("Infographic")
        template = "portal/blocks/infographic.html"


class LongformSectionBlock(blocks.StructBlock):
    """One chapter of a longform story: a heading, its text and an optional wide picture."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=255)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageChooserBlock(label=_("Image"), required=False)
    alt = blocks.CharBlock(label=_("Alternative text"), required=False, max_length=255, help_text=ALT_HELP)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "doc-full"
        label = _("Longform section")
        template = "portal/blocks/longform_section.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("alt", "").strip():
            raise StructBlockValidationError(
                block_errors={"alt": ValidationError(_("An image needs its alternative text."))}
            )
        return value


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="portal/blocks/paragraph.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    table = TableBlock(
        label=_("Table"),
        template="portal/blocks/table.html",
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right",
                                       "remove_row", "remove_col", "undo", "redo"]},
    )
    video = VideoBlock()
    infographic = InfographicBlock()
    longform_section = LongformSectionBlock()


class SectionBodyBlock(blocks.StreamBlock):
    """The fixed content of a section or topic page: fewer forms than an article needs."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="portal/blocks/paragraph.html"
    )
    image = ImageBlock()
    table = TableBlock(label=_("Table"), template="portal/blocks/table.html")
    video = VideoBlock()
    infographic = InfographicBlock()
