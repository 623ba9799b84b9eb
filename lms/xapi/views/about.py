"""The About resource: how a client learns the versions this LRS speaks."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from lms.accounts.access import public

from ..conf import xapi_settings
from ..exceptions import XapiError
from .lrs_request import from_http
from .protocol import SUPPORTED_VERSIONS, error, xapi_response


# Public: the specification lets anyone ask for the version (Communication 2.8).
@public
@method_decorator(csrf_exempt, name="dispatch")
class AboutView(View):
    """How a client learns the version: no version header or credentials needed."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return xapi_response({"version": list(reversed(SUPPORTED_VERSIONS))})

    def post(self, request: HttpRequest) -> HttpResponse:
        """GET in the alternate request syntax (Communication 1.3)."""
        try:
            lrs = from_http(request, max_body_bytes=xapi_settings.max_body_bytes)
        except XapiError as exc:
            return error(str(exc), exc.status)
        if not lrs.alternate or lrs.method != "GET":
            return self.http_method_not_allowed(request)
        if lrs.params:
            return error("/about takes no parameters.")
        return self.get(request)

    def http_method_not_allowed(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        return error("Only GET is allowed on /about.", 405)
