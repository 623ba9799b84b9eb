"""The Creative Commons licences a practice can carry."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "CC-BY-NC-4.0", "CC BY-NC 4.0"
    CC_BY_NC_SA = "CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0"
    CC_BY_ND = "CC-BY-ND-4.0", "CC BY-ND 4.0"
    CC_BY_NC_ND = "CC-BY-NC-ND-4.0", "CC BY-NC-ND 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"


@dataclass(frozen=True)
class LicenceInfo:
    code: str
    label: str
    url: str
    # The pictogram names in the badge, e.g. ("by", "sa").
    elements: tuple[str, ...]
    summary: str


_SUMMARIES = {
    "by": _("credit the author"),
    "sa": _("share adaptations under the same licence"),
    "nc": _("no commercial use"),
    "nd": _("no adaptations"),
    "zero": _("no rights reserved"),
}


def licence_info(code: str) -> LicenceInfo:
    """Label, deed URL and badge elements of a licence code (CC BY for unknown)."""
    if code not in Licence.values:
        code = Licence.CC_BY
    if code == Licence.CC0:
        return LicenceInfo(
            code=code,
            label=str(Licence(code).label),
            url="https://creativecommons.org/publicdomain/zero/1.0/",
            elements=("zero",),
            summary=str(_SUMMARIES["zero"]),
        )
    parts = tuple(code.removesuffix("-4.0").lower().split("-")[1:])
    return LicenceInfo(
        code=code,
        label=str(Licence(code).label),
        url=f"https://creativecommons.org/licenses/{'-'.join(parts)}/4.0/",
        elements=("cc", *parts),
        summary=", ".join(str(_SUMMARIES[p]) for p in parts),
    )
