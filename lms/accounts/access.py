"""How a view declares who may use it: every view and API endpoint says it once.

A test walks every URL of the suite and fails for a view of ours that declares
nothing (`tests/test_architecture.py`). Pick the narrowest that fits:

- `@public`: anyone, signed in or not (published pages, verification, sign-in);
- `@signed_in`: any signed-in person, who then only ever sees their own things
  (the selectors are scoped to `request.user`);
- `@requires("app.codename")`: a registered rule, asked without an object; the
  view answers 403 to whoever it refuses (sign-in first when signed out);
- `@requires_object("app.codename")`: the view loads an object and asks the
  registered object rule with `ensure(request.user, "app.codename", obj)`.

Class-based views take the same decorators on the class. DRF views declare
`permission_classes` explicitly instead, e.g. `[IsAuthenticated, Rule("app.x")]`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework.permissions import BasePermission

from .permissions import is_registered

View = TypeVar("View", bound=Callable[..., Any])
ATTRIBUTE = "engage_access"


@dataclass(frozen=True)
class Access:
    """What a view declared: `kind` is public, signed-in, rule or object-rule."""

    kind: str
    permission: str = ""


def declared_access(view: Any) -> Access | None:
    """The declaration of a view function or class, if it has one."""
    found = getattr(view, ATTRIBUTE, None)
    if found is None and hasattr(view, "view_class"):
        found = getattr(view.view_class, ATTRIBUTE, None)
    return found


def _mark(view: Any, access: Access) -> Any:
    setattr(view, ATTRIBUTE, access)
    return view


def _registered(permission: str) -> str:
    if "." not in permission:
        raise ValueError(f"{permission!r} is not 'app_label.codename'")
    return permission


def public(view: View) -> View:
    """Anyone may use the view."""
    return _mark(view, Access("public"))


def signed_in(view: View) -> View:
    """Any signed-in person; others are sent to sign in."""
    if isinstance(view, type):
        return _mark(view, Access("signed-in"))
    return _mark(login_required(view), Access("signed-in"))


def requires(permission: str, *, hide: bool = False) -> Callable[[View], View]:
    """Signed in and granted `permission` (a registered rule); 403 otherwise, or
    404 with `hide` (a page whose existence is not shown to others)."""
    _registered(permission)

    def decorate(view: View) -> View:
        if isinstance(view, type):
            return _mark(view, Access("rule", permission))

        @wraps(view)
        def guarded(request: Any, *args: Any, **kwargs: Any) -> Any:
            if not request.user.has_perm(permission):
                raise Http404 if hide else PermissionDenied
            return view(request, *args, **kwargs)

        return _mark(login_required(guarded), Access("rule", permission))

    return decorate


def requires_object(permission: str) -> Callable[[View], View]:
    """Signed in; the view asks `ensure(user, permission, obj)` on what it loads."""
    _registered(permission)

    def decorate(view: View) -> View:
        if isinstance(view, type):
            return _mark(view, Access("object-rule", permission))
        return _mark(login_required(view), Access("object-rule", permission))

    return decorate


def ensure(user: Any, permission: str, obj: Any, *, hide: bool = True) -> None:
    """Refuse unless `user` has `permission` on `obj`: 404 when `hide` (the object
    must not even be known to exist), 403 otherwise."""
    if not user.has_perm(permission, obj):
        raise Http404 if hide else PermissionDenied


class Rule(BasePermission):
    """A DRF permission class asking a registered rule: `Rule("app.codename")`."""

    def __init__(self, permission: str) -> None:
        self.permission = _registered(permission)

    def __call__(self) -> BasePermission:  # DRF instantiates permission_classes
        return self

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user.has_perm(self.permission))


class ObjectRule(Rule):
    """A DRF permission class asking a registered object rule on the object the
    view loads (`self.check_object_permissions(request, obj)`)."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return True

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        return bool(request.user.has_perm(self.permission, obj))


def check_registered(access: Access) -> bool:
    """True when the declared permission has a registered rule."""
    return not access.permission or is_registered(access.permission)
