"""A view declaration lms.accounts.access does not offer: a registered rule whose
refusal answers 404, for pages whose existence is not shown to others."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404

from lms.accounts.access import ATTRIBUTE, Access, requires

View = Callable[..., Any]


def requires_hidden(permission: str) -> Callable[[View], View]:
    """`requires(permission)`, but a signed-in person refused gets 404, not 403."""
    requires(permission)  # the same check of the name

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: Any, *args: Any, **kwargs: Any) -> Any:
            if not request.user.has_perm(permission):
                raise Http404
            return view(request, *args, **kwargs)

        protected = login_required(guarded)
        setattr(protected, ATTRIBUTE, Access("rule", permission))
        return protected

    return decorate
