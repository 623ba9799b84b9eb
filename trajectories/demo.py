"""Demo: "Inclusive teaching — first-year bachelor" with a running cohort.

Sessions lie in the past and the future around today; the demo lecturer is
enrolled and attended the past sessions; the demo coach coaches the cohort and
summed up the first session. The session plan links the lessons of the demo
course (`courses.demo`, seeded before this).

Session evaluations: the programme asks three questions; seven more participants
(who cannot sign in) attended the past sessions, and sessions 1 and 2 have enough
answers to show results, session 3 too few (below the minimum group size of 5).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Site

from courses.models import CoursePage, LessonPage
from lms.accounts.models import Faculty
from lms.accounts.roles import Role
from lms.accounts.services import create_person
from lms.wagtail_tree import page_tree_root

from . import services
from .models import (
    AttendanceStatus,
    Cohort,
    CohortSession,
    EvaluationSubmission,
    ProgrammePage,
    SessionSummary,
)

TITLE = "Inclusive teaching — first-year bachelor"
SESSIONS = [
    (
        "Kick-off: who are our students?",
        "Map the diversity in your own first-year course.",
    ),
    ("Inclusive language in teaching", "Review the language of your course materials."),
    ("Assessment formats that give everyone a fair chance", "Redesign one assessment."),
    ("Interaction patterns in the classroom", "Observe and vary who speaks."),
    ("Curriculum design with many perspectives", "Add perspectives to one unit."),
    ("Closing: portfolio and next steps", "Present the change in your course."),
]


def _programme() -> ProgrammePage:
    existing = ProgrammePage.objects.filter(title=TITLE).first()
    if existing:
        if not existing.evaluation_question_list():  # seeded before evaluations
            existing.evaluation_questions = EVALUATION_QUESTIONS
            existing.save_revision().publish()
            existing.refresh_from_db()
        return existing
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    parent = site.root_page if site else page_tree_root()
    content = _demo_course_content()
    page = ProgrammePage(
        title=TITLE,
        slug="inclusive-teaching-first-year",
        summary=(
            "A one-year reflective trajectory for lecturers of first-year bachelor "
            "courses: six sessions, and between them you change your own course."
        ),
        goals="<p>Teach so that every first-year student can take part and succeed.</p>",
        learning_outcomes=(
            "<ul><li>Recognise how language, assessment and interaction include or "
            "exclude students.</li><li>Redesign one element of your own course and "
            "evaluate its effect.</li></ul>"
        ),
        audience="Lecturers and tutors of first-year bachelor courses",
        session_plan=[
            (
                "session",
                {
                    "title": t,
                    "goals": f"<p>{g}</p>",
                    "preparation": "",
                    "materials": "",
                    "mandatory": i in (0, 5),
                    "content": content.get(i, []),
                },
            )
            for i, (t, g) in enumerate(SESSIONS)
        ],  # fmt: skip
        assignments=[
            (
                "assignment",
                {
                    "title": "Rewrite one assignment text in plain, inclusive language",
                    "focus_area": "language_use",
                    "instructions": "<p>Choose an assignment text of your course.</p>",
                    "reflection_prompts": [
                        "What did you change?",
                        "What did students notice?",
                    ],
                    "after_session": 2,
                    "due_days": 21,
                },
            ),
        ],  # fmt: skip
        reflection_model="what",
        evaluation_questions=EVALUATION_QUESTIONS,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


# Plan session (0-based) -> the demo course's lessons it links, by slug; "" is
# the course itself.
SESSION_CONTENT = {
    0: ["", "first-generation-students"],
    1: ["inclusive-language"],
    2: ["assessment-formats"],
    3: ["interaction-patterns"],
    4: ["curriculum-design"],
}
COURSE_SLUG = "inclusive-teaching-foundations"


def _demo_course_content() -> dict[int, list[Any]]:
    """The demo course's live pages for each planned session (none without it)."""
    course = CoursePage.objects.live().filter(slug=COURSE_SLUG).first()
    if course is None:
        return {}
    lessons = {
        lesson.slug: lesson for lesson in LessonPage.objects.child_of(course).live()
    }
    pages: dict[str, Any] = {"": course, **lessons}
    return {
        i: [pages[slug] for slug in slugs if slug in pages]
        for i, slugs in SESSION_CONTENT.items()
    }


