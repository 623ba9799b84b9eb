"""Every path under /xapi/ that is no resource: 404 in the LRS error format.

Without this, Django's APPEND_SLASH answered `301` to the same path with a slash
(which the site's page tree would serve), and only then 404. An LRS answers what
the specification says at the path it gets; a client that misspells a resource
or adds a slash learns so at once, in JSON it can read.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from lms.accounts.access import public

from .protocol import error


@public
@csrf_exempt
def unknown_resource(request: HttpRequest, path: str = "") -> HttpResponse:
    """404 for any method at a path the LRS does not serve."""
    return error(f"There is no xAPI resource at {request.path[:200]!r}.", 404)
