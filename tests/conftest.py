"""Fixtures for the whole suite. Browser and Celery fixtures live beside their tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from lms.accounts.roles import Role
from lms.outages import Breaker
from tests.factories import FacultyFactory, person


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    cache.clear()


@pytest.fixture(autouse=True)
def _closed_breakers() -> Iterator[None]:
    """A cache or broker one test broke is not skipped by the next."""
    Breaker.close_all()
    yield
    Breaker.close_all()


@pytest.fixture(autouse=True)
def _reset_active_language() -> Iterator[None]:
    """Signing in activates the person's language for the rest of the thread;
    start and end every test in the default language so none leaks into the next."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def faculty() -> Any:
    return FacultyFactory(
        code="arts", name_en="Faculty of Arts", name_nl="Faculteit der Letteren"
    )


@pytest.fixture
def lecturer(faculty: Any) -> Any:
    return person(Role.LECTURER, username="lecturer", faculty=faculty)


@pytest.fixture
def coach(faculty: Any) -> Any:
    return person(Role.COACH, username="coach", faculty=faculty)


@pytest.fixture
def coordinator(faculty: Any) -> Any:
    return person(Role.FACULTY_COORDINATOR, username="coordinator", faculty=faculty)


@pytest.fixture
def programme_admin(faculty: Any) -> Any:
    return person(Role.PROGRAMME_ADMIN, username="admin", faculty=faculty)


@pytest.fixture
def client_for(db: Any) -> Any:
    """client_for(user) -> a Django test client signed in as that user."""

    def make(user: Any) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


pytest_plugins = ["tests.celery_worker"]