SUMMARY = (
    "<p>We mapped who our first-year students are: many are the first in their "
    "family to study, a third studied abroad before.</p><p>Before session 2: "
    "bring one assignment text of your own course.</p>"
)


def seed_trajectory() -> Cohort:
    """The demo programme, its running cohort, the lecturer enrolled; idempotent."""
    programme = _programme()
    cohort = Cohort.objects.filter(programme=programme).first()
    if cohort is None:
        cohort = _cohort(programme)
    _seed_evaluations(cohort)
    return cohort


def _cohort(programme: ProgrammePage) -> Cohort:
    today = timezone.localdate()
    start = today - timedelta(days=70)
    cohort = Cohort.objects.create(
        programme=programme,
        title="First-year bachelor, cross-faculty",
        academic_year=f"{start.year}-{start.year + 1}"
        if start.month >= 9
        else f"{start.year - 1}-{start.year}",
        faculty=None,
        capacity=24,
        enrolment_opens=timezone.now() - timedelta(days=120),
        enrolment_closes=timezone.now() + timedelta(days=60),
    )
    tz = timezone.get_current_timezone()
    for number, (title, _goal) in enumerate(SESSIONS, start=1):
        day = start + timedelta(days=28 * (number - 1))
        CohortSession.objects.create(
            cohort=cohort,
            number=number,
            title=title,
            starts_at=datetime.combine(day, time(13, 30), tz),
            ends_at=datetime.combine(day, time(16, 30), tz),
            location="Harmony Building, room 1312.0014",
        )
    users = get_user_model().objects
    coach = users.filter(username="coach").first()
    if coach is not None:
        cohort.coaches.add(coach)
    lecturer = users.filter(username="lecturer").first()
    if lecturer is not None:
        enrolment = services.enrol(user=lecturer, cohort=cohort)
        for session in cohort.sessions.filter(ends_at__lt=timezone.now()):
            if coach is not None:
                services.mark_attendance(
                    actor=coach,
                    session=session,
                    enrolment=enrolment,
                    status=AttendanceStatus.PRESENT,
                )
        _seed_journal(enrolment, coach)
    first = cohort.sessions.filter(number=1, ends_at__lt=timezone.now()).first()
    if (
        coach is not None
        and first is not None
        and not SessionSummary.objects.filter(session=first).exists()
    ):
        services.post_session_summary(actor=coach, session=first, body=SUMMARY)
    return cohort


ENTRIES = [
    (
        "Rewriting my assignment texts",
        {
            "what": "<p>I rewrote the three assignment texts of my first-year course "
            "in plain language and removed idioms.</p>",
            "so_what": "<p>Students who study in their second language asked far "
            "fewer questions about what was expected.</p>",
            "now_what": "<p>Next block I will test the texts with two students "
            "before publishing them.</p>",
        },
        "coach",
        "Great step. Which idioms surprised you most? Bring one to session 3.",
    ),
    (
        "Who speaks in my tutorials?",
        {
            "what": "<p>I counted who spoke during two tutorials.</p>",
            "so_what": "<p>Five students did most of the talking.</p>",
            "now_what": "<p>I will try think-pair-share next week.</p>",
        },
        "private",
        "",
    ),
]


def _seed_journal(enrolment: object, coach: object) -> None:
    from .models import Enrolment

    assert isinstance(enrolment, Enrolment)  # noqa: S101 - demo data only
    if enrolment.journal_entries.exists():
        return
    for title, sections, visibility, feedback in ENTRIES:
        entry = services.save_entry(
            author=enrolment.user, enrolment=enrolment, title=title, sections=sections
        )
        if visibility != "private":
            services.share_entry(
                author=enrolment.user, entry=entry, visibility=visibility
            )
            if feedback and coach is not None:
                services.give_feedback(author=coach, entry=entry, body=feedback)


