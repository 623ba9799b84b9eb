"""The site's root page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Site

from lms.accounts.access import public

from ..models import HomePage


@public
def home(request: HttpRequest) -> HttpResponse:
    """The site's root page, or the built-in explanation before it is authored."""
    site = Site.find_for_request(request)
    root = site.root_page.specific if site else None
    if isinstance(root, HomePage) and root.live:
        return root.serve(request)
    return render(request, "engage_frontend/home_page.html", {"page": None})
