"""The forwarding page of the Wagtail admin in a real browser, in English and
Dutch: a destination that is down and one that is backing off are told apart,
"Probe now" queues a probe, and the page is accessible (axe-core)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from lms.accounts.demo import DEMO_PASSWORD
from lms.xapi.models import Destination, DestinationHealth
from tests.browser.conftest import Visit
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEXT = {
    "en": ("Failing since", "Backing off after 1 failure", "Probe now", "is queued"),
    "nl": ("Faalt sinds", "Wacht na 1 mislukte poging", "Nu proberen", "is ingepland"),
}


def destination(name: str, failures: int) -> None:
    row = Destination.objects.create(
        name=name, endpoint="http://127.0.0.1:9/xapi/", username="u", password="p"
    )
    now = timezone.now()
    DestinationHealth.objects.create(
        destination=row,
        consecutive_failures=failures,
        failing_since=now - timedelta(minutes=30),
        next_probe_at=now + timedelta(minutes=5) if failures >= 3 else None,
        probe_interval=timedelta(minutes=5) if failures >= 3 else timedelta(0),
        last_error_status=502,
        last_error="Bad Gateway",
        last_error_at=now - timedelta(minutes=1),
        last_success_at=now - timedelta(minutes=31),
    )


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_forwarding_page_shows_each_destination_state(
    visit: Visit, language: str
) -> None:
    root = UserFactory(username="root", is_superuser=True)
    root.set_password(DEMO_PASSWORD)
    root.save()
    profile = UserProfile.get_for_user(root)
    profile.preferred_language = language
    profile.save()
    destination("Down LRS", failures=5)
    destination("Slow LRS", failures=1)
    failing, backing_off, probe, queued = TEXT[language]

    visit.goto("/admin/login/")
    visit.page.locator("input[name=username]").fill("root")
    visit.page.locator("input[name=password]").fill(DEMO_PASSWORD)
    visit.page.locator("button[type=submit]").click()
    visit.page.wait_for_url("**/admin/")
    visit.goto("/admin/xapi/forwarding/")

    down = visit.page.locator("section", has_text="Down LRS")
    assert down.get_by_text(failing).count() == 1
    assert down.get_by_text("HTTP 502 — Bad Gateway").count() == 1
    slow = visit.page.locator("section", has_text="Slow LRS")
    assert slow.get_by_text(backing_off).count() == 1
    assert slow.get_by_role("button", name=probe).count() == 0
    visit.check_accessibility()

    down.get_by_role("button", name=probe).click()
    visit.page.wait_for_load_state()
    assert visit.page.get_by_text(queued).count() == 1
    # Wagtail's message slides in: check its colours once it has arrived.
    visit.page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')"
    )
    visit.check_accessibility()