EVALUATION_QUESTIONS = [
    (
        "likert",
        {"statement": "The session helped me with my own teaching.", "required": True},
    ),
    (
        "likert",
        {
            "statement": "There was enough time to discuss with other lecturers.",
            "required": False,
        },
    ),
    (
        "text",
        {
            "question": "What should we keep or change for the next session?",
            "required": False,
        },
    ),
]

# Participants who cannot sign in (no password): enough people for results.
PARTICIPANTS = [
    ("demo-participant-1", "Sanne", "Visser", "law"),
    ("demo-participant-2", "Daan", "Mulder", "science"),
    ("demo-participant-3", "Fatma", "Yilmaz", "social"),
    ("demo-participant-4", "Lucas", "Kok", "economics"),
    ("demo-participant-5", "Eva", "Smit", "medicine"),
    ("demo-participant-6", "Jasper", "Postma", "spatial"),
    ("demo-participant-7", "Amal", "Haddad", "philosophy"),
]
# Session number -> how many of the PARTICIPANTS answered (the demo lecturer
# answered sessions 1 and 2 too); session 3 stays below the minimum of 5.
ANSWERED = {1: 6, 2: 5, 3: 3}
LIKERT = [(5, 4), (4, 4), (4, 3), (5, 5), (3, 2), (4, None), (2, 3), (5, 4)]
TEXTS = [
    "More time for the examples from other faculties, please.",
    "The exercise with our own assignment texts was the most useful part.",
    "",
    "Share the slides before the session.",
    "",
    "Keep the small groups!",
    "",
    "Fewer slides, more discussion.",
]


def _participants(cohort: Cohort) -> list[Any]:
    users = get_user_model().objects
    enrolments = []
    for username, first, last, faculty in PARTICIPANTS:
        user = users.filter(username=username).first()
        if user is None:
            user = create_person(
                username=username, email=f"{username}@engage-pd.example",
                first_name=first, last_name=last,
                faculty=Faculty.objects.filter(code=faculty).first(),
                roles=[Role.LECTURER],
            )  # fmt: skip
        enrolments.append(services.enrol(user=user, cohort=cohort))
    return enrolments


def _seed_evaluations(cohort: Cohort) -> None:
    """Answers to the evaluations of the cohort's past sessions; once."""
    if EvaluationSubmission.objects.filter(evaluation__session__cohort=cohort).exists():
        return
    users = get_user_model().objects
    coach = users.filter(username="coach").first()
    lecturer = users.filter(username="lecturer").first()
    if coach is None or not cohort.programme.evaluation_question_list():
        return
    others = _participants(cohort)
    keys = [q.key for q in cohort.programme.evaluation_question_list()]
    past = cohort.sessions.filter(ends_at__lt=timezone.now()).order_by("number")
    for session in past:
        for enrolment in others:
            services.mark_attendance(
                actor=coach, session=session, enrolment=enrolment,
                status=AttendanceStatus.PRESENT,
            )  # fmt: skip
        people = [e.user for e in others[: ANSWERED.get(session.number, 0)]]
        attended = session.attendances.filter(
            enrolment__user=lecturer, status=AttendanceStatus.PRESENT
        ).exists()
        if lecturer is not None and attended and session.number in (1, 2):
            people.append(lecturer)
        for i, user in enumerate(people):
            first, second = LIKERT[(i + session.number) % len(LIKERT)]
            text = TEXTS[(i + 2 * session.number) % len(TEXTS)]
            answers: dict[str, object] = {keys[0]: first, keys[2]: text}
            if second is not None:
                answers[keys[1]] = second
            services.submit_evaluation(
                user=user, session=session, answers=answers,
                now=session.ends_at + timedelta(hours=2 + i),
            )  # fmt: skip
