"""Erasing a person through `erase_person`, for every role they can have in
certification: nothing in certification's tables points at them or names them
afterwards, the status list is unchanged, and what others rely on (judgements,
decisions, the holder's own copy of a credential) keeps working."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from certification import services
from certification.exceptions import InvalidState
from certification.models import (
    Assessment,
    AuditAction,
    AuditEvent,
    CriterionScore,
    Decision,
    EvidenceLink,
    IssuedCredential,
    Portfolio,
    PortfolioVersion,
    SelfAssessment,
    StatusList,
)
from lms.accounts.services import erase_person
from lms.xapi.models import Statement
from tests import upload_samples as samples
from tests.certification.factories import World, assess, write_entry
from tests.certification.issuing_world import (
    award,
    holder_name,
    issued,
    issuing_settings,  # noqa: F401 - a fixture
)
from trajectories import services as trajectory_services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("issuing_settings")]

PDF = samples.pdf()


def _named(user: Any, first: str, last: str) -> Any:
    user.first_name, user.last_name = first, last
    user.save(update_fields=["first_name", "last_name"])
    return user


def traces_of(pk: int, words: list[str]) -> list[str]:
    """Every place in certification's tables that still points at or names the
    person with primary key `pk`."""
    user_model = get_user_model()
    found = []
    for model in apps.get_app_config("engage_certification").get_models():
        for field in model._meta.concrete_fields:
            points_at_user = field.is_relation and field.related_model is user_model
            if (
                points_at_user
                and model._default_manager.filter(**{field.attname: pk}).exists()
            ):
                found.append(f"{model.__name__}.{field.name}")
        dump = json.dumps(list(model._default_manager.values()), default=str).lower()
        found += [f"{model.__name__}: {w}" for w in words if w.lower() in dump]
    found += [
        f"audit event {event.pk} details"
        for event in AuditEvent.objects.all()
        if event.details.get("assessor") == pk
    ]
    return found


def words_of(user: Any) -> list[str]:
    return [user.first_name, user.last_name, user.email, user.get_username()]


def status_lists() -> list[tuple[Any, ...]]:
    return [
        (s.pk, bytes(s.bits), s.document, s.signed_at, s.next_free)
        for s in StatusList.objects.order_by("pk")
    ]


def erase(user: Any, capture: Any) -> None:
    with capture(execute=True):
        erase_person(user=user)
    assert not get_user_model().objects.filter(pk=user.pk).exists()


def _upload(world: World, name: str = "syllabus.pdf") -> EvidenceLink:
    return services.upload_evidence(
        user=world.lecturer, portfolio=world.portfolio,
        competency=world.competencies()[0],
        file=SimpleUploadedFile(name, PDF, content_type="application/pdf"),
        note="My syllabus",
    )  # fmt: skip


def _second_candidate(world: World) -> Portfolio:
    """The other lecturer's submitted portfolio, allocated to coach + assessor."""
    lecturer = world.other_lecturer
    enrolment = trajectory_services.enrol(user=lecturer, cohort=world.cohort)
    portfolio = services.start_portfolio(user=lecturer, scheme=world.scheme)
    entry = write_entry(enrolment, "Another entry")
    for competency in world.competencies():
        services.link_evidence(
            user=lecturer, portfolio=portfolio, competency=competency,
            journal_entry=entry,
        )  # fmt: skip
    services.submit_portfolio(user=lecturer, portfolio=portfolio)
    services.allocate_assessors(
        actor=world.admin, portfolio=portfolio, first=world.coach,
        second=world.assessor,
    )  # fmt: skip
    return portfolio


# --- the lecturer (candidate and holder) ---------------------------------------------


def _draft(world: World) -> None:
    _upload(world)
    world.fill()


def _submitted(world: World) -> None:
    _upload(world)
    world.submit()


def _under_assessment(world: World) -> None:
    _submitted(world)
    first, _second = world.allocate()
    assess(first, world.coach, 2)


def _changes_requested(world: World) -> None:
    _submitted(world)
    first, second = world.allocate()
    assess(first, world.coach, 0)
    assess(second, world.assessor, 0)
    world.portfolio.refresh_from_db()
    services.decide(
        actor=world.admin, portfolio=world.portfolio, outcome="changes_requested",
        feedback="Show more of your own course.",
    )  # fmt: skip


