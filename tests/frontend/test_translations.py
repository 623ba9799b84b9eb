"""The Dutch catalogue is complete, and the shipped .mo is compiled from the .po."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

LOCALE = (
    Path(__file__).resolve().parents[2] / "frontend" / "locale" / "nl" / "LC_MESSAGES"
)


def _unquote(lines: list[str]) -> str:
    return "".join(ast.literal_eval(line) for line in lines)


def parse_po(text: str) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) for each entry; enough of the format for our catalogue."""
    entries = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, list[str]] = {}
        current = None
        for line in lines:
            match = re.match(
                r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line
            )
            if match:
                current = match.group(1)
                fields[current] = [match.group(2)]
            elif line.startswith('"') and current:
                fields[current].append(line)
        if "msgid" in fields:
            msgstr = fields.get("msgstr") or fields.get("msgstr[0]") or ['""']
            entries.append((_unquote(fields["msgid"]), _unquote(msgstr), fuzzy))
    return entries


def test_every_message_is_translated_to_dutch() -> None:
    entries = parse_po((LOCALE / "django.po").read_text(encoding="utf-8"))
    messages = [entry for entry in entries if entry[0]]
    assert len(messages) > 100
    untranslated = [msgid for msgid, msgstr, _ in messages if not msgstr]
    fuzzy = [msgid for msgid, _, is_fuzzy in messages if is_fuzzy]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_matches_the_source() -> None:
    entries = parse_po((LOCALE / "django.po").read_text(encoding="utf-8"))
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [
        msgid
        for msgid, msgstr, _ in entries
        if msgid and "\x00" not in msgid and compiled.gettext(msgid) != msgstr
    ]
    assert stale == [], "run `python manage.py compilemessages` (see frontend/locale)"
