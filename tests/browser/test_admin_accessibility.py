"""The Wagtail admin's editors of our page types, signed in as the demo programme
admin, with zero axe-core violations in what we own.

What we own on these pages: our models' panels and StreamField blocks (labels,
help texts, widget attributes) and the admin script that names Draftail's
rich-text textboxes (frontend/wagtail_hooks.py). One finding is Wagtail's own and
is left out by rule *and* element, never by rule alone:

- `scrollable-region-focusable` on `.w-minimap__list`: the collapsed "minimap"
  (the editor's outline) is Wagtail's component; its links are not focusable while
  it is collapsed. Any other element failing that rule still fails the test.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from lms.accounts.demo import DEMO_PASSWORD
from practices_db.models import PracticePage
from tests.browser.conftest import AXE_SOURCE, AXE_TAGS, Visit
from trajectories.models import ProgrammePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# (rule id, CSS target of the one element) axe may report: Wagtail's, not ours.
WAGTAILS_OWN = {("scrollable-region-focusable", ".w-minimap__list")}


def axe_violations(visit: Visit) -> list[str]:
    visit.page.evaluate(AXE_SOURCE)
    result = visit.page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    found = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            target = node["target"][0]
            if (violation["id"], target) not in WAGTAILS_OWN:
                found.append(f"{violation['id']}: {target} {node['html'][:160]}")
    # The admin script is a file: the admin's CSP never blocks it.
    return found + visit.csp_violations


def sign_in_to_admin(visit: Visit, username: str, language: str = "en") -> None:
    """Sign in with the Wagtail admin in `language` (the admin's own preference)."""
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = language
    profile.save()
    visit.goto("/admin/login/")
    visit.page.locator("input[name=username]").fill(username)
    visit.page.locator("input[name=password]").fill(DEMO_PASSWORD)
    visit.page.locator("button[type=submit]").click()
    visit.page.wait_for_url("**/admin/")
    assert visit.page.locator("html").get_attribute("lang") == language


def open_editor(visit: Visit, path: str) -> None:
    response = visit.goto(path)
    assert response is not None and response.status == 200, path
    visit.page.wait_for_selector("[data-draftail-editor-wrapper] [role=textbox]")
    # The script names editors on the next animation frame.
    visit.page.wait_for_timeout(500)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_programme_page_editor_is_axe_clean(
    visit: Visit, demo_data: Any, language: str
) -> None:
    programme = ProgrammePage.objects.get(
        title="Inclusive teaching — first-year bachelor"
    )
    sign_in_to_admin(visit, "admin", language)
    open_editor(visit, f"/admin/pages/{programme.pk}/edit/")

    boxes = visit.page.locator("[data-draftail-editor-wrapper] [role=textbox]")
    assert boxes.count() >= 20  # goals, outcomes, every session, the assignment
    # Named by their labels ("Goals*": the required mark is in the label).
    names = {"en": ("Goals", "reflection prompt", "Instructions"),
             "nl": ("Doelen", "reflectievraag", "Instructies")}[language]  # fmt: skip
    assert visit.page.get_by_role("textbox", name=names[0]).count() >= 1
    assert visit.page.get_by_role("textbox", name=names[1]).count() == 2
    assert visit.page.get_by_role("textbox", name=names[2]).count() >= 1
    assert axe_violations(visit) == []

    # A block added in the editor is named too.
    visit.page.locator(
        "[data-streamfield-list-container]"
    ).first.scroll_into_view_if_needed()
    before = boxes.count()
    add = visit.page.locator(
        "[data-contentpath='session_plan'] button.c-sf-add-button"
    ).last
    add.click()
    visit.page.wait_for_function(
        f"() => document.querySelectorAll("
        f"'[data-draftail-editor-wrapper] [role=textbox]').length > {before}"
    )
    visit.page.wait_for_timeout(200)
    assert axe_violations(visit) == []


def test_practice_page_editor_is_axe_clean(visit: Visit, demo_data: Any) -> None:
    practice = PracticePage.objects.live().order_by("pk").first()
    assert practice is not None
    sign_in_to_admin(visit, "admin")
    open_editor(visit, f"/admin/pages/{practice.pk}/edit/")

    assert axe_violations(visit) == []


def test_create_pages_of_our_page_types_are_axe_clean(
    visit: Visit, demo_data: Any
) -> None:
    programme = ProgrammePage.objects.get(
        title="Inclusive teaching — first-year bachelor"
    )
    practice = PracticePage.objects.live().order_by("pk").first()
    assert practice is not None
    sign_in_to_admin(visit, "admin")
    for model, parent in (
        ("engage_trajectories/programmepage", programme.get_parent()),
        ("engage_practices/practicepage", practice.get_parent()),
    ):
        open_editor(visit, f"/admin/pages/add/{model}/{parent.pk}/")
        assert axe_violations(visit) == [], model