def _issued_and_corrected(world: World) -> None:
    _upload(world)
    first = issued(world)
    services.reissue_credential(actor=world.admin, credential=first, note="Typo")


STAGES = {
    "draft": _draft,
    "submitted": _submitted,
    "under assessment": _under_assessment,
    "changes requested": _changes_requested,
    "awarded, issued, revoked and re-issued": _issued_and_corrected,
}


@pytest.mark.parametrize("stage", list(STAGES))
def test_erasing_a_lecturer_leaves_no_trace_at_any_stage(
    world: World, stage: str, django_capture_on_commit_callbacks: Any
) -> None:
    lecturer = _named(world.lecturer, "Zebedee", "Quixworth")
    STAGES[stage](world)
    files = [link.file.name for link in EvidenceLink.objects.exclude(file="")]
    assert files and all(default_storage.exists(name) for name in files)
    lists = status_lists()
    pk, words = lecturer.pk, words_of(lecturer)

    erase(lecturer, django_capture_on_commit_callbacks)

    assert traces_of(pk, words) == []
    for model in (
        Portfolio, EvidenceLink, SelfAssessment, PortfolioVersion, Assessment,
        CriterionScore, Decision,
    ):  # fmt: skip
        assert not model.objects.exists(), model.__name__
    assert not AuditEvent.objects.filter(portfolio__isnull=False).exists()
    assert not any(default_storage.exists(name) for name in files)
    assert status_lists() == lists


