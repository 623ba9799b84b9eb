"""The demo: an inclusive-teaching framework, a rubric, the programme's scheme and
the demo lecturer's draft portfolio — seeded once, however often it runs."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from certification import selectors
from certification.models import (
    AuditEvent,
    CertificationScheme,
    Competency,
    CompetencyArea,
    CompetencyFramework,
    EvidenceLink,
    Indicator,
    Portfolio,
    Rubric,
)

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (
            CompetencyFramework, CompetencyArea, Competency, Indicator, Rubric,
            CertificationScheme, Portfolio, EvidenceLink, AuditEvent,
        )
    )  # fmt: skip


def test_seed_demo_ships_the_framework_scheme_and_a_draft(client: Client) -> None:
    devnull = open(os.devnull, "w")  # noqa: SIM115
    call_command("seed_demo", stdout=devnull)
    framework = CompetencyFramework.objects.get(code="inclusive-teaching")
    assert framework.areas.count() == 5
    competencies = Competency.objects.filter(framework=framework)
    assert competencies.count() == 12
    assert all(c.name_nl and c.indicators.exists() for c in competencies)
    assert competencies.get(code="C3").name_en == "Inclusive language"
    scheme = CertificationScheme.objects.get()
    assert scheme.programme.title == "Inclusive teaching — first-year bachelor"
    assert scheme.mandatory_sessions == [1, 6]
    assert scheme.rubric.criteria.count() == 5 and scheme.rubric.levels.count() == 4
    assert scheme.title_nl and scheme.learning_outcomes_nl and scheme.workload_hours
    portfolio = Portfolio.objects.get(user__username="lecturer")
    assert portfolio.status == "draft" and portfolio.evidence.count() == 2
    found = selectors.eligibility(user=portfolio.user, scheme=scheme)
    assert not found.eligible
    assert "Link evidence to competency C1 'Awareness of student diversity'" in (
        found.missing
    )
    before = counts()
    call_command("seed_demo", stdout=devnull)
    assert counts() == before
    devnull.close()


def test_the_demo_pages_open(client: Client, client_for: Any) -> None:
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    lecturer = client_for(users.get(username="lecturer"))
    assert (
        "Certificate Inclusive Teaching"
        in lecturer.get("/certification/").content.decode()
    )
    admin = client_for(users.get(username="admin"))
    assert admin.get("/certification/manage/").status_code == 200
    assessor = client_for(users.get(username="assessor"))
    assert assessor.get("/certification/assessments/").status_code == 200


def test_seed_demo_issues_a_certificate_that_verifies_on_the_site(
    client: Client, client_for: Any
) -> None:
    from io import StringIO
    from urllib.parse import urlsplit

    from django.contrib.auth import get_user_model

    from certification.models import IssuedCredential
    from certification.selectors.credentials import verification_url

    out = StringIO()
    call_command("seed_demo", stdout=out)

    credential = IssuedCredential.objects.get()
    holder = get_user_model().objects.get(username="holder")
    assert credential.user == holder and holder.check_password("engage-demo")
    assert credential.decision.version.portfolio.status == "awarded"
    url = verification_url(credential)
    assert url in out.getvalue()  # printed for a newcomer to open
    page = client.get(urlsplit(url).path)
    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-verdict="valid"' in text
    assert "Daan Hoekstra" in text and "Certificate Inclusive Teaching" in text
    mine = client_for(holder).get("/certification/").content.decode()
    assert 'data-certificate="valid"' in mine and url in mine

    call_command("seed_demo", stdout=StringIO())
    assert IssuedCredential.objects.get() == credential
    assert Portfolio.objects.filter(user=holder).count() == 1


def test_the_demo_holder_completed_the_trajectory_the_certificate_rests_on(
    client_for: Any,
) -> None:
    """Issue 16: the holder's trajectory said "Enrolled, 50% done" next to a
    certificate for having followed it."""
    from django.contrib.auth import get_user_model

    from trajectories.models import Enrolment
    from trajectories.selectors import progress_of

    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    holder = get_user_model().objects.get(username="holder")
    enrolment = Enrolment.objects.get(user=holder)
    progress = progress_of(enrolment)
    assert progress.percent == 100 and progress.remaining == ()
    assert enrolment.status == "completed" and enrolment.completed_at is not None
    page = client_for(holder).get("/trajectory/").content.decode()
    assert "Completed" in page and "data-completed" in page
    assert "50%" not in page


def test_seed_demo_leaves_a_portfolio_waiting_for_the_assessor(
    client_for: Any,
) -> None:
    from io import StringIO

    from django.contrib.auth import get_user_model

    from certification.models import Assessment
    from tests.certification.factories import assess

    call_command("seed_demo", stdout=StringIO())
    users = get_user_model().objects
    assessor = users.get(username="assessor")
    waiting = Assessment.objects.get(assessor=assessor, submitted_at=None)
    portfolio = waiting.version.portfolio
    assert portfolio.user.username == "candidate"
    assert portfolio.status == "under_assessment"
    first = Assessment.objects.get(version=waiting.version, role="first")
    assert first.assessor.username == "coach" and first.is_submitted

    client = client_for(assessor)
    dashboard = client.get("/dashboard/").content.decode()
    assert 'data-assessments-waiting="1"' in dashboard
    assert f'href="/certification/assessments/{waiting.pk}/"' in dashboard
    assert "You do not coach a cohort yet" not in dashboard
    page = client.get(f"/certification/assessments/{waiting.pk}/")
    assert page.status_code == 200
    assert first.comment not in page.content.decode()  # blind until both scored

    call_command("seed_demo", stdout=StringIO())
    assert Portfolio.objects.filter(user=portfolio.user).count() == 1
    assess(waiting, assessor, 2)
    after = client.get("/dashboard/").content.decode()
    assert 'data-assessments-waiting="0"' in after
