"""A Wagtail admin page: erase a person (the right to erasure), with confirmation.

The same as `manage.py erase_person`, for whoever has the rule
`engage_accounts.erase_person` on that person (Wagtail's own rule for deleting
users, see `lms.accounts.permissions`).
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..access import requires_object
from ..forms import EraseConfirmForm
from ..services import erase_person

logger = logging.getLogger(__name__)


PERMISSION = "engage_accounts.erase_person"


def erasable_by(request_user: Any, person: Any) -> bool:
    """The rule, and never oneself: superusers hold every rule (decision 0002),
    yet erasing one's own account from the admin stays refused to everyone."""
    return person.pk != request_user.pk and request_user.has_perm(PERMISSION, person)


@requires_object(PERMISSION)
def erase_person_view(request: HttpRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(get_user_model(), pk=user_id)
    if not erasable_by(request.user, person):
        raise PermissionDenied
    form = EraseConfirmForm(
        request.POST if request.method == "POST" else None,
        username=person.get_username(),
    )
    if request.method == "POST" and form.is_valid():
        username, pk = person.get_username(), person.pk
        erase_person(user=person)  # all or nothing: the service is atomic
        # Who erased whom, never what was erased: the log must not keep the data.
        logger.info("person #%s erased by user #%s", pk, request.user.pk)
        messages.success(
            request, _("%(username)s has been erased.") % {"username": username}
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "engage_accounts/admin/erase_person.html",
        {
            "person": person,
            "form": form,
            "page_title": _("Erase personal data"),
        },
        status=400 if form.errors else 200,
    )
