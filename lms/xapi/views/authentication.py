"""HTTP Basic authentication of LRS clients (key and secret)."""

from __future__ import annotations

import base64
import binascii

from django.http import HttpRequest

from ..models import LRSClient


def client_from_request(request: HttpRequest) -> LRSClient | None:
    """The active client whose credentials the request carries, or None."""
    return client_from_authorization(request.META.get("HTTP_AUTHORIZATION", ""))


def client_from_authorization(header: str) -> LRSClient | None:
    """The active client named by an Authorization header value, or None."""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    key, separator, secret = decoded.partition(":")
    if not separator or len(key) > 64:
        return None
    client = LRSClient.objects.filter(key=key, is_active=True).first()
    if client is None or not client.check_secret(secret):
        return None
    return client
