"""The feed as the VNeID app shows it, for a demo citizen or for staff previewing a bulletin.

`/loa/` lets anyone pick a commune, an age and a gender and see the feed that citizen would get,
in a phone-sized layout; it reads exactly what the citizen API reads (`feed_page`). Staff open the
same rendering from a request to see it as a chosen citizen would, before or after approval, with
the targeting rule's verdict beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import require_admin_access

from loa.bulletins.audience import is_targeted, scope_areas
from loa.bulletins.models import Gender, PublicationRequest
from loa.bulletins.workflow import visible_requests
from loa.units.models import AdminUnit, Level

from .api import IMAGE_SPEC, body_html
from .feed import InvalidCursor, decode_cursor, feed_page, visible_published_at
from .models import BulletinStats
from .tokens import VerifiedCitizen

DEMO_PROVINCE = "75"
PAGE_SIZE = 10


class CitizenForm(forms.Form):
    """Who to show the feed for: what an identity token would say, minus the identity."""

    commune = forms.ModelChoiceField(
        label=gettext_lazy("Commune of residence"),
        queryset=AdminUnit.objects.filter(level=Level.COMMUNE),
        to_field_name="code",
    )
    age = forms.IntegerField(label=gettext_lazy("Age"), min_value=0, max_value=120, initial=35)
    gender = forms.ChoiceField(label=gettext_lazy("Gender"), choices=Gender.choices)

    def __init__(self, *args, province: AdminUnit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        communes = AdminUnit.objects.filter(level=Level.COMMUNE)
        if province is not None:
            communes = communes.filter(province=province)
        self.fields["commune"].queryset = communes.order_by("name")

    def citizen(self) -> VerifiedCitizen:
        today = timezone.localdate()
        age = self.cleaned_data["age"]
        # The youngest birthdate of that age: born today, `age` years ago.
        born = _years_before(today, age)
        commune = self.cleaned_data["commune"]
        return VerifiedCitizen(
            pseudonym="",
            birthdate=born,
            gender=self.cleaned_data["gender"],
            residence=(commune.code,),
            communes=(commune,),
        )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


@dataclass
class Card:
    item: PublicationRequest
    published_at: object
    image: object
    stats: BulletinStats


def _cards(ids_and_dates: list[tuple[int, object]]) -> list[Card]:
    ids = [pk for pk, _published in ids_and_dates]
    items = PublicationRequest.objects.select_related("sender", "image").in_bulk(ids)
    stats = BulletinStats.objects.in_bulk(ids)
    cards = []
    for pk, published_at in ids_and_dates:
        item = items.get(pk)
        if item is None:
            continue
        image = item.image.get_rendition(IMAGE_SPEC) if item.image else None
        cards.append(Card(item, published_at, image, stats.get(pk) or BulletinStats()))
    return cards


def _demo_form(request: HttpRequest) -> CitizenForm:
    province = AdminUnit.objects.filter(code=DEMO_PROVINCE).first()
    data = request.GET if "commune" in request.GET else None
    initial = {"commune": "26041", "gender": Gender.FEMALE}
    return CitizenForm(data, initial=initial, province=province)


def feed_view(request: HttpRequest) -> HttpResponse:
    """`/loa/`: the feed a chosen demo citizen would see in the app."""
    form = _demo_form(request)
    cards, next_cursor = [], None
    if form.is_bound and form.is_valid():
        cursor = None
        if request.GET.get("cursor"):
            try:
                cursor = decode_cursor(request.GET["cursor"])
            except InvalidCursor:
                cursor = None
        rows, next_cursor = feed_page(form.citizen(), PAGE_SIZE, cursor)
        cards = _cards(rows)
    return render(
        request,
        "citizens/app/feed.html",
        {"form": form, "cards": cards, "next_cursor": next_cursor, "query": _query(form)},
    )


def bulletin_view(request: HttpRequest, pk: int) -> HttpResponse:
    """`/loa/bulletins/<pk>/`: a bulletin as the chosen citizen reads it; 404 if not for them."""
    form = _demo_form(request)
    if not (form.is_bound and form.is_valid()):
        raise Http404
    published_at = visible_published_at(form.citizen(), pk)
    if published_at is None:
        raise Http404
    [card] = _cards([(pk, published_at)])
    return render(
        request,
        "citizens/app/bulletin.html",
        {
            "form": form,
            "card": card,
            "body": body_html(request, card.item),
            "query": _query(form),
        },
    )


@require_admin_access
def staff_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """A request as a chosen citizen would see it in the app, and whether they would at all."""
    item = visible_requests(request.user).filter(pk=pk).first()
    if item is None:
        raise Http404
    province = item.sender.unit.province
    data = request.GET if "commune" in request.GET else None
    form = CitizenForm(data, initial={"gender": Gender.FEMALE}, province=province)
    verdict = None
    if form.is_bound and form.is_valid():
        citizen = form.citizen()
        now = timezone.now()
        targeted = is_targeted(
            starts_at=item.starts_at,
            ends_at=item.ends_at,
            age_min=item.age_min,
            age_max=item.age_max,
            genders=item.genders,
            scope_units=scope_areas(item),
            citizen=citizen,
            citizen_units=citizen.communes,
            now=max(now, item.starts_at),
        )
        verdict = (
            _("This citizen is in the audience and scope of the bulletin.")
            if targeted
            else _("This citizen is outside the audience or the scope: the bulletin would not reach them.")
        )
    image = item.image.get_rendition(IMAGE_SPEC) if item.image else None
    card = Card(item, item.approved_at or item.starts_at, image, BulletinStats())
    return render(
        request,
        "citizens/app/preview.html",
        {"form": form, "card": card, "body": body_html(request, item), "verdict": verdict},
    )


def _query(form: CitizenForm) -> str:
    if not (form.is_bound and form.is_valid()):
        return ""
    data = form.cleaned_data
    return f"commune={data['commune'].code}&age={data['age']}&gender={data['gender']}"
