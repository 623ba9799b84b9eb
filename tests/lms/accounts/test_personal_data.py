"""The personal-data registry: every app's eraser runs inside `erase_person`, in
order and all or nothing; every app's exporter is one section of "My data"."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from lms.accounts import selectors as personal_data
from lms.accounts.data import PersonalDataSource
from lms.accounts.roles import Role
from lms.accounts.selectors import profile_of, register_personal_data
from lms.accounts.services import erase_person
from tests.factories import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(monkeypatch: Any) -> dict[str, PersonalDataSource]:
    """The registry, restored after the test."""
    sources = dict(personal_data._sources)
    monkeypatch.setattr(personal_data, "_sources", sources)
    return sources


def test_erasers_run_in_order_before_the_account_goes(registry: Any) -> None:
    noor = person(Role.LECTURER, username="noor")
    calls: list[tuple[str, bool]] = []

    def eraser(name: str) -> Any:
        def erase(*, user: Any) -> None:
            exists = get_user_model().objects.filter(pk=user.pk).exists()
            calls.append((name, exists))

        return erase

    register_personal_data(PersonalDataSource(key="late", erase=eraser("late")))
    register_personal_data(
        PersonalDataSource(key="early", erase=eraser("early"), order=1)
    )

    erase_person(user=noor)

    assert calls == [("early", True), ("late", True)]
    assert not get_user_model().objects.filter(username="noor").exists()


def test_a_failing_eraser_erases_nothing(registry: Any) -> None:
    noor = person(Role.LECTURER, username="noor")

    def refuse(*, user: Any) -> None:
        raise RuntimeError("cannot erase")

    register_personal_data(PersonalDataSource(key="refuses", erase=refuse))

    with pytest.raises(RuntimeError):
        erase_person(user=noor)

    assert get_user_model().objects.filter(username="noor").exists()


def test_my_data_has_a_section_per_app_with_the_account(
    registry: Any, client_for: Any, faculty: Any
) -> None:
    noor = person(
        Role.LECTURER, username="noor", first_name="Noor", email="noor@example.org",
        faculty=faculty,
    )  # fmt: skip
    register_personal_data(
        PersonalDataSource(key="extra", export=lambda *, user: {"who": user.pk})
    )

    response = client_for(noor).get("/accounts/profile/my-data.json")

    assert response.status_code == 200
    assert 'filename="engage-pd-my-data.json"' in response["Content-Disposition"]
    data = json.loads(response.content)
    account = data["sections"]["account"]
    assert account["username"] == "noor" and account["email"] == "noor@example.org"
    assert account["roles"] == ["lecturer"]
    assert account["faculty"]["code"] == faculty.code
    assert account["xapi_pseudonym"] == str(profile_of(noor).xapi_id)
    assert data["sections"]["extra"] == {"who": noor.pk}


def test_my_data_answers_only_get(client_for: Any) -> None:
    client = client_for(person(Role.LECTURER))
    assert client.post("/accounts/profile/my-data.json").status_code == 405
