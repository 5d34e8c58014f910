"""The admin screen "Create member site": a form in front of `provisioning`, for superusers.

Anyone else gets 404, as for anything out of their reach.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import MemberSiteForm
from .models import MemberSite
from .provisioning import provision_member_site


def create_site_view(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise Http404
    form = MemberSiteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            home = provision_member_site(
                form.cleaned_data["organization"],
                form.cleaned_data["hostname"],
                actor=request.user,
                default=form.cleaned_data["default"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The site “%(name)s” is ready at %(hostname)s.")
                % {"name": home.title, "hostname": form.cleaned_data["hostname"].strip().lower()},
            )
            return redirect("wagtailadmin_explore", home.pk)
    sites = MemberSite.objects.select_related("organization", "editorial_board", "site").order_by(
        "organization__unit__code", "organization__name"
    )
    return TemplateResponse(request, "portal/admin/create_site.html", {"form": form, "sites": sites})
