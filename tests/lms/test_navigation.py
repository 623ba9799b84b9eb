"""The main-menu registry: entries by URL name, and entries located at run time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from lms.accounts.roles import Role
from lms.navigation import (
    MenuItem,
    menu_for,
    register_menu_item,
    unregister_menu_item,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def located() -> Iterator[list[str | None]]:
    """A located entry whose address the test sets (None: nothing to link to)."""
    answers: list[str | None] = [None]
    register_menu_item(
        MenuItem(key="test-located", label="Located", locate=lambda: answers[0])
    )
    yield answers
    unregister_menu_item("test-located")


def _urls(user: Any) -> dict[str, str]:
    return {item.key: url for item, url in menu_for(user)}


def test_a_located_entry_shows_only_while_it_has_an_address(
    located: list[str | None], lecturer: Any
) -> None:
    assert "test-located" not in _urls(lecturer)
    located[0] = "/somewhere/"
    assert _urls(lecturer)["test-located"] == "/somewhere/"
    assert "trajectory" in _urls(lecturer)  # entries by URL name still resolve


def test_anonymous_people_never_trigger_a_lookup_of_a_signed_in_entry() -> None:
    calls: list[int] = []

    def locate() -> str:
        calls.append(1)
        return "/x/"

    register_menu_item(MenuItem(key="test-count", label="X", locate=locate))
    try:
        assert "test-count" not in {i.key for i, _ in menu_for(AnonymousUser())}
        assert calls == []
        public = MenuItem(
            key="test-public", label="P", locate=locate, roles=frozenset()
        )
        register_menu_item(public)
        assert ("test-public", "/x/") in {
            (i.key, url) for i, url in menu_for(AnonymousUser())
        }
    finally:
        unregister_menu_item("test-count")
        unregister_menu_item("test-public")


def test_role_entries_with_a_location_follow_the_roles(
    coach: Any, lecturer: Any
) -> None:
    register_menu_item(
        MenuItem(
            key="test-coach",
            label="C",
            locate=lambda: "/c/",
            roles=frozenset({Role.COACH}),
        )
    )
    try:
        assert _urls(coach)["test-coach"] == "/c/"
        assert "test-coach" not in _urls(lecturer)
    finally:
        unregister_menu_item("test-coach")
