"""Typed text is cleaned of markup and refused, never cut off, when too long."""

from __future__ import annotations

import pytest

from certification.exceptions import TooLong
from certification.rules.text import plain_text


def test_markup_goes_and_the_text_stays() -> None:
    assert plain_text("<b>Fair</b> marking", limit=20, field="note") == "Fair marking"


def test_a_text_over_the_limit_is_refused_on_its_field() -> None:
    with pytest.raises(TooLong) as refused:
        plain_text("x" * 11, limit=10, field="feedback")
    assert refused.value.field == "feedback"
    assert refused.value.status_code == 400
    assert "at most 10" in str(refused.value.message)
