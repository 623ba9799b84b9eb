"""frontend's form_field tag: a bound field renders wired up for assistive
technology; anything else (a template variable that did not resolve, as in a
Wagtail preview without the page's forms) renders nothing instead of a 500."""

from __future__ import annotations

import pytest
from django import forms
from django.template import Context, Template

TAG = Template("{% load engage_ui %}{% form_field form.note %}")


class NoteForm(forms.Form):
    note = forms.CharField(required=False, help_text="Say how it went.")


def test_a_bound_field_renders_with_its_hint_described() -> None:
    html = TAG.render(Context({"form": NoteForm()}))
    assert 'aria-describedby="id_note_hint"' in html
    assert "Say how it went." in html


@pytest.mark.parametrize(
    "context",
    [{}, {"form": None}, {"form": ""}, {"form": {"note": "text"}}, {"form": 3}],
    ids=["missing", "none", "empty-string", "plain-string", "number"],
)
def test_what_is_not_a_form_field_renders_nothing(context: dict[str, object]) -> None:
    assert TAG.render(Context(context)).strip() == ""
