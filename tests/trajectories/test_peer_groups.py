"""Peer groups formed on the coach's cohort page; participants see their group."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.exceptions import NotAllowed
from trajectories.models import Cohort, Enrolment, PeerGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(coach: Any) -> Cohort:
    return make_cohort(capacity=4, coaches=(coach,))


def _enrol(cohort: Cohort, *names: str) -> list[Enrolment]:
    return [
        services.enrol(
            user=person(Role.LECTURER, username=n, first_name=n.title(), last_name="L"),
            cohort=cohort,
        )
        for n in names
    ]


def _url(cohort: Cohort) -> str:
    return reverse("engage_trajectories:peer_groups", args=[cohort.pk])


def _groups(cohort: Cohort) -> dict[str, set[str]]:
    return {
        g.name: {m.user.username for m in g.members.all()}
        for g in PeerGroup.objects.filter(cohort=cohort)
    }


def test_the_coach_forms_groups_and_participants_see_theirs(
    cohort: Cohort, coach: Any, client_for: Any
) -> None:
    ann, bo, cas, dirk = _enrol(cohort, "ann", "bo", "cas", "dirk")
    client = client_for(coach)
    page = client.get(reverse("engage_trajectories:cohort", args=[cohort.pk]))
    html = page.content.decode()
    assert f'name="group-{ann.pk}"' in html and 'id="peer-groups"' in html
    response = client.post(
        _url(cohort),
        {
            f"group-{ann.pk}": "Group A",
            f"group-{bo.pk}": " Group A ",
            f"group-{cas.pk}": "Group B",
            f"group-{dirk.pk}": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#peer-groups")
    assert _groups(cohort) == {"Group A": {"ann", "bo"}, "Group B": {"cas"}}

    mine = client_for(ann.user).get(reverse("engage_trajectories:mine"))
    section = mine.content.decode().split("data-peer-group>", 1)[1].split("</ul>")[0]
    assert "Group A" in section and "Bo L" in section
    assert "Ann L" not in section and "Cas L" not in section
    alone = client_for(cas.user).get(reverse("engage_trajectories:mine"))
    assert "nobody else yet" in alone.content.decode()
    outside = client_for(dirk.user).get(reverse("engage_trajectories:mine"))
    assert "data-peer-group" not in outside.content.decode()

    # Regrouping is the whole picture: emptied groups disappear.
    client.post(
        _url(cohort), {f"group-{ann.pk}": "Group B", f"group-{cas.pk}": "Group B"}
    )
    assert _groups(cohort) == {"Group B": {"ann", "cas"}}
    cohort_page = client.get(reverse("engage_trajectories:cohort", args=[cohort.pk]))
    assert 'value="Group B"' in cohort_page.content.decode()


def test_a_group_shares_entries_shared_with_peers(
    cohort: Cohort, coach: Any, client_for: Any
) -> None:
    ann, bo, cas = _enrol(cohort, "ann", "bo", "cas")
    client_for(coach).post(
        _url(cohort), {f"group-{ann.pk}": "A", f"group-{bo.pk}": "A"}
    )
    entry = services.save_entry(
        author=ann.user, enrolment=ann, title="Mine", sections={"what": "x"}
    )
    services.share_entry(author=ann.user, entry=entry, visibility="peers")
    url = reverse("engage_trajectories:entry", args=[entry.pk])
    assert client_for(bo.user).get(url).status_code == 200
    assert client_for(cas.user).get(url).status_code == 404


def test_hostile_and_oversized_names(
    cohort: Cohort, coach: Any, client_for: Any
) -> None:
    ann, bo = _enrol(cohort, "ann", "bo")
    client = client_for(coach)
    client.post(
        _url(cohort),
        {
            f"group-{ann.pk}": "<script>alert(1)</script>Team <b>X</b>",
            f"group-{bo.pk}": "   ",
        },
    )
    assert _groups(cohort) == {"Team X": {"ann"}}
    page = client.get(reverse("engage_trajectories:cohort", args=[cohort.pk]))
    assert "<script>alert(1)</script>" not in page.content.decode()
    response = client.post(_url(cohort), {f"group-{ann.pk}": "x" * 101}, follow=True)
    assert "at most 100 characters" in response.content.decode()
    assert _groups(cohort) == {"Team X": {"ann"}}  # nothing changed


def test_only_participants_of_this_cohort_are_grouped(
    cohort: Cohort, coach: Any, client_for: Any
) -> None:
    ann, bo, cas, dirk = _enrol(cohort, "ann", "bo", "cas", "dirk")
    (waiting,) = _enrol(cohort, "eve")
    assert waiting.status == "waitlisted"
    services.withdraw(user=dirk.user, enrolment=dirk)  # eve moves up
    (late,) = _enrol(cohort, "fay")
    assert late.status == "waitlisted"
    other = make_cohort(cohort.programme, coaches=(coach,))
    (stranger,) = _enrol(other, "gus")
    client_for(coach).post(
        _url(cohort),
        {
            f"group-{ann.pk}": "G",
            f"group-{dirk.pk}": "G",
            f"group-{late.pk}": "G",
            f"group-{stranger.pk}": "G",
            "group-junk": "G",
        },
    )
    assert _groups(cohort) == {"G": {"ann"}}
    groups = services.form_peer_groups(
        actor=coach, cohort=cohort,
        assignment={ann.pk: "G", dirk.pk: "G", late.pk: "G", stranger.pk: "G"},
    )  # fmt: skip
    assert [g.name for g in groups] == ["G"] and _groups(cohort) == {"G": {"ann"}}


def test_nobody_but_the_cohorts_coaches_forms_groups(
    cohort: Cohort, lecturer: Any, coordinator: Any, programme_admin: Any,
    client_for: Any,
) -> None:  # fmt: skip
    ann, bo = _enrol(cohort, "ann", "bo")
    services.enrol(user=lecturer, cohort=cohort)
    data = {f"group-{ann.pk}": "Mine", f"group-{bo.pk}": "Mine"}
    others = [lecturer, coordinator, programme_admin, person(Role.COACH, username="oc")]
    for user in others:
        assert client_for(user).post(_url(cohort), data).status_code == 404
        with pytest.raises(NotAllowed):
            services.form_peer_groups(
                actor=user, cohort=cohort, assignment={ann.pk: "x"}
            )
    assert Client().post(_url(cohort), data).status_code == 302
    assert client_for(ann.user).get(_url(cohort)).status_code in (404, 405)
    assert not PeerGroup.objects.exists()


def test_the_lecturer_page_queries_stay_fixed_with_groups(
    cohort: Cohort, coach: Any, client_for: Any, django_assert_num_queries: Any
) -> None:
    from trajectories.selectors import my_trajectories

    ann, bo = _enrol(cohort, "ann", "bo")
    services.form_peer_groups(actor=coach, cohort=cohort, assignment={ann.pk: "G"})
    with django_assert_num_queries(7) as captured:
        my_trajectories(ann.user)
    few = len(captured)  # now: growing overwrites the query log
    more = make_cohort(cohort.programme, capacity=30, coaches=(coach,))
    services.enrol(user=ann.user, cohort=more)
    people = _enrol(more, *[f"m{n}" for n in range(20)])
    services.form_peer_groups(
        actor=coach, cohort=more,
        assignment={e.pk: f"G{n % 3}" for n, e in enumerate(people)}
        | {more.enrolments.get(user=ann.user).pk: "G0"},
    )  # fmt: skip
    services.form_peer_groups(
        actor=coach, cohort=cohort, assignment={ann.pk: "G", bo.pk: "G"}
    )
    with django_assert_num_queries(few):
        overviews = my_trajectories(ann.user)
    names = {g.name: g.members for o in overviews for g in o.peer_groups}
    assert names["G"] == ("Bo L",) and len(names["G0"]) == 7
    assert escape("Ann L") not in names["G0"]
