"""The forms on a practice's page (the Wagtail page renders itself; the forms
that post to the site's views are made here, where forms may be imported)."""

from __future__ import annotations

from typing import Any

from django import template

from ..forms import AddToCollectionForm, AdoptionForm

register = template.Library()


@register.simple_tag
def adoption_form(engagement: Any) -> AdoptionForm:
    """'I used this', holding the person's note when they said so before."""
    adoption = getattr(engagement, "adoption", None)
    return AdoptionForm(initial={"note": adoption.note} if adoption else None)


@register.simple_tag
def add_to_collection_form(user: Any) -> AddToCollectionForm:
    """Adding the practice to one of the person's own collections."""
    return AddToCollectionForm(user=user)
