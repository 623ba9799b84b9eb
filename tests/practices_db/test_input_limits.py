"""The suite's input limits on the practice form: text with NUL is a form error
naming its field, never a 500, and no practice is stored."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from practices_db.models import PracticePage
from tests.practices_db.test_hostile_input import errors, share

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["title", "summary", "body", "contact_name"])
def test_nul_in_the_practice_form_is_a_form_error(
    lecturer: Any, faculty: Any, client_for: Any, field: str
) -> None:
    response = share(client_for(lecturer), faculty, submit="1", **{field: "a\x00b"})
    assert response.status_code == 400  # the form again, with its errors
    assert errors(response)[field] == ["Null characters are not allowed."]
    assert not PracticePage.objects.exists()


def test_bytes_that_are_not_utf8_reach_the_form_replaced(
    lecturer: Any, faculty: Any, client_for: Any
) -> None:
    """A lone surrogate cannot arrive through a form: the request's decoding
    replaces its UTF-8 bytes, so what is stored is ordinary text."""
    client = client_for(lecturer)
    response = client.post(
        reverse("engage_practices:share"),
        b"title=a%ED%A0%80b&summary=s&body=b&language=en&licence=CC-BY-4.0"
        + f"&faculty={faculty.pk}&submit=1".encode(),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 302
    assert PracticePage.objects.get().title == "a\ufffd\ufffd\ufffdb"
