"""Who sees and changes what: anonymous people, the lecturer, another lecturer."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses import services
from courses.models import LessonCompletion
from lms.accounts.roles import Role
from tests.courses.factories import make_course
from tests.factories import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_lecturer(faculty: Any) -> Any:
    return person(Role.LECTURER, username="other-lecturer", faculty=faculty)


def test_anonymous_people_read_lessons_but_get_no_progress_form(
    client: Client,
) -> None:
    course, lessons = make_course(2)
    course_html = client.get(course.url).content.decode()
    assert "lessons done" not in course_html
    assert "Sign in" in course_html
    lesson_html = client.get(lessons[0].url).content.decode()
    assert "Read this first." in lesson_html
    assert reverse("courses:lesson_progress", args=[lessons[0].pk]) not in lesson_html
    assert "to keep track of the lessons you have done" in lesson_html


def test_each_lecturer_sees_only_their_own_progress(
    lecturer: Any, other_lecturer: Any, client_for: Any
) -> None:
    course, lessons = make_course(4)
    for lesson in lessons[:3]:
        services.mark_lesson_done(user=lecturer, lesson=lesson)

    assert (
        "3 of 4 lessons done" in client_for(lecturer).get(course.url).content.decode()
    )
    other_html = client_for(other_lecturer).get(course.url).content.decode()
    assert "0 of 4 lessons done" in other_html
    assert ">Done</span>" not in other_html


def test_another_lecturer_cannot_undo_my_completion(
    lecturer: Any, other_lecturer: Any, client_for: Any
) -> None:
    _course, lessons = make_course(1)
    services.mark_lesson_done(user=lecturer, lesson=lessons[0])
    url = reverse("courses:lesson_progress", args=[lessons[0].pk])

    # The action only ever concerns the person who sends it.
    client_for(other_lecturer).post(url, {"done": "0", "user": lecturer.pk})

    assert LessonCompletion.objects.filter(user=lecturer).count() == 1
    client_for(other_lecturer).post(url, {"done": "1"})
    assert LessonCompletion.objects.filter(user=other_lecturer).count() == 1
    assert LessonCompletion.objects.filter(user=lecturer).count() == 1


def test_private_lessons_cannot_be_marked_by_people_outside_the_group(
    lecturer: Any, client_for: Any
) -> None:
    from django.contrib.auth.models import Group

    _course, lessons = make_course(1)
    restriction = PageViewRestriction.objects.create(
        page=lessons[0], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Pilot group"))
    url = reverse("courses:lesson_progress", args=[lessons[0].pk])

    assert client_for(lecturer).post(url, {"done": "1"}).status_code == 404
    assert not LessonCompletion.objects.exists()


# --- the role × object matrix of the registered rules -----------------------------

VIEW_LESSON = "engage_courses.view_lesson"
ROLES = ("anonymous", "lecturer", "pilot lecturer", "coach", "coordinator", "admin")


def _people(faculty: Any) -> dict[str, Any]:
    from django.contrib.auth.models import AnonymousUser, Group

    pilot = person(Role.LECTURER, username="pilot", faculty=faculty)
    pilot.groups.add(Group.objects.get_or_create(name="Pilot group")[0])
    return {
        "anonymous": AnonymousUser(),
        "lecturer": person(Role.LECTURER, username="l", faculty=faculty),
        "pilot lecturer": pilot,
        "coach": person(Role.COACH, username="c", faculty=faculty),
        "coordinator": person(Role.FACULTY_COORDINATOR, username="f", faculty=faculty),
        "admin": person(Role.PROGRAMME_ADMIN, username="a", faculty=faculty),
    }


def _restrict(lesson: Any, kind: str) -> Any:
    from django.contrib.auth.models import Group

    if kind == "open":
        return None
    restriction = PageViewRestriction.objects.create(
        page=lesson,
        restriction_type={
            "sign-in": PageViewRestriction.LOGIN,
            "group": PageViewRestriction.GROUPS,
            "password": PageViewRestriction.PASSWORD,
        }[kind],
        password="secret" if kind == "password" else "",
    )
    if kind == "group":
        restriction.groups.add(Group.objects.get_or_create(name="Pilot group")[0])
    return restriction


EXPECTED = {
    # restriction: who may view the lesson (has_perm asks active people only)
    "open": {"lecturer", "pilot lecturer", "coach", "coordinator", "admin"},
    "sign-in": {"lecturer", "pilot lecturer", "coach", "coordinator", "admin"},
    "group": {"pilot lecturer"},
    "password": set(),
}


@pytest.mark.parametrize("kind", EXPECTED)
@pytest.mark.parametrize("role", ROLES)
def test_view_lesson_matrix(role: str, kind: str, faculty: Any) -> None:
    from courses.data import PageVisit

    _course, lessons = make_course(1)
    _restrict(lessons[0], kind)
    user = _people(faculty)[role]

    allowed = user.has_perm(VIEW_LESSON, PageVisit(page=lessons[0]))

    assert allowed == (role in EXPECTED[kind])


def test_a_password_given_in_the_session_opens_the_lesson(lecturer: Any) -> None:
    from courses.data import PageVisit

    _course, lessons = make_course(1)
    restriction = _restrict(lessons[0], "password")
    session = {restriction.passed_view_restrictions_session_key: [restriction.pk]}

    assert lecturer.has_perm(VIEW_LESSON, PageVisit(page=lessons[0], session=session))


def test_a_restriction_of_the_course_holds_for_its_lessons(lecturer: Any) -> None:
    from courses.data import PageVisit

    course, lessons = make_course(1)
    _restrict(course, "group")

    assert not lecturer.has_perm(VIEW_LESSON, PageVisit(page=lessons[0]))


def test_superusers_hold_every_rule() -> None:
    from courses.data import PageVisit
    from tests.factories import UserFactory

    _course, lessons = make_course(1)
    _restrict(lessons[0], "group")

    root = UserFactory(is_superuser=True)
    assert root.has_perm(VIEW_LESSON, PageVisit(page=lessons[0]))


def test_every_rule_of_the_app_is_in_the_matrix() -> None:
    from lms.accounts.permissions import registered_object_rules, registered_rules

    names = {*registered_rules(), *registered_object_rules()}
    assert {name for name in names if name.startswith("engage_courses.")} == {
        VIEW_LESSON
    }
