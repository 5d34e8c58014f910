"""The public form through which a citizen asks a question, and the guards around it.

Whatever is typed is kept as plain text: markup is taken out (the answer page would escape it
anyway, but editors copy questions into letters and e-mails), and the text is put into the
composed Unicode form, since Vietnamese typed on some keyboards arrives decomposed.
"""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.core.cache import cache
from django.core.validators import RegexValidator
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .models import Question

# At most this many questions from one address to one site per window, against floods.
QUESTIONS_PER_WINDOW = 5
WINDOW_SECONDS = 60 * 60
MIN_CONTENT_LENGTH = 20

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value: str) -> str:
    """`value` without markup or control characters, in Unicode's composed form, trimmed."""
    return unicodedata.normalize("NFC", _CONTROL.sub("", strip_tags(value))).strip()


def within_rate_limit(site_id: int, address: str) -> bool:
    """Count one more question from `address` to the site; False once the window's quota is
    spent."""
    key = f"questions:asked:{site_id}:{address}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        return cache.incr(key) <= QUESTIONS_PER_WINDOW
    except ValueError:  # the key expired between add and incr: this is the window's first question
        cache.set(key, 1, WINDOW_SECONDS)
        return True


class AskQuestionForm(forms.ModelForm):
    # A field people do not see (hidden by the stylesheet, skipped by keyboard and screen readers):
    # only robots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=20,
        validators=[
            RegexValidator(r"^\+?[0-9 .()-]{8,20}$", _("Enter a phone number, such as 0251 3822 123."))
        ],
    )

    class Meta:
        model = Question
        fields = ["asker_name", "email", "phone", "address", "title", "content"]
        labels = {"content": _("Your question")}
        help_texts = {
            "email": _("The agency may write to you here. It is never published."),
            "title": _("A short summary of the question, shown as its heading."),
        }
        widgets = {"content": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "asker_name": {"required": _("Please enter your full name.")},
            "email": {"required": _("Please enter your e-mail address."),
                      "invalid": _("Enter a valid e-mail address, such as ten@example.vn.")},
            "title": {"required": _("Please enter a title for the question.")},
            "content": {"required": _("Please write your question.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["asker_name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["address"].widget.attrs.update(autocomplete="street-address")
        content_length = Question._meta.get_field("content").max_length
        self.fields["content"].widget.attrs.update(maxlength=content_length)

    def _plain(self, name: str) -> str:
        return plain_text(self.cleaned_data.get(name) or "")

    def clean_asker_name(self) -> str:
        value = self._plain("asker_name")
        if not value:
            raise forms.ValidationError(_("Please enter your full name."))
        return value

    def clean_address(self) -> str:
        return self._plain("address")

    def clean_title(self) -> str:
        value = self._plain("title")
        if not value:
            raise forms.ValidationError(_("Please enter a title for the question."))
        return value

    def clean_content(self) -> str:
        value = self._plain("content")
        if len(value) < MIN_CONTENT_LENGTH:
            raise forms.ValidationError(
                _("Please describe your question in at least %(count)d characters.")
                % {"count": MIN_CONTENT_LENGTH}
            )
        return value

    @property
    def is_from_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
