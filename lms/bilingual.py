"""Text kept in English and Dutch side by side (``<field>_en`` / ``<field>_nl``).

Every app stores authored names and descriptions this way; this module is the one
place that decides which of the two a reader gets.
"""

from __future__ import annotations

from typing import Any, overload

from django.utils.translation import get_language


def in_language(english: str, dutch: str) -> str:
    """The Dutch text when Dutch is active and there is one, else the English."""
    if (get_language() or "en").startswith("nl") and dutch:
        return dutch
    return english


class Bilingual:
    """A read-only attribute: ``<name>_nl`` or ``<name>_en`` by the active language.

    ``name = Bilingual()`` on a model with ``name_en`` and ``name_nl`` fields.
    """

    base = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.base = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> Bilingual: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> str: ...

    def __get__(self, instance: Any, owner: type | None = None) -> Bilingual | str:
        if instance is None:
            return self
        return in_language(
            getattr(instance, f"{self.base}_en"), getattr(instance, f"{self.base}_nl")
        )
