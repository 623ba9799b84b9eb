"""Telling a person how their action went: a service's refusal becomes a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from ..exceptions import PracticeError


def attempt(request: HttpRequest, success: Any, action: Callable[[], Any]) -> bool:
    """Run `action`; show `success`, or the reason it was refused."""
    try:
        action()
    except PracticeError as error:
        messages.error(request, str(error.message))
        return False
    messages.success(request, success)
    return True
