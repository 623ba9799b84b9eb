"""The xAPI Profile of Engage PD, generated from lms.xapi.vocabulary."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from lms.accounts.access import public

from ..rules.profile import build_profile


@public
def profile(request: HttpRequest) -> JsonResponse:
    """The xAPI Profile (JSON-LD) generated from lms.xapi.vocabulary."""
    response = JsonResponse(build_profile(), json_dumps_params={"indent": 2})
    response["Content-Type"] = "application/ld+json"
    return response
