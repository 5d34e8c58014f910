"""Finding documents: the public list's filters and its search box, as one queryset function."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from loa.search.text import fold

from .models import number_key
from .status import status_condition


def documents_matching(documents: QuerySet, filters: dict[str, Any], today: date) -> QuerySet:
    """`documents` narrowed by `filters` (cleaned `DocumentFilterForm` values), newest first.

    The search text is folded as the documents' `search_text` is, so "nghi dinh" finds "Nghị
    định"; every word must occur. A document whose number and symbol is exactly what was typed
    comes first, since that is what someone who types a number is looking for.
    """
    if "type" in filters:
        documents = documents.filter(document_type=filters["type"])
    if "field" in filters:
        documents = documents.filter(subject_area=filters["field"])
    if "year" in filters:
        documents = documents.filter(issued_on__year=filters["year"])
    if "issuer" in filters:
        documents = documents.filter(issuer=filters["issuer"])
    if "status" in filters:
        documents = documents.filter(status_condition(filters["status"], today))
    ordering = ["-issued_on", "-pk"]
    query = filters.get("q", "")
    if fold(query):
        key = number_key(query)
        words = Q()
        for word in fold(query).split():
            words &= Q(search_text__contains=word)
        documents = documents.filter(words | Q(number_key=key)).annotate(
            exact=Case(
                When(number_key=key, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        ordering.insert(0, "exact")
    return documents.order_by(*ordering)
