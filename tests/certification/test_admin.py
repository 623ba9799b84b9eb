"""The programme team's Wagtail admin: rubrics locked once used, schemes' rules."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from certification.models import CertificationScheme, Rubric
from tests.certification.factories import make_framework, make_scheme

pytestmark = pytest.mark.django_db


def _rubric_post(
    rubric: Rubric | None = None, *, name: str = "Rubric", lines: int = 3
) -> dict[str, Any]:
    levels = list(rubric.levels.order_by("sort_order")) if rubric else []
    criteria = list(rubric.criteria.order_by("sort_order")) if rubric else []
    level_items = [
        {"id": str(level.pk) if level else "", "label_en": label, "label_nl": label,
         "points": str(points), "meets_standard": "on" if points else ""}
        for level, (label, points) in zip(
            levels + [None] * 3,
            [("Not yet", 0), ("Sufficient", 2), ("Good", 3)],
            strict=False,
        )
    ]  # fmt: skip
    descriptors = "\n".join(f"line {n}" for n in range(lines))
    criterion_items = [
        {"id": str(c.pk) if c else "", "title_en": "Criterion", "title_nl": "Criterium",
         "competency": "", "descriptors_en": descriptors, "descriptors_nl": descriptors}
        for c in (criteria[:1] or [None])
    ]  # fmt: skip
    return nested_form_data(
        {
            "name_en": name,
            "name_nl": name,
            "pass_points": "2",
            "levels": inline_formset(level_items, initial=len(levels), min=2),
            "criteria": inline_formset(
                criterion_items, initial=len(criteria[:1]), min=1
            ),
        }
    )


def test_rubric_is_created_and_descriptors_need_one_line_per_level(
    programme_admin: Any, client_for: Any
) -> None:
    client = client_for(programme_admin)
    url = reverse("rubrics:add")
    response = client.post(url, _rubric_post(lines=2))
    assert response.status_code == 200  # re-shown with the error
    assert "Write one line per level: 3 lines." in response.content.decode()
    assert not Rubric.objects.exists()
    response = client.post(url, _rubric_post(lines=3))
    assert response.status_code == 302
    rubric = Rubric.objects.get()
    assert rubric.levels.count() == 3 and rubric.criteria.get().descriptors() == [
        "line 0", "line 1", "line 2"
    ]  # fmt: skip


def test_a_used_rubric_cannot_be_edited_in_the_admin(
    world: Any, client_for: Any, programme_admin: Any
) -> None:
    rubric = world.scheme.rubric
    client = client_for(programme_admin)
    edit = reverse("rubrics:edit", args=[rubric.pk])
    assert client.post(edit, _rubric_post(rubric, name="Before use")).status_code == 302
    rubric.refresh_from_db()
    assert rubric.name_en == "Before use"
    world.submit()
    world.allocate()
    page = client.get(edit, follow=True).content.decode()
    assert "can no longer be changed" in page and "Create a new version" in page
    response = client.post(edit, _rubric_post(rubric, name="After use"))
    assert response.status_code == 200
    assert "can no longer be changed" in response.content.decode()
    rubric.refresh_from_db()
    assert rubric.name_en == "Before use"
    # A new version instead, which the scheme then uses.
    version_url = reverse("engage_certification_rubric_version", args=[rubric.pk])
    assert client.get(version_url).status_code == 200
    response = client.post(version_url)
    copy = Rubric.objects.get(version=2)
    assert response.status_code == 302 and response["Location"].endswith(
        reverse("rubrics:edit", args=[copy.pk])
    )
    assert (
        client.post(
            reverse("rubrics:edit", args=[copy.pk]), _rubric_post(copy, name="Improved")
        ).status_code
        == 302
    )
    world.scheme.refresh_from_db()
    assert world.scheme.rubric.name_en == "Improved"


def test_only_the_programme_team_versions_a_rubric(
    world: Any, client_for: Any, coach: Any, lecturer: Any
) -> None:
    url = reverse("engage_certification_rubric_version", args=[world.scheme.rubric.pk])
    for person in (coach, lecturer):
        assert client_for(person).post(url).status_code in (302, 403)
    assert Rubric.objects.count() == 1


def _scheme_post(programme: Any, framework: Any, **extra: Any) -> dict[str, Any]:
    data = {
        "title_en": "Certificate", "title_nl": "Certificaat", "description_en": "d",
        "description_nl": "d", "programme": str(programme.pk),
        "framework": str(framework.pk), "rubric": "", "is_active": "on",
        "min_attendance_percent": "80", "min_reflections": "2",
        "evidence_for_every_competency": "on", "validity_months": "60",
        "learning_outcomes_en": "lo", "learning_outcomes_nl": "lo",
        "workload_hours": "84", "eqf_level": "7", "assessment_type": "portfolio_rubric",
        "participation_form": "blended", "quality_assurance_en": "qa",
        "quality_assurance_nl": "qa",
    }  # fmt: skip
    data.update(extra)
    return data


def test_scheme_rules_are_chosen_from_the_programme(
    programme_admin: Any, client_for: Any
) -> None:
    scheme = make_scheme()
    programme = scheme.programme
    other = make_scheme().programme
    key = str(programme.assignments[1].id)
    client = client_for(programme_admin)
    page = client.get(reverse("certification-schemes:add")).content.decode()
    assert "1. Kick-off" in page and "A fairer assessment" in page
    post = _scheme_post(
        programme, scheme.framework,
        mandatory_sessions=[f"{programme.pk}:1"],
        required_assignments=[f"{programme.pk}:{key}"],
    )  # fmt: skip
    response = client.post(reverse("certification-schemes:add"), post)
    assert response.status_code == 302
    created = CertificationScheme.objects.latest("pk")
    assert created.mandatory_sessions == [1]
    assert created.required_assignments == [key]
    # Sessions of another programme are refused.
    post["mandatory_sessions"] = [f"{other.pk}:1"]
    response = client.post(reverse("certification-schemes:add"), post)
    assert response.status_code == 200
    assert "Choose only from the programme of this scheme." in response.content.decode()
    # The edit form shows what is stored.
    edit = client.get(reverse("certification-schemes:edit", args=[created.pk]))
    html = edit.content.decode()
    assert re.search(rf'<input[^>]*value="{programme.pk}:1"[^>]*checked', html)


def test_competency_codes_stay_unique_in_a_framework(
    programme_admin: Any, client_for: Any
) -> None:
    framework = make_framework()
    area = framework.areas.first()
    post = nested_form_data(
        {
            "area": str(area.pk), "code": "C1", "sort_order": "9", "name_en": "Dup",
            "name_nl": "Dup", "description_en": "", "description_nl": "",
            "indicators": inline_formset([]),
        }
    )  # fmt: skip
    client = client_for(programme_admin)
    response = client.post(reverse("competencies:add"), post)
    assert response.status_code == 200
    assert (
        "This framework has a competency with this code." in response.content.decode()
    )
    post["code"] = "C99"
    assert client.post(reverse("competencies:add"), post).status_code == 302
    assert framework.competencies.filter(code="C99").exists()


def test_a_scheme_rubric_must_assess_its_own_framework(
    programme_admin: Any, client_for: Any
) -> None:
    scheme = make_scheme()  # its rubric's criteria point at its framework
    other_framework = make_framework(code="other")
    post = _scheme_post(scheme.programme, other_framework, rubric=str(scheme.rubric_id))
    response = client_for(programme_admin).post(
        reverse("certification-schemes:add"), post
    )
    assert response.status_code == 200
    assert "another framework" in response.content.decode()
    assert CertificationScheme.objects.count() == 1


def test_what_is_in_use_cannot_be_deleted(
    world: Any, client_for: Any, programme_admin: Any
) -> None:
    world.submit()
    world.allocate()
    client = client_for(programme_admin)
    for name, obj in (
        ("rubrics", world.scheme.rubric),
        ("competency-frameworks", world.scheme.framework),
        ("competencies", world.competencies()[0]),
        ("certification-schemes", world.scheme),
    ):
        response = client.post(reverse(f"{name}:delete", args=[obj.pk]), follow=True)
        assert response.status_code == 200, name
        page = response.content.decode()
        # Refused by our view (the database protects it) or, when Wagtail's
        # reference index knows the usage already, by Wagtail itself.
        assert "cannot be deleted" in page or "do not have permission" in page, name
        assert type(obj).objects.filter(pk=obj.pk).exists(), name
    unused = make_scheme()
    response = client.post(reverse("certification-schemes:delete", args=[unused.pk]))
    assert response.status_code == 302
    assert not CertificationScheme.objects.filter(pk=unused.pk).exists()


def test_an_area_with_competencies_is_not_removed(
    programme_admin: Any, client_for: Any
) -> None:
    framework = make_framework()
    areas = list(framework.areas.order_by("sort_order"))
    post = nested_form_data(
        {
            "code": framework.code, "version": framework.version,
            "name_en": "Renamed", "name_nl": "Hernoemd", "description_en": "",
            "description_nl": "",
            "areas": inline_formset(
                [
                    {"id": str(a.pk), "code": a.code, "name_en": a.name_en,
                     "name_nl": a.name_nl, "DELETE": "on" if n == 0 else ""}
                    for n, a in enumerate(areas)
                ],
                initial=len(areas),
            ),
        }
    )  # fmt: skip
    client = client_for(programme_admin)
    url = reverse("competency-frameworks:edit", args=[framework.pk])
    response = client.post(url, post)
    assert response.status_code == 200
    assert "has competencies" in response.content.decode()
    assert framework.areas.count() == 2
    post["areas-0-DELETE"] = ""
    assert client.post(url, post).status_code == 302
    framework.refresh_from_db()
    assert framework.name_en == "Renamed"
