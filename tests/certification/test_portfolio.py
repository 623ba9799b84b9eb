"""The portfolio: own evidence only, checked uploads, cleaned self-assessment,
a frozen snapshot per submission."""

from __future__ import annotations

import copy
import hashlib
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from certification import services
from certification.exceptions import (
    EvidenceRefused,
    InvalidState,
    NotAllowed,
    NotEligible,
    TooLong,
)
from certification.models import (
    AuditEvent,
    EvidenceLink,
    ImmutableRow,
    Portfolio,
    PortfolioVersion,
)
from lms.accounts.roles import Role
from lms.xapi.models import Statement
from tests import upload_samples as samples
from tests.certification.factories import make_framework, write_entry
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services as trajectory_services

pytestmark = pytest.mark.django_db

PDF = samples.pdf()


def _pdf(name: str = "syllabus.pdf", body: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def test_start_is_idempotent_and_needs_an_enrolment(world: Any) -> None:
    again = services.start_portfolio(user=world.lecturer, scheme=world.scheme)
    assert again.pk == world.portfolio.pk
    assert (
        AuditEvent.objects.filter(portfolio=world.portfolio, action="started").count()
        == 1
    )
    with pytest.raises(NotAllowed):
        services.start_portfolio(user=world.other_lecturer, scheme=world.scheme)
    world.scheme.is_active = False
    world.scheme.save()
    with pytest.raises(NotAllowed):
        services.start_portfolio(user=world.lecturer, scheme=world.scheme)


def test_only_own_journal_entries_and_records_can_be_linked(world: Any) -> None:
    c1 = world.competencies()[0]
    other = trajectory_services.enrol(user=world.other_lecturer, cohort=world.cohort)
    theirs = write_entry(other, "Not yours")
    with pytest.raises(EvidenceRefused):
        services.link_evidence(
            user=world.lecturer, portfolio=world.portfolio, competency=c1,
            journal_entry=theirs,
        )  # fmt: skip
    # Someone else cannot write into the lecturer's portfolio either.
    mine = write_entry(world.enrolment)
    with pytest.raises(NotAllowed):
        services.link_evidence(
            user=world.other_lecturer, portfolio=world.portfolio, competency=c1,
            journal_entry=mine,
        )  # fmt: skip
    assert not EvidenceLink.objects.exists()
    link = services.link_evidence(
        user=world.lecturer, portfolio=world.portfolio, competency=c1,
        journal_entry=mine, note="<script>alert(1)</script>Shows <b>it</b>",
    )  # fmt: skip
    assert link.note == "Shows it"
    # Linking the same entry twice to the same competency keeps one link.
    services.link_evidence(
        user=world.lecturer,
        portfolio=world.portfolio,
        competency=c1,
        journal_entry=mine,
    )
    assert EvidenceLink.objects.count() == 1


def test_an_entry_from_another_trajectory_of_the_same_person_is_refused(
    world: Any,
) -> None:
    other_cohort = make_cohort(sessions=1)
    elsewhere = trajectory_services.enrol(user=world.lecturer, cohort=other_cohort)
    entry = write_entry(elsewhere, "Other programme")
    with pytest.raises(EvidenceRefused):
        services.link_evidence(
            user=world.lecturer, portfolio=world.portfolio,
            competency=world.competencies()[0], journal_entry=entry,
        )  # fmt: skip


def test_assignment_records_must_be_own_and_submitted(world: Any) -> None:
    key = str(world.scheme.programme.assignments[0].id)
    course = trajectory_services.register_course(owner=world.lecturer, name="Stats")
    draft = trajectory_services.save_assignment(
        user=world.lecturer, enrolment=world.enrolment, key=key, course=course,
        planned_change="<p>plan</p>", actual_change="", effect="", submit=False,
    )  # fmt: skip
    c1 = world.competencies()[0]
    with pytest.raises(EvidenceRefused):
        services.link_evidence(
            user=world.lecturer, portfolio=world.portfolio, competency=c1,
            assignment_record=draft,
        )  # fmt: skip
    other = trajectory_services.enrol(user=world.other_lecturer, cohort=world.cohort)
    their_course = trajectory_services.register_course(
        owner=world.other_lecturer, name="Theirs"
    )
    theirs = trajectory_services.save_assignment(
        user=world.other_lecturer, enrolment=other, key=key, course=their_course,
        planned_change="", actual_change="<p>done</p>", effect="", submit=True,
    )  # fmt: skip
    with pytest.raises(EvidenceRefused):
        services.link_evidence(
            user=world.lecturer, portfolio=world.portfolio, competency=c1,
            assignment_record=theirs,
        )  # fmt: skip
    submitted = trajectory_services.save_assignment(
        user=world.lecturer, enrolment=world.enrolment, key=key, course=course,
        planned_change="", actual_change="<p>done</p>", effect="", submit=True,
    )  # fmt: skip
    link = services.link_evidence(
        user=world.lecturer, portfolio=world.portfolio, competency=c1,
        assignment_record=submitted,
    )  # fmt: skip
    assert link.kind == "assignment"


def test_a_competency_of_another_framework_is_refused(world: Any) -> None:
    foreign = make_framework(code="other-framework").competencies.first()
    with pytest.raises(EvidenceRefused):
        services.link_evidence(
            user=world.lecturer, portfolio=world.portfolio, competency=foreign,
            journal_entry=write_entry(world.enrolment),
        )  # fmt: skip


def test_uploads_are_checked_for_type_size_and_content(world: Any) -> None:
    c1 = world.competencies()[0]
    link = services.upload_evidence(
        user=world.lecturer, portfolio=world.portfolio, competency=c1,
        file=_pdf("Syllabus <i>2026.pdf"),
    )  # fmt: skip
    assert link.file_sha256 == hashlib.sha256(PDF).hexdigest()
    assert link.file_size == len(PDF)
    assert link.file_name == "Syllabus 2026.pdf"
    assert link.file.name.startswith("certification/evidence/")
    assert "Syllabus" not in link.file.name  # the stored name is random
    for bad in (
        _pdf("script.exe", b"MZ\x90\x00"),
        _pdf("fake.pdf", b"<html><script>alert(1)</script>"),
        _pdf("notes.txt", b"\x00\x01\x02binary"),
    ):
        with pytest.raises(EvidenceRefused):
            services.upload_evidence(
                user=world.lecturer, portfolio=world.portfolio, competency=c1, file=bad
            )
    with (
        override_settings(ENGAGE_UPLOAD_MAX_BYTES=100),
        pytest.raises(EvidenceRefused, match="largest allowed"),
    ):
        services.upload_evidence(
            user=world.lecturer, portfolio=world.portfolio, competency=c1,
            file=_pdf(body=PDF + b" " * 200),
        )  # fmt: skip
    assert EvidenceLink.objects.count() == 1


def test_self_assessment_is_cleaned_and_validated(world: Any) -> None:
    c1 = world.competencies()[0]
    saved = services.save_self_assessment(
        user=world.lecturer, portfolio=world.portfolio, competency=c1,
        level="developing",
        text="<img src=x onerror=alert(1)>I <i>try</i>" + "x" * 4995,
    )  # fmt: skip
    assert saved.text.startswith("I try") and len(saved.text) == 5000
    with pytest.raises(TooLong) as refused:  # refused, never cut off
        services.save_self_assessment(
            user=world.lecturer, portfolio=world.portfolio, competency=c1,
            level="developing", text="I try" + "x" * 4996,
        )  # fmt: skip
    assert refused.value.field == "text"
    saved.refresh_from_db()
    assert len(saved.text) == 5000
    with pytest.raises(NotAllowed):
        services.save_self_assessment(
            user=world.lecturer, portfolio=world.portfolio, competency=c1,
            level="genius", text="",
        )  # fmt: skip
    with pytest.raises(NotAllowed):
        services.save_self_assessment(
            user=world.other_lecturer, portfolio=world.portfolio, competency=c1,
            level="advanced", text="",
        )  # fmt: skip


def test_submit_is_refused_with_the_missing_list(world: Any) -> None:
    with pytest.raises(NotEligible) as refused:
        services.submit_portfolio(user=world.lecturer, portfolio=world.portfolio)
    assert refused.value.missing[0] == "Link evidence to competency C1 'Competency 1'"
    assert not PortfolioVersion.objects.exists()
    with pytest.raises(NotAllowed):
        services.submit_portfolio(user=world.other_lecturer, portfolio=world.portfolio)


def test_submitting_freezes_a_snapshot_that_later_edits_do_not_touch(
    world: Any,
) -> None:
    upload = services.upload_evidence(
        user=world.lecturer, portfolio=world.portfolio,
        competency=world.competencies()[1], file=_pdf(),
    )  # fmt: skip
    version = world.submit()
    frozen = copy.deepcopy(version.snapshot)
    assert version.number == 1
    assert frozen["competencies"][0]["evidence"][0]["title"] == "Evidence entry"
    assert (
        "what I did" in frozen["competencies"][0]["evidence"][0]["sections"][0]["html"]
    )
    assert frozen["competencies"][0]["self_assessment"]["level"] == "proficient"
    assert frozen["competencies"][1]["evidence"][0]["sha256"] == upload.file_sha256
    world.portfolio.refresh_from_db()
    assert world.portfolio.status == "submitted"

    # The lecturer keeps writing in the journal; the frozen version does not move.
    entry = world.portfolio.evidence.first().journal_entry
    trajectory_services.save_entry(
        author=world.lecturer, enrolment=world.enrolment, entry=entry,
        title="Rewritten later", sections={"what": "<p>changed</p>"},
        version=entry.version,
    )  # fmt: skip
    # And the portfolio itself is closed for changes while it is assessed.
    with pytest.raises(InvalidState):
        services.link_evidence(
            user=world.lecturer, portfolio=world.portfolio,
            competency=world.competencies()[0], journal_entry=entry,
        )  # fmt: skip
    with pytest.raises(InvalidState):
        services.remove_evidence(user=world.lecturer, link=upload)
    version.refresh_from_db()
    assert version.snapshot == frozen
    # A stored version cannot be saved again.
    version.snapshot = {"tampered": True}
    with pytest.raises(ImmutableRow):
        version.save()
    with pytest.raises(InvalidState):
        services.submit_portfolio(user=world.lecturer, portfolio=world.portfolio)


def test_submission_is_recorded_and_audited(world: Any) -> None:
    version = world.submit()
    statement = Statement.objects.get(
        object_activity_iri__endswith=f"/portfolio/{world.portfolio.pk}"
    )
    data = statement.payload
    assert data["verb"]["display"]["en"] == "submitted"
    assert statement.registration == world.enrolment.registration
    assert "Evidence" not in str(data)  # no text of the lecturer
    event = AuditEvent.objects.get(action="submitted")
    assert event.actor == world.lecturer and event.details["version"] == version.pk


def test_a_withdrawn_lecturer_cannot_submit(world: Any) -> None:
    world.fill()
    trajectory_services.withdraw(user=world.lecturer, enrolment=world.enrolment)
    with pytest.raises(NotAllowed):
        services.submit_portfolio(user=world.lecturer, portfolio=world.portfolio)


def test_one_portfolio_per_scheme_and_trajectory(world: Any) -> None:
    assert Portfolio.objects.filter(user=world.lecturer).count() == 1
    other = person(Role.LECTURER, username="late")
    trajectory_services.enrol(user=other, cohort=world.cohort)
    services.start_portfolio(user=other, scheme=world.scheme)
    assert Portfolio.objects.count() == 2
