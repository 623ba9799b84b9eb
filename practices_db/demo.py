"""Demo data: the taxonomies, the practices database page and 40+ practices.

Authors are fictional people with unusable passwords; the demo `lecturer` owns a
few practices in every review state, so a newcomer sees the whole journey, and
the demo `coordinator` (same faculty) has reviews waiting.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from lms.accounts.models import Faculty
from lms.accounts.roles import Role
from lms.accounts.services import assign_role, update_profile

from . import services
from .data import PracticeInput
from .models import PracticePage, Term

DEMO_LECTURER_TITLES = 3  # the first practices of the demo lecturer's faculty


def seed_terms() -> dict[tuple[str, str], Term]:
    from .demo_content import TERMS

    terms = {}
    for vocabulary, entries in TERMS.items():
        for order, (slug, name_en, name_nl) in enumerate(entries):
            term, _created = Term.objects.get_or_create(
                vocabulary=vocabulary,
                slug=slug,
                defaults={"name_en": name_en, "name_nl": name_nl, "sort_order": order},
            )
            terms[(vocabulary, slug)] = term
    return terms


def _author(name: str, faculty: Faculty) -> Any:
    username = "demo-" + slugify(name.replace("Dr.", "").replace("Prof.", ""))[:100]
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        parts = name.replace("Dr. ", "").replace("Prof. ", "").split(" ", 1)
        user = user_model.objects.create_user(
            username=username,
            first_name=parts[0],
            last_name=parts[1] if len(parts) > 1 else "",
        )
        user.set_unusable_password()
        user.save()
        assign_role(user=user, role=Role.LECTURER)
        update_profile(
            user=user,
            faculty=faculty,
            department="",
            preferred_language="nl" if faculty.pk % 2 else "en",
        )
    return user


def _input(
    entry: dict[str, Any], terms: dict[tuple[str, str], Term], faculty: Faculty
) -> PracticeInput:
    def ids(vocabulary: str, key: str) -> tuple[int, ...]:
        return tuple(terms[(vocabulary, slug)].pk for slug in entry.get(key, ()))

    return PracticeInput(
        title=entry["title"],
        summary=entry["summary"],
        body=entry["body"],
        faculty_id=faculty.pk,
        discipline=entry.get("discipline", ""),
        group_size=entry.get("group_size", ""),
        course_level_ids=ids("level", "levels"),
        format_ids=ids("format", "formats"),
        dimension_ids=ids("dimension", "dimensions"),
        aspect_ids=ids("aspect", "aspects"),
        sdg_ids=ids("sdg", "sdgs"),
        evidence=entry.get("evidence", ""),
        contact_name=entry.get("contact_name", ""),
        language=entry.get("language", "en"),
        licence=entry.get("licence", "CC-BY-4.0"),
    )


def seed_practices() -> int:
    """Create the demo practices that do not exist yet; returns how many were new."""
    from .demo_content import PRACTICES

    user_model = get_user_model()
    lecturer = user_model.objects.filter(username="lecturer").first()
    coordinator = user_model.objects.filter(username="coordinator").first()
    terms = seed_terms()
    services.practices_index()
    services.ensure_review_workflow()
    faculties = {f.code: f for f in Faculty.objects.all()}
    lecturer_faculty = lecturer.engage_profile.faculty if lecturer else None
    created = 0
    owned_by_lecturer = 0
    for entry in PRACTICES:
        if PracticePage.objects.filter(title=entry["title"]).exists():
            continue
        faculty = faculties.get(entry["faculty"])
        if faculty is None:
            continue
        author = _author(entry.get("contact_name") or "Demo Author", faculty)
        status = entry.get("status", "published")
        if (
            lecturer is not None
            and faculty == lecturer_faculty
            and owned_by_lecturer < DEMO_LECTURER_TITLES
        ):
            author = lecturer
            owned_by_lecturer += 1
            status = ("in_review", "changes_requested", "published")[
                owned_by_lecturer - 1
            ]
        with transaction.atomic():
            page = services.create_practice(
                author=author, data=_input(entry, terms, faculty)
            )
            if status == "published":
                page.get_latest_revision().publish(
                    user=author, skip_permission_checks=True
                )
            elif status in ("in_review", "changes_requested"):
                services.submit_practice(actor=author, page=page)
                if (
                    status == "changes_requested"
                    and coordinator is not None
                    and services.review_actions(coordinator, page)
                ):
                    services.review_practice(
                        actor=coordinator,
                        page=page,
                        action="reject",
                        comment=(
                            "Thank you, this is a strong idea. Could you add what "
                            "students said about it, and who to contact?"
                        ),
                    )
        created += 1
    return created
