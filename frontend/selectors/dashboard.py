"""What the role dashboard shows besides each app's own panels."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator

from lms.accounts import selectors as accounts
from lms.accounts.roles import Role

PEOPLE_PER_PAGE = 50


def faculty_people_page(
    faculty_id: int, number: str | None
) -> tuple[Page[Any], list[tuple[Any, list[Role]]]]:
    """One page of the active people of a faculty, each with their roles."""
    page = Paginator(accounts.faculty_people(faculty_id), PEOPLE_PER_PAGE).get_page(
        number
    )
    return page, [(person, accounts.roles_of_prefetched(person)) for person in page]


def people_per_faculty() -> Any:
    """Every faculty with its number of people (the programme team's overview)."""
    return accounts.people_per_faculty()
