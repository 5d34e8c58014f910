"""The page types of a portal and of its member sites.

A site's tree reads like its menu::

    PortalHomePage (one per site, made by `provisioning`)
    ├── OrganizationPage   Giới thiệu: functions, organization chart, leaders, history
    ├── SectionPage        Tin tức and the other sections of articles (the standard sections)
    │   ├── ArticlePage    news and articles
    │   ├── TopicPage      chuyên trang, with its own articles
    │   ├── GalleryPage    photo and video galleries
    │   └── SectionPage    sub-sections
    ├── LegalDocumentIndexPage, ProcedureIndexPage, QuestionIndexPage, WorkSchedulePage
    │                      Văn bản, Thủ tục hành chính, Hỏi đáp, Lịch công tác (in their own apps)
    └── ContactPage        Liên hệ

Every page carries the same frame (header, menu, footer) of its site, built in a fixed number of
queries and then kept until the site changes, so a site with ten thousand articles renders as fast
as one with three.

A site's English pages are Wagtail translations of its Vietnamese ones, in a tree of their own under
an English `PortalHomePage` (made by `provisioning`); Wagtail serves that tree under /en/. The frame
of an English page comes from the English home page, and every page links to its versions in the
other languages (`translations_of`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import translation
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from loa.orgs.models import Organization
from loa.process_cache import ProcessCache

from . import tree
from .blocks import (
    INLINE_FEATURES,
    RICH_TEXT_FEATURES,
    ArticleBodyBlock,
    SectionBodyBlock,
    VideoBlock,
)
from .memory import KEPT_SECONDS, PAGES_GENERATION
from .naming import owns_provincial_portal

# Rendition specs used by the listings; prefetched with the articles so that each card costs nothing.
CARD_SPEC = "fill-640x360"
LEAD_SPEC = "fill-960x540"
SMALL_CARD_SPEC = "fill-480x270"
THUMB_SPEC = "fill-480x360"
PORTRAIT_SPEC = "fill-240x300"

ARTICLES_PER_PAGE = 12

# How long a site's frame, and the fragments of pages that every reader sees alike (`{% wagtailcache
# %}` in the templates, which previews bypass), are kept at most; any change to the portal's pages
# makes them stale sooner (see loa.portal.memory).
FRAME_CACHE_SECONDS = FRAGMENT_CACHE_SECONDS = KEPT_SECONDS
# Each site's frame, by (pages generation, home page's path): a few hundred sites at most.
_frames = ProcessCache(maxsize=500, seconds=FRAME_CACHE_SECONDS)
# Each section's newest articles, for "more in this section": by (generation, section's path, limit).
_section_news = ProcessCache(maxsize=1_000, seconds=FRAME_CACHE_SECONDS)
# The path of a site's home page: the second level of the tree, under Wagtail's root page.
HOME_PATH_LENGTH = 2 * Page.steplen

ALT_HELP = _("What the picture shows, for readers who cannot see it.")


def with_card_images(articles: QuerySet, *specs: str) -> QuerySet:
    """Articles with their representative images and the renditions the cards use, prefetched."""
    images = get_image_model().objects.prefetch_renditions(*(specs or (CARD_SPEC,)))
    return articles.prefetch_related(Prefetch("image", queryset=images))


# Sorts never-published pages (first_published_at is None) last.
EPOCH = datetime.min.replace(tzinfo=UTC)


def newest_first(pages: QuerySet, limit: int) -> list[Page]:
    """The `limit` most recently published of `pages`, for page types a site has only a few of.

    Asked to sort in SQL, SQLite walks the page table's publication-date index across every site of
    the portal (hundreds of thousands of pages) looking for a site's handful of topics; read
    without an order, it starts from the small table of the page type. So sort here.
    """
    return sorted(pages, key=lambda page: page.first_published_at or EPOCH, reverse=True)[:limit]


@dataclass
class SiteFrame:
    """What every page of a site shows around its content: the site's identity, menu and footer,
    and its latest articles (the home page's news, the list beside an article)."""

    home: PortalHomePage
    sections: list[Page]
    contact: ContactPage | None
    board: Organization | None  # the editorial board that answers for the site's content
    latest: list[ArticlePage]  # newest first, with their card images

    @property
    def menu(self) -> list[Page]:
        return [page for page in self.sections if page.show_in_menus]

    @cached_property
    def home_translations(self) -> dict[str, Page]:
        """The site's live home page in each other language, by language code (read once, then
        kept with the frame)."""
        return live_by_language(self.home.get_translations())

    @property
    def more_sections(self) -> list[Page]:
        """Sections left out of the menu, which the home page lists under "Find out more"."""
        return [
            page for page in self.sections
            if not page.show_in_menus and page.specific_class is SectionPage
        ]  # fmt: skip

    @classmethod
    def for_page(cls, page: Page) -> SiteFrame | None:
        """The frame of the site `page` belongs to, as this process keeps it when it can.

        Every page of a site shows the same frame, and a page the page cache misses (a new
        address, a search, another page of a list) would otherwise build it again. It is kept
        under the pages generation, which any change to the portal's pages or records renews
        (`loa.portal.caching`), so a kept frame is never stale. Home pages are site roots, the
        children of the tree's root: the first steps of a page's path name its site's home.
        """
        key = (PAGES_GENERATION.current(), page.path[:HOME_PATH_LENGTH])
        frame = _frames.get(key)
        if frame is None:
            frame = cls.build(page)
            if frame is not None and frame.home.path == key[1]:
                _frames.set(key, frame)
        return frame

    @classmethod
    def build(cls, page: Page) -> SiteFrame | None:
        """The frame of the site `page` belongs to, from the database: seven queries."""
        if isinstance(page, PortalHomePage):
            home = page
            home.organization  # noqa: B018  (loaded now, so that a kept frame carries it)
        else:
            home = (
                PortalHomePage.objects.ancestor_of(page)
                .select_related("organization")
                .first()
            )
        if home is None:
            return None
        return cls(
            home=home,
            sections=list(Page.objects.filter(tree.children(home)).live().order_by("path")),
            contact=ContactPage.objects.filter(tree.children(home)).live().order_by("path").first(),
            # By the site's organization rather than its root page: the English home page is no
            # site's root page, yet the same board answers for it.
            board=Organization.objects.filter(board_sites__organization=home.organization_id).first(),
            latest=home.latest_articles(),
        )


@dataclass(frozen=True)
class Translation:
    """A page in another language, for the language switch and the search engines' alternates."""

    language_code: str
    language_name: str  # in the language itself: "English", "Tiếng Việt"
    page: Page
    is_home_fallback: bool  # the page has no translation in this language: its home page stands in


def translations_of(page: Page, frame: SiteFrame) -> list[Translation]:
    """`page` in each other language its site is published in, in the order of the settings.

    A language where the page itself has no live translation gets the site's home page in that
    language; a language where the site has no live home page gets nothing. One query, and one
    more for the site's home pages when the frame has not read them yet.
    """
    pages = live_by_language(page.get_translations())
    homes = pages if page.pk == frame.home.pk else frame.home_translations
    translations = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code in pages:
            translations.append(Translation(code, name, pages[code], is_home_fallback=False))
        elif code in homes:
            translations.append(Translation(code, name, homes[code], is_home_fallback=True))
    return translations


def live_by_language(pages: QuerySet) -> dict[str, Page]:
    """The live ones of `pages`, by their language code."""
    return {page.locale.language_code: page for page in pages.live().select_related("locale")}


class PortalPage(Page):
    """The base of every portal page: puts the site's frame and the page's translations into the
    template context."""

    # Portal pages never change themselves while serving, so the page found for an address may be
    # kept and served to every later reader of it (see loa.portal.memory.routed).
    keeps_route = True

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A preview shows the page's draft, which must never reach the kept frame.
        preview = getattr(request, "is_preview", False)
        frame = context["frame"] = SiteFrame.build(self) if preview else SiteFrame.for_page(self)
        # Read only where the fragments that show them are not kept (see base.html).
        context["translations"] = (
            SimpleLazyObject(lambda: translations_of(self, frame)) if frame else []
        )
        return context

    def serve_preview(self, request, *args, **kwargs):
        # The admin speaks its user's language; a preview shows the page in its own, frame included.
        with translation.override(self.locale.language_code):
            return super().serve_preview(request, *args, **kwargs)


class PortalHomePage(PortalPage):
    """The home page of the provincial portal or of a member site; the root of its Wagtail site.

    Made only by provisioning (`create_site`), which also makes the site, its sections, editorial
    groups and workflow, so editors never create one by hand.
    """

    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="portal_homes",
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two under the site's name on the home page."),
    )
    notice = models.CharField(
        _("notice"),
        max_length=255,
        blank=True,
        help_text=_("A short notice shown at the top of every page of the site, such as a warning."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("notice"),
        FieldPanel("organization", read_only=True),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "portal.SectionPage",
        "portal.TopicPage",
        "portal.GalleryPage",
        "portal.OrganizationPage",
        "portal.ContactPage",
        "legal.LegalDocumentIndexPage",
        "procedures.ProcedureIndexPage",
        "questions.QuestionIndexPage",
        "schedules.WorkSchedulePage",
    ]
    is_creatable = False
    template = "portal/home_page.html"

    class Meta:
        verbose_name = _("portal home page")
        verbose_name_plural = _("portal home pages")

    def route(self, request, path_components):
        # Wagtail routes /en/... from the site's English home page, or from its Vietnamese one when
        # the site has no English pages yet: those would be Vietnamese pages at English addresses.
        if self.locale.language_code != translation.get_language():
            raise Http404
        return super().route(request, path_components)

    def latest_articles(self, limit: int = 9) -> list[ArticlePage]:
        """The site's newest articles, with the renditions of the news band (lead and cards).

        Renditions missing from the prefetch are made here rather than while rendering, so that
        the articles, once kept in the site's frame, carry every rendition the page shows.
        """
        articles = ArticlePage.objects.live().filter(tree.below(self)).order_by("-first_published_at")
        articles = list(with_card_images(articles, CARD_SPEC, LEAD_SPEC)[:limit])
        for article in articles:
            if article.image is not None:
                article.image.get_renditions(CARD_SPEC, LEAD_SPEC)
        return articles

    def topics(self, limit: int = 4) -> list[TopicPage]:
        topics = TopicPage.objects.live().filter(tree.below(self)).select_related("banner")
        return newest_first(topics, limit)

    def galleries(self, limit: int = 3) -> list[GalleryPage]:
        return newest_first(GalleryPage.objects.live().filter(tree.below(self)), limit)

    def member_sites(self) -> list:
        """For a province's portal: the member sites of the province's agencies and communes."""
        from .models import MemberSite  # the sites' register imports the page types

        organization = self.organization
        if not owns_provincial_portal(organization):
            return []
        return list(
            MemberSite.objects.exclude(organization=organization)
            .filter(organization__unit__province_id=organization.unit.province_id, site__root_page__live=True)
            .select_related("site", "organization")
            .order_by("organization__kind", "organization__name")
        )

class SectionPage(PortalPage):
    """A section (chuyên mục): its own short text, then its articles, newest first, by pages."""

    intro = RichTextField(_("introduction"), features=INLINE_FEATURES, blank=True)
    body = StreamField(SectionBodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["portal.PortalHomePage", "portal.SectionPage"]
    subpage_types = ["portal.ArticlePage", "portal.SectionPage", "portal.TopicPage", "portal.GalleryPage"]
    template = "portal/section_page.html"

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.live().filter(tree.children(self)).order_by("-first_published_at")
        paginator = Paginator(with_card_images(articles), ARTICLES_PER_PAGE)
        context["articles"] = paginator.get_page(request.GET.get("page"))
        context["subsections"] = list(
            Page.objects.filter(tree.children(self)).live().not_type(ArticlePage).order_by("path")
        )
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "portal.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(PortalPage):
    """A news item or article (tin, bài): title, lead, representative image, body, byline, source.

    The representative image and its alternative text are required: the seeds ask for a
    representative image on every item, and accessibility for a text alternative to every image.
    """

    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("The standfirst (sapo): two or three sentences that sum up the article."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("representative image"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text of the representative image"), max_length=255, help_text=ALT_HELP
    )
    image_caption = models.CharField(_("caption of the representative image"), max_length=500, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    author = models.CharField(
        _("author"), max_length=255, blank=True, help_text=_("The byline: the reporter or the contributor.")
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_(
            "When the article reproduces or cites a press or other source, name it here (and its"
            " address below), as intellectual property law requires."
        ),
    )
    source_url = models.URLField(_("source address"), blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("image_caption")],
            heading=_("Representative image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("source"), FieldPanel("source_url")],
            heading=_("Author and source"),
        ),
        FieldPanel("tags"),
        InlinePanel("related_links", label=_("Related items")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["portal.SectionPage", "portal.TopicPage"]
    subpage_types: list[str] = []
    template = "portal/article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def related_pages(self) -> list[Page]:
        """The live pages the editors linked to this article, in their order."""
        return [
            link.target
            for link in self.related_links.filter(target__live=True).select_related("target")
        ]

    def more_in_section(self, limit: int = 4) -> list[ArticlePage]:
        """The newest other articles of this article's section, with their card images.

        Every article of a section shows nearly the same few, so the section's newest are kept
        (under the pages generation) and this article is left out of them.
        """
        key = (PAGES_GENERATION.current(), self.path[: -self.steplen], limit)
        newest = _section_news.get(key)
        if newest is None:
            section = ArticlePage.objects.live().filter(tree.siblings(self, inclusive=True))
            newest = list(
                with_card_images(section.order_by("-first_published_at"), SMALL_CARD_SPEC)[: limit + 1]
            )
            _section_news.set(key, newest)
        return [article for article in newest if article.pk != self.pk][:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        frame = context["frame"]
        context["latest"] = [article for article in frame.latest if article.pk != self.pk][:6] if frame else []
        return context


class ArticleRelatedLink(Orderable):
    article = ParentalKey(ArticlePage, related_name="related_links", on_delete=models.CASCADE)
    target = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related item")
        verbose_name_plural = _("related items")


class TopicPage(PortalPage):
    """A topic page (chuyên trang): a campaign or theme, its chosen articles first, then its own."""

    intro = RichTextField(_("introduction"), features=INLINE_FEATURES, blank=True)
    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("banner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    banner_alt = models.CharField(_("alternative text of the banner"), max_length=255, blank=True)
    body = StreamField(SectionBodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("banner"), FieldPanel("banner_alt")], heading=_("Banner")),
        FieldPanel("body"),
        InlinePanel("featured_articles", label=_("Featured articles")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["portal.PortalHomePage", "portal.SectionPage"]
    subpage_types = ["portal.ArticlePage", "portal.GalleryPage"]
    template = "portal/topic_page.html"

    class Meta:
        verbose_name = _("topic page")
        verbose_name_plural = _("topic pages")

    def clean(self):
        super().clean()
        if self.banner_id and not self.banner_alt.strip():
            raise ValidationError({"banner_alt": _("An image needs its alternative text.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured_ids = list(
            self.featured_articles.filter(article__live=True).values_list("article_id", flat=True)
        )
        featured = with_card_images(ArticlePage.objects.filter(pk__in=featured_ids))
        order = {pk: position for position, pk in enumerate(featured_ids)}
        context["featured"] = sorted(featured, key=lambda article: order[article.pk])
        articles = (
            ArticlePage.objects.live().filter(tree.children(self)).exclude(pk__in=featured_ids)
            .order_by("-first_published_at")
        )
        paginator = Paginator(with_card_images(articles), ARTICLES_PER_PAGE)
        context["articles"] = paginator.get_page(request.GET.get("page"))
        return context


class TopicFeaturedArticle(Orderable):
    topic = ParentalKey(TopicPage, related_name="featured_articles", on_delete=models.CASCADE)
    article = models.ForeignKey(
        ArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured article")
        verbose_name_plural = _("featured articles")


class GalleryPage(PortalPage):
    """A photo and video gallery (kho ảnh, video): ordered photos with captions, then videos."""

    intro = RichTextField(_("introduction"), features=INLINE_FEATURES, blank=True)
    videos = StreamField([("video", VideoBlock())], verbose_name=_("videos"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("photos", label=_("Photos")),
        FieldPanel("videos"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["portal.PortalHomePage", "portal.SectionPage", "portal.TopicPage"]
    subpage_types: list[str] = []
    template = "portal/gallery_page.html"

    class Meta:
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        images = get_image_model().objects.prefetch_renditions(THUMB_SPEC, "max-1600x1200")
        context["photos"] = list(self.photos.prefetch_related(Prefetch("image", queryset=images)))
        return context


class GalleryPhoto(Orderable):
    gallery = ParentalKey(GalleryPage, related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt = models.CharField(_("alternative text"), max_length=255, help_text=ALT_HELP)
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("photo credit"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class OrganizationPage(PortalPage):
    """The agency's own page (Giới thiệu): what the law asks a portal to say about its owner.

    Decree 224/2026, Article 9: functions and duties, organization chart, leaders with their
    biographies, contacts and history.
    """

    functions = RichTextField(_("functions and duties"), features=RICH_TEXT_FEATURES, blank=True)
    chart = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("organization chart"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chart_alt = models.CharField(_("alternative text of the chart"), max_length=255, blank=True)
    structure = RichTextField(
        _("organizational structure"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The chart's content as text: the units and who heads them."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    history = RichTextField(_("history"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("functions"),
        MultiFieldPanel(
            [FieldPanel("chart"), FieldPanel("chart_alt"), FieldPanel("structure")],
            heading=_("Organization chart"),
        ),
        InlinePanel("leaders", label=_("Leaders")),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")], heading=_("Contacts")
        ),
        FieldPanel("history"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("functions"),
        index.SearchField("structure"),
        index.SearchField("history"),
    ]

    parent_page_types = ["portal.PortalHomePage", "portal.SectionPage"]
    subpage_types: list[str] = []
    template = "portal/organization_page.html"

    class Meta:
        verbose_name = _("organization page")
        verbose_name_plural = _("organization pages")

    def clean(self):
        super().clean()
        if self.chart_id and not self.chart_alt.strip():
            raise ValidationError({"chart_alt": _("An image needs its alternative text.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        images = get_image_model().objects.prefetch_renditions(PORTRAIT_SPEC)
        context["leaders"] = list(self.leaders.prefetch_related(Prefetch("photo", queryset=images)))
        return context


class OrganizationLeader(Orderable):
    page = ParentalKey(OrganizationPage, related_name="leaders", on_delete=models.CASCADE)
    name = models.CharField(_("full name"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    biography = RichTextField(_("biography"), features=RICH_TEXT_FEATURES, blank=True)
    duties = models.TextField(_("assigned duties"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("photo"),
        FieldPanel("duties"),
        FieldPanel("biography"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")


class ContactPage(PortalPage):
    """Liên hệ: how to reach the agency, shown also in every page's footer."""

    intro = RichTextField(_("introduction"), features=INLINE_FEATURES, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    office_hours = models.TextField(_("office hours"), blank=True)
    map_url = models.URLField(
        _("map address"),
        blank=True,
        help_text=_("The embeddable address (https) of a map showing the office, such as OpenStreetMap's."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("office_hours"),
        FieldPanel("map_url"),
    ]

    parent_page_types = ["portal.PortalHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "portal/contact_page.html"

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def clean(self):
        super().clean()
        if self.map_url and not self.map_url.startswith("https://"):
            raise ValidationError({"map_url": _("The map address must start with https://.")})

    @cached_property
    def office_hours_lines(self) -> list[str]:
        return [line for line in self.office_hours.splitlines() if line.strip()]