def test_a_holders_credentials_become_tombstones(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    holder_name(world, "Zebedee", "Quixworth")
    _issued_and_corrected(world)
    before = {c.pk: c for c in IssuedCredential.objects.all()}

    erase(world.lecturer, django_capture_on_commit_callbacks)

    after = {c.pk: c for c in IssuedCredential.objects.all()}
    assert set(after) == set(before) and len(after) == 2
    for pk, tombstone in after.items():
        kept = before[pk]
        assert tombstone.is_erased
        assert (tombstone.user, tombstone.decision, tombstone.document) == (
            None, None, None,
        )  # fmt: skip
        assert tombstone.revocation_note == ""
        for field in (
            "credential_id", "verification_code", "issued_at", "valid_from",
            "valid_until", "status_list_id", "status_index", "revoked_at",
            "revocation_reason", "key_id", "replaces_id",
        ):  # fmt: skip
            assert getattr(tombstone, field) == getattr(kept, field), field


def test_a_file_only_a_submitted_version_names_is_erased_too(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    link = _upload(world, "old-syllabus.pdf")
    name = link.file.name
    _changes_requested(world)
    world.portfolio.refresh_from_db()
    services.remove_evidence(user=world.lecturer, link=link)
    assert default_storage.exists(name)  # an earlier version still shows it

    erase(world.lecturer, django_capture_on_commit_callbacks)

    assert not default_storage.exists(name)


def test_erasure_is_all_or_nothing(world: World, monkeypatch: Any) -> None:
    _issued_and_corrected(world)
    before = IssuedCredential.objects.filter(user=world.lecturer).count()

    def fail(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the account could not be deleted")

    monkeypatch.setattr(type(world.lecturer), "delete", fail)
    with pytest.raises(RuntimeError):
        erase_person(user=world.lecturer)

    assert IssuedCredential.objects.filter(user=world.lecturer).count() == before
    assert Portfolio.objects.filter(user=world.lecturer).exists()


def test_statements_stay_anonymous_after_erasure(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    issued(world)
    statements = Statement.objects.count()

    erase(world.lecturer, django_capture_on_commit_callbacks)

    assert Statement.objects.count() == statements


# --- verification after the holder was erased -----------------------------------------


def test_the_verification_page_says_the_record_was_erased(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    holder_name(world, "Zebedee", "Quixworth")
    credential = issued(world)
    code, document = credential.verification_code, credential.document

    erase(world.lecturer, django_capture_on_commit_callbacks)

    response = Client().get(reverse("engage_certification:verify", args=[code]))
    assert response.status_code == 410
    page = response.content.decode()
    assert 'data-verdict="erased"' in page
    assert "erased its record of this certificate at the holder's request" in page
    assert "Quixworth" not in page and "data-claims" not in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    as_json = Client().get(reverse("engage_certification:credential_json", args=[code]))
    assert as_json.status_code == 410
    assert json.loads(as_json.content)["error"] == "erased"
    # The holder's own copy still verifies, by its signature and the status list.
    pasted = (
        Client()
        .post(
            reverse("engage_certification:verify_upload"),
            {"credential": json.dumps(document)},
        )
        .content.decode()
    )
    assert 'data-verdict="valid"' in pasted
    assert "data-erased" in pasted
    assert "Quixworth" in pasted  # from the pasted file, not from our records


def test_a_revoked_credential_of_an_erased_holder_stays_revoked(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    old = issued(world)
    services.reissue_credential(actor=world.admin, credential=old, note="Typo")

    erase(world.lecturer, django_capture_on_commit_callbacks)

    pasted = (
        Client()
        .post(
            reverse("engage_certification:verify_upload"),
            {"credential": json.dumps(old.document)},
        )
        .content.decode()
    )
    assert 'data-verdict="revoked"' in pasted
    assert "Corrected: replaced by a new credential" in pasted


def test_the_programme_team_can_still_revoke_but_not_correct_a_tombstone(
    world: World, django_capture_on_commit_callbacks: Any, client_for: Any
) -> None:
    credential = issued(world)
    document = credential.document
    erase(world.lecturer, django_capture_on_commit_callbacks)
    tombstone = IssuedCredential.objects.get()
    admin = client_for(world.admin)

    listing = admin.get(reverse("engage_certification:manage_certificates"))
    assert "Erased at the holder's request" in listing.content.decode()
    page = admin.get(
        reverse("engage_certification:manage_certificate", args=[tombstone.pk])
    ).content.decode()
    assert "data-erased" in page and 'value="reissue"' not in page
    with pytest.raises(InvalidState):
        services.reissue_credential(actor=world.admin, credential=tombstone, note="x")
    assert IssuedCredential.objects.count() == 1
    assert not IssuedCredential.objects.get().is_revoked

    statements = Statement.objects.count()
    services.revoke_credential(
        actor=world.admin, credential=tombstone, reason="misconduct",
        note="Plagiarism found after the holder left.",
    )  # fmt: skip

    assert Statement.objects.count() == statements  # nobody to record it for
    pasted = (
        Client()
        .post(
            reverse("engage_certification:verify_upload"),
            {"credential": json.dumps(document)},
        )
        .content.decode()
    )
    assert 'data-verdict="revoked"' in pasted


# --- the assessor ---------------------------------------------------------------------


def test_erasing_an_assessor_keeps_their_judgements_without_them(
    world: World, django_capture_on_commit_callbacks: Any, client_for: Any
) -> None:
    assessor = _named(world.assessor, "Ottoline", "Brackenbury")
    credential = issued(world)  # the assessor assessed it (second)
    pending = _second_candidate(world)  # allocated to them, not submitted
    lists = status_lists()
    judged = Assessment.objects.get(assessor=assessor, submitted_at__isnull=False)
    scores = CriterionScore.objects.filter(assessment=judged).count()
    pk, words = assessor.pk, words_of(assessor)

    erase(assessor, django_capture_on_commit_callbacks)

    assert traces_of(pk, words) == []
    judged.refresh_from_db()
    assert judged.assessor is None and judged.outcome == "pass"
    assert judged.comment and CriterionScore.objects.filter(assessment=judged).count()
    assert CriterionScore.objects.filter(assessment=judged).count() == scores
    assert Decision.objects.get().rubric_id == judged.rubric_id
    # The open allocation is withdrawn, in the audit trail, without the person.
    assert not Assessment.objects.filter(
        version__portfolio=pending, role="second"
    ).exists()
    withdrawn = AuditEvent.objects.get(action=AuditAction.ALLOCATION_WITHDRAWN)
    assert withdrawn.portfolio == pending and withdrawn.actor is None
    assessed = AuditEvent.objects.get(
        action=AuditAction.ASSESSED, portfolio=world.portfolio, details__role="second"
    )
    assert assessed.actor is None and assessed.actor_erased
    # Everything others rely on still works.
    assert status_lists() == lists
    verify = Client().get(
        reverse("engage_certification:verify", args=[credential.verification_code])
    )
    assert 'data-verdict="valid"' in verify.content.decode()
    page = client_for(world.admin).get(
        reverse("engage_certification:manage_portfolio", args=[world.portfolio.pk])
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "former assessor" in text and "Brackenbury" not in text
    # The programme team allocates someone else for the withdrawn allocation.
    pending.refresh_from_db()
    services.allocate_assessors(
        actor=world.admin, portfolio=pending, first=world.coach,
        second=world.assessor_b,
    )  # fmt: skip
    assert pending.versions.get().assessments.count() == 2


# --- the programme team --------------------------------------------------------------


def test_erasing_a_programme_team_member_keeps_decisions_and_revocations(
    world: World,
    django_capture_on_commit_callbacks: Any,
    client_for: Any,
) -> None:
    from lms.accounts.roles import Role
    from tests.factories import person

    admin = _named(world.admin, "Philippa", "Fothergill")
    credential = issued(world)  # allocated and decided by the admin
    new = services.reissue_credential(actor=admin, credential=credential, note="Typo")
    lists = status_lists()
    pk, words = admin.pk, words_of(admin)

    erase(admin, django_capture_on_commit_callbacks)

    assert traces_of(pk, words) == []
    decision = Decision.objects.get()
    assert decision.decided_by is None and decision.outcome == "award"
    old = IssuedCredential.objects.get(pk=credential.pk)
    assert old.is_revoked and old.revoked_by is None
    assert old.revocation_note == "Typo"  # the holder is not the one erased
    assert not Assessment.objects.filter(allocated_by__isnull=False).exists()
    assert (
        AuditEvent.objects.filter(actor_erased=True).count() == 3
    )  # allocations, decision
    assert status_lists() == lists
    verify = Client().get(
        reverse("engage_certification:verify", args=[new.verification_code])
    )
    assert 'data-verdict="valid"' in verify.content.decode()
    colleague = person(Role.PROGRAMME_ADMIN, username="w-admin-2")
    page = (
        client_for(colleague)
        .get(
            reverse("engage_certification:manage_portfolio", args=[world.portfolio.pk])
        )
        .content.decode()
    )
    assert "a former programme team member" in page and "Fothergill" not in page


def test_someone_with_every_role_is_erased_in_one_go(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    """A coach who assessed others and was a candidate themselves."""
    coach = _named(world.coach, "Barnaby", "Wolstenholme")
    issued(world)  # the coach was the first assessor
    trajectory_services.enrol(user=coach, cohort=world.cohort)
    services.start_portfolio(user=coach, scheme=world.scheme)
    pk, words = coach.pk, words_of(coach)

    erase(coach, django_capture_on_commit_callbacks)

    assert traces_of(pk, words) == []
    assert Portfolio.objects.count() == 1  # the lecturer's
    assert Assessment.objects.filter(assessor__isnull=True).count() == 1


def test_the_erase_person_command_works_for_a_holder(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core.management import call_command

    award(world)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("erase_person", world.lecturer.username, "--yes")
    assert not Portfolio.objects.exists()


def test_a_former_assessors_judgement_keeps_its_role(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    """The second assessor can still be replaced, and the decision taken."""
    world.submit()
    first, _second = world.allocate()  # the coach first, the assessor second
    assess(first, world.coach, 2)
    erase(world.coach, django_capture_on_commit_callbacks)
    world.portfolio.refresh_from_db()

    kept, replaced = services.allocate_assessors(
        actor=world.admin, portfolio=world.portfolio, first=world.outsider,
        second=world.assessor_b,
    )  # fmt: skip

    assert kept.pk == first.pk and kept.assessor is None and kept.is_submitted
    assert replaced.assessor == world.assessor_b
    assess(replaced, world.assessor_b, 2)
    world.portfolio.refresh_from_db()
    decision = services.decide(
        actor=world.admin, portfolio=world.portfolio, outcome="award", feedback=""
    )
    assert decision.outcome == "award"


def test_the_public_pages_of_an_erased_holder_take_few_queries(
    world: World,
    django_capture_on_commit_callbacks: Any,
    django_assert_max_num_queries: Any,
) -> None:
    credential = issued(world)
    erase(world.lecturer, django_capture_on_commit_callbacks)
    client = Client()
    page = reverse("engage_certification:verify", args=[credential.verification_code])
    client.get(page)
    with django_assert_max_num_queries(2):
        assert client.get(page).status_code == 410
    paste = {"credential": json.dumps(credential.document)}
    client.post(reverse("engage_certification:verify_upload"), paste)
    with django_assert_max_num_queries(3):
        client.post(reverse("engage_certification:verify_upload"), paste)
