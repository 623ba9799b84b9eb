"""A personal iCalendar (RFC 5545) feed of a participant's sessions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n")
    )  # fmt: skip


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def ics(enrolment: Any, sessions: Sequence[Any], host: str) -> str:
    cohort = enrolment.cohort
    now = _stamp(datetime.now(UTC))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Engage PD//Trajectories//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(cohort.title)}",
    ]
    for session in sessions:
        description = cohort.programme.title
        if session.online_url:
            description += f"\n{session.online_url}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:session-{session.pk}-enrolment-{enrolment.pk}@{host}",
            f"DTSTAMP:{now}",
            f"DTSTART:{_stamp(session.starts_at)}",
            f"DTEND:{_stamp(session.ends_at)}",
            f"SUMMARY:{_escape(f'{cohort.title}: {session.number}. {session.title}')}",
            f"DESCRIPTION:{_escape(description)}",
        ]
        if session.location:
            lines.append(f"LOCATION:{_escape(session.location)}")
        if session.online_url:
            lines.append(f"URL:{session.online_url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
