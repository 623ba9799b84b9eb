"""A printable PDF handout of a practice collection (fpdf2)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lms.pdf import EngagePDF

from ..models import CollectionItem, PracticeCollection
from ..rules.licences import licence_info


class _Handout(EngagePDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(
            0, 6, self.text_of(f"{self.footer_text} - {self.page_no()}"), align="C"
        )

    def para(
        self, value: str, size: float = 10, bold: bool = False, gap: float = 1.5
    ) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, self.text_of(value))
        self.ln(gap)


def build_handout(
    collection: PracticeCollection, items: Sequence[CollectionItem], *, base_url: str
) -> bytes:
    """The collection as an A4 PDF: its note, then each practice with its note."""
    owner = collection.owner
    owner_name = owner.get_full_name() or owner.get_username()
    pdf = _Handout(footer_text=collection.title[:80])
    pdf.set_title(pdf.text_of(collection.title))
    pdf.set_author(pdf.text_of(owner_name))
    pdf.set_lang(get_language() or "en")
    pdf.add_page()
    pdf.set_text_color(20, 20, 20)
    pdf.para(collection.title, size=18, bold=True, gap=2)
    pdf.para(
        _("Compiled by %(name)s, %(date)s")
        % {"name": owner_name, "date": date_format(timezone.localdate(), "j F Y")},
        size=9,
    )
    if collection.description:
        pdf.para(collection.description, size=11, gap=4)
    if not items:
        pdf.para(_("This collection has no published practices yet."))
    for number, item in enumerate(items, start=1):
        page = item.practice
        record: Any = getattr(page, "search_record", None)
        pdf.ln(2)
        pdf.para(f"{number}. {page.title}", size=13, bold=True, gap=1)
        pdf.para(
            f"{page.faculty.name} - {licence_info(page.licence).label}", size=9, gap=1
        )
        if item.note:
            pdf.set_fill_color(240, 240, 232)
            pdf.set_font(pdf.family, "B", 10)
            pdf.multi_cell(
                0, 5, pdf.text_of(_("Note: %(note)s") % {"note": item.note}), fill=True
            )
            pdf.ln(1.5)
        pdf.para(page.summary, size=10)
        url = base_url.rstrip("/") + (record.url if record else page.url_path)
        pdf.set_text_color(0, 60, 140)
        pdf.para(url, size=9, gap=3)
        pdf.set_text_color(20, 20, 20)
    return bytes(pdf.output())
