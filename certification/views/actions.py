"""One way the pages run the action a form posted: parse it with its form, call
one service, and show a refusal on that form (`lms.forms.add_domain_error`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from lms.forms import add_domain_error

from ..exceptions import CertificationError


@dataclass(frozen=True)
class Action:
    """A form, the service call it feeds (given the cleaned data) and what to say
    when it is done."""

    form: forms.Form
    run: Callable[[dict[str, Any]], Any]
    done: str


@dataclass(frozen=True)
class Done:
    result: Any


def perform(
    request: HttpRequest,
    chosen: str,
    actions: Mapping[str, Action],
    unknown: str = "",
) -> Done | None:
    """Run the chosen action: `Done(result)`, or None when its form or the
    service refused (the form shows why)."""
    action = actions.get(chosen)
    if action is None:
        messages.error(request, unknown or _("Choose what to do."))
        return None
    if not action.form.is_valid():
        return None
    try:
        result = action.run(action.form.cleaned_data)
    except CertificationError as error:
        add_domain_error(action.form, error)
        return None
    messages.success(request, action.done)
    return Done(result)
