"""The pages through HTTP: every page × every role, blind scoring on the page,
hostile input, and query counts that do not grow with the rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from certification import services
from certification.models import Assessment, EvidenceLink, Portfolio, SelfAssessment
from lms.accounts.roles import Role
from tests import upload_samples as samples
from tests.certification.factories import World, assess, make_world, write_entry
from tests.factories import person
from trajectories import services as trajectory_services

pytestmark = pytest.mark.django_db

PDF = samples.pdf()
ROLES = (
    "owner", "other_lecturer", "coach", "assessor", "outsider", "coordinator",
    "admin", "anonymous",
)  # fmt: skip


@dataclass
class Scene:
    world: World
    draft: Portfolio  # a second lecturer's portfolio, still a draft
    assessment: Assessment  # world.assessor's (second) assessment
    link: EvidenceLink  # an uploaded file in the submitted portfolio


@pytest.fixture
def scene(world: World) -> Scene:
    upload = services.upload_evidence(
        user=world.lecturer, portfolio=world.portfolio,
        competency=world.competencies()[0],
        file=SimpleUploadedFile("plan.pdf", PDF),
    )  # fmt: skip
    world.submit()
    # The coach of the cohort stays "just the coach": two independent assessors.
    world.allocate(world.assessor_b, world.assessor)
    drafter = person(Role.LECTURER, username="drafter")
    trajectory_services.enrol(user=drafter, cohort=world.cohort)
    draft = services.start_portfolio(user=drafter, scheme=world.scheme)
    return Scene(
        world=world,
        draft=draft,
        assessment=Assessment.objects.get(assessor=world.assessor),
        link=upload,
    )


def _client(scene: Scene, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        user = scene.world.lecturer if role == "owner" else getattr(scene.world, role)
        client.force_login(user)
    return client


def _urls(scene: Scene) -> dict[str, str]:
    w = scene.world
    version = w.portfolio.versions.get()
    competency = w.competencies()[0]
    return {
        "home": reverse("engage_certification:home"),
        "portfolio": reverse("engage_certification:portfolio", args=[w.portfolio.pk]),
        "edit": reverse("engage_certification:edit", args=[w.portfolio.pk]),
        "competency": reverse(
            "engage_certification:competency", args=[w.portfolio.pk, competency.pk]
        ),
        "submit": reverse("engage_certification:submit", args=[w.portfolio.pk]),
        "evidence_file": reverse(
            "engage_certification:evidence_file", args=[scene.link.pk]
        ),
        "version": reverse("engage_certification:version", args=[version.pk]),
        "version_file": reverse(
            "engage_certification:version_file", args=[version.pk, 0]
        ),
        "assessments": reverse("engage_certification:assessments"),
        "assessment": reverse(
            "engage_certification:assessment", args=[scene.assessment.pk]
        ),
        "manage": reverse("engage_certification:manage"),
        "manage_portfolio": reverse(
            "engage_certification:manage_portfolio", args=[w.portfolio.pk]
        ),
    }


# page → the roles that get it (200); "owner_redirect": the owner is sent on (302).
ALLOWED = {
    "home": set(ROLES) - {"anonymous"},
    "portfolio": {"owner"},
    "edit": {"owner"},
    "competency": {"owner"},
    "submit": set(),  # submitted already: the owner is sent to the status page
    "evidence_file": {"owner"},
    "version": {"owner", "assessor", "admin"},
    "version_file": {"owner", "assessor", "admin"},
    "assessments": set(ROLES) - {"anonymous"},
    "assessment": {"assessor"},
    "manage": {"admin"},
    "manage_portfolio": {"admin"},
}


@pytest.mark.parametrize("page", sorted(ALLOWED))
def test_every_page_for_every_role(scene: Scene, page: str) -> None:
    url = _urls(scene)[page]
    for role in ROLES:
        response = _client(scene, role).get(url)
        if role == "anonymous":
            expected = 302
        elif role in ALLOWED[page]:
            expected = 200
        elif page == "submit" and role == "owner":
            expected = 302
        else:
            expected = 404
        assert response.status_code == expected, (page, role, response.status_code)
        if role == "anonymous":
            assert "/accounts/login/" in response["Location"]


def test_files_are_downloads_never_shown_inline(scene: Scene) -> None:
    for page in ("evidence_file", "version_file"):
        response = _client(scene, "owner").get(_urls(scene)[page])
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Content-Type"] == "application/octet-stream"
        assert b"".join(response.streaming_content) == PDF
    version = scene.world.portfolio.versions.get()
    for index in (1, 99):
        url = reverse("engage_certification:version_file", args=[version.pk, index])
        assert _client(scene, "owner").get(url).status_code == 404


def test_the_draft_is_only_for_its_author(scene: Scene, client_for: Any) -> None:
    url = reverse("engage_certification:edit", args=[scene.draft.pk])
    assert client_for(scene.draft.user).get(url).status_code == 200
    for role in ROLES[1:-1]:
        assert _client(scene, role).get(url).status_code == 404
    assert _client(scene, "owner").get(url).status_code == 404


def test_writes_on_someone_elses_portfolio_are_not_found(scene: Scene) -> None:
    w = scene.world
    draft = scene.draft
    competency = w.competencies()[0]
    entry = write_entry(w.enrolment)
    post_urls = [
        (reverse("engage_certification:competency", args=[draft.pk, competency.pk]),
         {"action": "link", "link-item": f"journal:{entry.pk}"}),
        (reverse("engage_certification:submit", args=[draft.pk]), {"confirm": "on"}),
        (reverse("engage_certification:start", args=[w.scheme.pk]), {}),
        (reverse("engage_certification:remove_evidence", args=[scene.link.pk]), {}),
    ]  # fmt: skip
    for url, data in post_urls:
        for role in ("other_lecturer", "coach", "assessor", "coordinator", "admin"):
            response = _client(scene, role).post(url, data)
            assert response.status_code == 404, (url, role)
    assert not draft.evidence.exists()
    assert EvidenceLink.objects.filter(pk=scene.link.pk).exists()


def test_assessing_and_deciding_through_the_pages_is_only_for_their_people(
    scene: Scene,
) -> None:
    w = scene.world
    criteria = scene.assessment.rubric.criteria.all()
    level = scene.assessment.rubric.levels.order_by("sort_order").last()
    scoring = {f"level_{c.pk}": str(level.pk) for c in criteria}
    scoring["comment"] = "Not my assessment"
    urls = _urls(scene)
    for role in (
        "owner",
        "other_lecturer",
        "coach",
        "outsider",
        "coordinator",
        "admin",
    ):
        response = _client(scene, role).post(urls["assessment"], scoring)
        assert response.status_code == 404, role
    manage = urls["manage_portfolio"]
    for role in ("owner", "other_lecturer", "coach", "assessor", "outsider",
                 "coordinator"):  # fmt: skip
        for data in (
            {"action": "allocate", "first": w.outsider.pk, "second": w.assessor_b.pk},
            {"action": "decide", "outcome": "award", "feedback": "x"},
        ):
            assert _client(scene, role).post(manage, data).status_code == 404, role
    scene.assessment.refresh_from_db()
    assert not scene.assessment.is_submitted
    assert set(Assessment.objects.values_list("assessor", flat=True)) == {
        w.assessor.pk,
        w.assessor_b.pk,
    }


# --- the lecturer's flow --------------------------------------------------------------


def test_lecturer_flow_through_the_pages(world: World, client_for: Any) -> None:
    client = client_for(world.lecturer)
    home = client.get(reverse("engage_certification:home")).content.decode()
    assert "Certificate Inclusive Teaching" in home
    assert "Link evidence to competency C1 &#x27;Competency 1&#x27;" in home
    entry = write_entry(world.enrolment, "Entry to link")
    for competency in world.competencies():
        url = reverse(
            "engage_certification:competency", args=[world.portfolio.pk, competency.pk]
        )
        response = client.post(
            url,
            {"action": "link", "link-item": f"journal:{entry.pk}", "link-note": "Why"},
        )
        assert response.status_code == 302
    url = reverse(
        "engage_certification:competency",
        args=[world.portfolio.pk, world.competencies()[0].pk],
    )
    client.post(url, {"action": "self", "self-level": "advanced", "self-text": "Mine"})
    assert SelfAssessment.objects.get().level == "advanced"
    client.post(
        url,
        {"action": "upload", "upload-file": SimpleUploadedFile("a.pdf", PDF),
         "upload-note": "Syllabus"},
    )  # fmt: skip
    assert EvidenceLink.objects.filter(kind="upload").count() == 1
    submit = reverse("engage_certification:submit", args=[world.portfolio.pk])
    page = client.get(submit).content.decode()
    assert "Submit and freeze my portfolio" in page
    assert client.post(submit, {}).status_code == 400  # the confirmation is required
    response = client.post(submit, {"confirm": "on"})
    assert response.status_code == 302
    world.portfolio.refresh_from_db()
    assert world.portfolio.status == "submitted"
    status = client.get(response["Location"]).content.decode()
    assert "Version 1" in status and "frozen" in status


def test_submit_page_lists_what_is_missing(world: World, client_for: Any) -> None:
    client = client_for(world.lecturer)
    url = reverse("engage_certification:submit", args=[world.portfolio.pk])
    page = client.get(url).content.decode()
    assert "Link evidence to competency C4 &#x27;Competency 4&#x27;" in page
    assert "Submit and freeze" not in page
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 400
    assert not world.portfolio.versions.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"action": "link", "link-item": "journal:99999999"},
        {"action": "link", "link-item": "journal:abc"},
        {"action": "link", "link-item": "x:1"},
        {"action": "link", "link-item": "journal:1' OR 1=1 --"},
        {"action": "link", "link-item": ""},
        {"action": "self", "self-level": "genius"},
        {"action": "self", "self-level": "advanced", "self-text": "x" * 5001},
        {"action": "upload"},
        {"action": "delete-everything"},
        {},
    ],
)
def test_hostile_competency_posts_change_nothing(
    world: World, client_for: Any, data: dict[str, str]
) -> None:
    url = reverse(
        "engage_certification:competency",
        args=[world.portfolio.pk, world.competencies()[0].pk],
    )
    response = client_for(world.lecturer).post(url, data)
    assert response.status_code == 400
    assert not EvidenceLink.objects.exists() and not SelfAssessment.objects.exists()


def test_linking_another_lecturers_entry_through_the_page_is_refused(
    world: World, client_for: Any
) -> None:
    other = trajectory_services.enrol(user=world.other_lecturer, cohort=world.cohort)
    theirs = write_entry(other, "Private thoughts of someone else")
    url = reverse(
        "engage_certification:competency",
        args=[world.portfolio.pk, world.competencies()[0].pk],
    )
    client = client_for(world.lecturer)
    page = client.get(url).content.decode()
    assert "Private thoughts of someone else" not in page  # not even offered
    response = client.post(url, {"action": "link", "link-item": f"journal:{theirs.pk}"})
    assert response.status_code == 400
    assert not EvidenceLink.objects.exists()


def test_an_exe_upload_is_refused_with_a_message(world: World, client_for: Any) -> None:
    url = reverse(
        "engage_certification:competency",
        args=[world.portfolio.pk, world.competencies()[0].pk],
    )
    response = client_for(world.lecturer).post(
        url, {"action": "upload", "upload-file": SimpleUploadedFile("x.exe", b"MZ")}
    )
    assert response.status_code == 400
    assert "cannot be uploaded" in response.content.decode()


def test_another_competency_id_is_not_found(world: World, client_for: Any) -> None:
    from tests.certification.factories import make_framework

    foreign = make_framework(code="foreign").competencies.first()
    url = reverse(
        "engage_certification:competency", args=[world.portfolio.pk, foreign.pk]
    )
    assert client_for(world.lecturer).get(url).status_code == 404


# --- blind scoring on the pages ------------------------------------------------------


def test_assessor_pages_are_blind_until_both_have_submitted(scene: Scene) -> None:
    w = scene.world
    first = Assessment.objects.get(role="first")
    second = scene.assessment
    assess(first, w.assessor_b, 2)
    first.refresh_from_db()
    secret = first.comment  # "Judgement at level 2"
    url_b = reverse("engage_certification:assessment", args=[second.pk])
    page_b = _client(scene, "assessor").get(url_b).content.decode()
    assert secret not in page_b and "data-results" not in page_b
    assert "Submit my assessment" in page_b
    url_a = reverse("engage_certification:assessment", args=[first.pk])
    client_a = Client()
    client_a.force_login(w.assessor_b)
    page_a = client_a.get(url_a).content.decode()
    assert "has not submitted yet" in page_a
    # The admin page does not show scores yet either.
    manage = _client(scene, "admin").get(_urls(scene)["manage_portfolio"]).content
    assert secret not in manage.decode()
    # The lecturer sees nothing of the assessment.
    owner = _client(scene, "owner").get(_urls(scene)["portfolio"]).content.decode()
    assert secret not in owner and "Rubric results" not in owner
    assess(second, w.assessor, 0)
    page_b = _client(scene, "assessor").get(url_b).content.decode()
    assert secret in page_b
    assert "Judgement at level 0" in client_a.get(url_a).content.decode()
    owner = _client(scene, "owner").get(_urls(scene)["portfolio"]).content.decode()
    assert secret not in owner and "Rubric results" not in owner  # no decision yet


def test_scoring_form_through_the_page(scene: Scene) -> None:
    second = scene.assessment
    criteria = list(second.rubric.criteria.order_by("sort_order"))
    levels = list(second.rubric.levels.order_by("sort_order"))
    url = reverse("engage_certification:assessment", args=[second.pk])
    client = _client(scene, "assessor")
    page = client.get(url).content.decode()
    assert "Shown well" in page  # the descriptors
    bad = {f"level_{c.pk}": str(levels[1].pk) for c in criteria}
    assert client.post(url, bad).status_code == 400  # no comment
    bad["comment"] = "x"
    bad[f"level_{criteria[0].pk}"] = "999999"
    assert client.post(url, bad).status_code == 400
    good = {f"level_{c.pk}": str(levels[1].pk) for c in criteria}
    good["comment"] = "<script>x</script>Clear evidence."
    assert client.post(url, good).status_code == 302
    second.refresh_from_db()
    assert second.comment == "Clear evidence." and second.outcome == "pass"
    assert client.post(url, good).status_code == 302  # already submitted: no change
    assert Assessment.objects.get(pk=second.pk).submitted_at == second.submitted_at


# --- the programme team's pages -------------------------------------------------------


def test_allocation_and_decision_through_the_pages(
    world: World, client_for: Any
) -> None:
    world.submit()
    client = client_for(world.admin)
    url = reverse("engage_certification:manage_portfolio", args=[world.portfolio.pk])
    conflict = client.post(
        url,
        {"action": "allocate", "first": world.assessor.pk, "second": world.coach.pk},
    )
    assert conflict.status_code == 400
    assert "coaches the candidate" in conflict.content.decode()
    assert (
        client.post(
            url, {"action": "allocate", "first": "999999", "second": world.coach.pk}
        ).status_code
        == 400
    )
    response = client.post(
        url,
        {"action": "allocate", "first": world.coach.pk, "second": world.assessor.pk},
    )
    assert response.status_code == 302
    first, second = Assessment.objects.order_by("role")
    assess(first, world.coach, 2)
    assess(second, world.assessor, 2)
    page = client.get(url).content.decode()
    assert "Confirm the decision" in page and "Judgement at level 2" in page
    assert client.post(url, {"action": "decide", "outcome": "burn"}).status_code == 400
    response = client.post(
        url, {"action": "decide", "outcome": "award", "feedback": "Well done."}
    )
    assert response.status_code == 302
    world.portfolio.refresh_from_db()
    assert world.portfolio.status == "awarded"
    # The lecturer now sees the decision, the rubric results and, beside them,
    # their self-assessment.
    owner = (
        client_for(world.lecturer)
        .get(reverse("engage_certification:portfolio", args=[world.portfolio.pk]))
        .content.decode()
    )
    assert "Well done." in owner and "Rubric results" in owner
    results = owner.split("data-results")[1].split("</table>")[0]
    self_part = owner.split('id="self-title"')[1].split("</table>")[0]
    assert "Good (3)" in results and "Proficient" not in results
    assert "Proficient" in self_part and "Good (3)" not in self_part
    assert "Judgement at level 2" not in owner  # assessors' comments stay internal


def test_manage_filter_ignores_hostile_values(world: World, client_for: Any) -> None:
    world.submit()
    client = client_for(world.admin)
    url = reverse("engage_certification:manage")
    for value in ("'; DROP TABLE x; --", "<script>alert(1)</script>", "x" * 5000):
        page = client.get(url, {"status": value}).content.decode()
        assert world.lecturer.get_full_name() in page  # the filter was ignored
        assert "DROP TABLE" not in page and "alert(1)" not in page
    drafts = client.get(url, {"status": "draft"}).content.decode()
    assert world.lecturer.get_full_name() not in drafts


# --- query counts ---------------------------------------------------------------------


def _busy(faculty: Any, lecturers: int) -> World:
    world = make_world(faculty, sessions=12)
    world.cohort.capacity = lecturers + 1
    world.cohort.save()
    world.submit()
    for n in range(lecturers):
        user = person(Role.LECTURER, username=f"busy{n}")
        enrolment = trajectory_services.enrol(user=user, cohort=world.cohort)
        portfolio = services.start_portfolio(user=user, scheme=world.scheme)
        entry = write_entry(enrolment)
        for competency in world.competencies():
            services.link_evidence(
                user=user,
                portfolio=portfolio,
                competency=competency,
                journal_entry=entry,
            )
        services.submit_portfolio(user=user, portfolio=portfolio)
        services.allocate_assessors(
            actor=world.admin, portfolio=portfolio, first=world.coach,
            second=world.assessor,
        )  # fmt: skip
    return world


def test_list_pages_take_a_fixed_number_of_queries(
    faculty: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    world = _busy(faculty, 25)
    admin, assessor = client_for(world.admin), client_for(world.assessor)
    with django_assert_max_num_queries(14):
        page = admin.get(reverse("engage_certification:manage"))
    assert page.content.decode().count("Waiting for the assessors") == 25
    with django_assert_max_num_queries(12):
        page = assessor.get(reverse("engage_certification:assessments"))
    assert page.content.decode().count("to do") == 25


def test_portfolio_pages_take_a_fixed_number_of_queries(
    faculty: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    world = make_world(faculty, sessions=15, min_attendance_percent=50)
    for n in range(12):
        entry = write_entry(world.enrolment, f"entry {n}")
        for competency in world.competencies():
            services.link_evidence(
                user=world.lecturer, portfolio=world.portfolio, competency=competency,
                journal_entry=entry,
            )  # fmt: skip
    client = client_for(world.lecturer)
    pages = [
        reverse("engage_certification:home"),
        reverse("engage_certification:edit", args=[world.portfolio.pk]),
        reverse(
            "engage_certification:competency",
            args=[world.portfolio.pk, world.competencies()[0].pk],
        ),
        reverse("engage_certification:submit", args=[world.portfolio.pk]),
    ]
    for url in pages:
        with django_assert_max_num_queries(24):
            assert client.get(url).status_code == 200


def test_assessment_page_takes_a_fixed_number_of_queries(
    scene: Scene, django_assert_max_num_queries: Any
) -> None:
    url = reverse("engage_certification:assessment", args=[scene.assessment.pk])
    client = _client(scene, "assessor")
    with django_assert_max_num_queries(16):
        assert client.get(url).status_code == 200
    first = Assessment.objects.get(role="first")
    assess(first, scene.world.assessor_b, 2)
    assess(scene.assessment, scene.world.assessor, 2)
    # Submitting marked the "waiting for your assessment" notification read, so
    # the first page after it counts the unread ones again (then cached).
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(18):  # now with both assessments' scores
        assert client.get(url).status_code == 200
