"""Rich text that round-trips: plain text <-> HTML (lms.sanitizing) and the form
field that reads either (lms.forms.RichTextField). Hostile input is cleaned, never
an error."""

from __future__ import annotations

import pytest
from django import forms

from lms.forms import RichTextField
from lms.sanitizing import clean_html, html_to_text, stored_html, text_to_html

TYPED = (
    "First paragraph with <b>angle brackets</b> & an ampersand.\n"
    "A second line of it.\n\n"
    "- one\n- two\n\n"
    "1. first\n2. second\n\n"
    "Last: https://example.org/page"
)


def test_typed_text_comes_back_as_typed_through_html() -> None:
    html = str(clean_html(text_to_html(TYPED)))
    assert "<p>First paragraph with &lt;b&gt;angle brackets&lt;/b&gt; &amp;" in html
    assert "<br>" in html
    assert "<ul><li>one</li><li>two</li></ul>" in html
    assert "<ol><li>first</li><li>second</li></ol>" in html
    assert html_to_text(html) == TYPED


def test_html_becomes_paragraphs_and_dash_lists_as_text() -> None:
    html = (
        "<h3>Aim</h3><p>Some <strong>bold</strong> and\n  <em>italic</em>.</p>"
        "<ul><li>a<ul><li>nested</li></ul></li><li>b</li></ul>"
        '<ol><li>x</li><li>y</li></ol><p><a href="https://e.org">the site</a> and '
        '<a href="mailto:a@e.org">a@e.org</a><br>next line</p>'
    )
    assert html_to_text(html) == (
        "Aim\n\nSome bold and italic.\n\n- a\n  - nested\n- b\n\n1. x\n2. y\n\n"
        "the site (https://e.org) and a@e.org\nnext line"
    )


def test_text_to_html_escapes_everything() -> None:
    html = text_to_html('<script>alert(1)</script> <a href="javascript:x">y</a>')
    assert "<script" not in html and "<a " not in html
    assert html.startswith("<p>&lt;script&gt;")


@pytest.mark.parametrize(
    "hostile",
    [
        "<p onclick=\"steal()\">hi<script>alert('x')</script></p>",
        '<a href="javascript:alert(1)">click</a>',
        '<img src=x onerror="alert(1)"><svg onload=alert(1)>',
        "<p>nul\x00byte</p>",
        "<a href='" * 20_000,
        "<!--" * 20_000 + "<p>after</p>",
        "\x00" * 1000,
    ],
)
def test_hostile_html_is_cleaned_both_ways(hostile: str) -> None:
    text = html_to_text(hostile)
    assert "\x00" not in text
    assert "alert('x')" not in text and "steal()" not in text
    again = str(clean_html(text_to_html(text)))
    for bad in ("<script", "onclick", "onerror", "onload", "javascript:", "<img"):
        assert bad not in again


def test_a_megabyte_of_text_converts_without_error() -> None:
    megabyte = ("A line of reflection. <b>&amp;</b>\n" * 30_000)[:1_000_000]
    html = text_to_html(megabyte)
    assert html.startswith("<p>A line of reflection. &lt;b&gt;")
    assert len(html_to_text(html)) > 900_000
    for hostile in ("<" * 1_000_000, "<a title='" + "x" * 1_000_000, "&#" * 500_000):
        assert isinstance(html_to_text(hostile), str)
        assert isinstance(text_to_html(hostile), str)


def test_nul_and_control_characters_are_dropped() -> None:
    assert text_to_html("a\x00b\x07c\r\nd") == "<p>abc<br>d</p>"
    assert html_to_text("<p>a\x00b</p>") == "ab"


def test_feedback_stored_before_the_editor_still_shows_its_paragraphs() -> None:
    assert stored_html("old\n\nplain < text") == "<p>old</p><p>plain &lt; text</p>"
    assert stored_html("<p>new <b>html</b><script>x</script></p>") == (
        "<p>new <b>html</b></p>"
    )


class _Form(forms.Form):
    body = RichTextField(label="Body", max_length=100)


def test_without_the_marker_the_field_reads_plain_text() -> None:
    form = _Form({"body": "Hi <b>you</b>\n\n- a\n- b"})
    assert form.is_valid()
    assert form.cleaned_data["body"] == (
        "<p>Hi &lt;b&gt;you&lt;/b&gt;</p><ul><li>a</li><li>b</li></ul>"
    )


def test_with_the_marker_the_field_reads_cleaned_html() -> None:
    form = _Form(
        {
            "body": '<p onclick="x()">Hi <strong>you</strong><script>s()</script>'
            '<a href="javascript:alert(1)">link</a></p>',
            "body__format": "html",
        }
    )
    assert form.is_valid()
    body = form.cleaned_data["body"]
    assert body.startswith("<p>Hi <strong>you</strong>")
    for bad in ("onclick", "<script", "s()", "javascript:"):
        assert bad not in body


def test_the_field_counts_text_not_markup_and_refuses_a_megabyte() -> None:
    fits = "<p><strong>" + "x" * 100 + "</strong></p>"
    assert _Form({"body": fits, "body__format": "html"}).is_valid()
    too_long = _Form({"body": "x" * 101})
    assert not too_long.is_valid()
    assert too_long.errors["body"] == [
        "Ensure this value has at most 100 characters (it has 101)."
    ]
    for data in (
        {"body": "x" * 1_000_000},
        {"body": "<b>" * 300_000, "body__format": "html"},
        {"body": "\x00" * 1_000_000},
    ):
        form = _Form(data)
        assert not form.is_valid() or form.cleaned_data["body"] == ""


def test_empty_markup_is_no_text() -> None:
    form = _Form({"body": "<p><br></p><ul><li></li></ul>", "body__format": "html"})
    assert not form.is_valid()
    assert "required" in str(form.errors)


def test_the_box_shows_text_and_carries_the_html_for_the_editor() -> None:
    form = _Form(initial={"body": "<p>Hi <b>there</b></p><ul><li>a</li></ul>"})
    html = str(form["body"])
    assert "\nHi there\n\n- a</textarea>" in html
    assert 'data-rich-html="&lt;p&gt;Hi &lt;b&gt;there&lt;/b&gt;' in html


def test_the_html_for_the_editor_cannot_break_out_of_its_attribute() -> None:
    form = _Form(
        {"body": '<p>" onfocus="alert(1)" x="</p><a href="https://e.org/?a=1&b">x</a>',
         "body__format": "html"}
    )  # fmt: skip
    html = str(form["body"])
    assert ' onfocus="' not in html
    assert "&quot; onfocus=&quot;alert(1)&quot;" in html
    assert '<input type="hidden" name="body__format" value="">' in html
    assert '<template data-rich-toolbar data-label="Text formatting"' in html
    assert 'aria-describedby="id_body_format"' in html
