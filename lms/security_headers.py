"""Content-Security-Policy and related headers on every response.

Django's SecurityMiddleware sets nosniff, Referrer-Policy, COOP and (in production)
HSTS; this adds the CSP, which Django 5.2 does not have: a strict one for the site
and a looser one for the Wagtail admin.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .conf import engage_settings


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy_for(request)
        response.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response

    @staticmethod
    def policy_for(request: HttpRequest) -> str:
        if request.path.startswith(engage_settings.admin_path_prefixes):
            return engage_settings.admin_csp
        return engage_settings.site_csp
