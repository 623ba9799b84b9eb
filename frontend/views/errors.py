"""The friendly error pages: anyone may be shown them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from lms.accounts.access import public
from lms.outages import answer_outage, current_outage, machine_error


@public
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form was sent without a valid token: usually an expired or reopened page."""
    return render(request, "engage_frontend/csrf_failure.html", status=403)


@public
def permission_denied(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    return machine_error(
        request, 403, _("You do not have permission to perform this action.")
    ) or render(request, "engage_frontend/403.html", status=403)


@public
def page_not_found(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    return machine_error(request, 404, _("Not found.")) or render(
        request, "engage_frontend/404.html", status=404
    )


@public
def server_error(request: HttpRequest) -> HttpResponse:
    # A database that does not answer, met outside a view (in a middleware, by
    # a response being rendered): 503 with Retry-After, not an error page.
    outage = current_outage()
    if outage is not None:
        return answer_outage(request, outage)
    machine = machine_error(request, 500, _("A server error occurred."))
    if machine is not None:
        return machine
    # No context processors or database: the error may be the database itself.
    template = loader.get_template("engage_frontend/500.html")
    return HttpResponse(template.render({}), status=500)
