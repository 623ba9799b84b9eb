"""An xAPI request as the LRS views see it, from either request syntax.

The usual syntax carries the method, headers and query parameters in HTTP. The
alternate request syntax (Communication 1.3) is a POST whose only query parameter
is ``method``; the content, the header parameters Authorization,
X-Experience-API-Version, Content-Type, Content-Length, If-Match and If-None-Match,
and all other parameters travel as form fields of an
application/x-www-form-urlencoded body. `from_http` turns both into one
`LrsRequest`, so every later step runs the same code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, QueryDict
from django.utils.datastructures import CaseInsensitiveMapping

from ..exceptions import BadRequest, XapiTooLarge

# DELETE too: the Document resources delete, and the syntax exists for clients
# that can send only GET and POST.
ALTERNATE_METHODS = ("GET", "PUT", "POST", "DELETE")
# Communication 1.3.s3.b6: form fields the LRS treats as headers.
HEADER_FIELDS = (
    "Authorization",
    "X-Experience-API-Version",
    "Content-Type",
    "Content-Length",
    "If-Match",
    "If-None-Match",
)
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


@dataclass
class LrsRequest:
    """Method, parameters, headers and (read on demand) body of an xAPI request."""

    method: str
    params: QueryDict
    headers: Mapping[str, str]
    path: str
    alternate: bool = False
    _http: HttpRequest | None = field(default=None, repr=False)
    _body: bytes | None = field(default=None, repr=False)

    @property
    def content_type(self) -> str:
        """The full Content-Type of the content, parameters included."""
        return self.headers.get("Content-Type", "") or ""

    def body(self, max_bytes: int) -> bytes:
        """The content; XapiTooLarge beyond `max_bytes` (checked before reading)."""
        if self._body is None:
            if self._http is None:
                raise RuntimeError("An LrsRequest needs its HttpRequest or body.")
            self._body = _read(self._http, max_bytes)
        if len(self._body) > max_bytes:
            raise XapiTooLarge(f"The request body exceeds {max_bytes} bytes.")
        return self._body


def _read(request: HttpRequest, max_bytes: int) -> bytes:
    # Read the stream ourselves: request.body would apply Django's form-upload
    # limit (DATA_UPLOAD_MAX_MEMORY_SIZE) instead of the LRS's own.
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise BadRequest("The Content-Length header is not a number.") from None
    if declared > max_bytes:
        raise XapiTooLarge(f"The request body exceeds {max_bytes} bytes.")
    data = request.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise XapiTooLarge(f"The request body exceeds {max_bytes} bytes.")
    return data


def from_http(request: HttpRequest, *, max_body_bytes: int) -> LrsRequest:
    """The xAPI request `request` carries, in the usual or the alternate syntax."""
    if request.method == "POST" and "method" in request.GET:
        return _alternate(request, max_body_bytes)
    if "method" in request.GET:
        raise BadRequest(
            "The alternate request syntax (a 'method' parameter) must be sent "
            "with POST."
        )
    return LrsRequest(
        method=request.method or "GET",
        params=request.GET,
        headers=request.headers,
        path=request.path,
        _http=request,
    )


def _form(request: HttpRequest, max_body_bytes: int) -> QueryDict:
    body = _read(request, max_body_bytes)
    content_type = request.content_type or ""
    if body and content_type != FORM_CONTENT_TYPE:
        raise BadRequest(
            f"A request in the alternate syntax must have Content-Type "
            f"{FORM_CONTENT_TYPE}, not {content_type or 'none'!r}."
        )
    try:
        text = body.decode("utf-8")  # Communication 1.3.s3.b5
    except UnicodeDecodeError:
        raise BadRequest("The form body is not valid UTF-8.") from None
    try:
        return QueryDict(text, encoding="utf-8")
    except TooManyFieldsSent:
        raise BadRequest("The form body has too many fields.") from None


def _alternate(request: HttpRequest, max_body_bytes: int) -> LrsRequest:
    extra = sorted(set(request.GET) - {"method"})
    if extra:
        raise BadRequest(
            "In the alternate request syntax 'method' is the only query parameter; "
            f"send {', '.join(extra)} as form fields (Communication 1.3.s3.b3)."
        )
    methods = request.GET.getlist("method")
    method = methods[0].upper() if len(methods) == 1 else ""
    if method not in ALTERNATE_METHODS:
        raise BadRequest(
            f"The 'method' parameter must be one of {', '.join(ALTERNATE_METHODS)}."
        )
    form = _form(request, max_body_bytes)
    # The HTTP Content-Type and Content-Length describe the form, not the content.
    headers = {
        name.lower(): value
        for name, value in request.headers.items()
        if name.lower() not in ("content-type", "content-length")
    }
    params = QueryDict(mutable=True)
    content: str | None = None
    header_fields = {name.lower() for name in HEADER_FIELDS}
    for key in form:
        values = form.getlist(key)
        if key.lower() in header_fields or key == "content":
            if len(values) != 1:
                raise BadRequest(f"The form field {key!r} must be given once.")
            if key == "content":
                content = values[0]
            else:
                headers[key.lower()] = values[0]
        else:
            params.setlist(key, values)
    body = b""
    if content is not None:
        headers.setdefault("content-type", "application/json")
        body = content.encode("utf-8")
    return LrsRequest(
        method=method,
        params=params,
        headers=CaseInsensitiveMapping(headers),
        path=request.path,
        alternate=True,
        _body=body,
    )
