"""Forms for delegated account administration (cấp tài khoản Admin).

They only collect input. Whether an administrator may create an account or grant a role, and
whether a password is strong enough, is decided by `loa.orgs.administration`; its ValidationErrors
are put back on the fields they name, so the rules are stated once, in the service.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from loa.orgs import access
from loa.orgs.models import Organization
from loa.orgs.roles import Role


def pickable_organizations(admin) -> QuerySet[Organization]:
    """The active organizations inside `admin`'s jurisdiction, grouped by unit for the picker."""
    return (
        access.organizations_within(admin, Role.UNIT_ADMIN)
        .filter(is_active=True)
        .select_related("unit")
        .order_by("unit__code", "name")
    )


class OrganizationChoiceField(forms.ModelChoiceField):
    """Names the unit beside the organization: every commune has a "Commune police" of its own."""

    def label_from_instance(self, obj: Organization) -> str:
        return f"{obj.name} ({obj.unit.name})"


class RoleGrantForm(forms.Form):
    """An organization and a role: what `grant_role` needs besides the account."""

    organization = OrganizationChoiceField(
        queryset=Organization.objects.none(), label=_("Organization")
    )
    role = forms.ChoiceField(choices=Role.choices, label=_("Role"))

    def __init__(self, *args, admin, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Offering only the administrator's own organizations means a forged choice from another
        # province fails as an invalid choice before any service is called.
        self.fields["organization"].queryset = pickable_organizations(admin)

    def add_service_error(self, error: ValidationError) -> None:
        """Attach an error raised by the administration service to the fields it names.

        The service validates the whole user model, so it may name a field this form does not
        show; such messages go to the top of the form instead of being lost.
        """
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for field, errors in error.error_dict.items():
            self.add_error(field if field in self.fields else None, errors)


def _user_field(name: str, **overrides) -> forms.Field:
    """The form field Django derives from the user model: lengths and labels stay in one place."""
    return get_user_model()._meta.get_field(name).formfield(**overrides)


class AccountCreateForm(RoleGrantForm):
    """A new staff account and the first role it holds: `create_account`'s arguments."""

    username = _user_field("username")
    # Vietnamese names read family and middle names first, then the given name.
    last_name = _user_field("last_name", label=_("Family and middle names"))
    first_name = _user_field("first_name", label=_("Given name"))
    email = _user_field("email")
    job_title = _user_field("job_title")
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password confirmation"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Enter the same password as before, for verification."),
    )

    field_order = [
        "username",
        "last_name",
        "first_name",
        "email",
        "job_title",
        "password",
        "password2",
        "organization",
        "role",
    ]

    def clean_password2(self) -> str:
        # Matching the two entries is about typing, not policy; the policy itself is the service's.
        password = self.cleaned_data.get("password")
        password2 = self.cleaned_data["password2"]
        if password and password != password2:
            raise ValidationError(
                _("The two password fields didn’t match."), code="password_mismatch"
            )
        return password2
