"""The one form helper for domain errors: a refusal shows on the field it names."""

from __future__ import annotations

from django import forms

from .exceptions import DomainError


def add_domain_error(form: forms.BaseForm, error: DomainError) -> None:
    """Show `error` on its field when the form has that field, else above the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))
