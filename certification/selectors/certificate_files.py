"""The holder's files: a PDF certificate (fpdf2, with a QR code to the public
verification page) and a zip for their educational portfolio.

Both are made on request from the stored, signed credential: what the PDF says is
what was signed, in the language it was issued in.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime

import qrcode
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lms.pdf import EngagePDF

from ..models import IssuedCredential
from ..rules.credential_claims import read_claims
from .credentials import issuer_name, verification_url

INK = (20, 20, 20)
ACCENT = (0, 70, 140)


class _Certificate(EngagePDF):
    def __init__(self) -> None:
        super().__init__(orientation="landscape", format="A4")
        self.set_auto_page_break(auto=False)
        self.set_margins(22, 20, 22)

    def centred(
        self, value: str, size: float, bold: bool = False, gap: float = 2
    ) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, self.text_of(value), align="C")
        self.ln(gap)


def _date(moment: datetime | None) -> str:
    return date_format(moment, "j F Y") if moment is not None else ""


def _qr_png(url: str) -> io.BytesIO:
    image = qrcode.make(url, border=2)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def build_certificate_pdf(credential: IssuedCredential) -> bytes:
    """An A4 landscape certificate in the language it was issued in."""
    claims = read_claims(credential.document)
    url = verification_url(credential)
    issuer = issuer_name(credential)
    with translation.override(credential.language):
        pdf = _Certificate()
        pdf.set_title(pdf.text_of(claims.name or claims.achievement_name))
        pdf.set_author(pdf.text_of(issuer))
        pdf.set_subject(pdf.text_of(claims.holder_name))
        pdf.set_lang(credential.language)
        pdf.set_creator("Engage PD")
        pdf.add_page()
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(0.8)
        pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
        pdf.set_text_color(*ACCENT)
        pdf.set_y(26)
        pdf.centred(issuer, 12, gap=6)
        pdf.set_text_color(*INK)
        pdf.centred(_("Certificate"), 28, bold=True, gap=6)
        pdf.centred(_("This certifies that"), 12, gap=3)
        pdf.centred(claims.holder_name, 22, bold=True, gap=4)
        pdf.centred(_("has been awarded"), 12, gap=3)
        pdf.centred(claims.achievement_name, 18, bold=True, gap=4)
        if claims.achievement_description:
            pdf.centred(claims.achievement_description[:600], 10, gap=4)
        validity = _("Issued on %(date)s") % {"date": _date(credential.valid_from)}
        if credential.valid_until is not None:
            validity += " · " + _("valid until %(date)s") % {
                "date": _date(credential.valid_until)
            }
        pdf.centred(validity, 11, gap=2)
        if claims.credits:
            pdf.centred(
                _("Workload: %(credits)s ECTS") % {"credits": claims.credits}, 9
            )
        qr_size = 34
        top = pdf.h - 20 - qr_size - 6
        pdf.image(_qr_png(url), x=pdf.w - 22 - qr_size, y=top, w=qr_size, h=qr_size)
        pdf.set_xy(22, top + 4)
        pdf.set_font(pdf.family, "B", 10)
        pdf.multi_cell(
            pdf.w - 44 - qr_size - 6,
            5,
            pdf.text_of(_("Verify this certificate online")),
        )
        pdf.set_x(22)
        pdf.set_font(pdf.family, "", 9)
        pdf.multi_cell(
            pdf.w - 44 - qr_size - 6,
            4.5,
            pdf.text_of(
                _(
                    "Scan the QR code or open the address below: it shows every "
                    "claim of this certificate and whether it is valid, expired "
                    "or revoked."
                )
            ),
        )
        pdf.set_x(22)
        pdf.set_text_color(*ACCENT)
        pdf.multi_cell(pdf.w - 44 - qr_size - 6, 4.5, url, link=url)
        pdf.set_text_color(*INK)
        pdf.set_x(22)
        pdf.multi_cell(
            pdf.w - 44 - qr_size - 6,
            4.5,
            pdf.text_of(_("Credential id: %(id)s") % {"id": credential.credential_id}),
        )
    return bytes(pdf.output())


def json_bytes(credential: IssuedCredential) -> bytes:
    """The signed credential as stored (what any Open Badges verifier reads)."""
    return json.dumps(credential.document, indent=2, ensure_ascii=False).encode()


def build_bundle(credential: IssuedCredential) -> bytes:
    """A zip for the educational portfolio: PDF, JSON and the verification URL."""
    url = verification_url(credential)
    with translation.override(credential.language):
        readme = "\n".join(
            [
                credential.name,
                "",
                _("Verification page: %(url)s") % {"url": url},
                _(
                    "certificate.json is the signed Open Badges 3.0 credential; "
                    "any Open Badges verifier can check it."
                ),
                "",
            ]
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("certificate.pdf", build_certificate_pdf(credential))
        archive.writestr("certificate.json", json_bytes(credential))
        archive.writestr("verification-url.txt", readme)
    return buffer.getvalue()
