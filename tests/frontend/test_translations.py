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
    """(key, msgstr, fuzzy) for each entry, the key as gettext stores it (msgid, or
    context + EOT + msgid); enough of the format for our catalogue."""
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
            msgid = _unquote(fields["msgid"])
            if "msgctxt" in fields:  # gettext's key for pgettext: context EOT msgid
                msgid = _unquote(fields["msgctxt"]) + "\x04" + msgid
            entries.append((msgid, _unquote(msgstr), fuzzy))
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


def test_makemessages_finds_no_string_missing_from_the_catalogue(
    settings, tmp_path, monkeypatch
) -> None:
    """The README's step 1 (`makemessages`), run on a copy of the apps into a
    scratch catalogue: every string the code and templates mark for translation is
    in the shipped catalogue."""
    import shutil

    from django.core.management import call_command

    root = LOCALE.parents[3]
    for app in ("lms", "practices_db", "courses", "trajectories", "certification"):
        shutil.copytree(root / app, tmp_path / app, ignore=_not_source)
    shutil.copytree(root / "frontend", tmp_path / "frontend", ignore=_not_source)
    (tmp_path / "locale").mkdir()
    monkeypatch.chdir(tmp_path)
    settings.LOCALE_PATHS = [str(tmp_path / "locale")]
    call_command("makemessages", locale=["nl"], no_obsolete=True, verbosity=0)
    extracted = parse_po((tmp_path / "locale/nl/LC_MESSAGES/django.po").read_text())
    shipped = {msgid for msgid, _, _ in parse_po((LOCALE / "django.po").read_text())}
    assert len(extracted) > 100
    missing = sorted({msgid for msgid, _, _ in extracted if msgid} - shipped)
    assert missing == [], "run makemessages and translate (see frontend/locale)"
    # Step 3 of the README: the catalogue compiles.
    shutil.copy(LOCALE / "django.po", tmp_path / "locale/nl/LC_MESSAGES/django.po")
    call_command("compilemessages", locale=["nl"], verbosity=0)
    with (tmp_path / "locale/nl/LC_MESSAGES/django.mo").open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("Certificates") == "Certificaten"


def _not_source(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in {"locale", "__pycache__", "node_modules"}}
