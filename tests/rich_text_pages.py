"""Reads a rich text box back from a rendered form, as a browser would: the text a
person sees without scripts, and the HTML the editor starts from."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class RichBox:
    text: str  # the textarea's content (what shows without scripts)
    html: str  # data-rich-html (what the editor shows)
    format_name: str  # the hidden marker the editor sets


class _Finder(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.inside = False
        self.attrs: dict[str, str] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "textarea" and found.get("name") == self.name:
            self.inside, self.attrs = True, found

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text.append(data)


def rich_box(page: str, name: str) -> RichBox:
    finder = _Finder(name)
    finder.feed(page)
    assert finder.attrs, f"no textarea {name!r} on the page"
    assert "data-rich-text" in finder.attrs, f"{name!r} is not a rich text box"
    text = "".join(finder.text)
    # HTML drops one newline right after <textarea>.
    return RichBox(
        text=text[1:] if text.startswith("\n") else text,
        html=finder.attrs.get("data-rich-html", ""),
        format_name=finder.attrs.get("data-rich-format", ""),
    )
