"""A cohort with every kind of person around one journal entry, for the API tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth.models import AnonymousUser
from rest_framework.test import APIClient

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import Cohort, Enrolment, JournalEntry

API = "/api/v1/"


def entry_url(entry: JournalEntry | int, suffix: str = "") -> str:
    pk = entry if isinstance(entry, int) else entry.pk
    return f"{API}journal-entries/{pk}/{suffix}"


def query_of(url: str) -> dict[str, list[str]]:
    """The query parameters of a link the API returned."""
    return parse_qs(urlsplit(url).query)


def api_client(user: Any = None, **kwargs: Any) -> APIClient:
    """A DRF client signed in (through the session, as a browser is) as `user`."""
    client = APIClient(**kwargs)
    if user is not None and not isinstance(user, AnonymousUser):
        client.force_login(user)
    return client


@dataclass
class World:
    cohort: Cohort
    other_cohort: Cohort
    enrolment: Enrolment  # the author's
    peer_enrolment: Enrolment
    entry: JournalEntry
    people: dict[str, Any] = field(default_factory=dict)

    def client(self, role: str) -> APIClient:
        return api_client(self.people.get(role))


ROLES = (
    "author",
    "peer",
    "other_lecturer",
    "coach",
    "other_coach",
    "coordinator",
    "programme_admin",
)


def build_world(
    *, lecturer: Any, coach: Any, coordinator: Any, programme_admin: Any, faculty: Any
) -> World:
    """The author and a peer in one peer group, another lecturer of the same cohort
    outside it, the cohort's coach, the coach of another cohort, the coordinator of
    the cohort's faculty and a programme admin; one private entry by the author."""
    cohort = make_cohort(coaches=(coach,))
    cohort.faculty = faculty
    cohort.save(update_fields=["faculty"])
    other_coach = person(Role.COACH, username="other-coach", faculty=faculty)
    other_cohort = make_cohort(cohort.programme, coaches=(other_coach,))
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    peer = person(Role.LECTURER, username="peer", faculty=faculty)
    peer_enrolment = services.enrol(user=peer, cohort=cohort)
    other_lecturer = person(Role.LECTURER, username="other-lecturer", faculty=faculty)
    other_enrolment = services.enrol(user=other_lecturer, cohort=cohort)
    services.form_peer_groups(
        actor=coach,
        cohort=cohort,
        assignment={
            enrolment.pk: "Group 1",
            peer_enrolment.pk: "Group 1",
            other_enrolment.pk: "Group 2",
        },
    )
    entry = services.save_entry(
        author=lecturer,
        enrolment=enrolment,
        title="Week 1",
        sections={"what": "<p>I rewrote the rubric.</p>"},
    )
    return World(
        cohort=cohort,
        other_cohort=other_cohort,
        enrolment=enrolment,
        peer_enrolment=peer_enrolment,
        entry=entry,
        people={
            "author": lecturer,
            "peer": peer,
            "other_lecturer": other_lecturer,
            "coach": coach,
            "other_coach": other_coach,
            "coordinator": coordinator,
            "programme_admin": programme_admin,
        },
    )


def version_of(entry: JournalEntry | int) -> int:
    """The entry's version as stored now: what a client that just read it sends
    back when it saves."""
    pk = entry if isinstance(entry, int) else entry.pk
    return int(JournalEntry.objects.values_list("version", flat=True).get(pk=pk))
