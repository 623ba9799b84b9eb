"""A person's own learning record, as one JSON download."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.http import HttpRequest, StreamingHttpResponse

from lms.accounts.access import signed_in
from lms.accounts.selectors import profile_of

from .. import selectors


@signed_in
def my_statements(request: HttpRequest) -> StreamingHttpResponse:
    """Download one's own learning record: every statement about oneself, as JSON."""
    xapi_id = profile_of(request.user).xapi_id

    def chunks() -> Iterator[str]:
        yield "["
        for index, payload in enumerate(selectors.statements_about_person(xapi_id)):
            yield ("," if index else "") + json.dumps(payload)
        yield "]"

    response = StreamingHttpResponse(chunks(), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="my-learning-record.json"'
    return response
