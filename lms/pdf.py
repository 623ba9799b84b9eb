"""The base of every PDF the suite builds (certificates, handouts, reports).

DejaVu (Debian's fonts-dejavu) when the system has it, so Dutch and any other
text print as typed; otherwise the PDF core font, with typographic punctuation
folded to Latin-1 so nothing turns into "?".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fpdf import FPDF

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
_LATIN1_FOLDS = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
    "\u2014": "-", "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2022": "-",
}  # fmt: skip


def font_files() -> tuple[Path, Path] | None:
    """The regular and bold DejaVu Sans files, if installed."""
    for folder in FONT_DIRS:
        regular = Path(folder) / "DejaVuSans.ttf"
        bold = Path(folder) / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return regular, bold
    return None


class EngagePDF(FPDF):
    """An FPDF with the suite's body font ("Body" when DejaVu is there)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fonts = font_files()
        self.unicode = fonts is not None
        if fonts:
            self.add_font("Body", "", str(fonts[0]))
            self.add_font("Body", "B", str(fonts[1]))
            self.family = "Body"
        else:
            self.family = "Helvetica"

    def text_of(self, value: object) -> str:
        """`value` as text the current font can print."""
        text = str(value)
        if self.unicode:
            return text
        text = "".join(_LATIN1_FOLDS.get(ch, ch) for ch in text)
        return text.encode("latin-1", "replace").decode("latin-1")
