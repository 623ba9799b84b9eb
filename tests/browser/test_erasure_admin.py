"""Erasing a person from the Wagtail admin, in a real browser: the confirmation
page and its error are accessible (axe-core), and a wrong username erases nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from lms.accounts.demo import DEMO_PASSWORD
from tests.browser.conftest import Visit
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_superuser_erases_a_person_after_typing_the_username(
    visit: Visit, demo_data: Any
) -> None:
    root = UserFactory(username="root", is_superuser=True)
    root.set_password(DEMO_PASSWORD)
    root.save()
    lecturer = get_user_model().objects.get(username="lecturer")

    visit.goto("/admin/login/")
    visit.page.locator("input[name=username]").fill("root")
    visit.page.locator("input[name=password]").fill(DEMO_PASSWORD)
    visit.page.locator("button[type=submit]").click()
    visit.page.wait_for_url("**/admin/")

    visit.goto("/admin/users/?q=lecturer")
    link = visit.page.locator(f"a[href='/admin/accounts/people/{lecturer.pk}/erase/']")
    assert link.count() == 1  # in the person's "More" menu
    visit.goto(f"/admin/accounts/people/{lecturer.pk}/erase/")
    assert visit.page.get_by_role("heading", name="Erase personal data").count() >= 1
    visit.check_accessibility()

    confirm = visit.page.get_by_label("Type the username to confirm")
    confirm.fill("Lecturer")
    visit.page.get_by_role("button", name="Erase this person").click()
    visit.page.wait_for_load_state()
    assert visit.page.get_by_text("nothing was erased").count() == 1
    visit.check_accessibility()
    assert get_user_model().objects.filter(pk=lecturer.pk).exists()

    visit.page.get_by_label("Type the username to confirm").fill("lecturer")
    visit.page.get_by_role("button", name="Erase this person").click()
    visit.page.wait_for_url("**/admin/users/")
    assert visit.page.get_by_text("lecturer has been erased.").count() == 1
    assert not get_user_model().objects.filter(pk=lecturer.pk).exists()
