"""Who may see and do what in the practices database: one matrix per page or action.

Every test runs once per person: anonymous, the lecturer who wrote the practice,
another lecturer, a coach, the coordinator of the author's faculty, the
coordinator of another faculty, and a programme admin. `LOGIN` means "sent to the
sign-in page"; a number is the HTTP status. The last section asks the registered
rules themselves (`user.has_perm`): one role × object matrix per rule.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model

from lms.accounts.permissions import registered_object_rules, registered_rules
from lms.accounts.roles import Role
from practices_db import services
from practices_db.data import NewAttachment, ReviewStep
from practices_db.models import (
    Adoption,
    Bookmark,
    CollectionItem,
    PracticeCollection,
    PracticePage,
)
from practices_db.selectors import Status, status_of
from tests import upload_samples as samples
from tests.factories import FacultyFactory, UserFactory, person
from tests.practices_db.factories import make_practice, practice_input

pytestmark = pytest.mark.django_db

ANON = "anonymous"
AUTHOR = "author"
OTHER_LECTURER = "other_lecturer"
COACH = "coach"
COORDINATOR = "coordinator"
OTHER_COORDINATOR = "other_coordinator"
ADMIN = "programme_admin"
EVERYONE = (ANON, AUTHOR, OTHER_LECTURER, COACH, COORDINATOR, OTHER_COORDINATOR, ADMIN)
CURATORS = frozenset({COORDINATOR, OTHER_COORDINATOR, ADMIN})
LOGIN = "login"


def expect(
    default: Any, *, bugs: dict[str, str] | None = None, **codes: Any
) -> list[Any]:
    """(person, expected outcome) for everyone: `default` unless named.

    `bugs` maps a person to the reason their case fails today (strict xfail).
    """
    bugs = bugs or {}
    unknown = (set(codes) | set(bugs)) - set(EVERYONE)
    assert not unknown, unknown
    params = []
    for who in EVERYONE:
        marks = (
            [pytest.mark.xfail(strict=True, reason=bugs[who])] if who in bugs else []
        )
        params.append(pytest.param(who, codes.get(who, default), id=who, marks=marks))
    return params


# selectors._with_workflow prefetches through Page._workflow_states, which matches
# workflow states by base_content_type = PracticePage: none ever match.
PREFETCH_BUG = (
    "BUG: selectors._with_workflow prefetches no workflow state on PracticePage "
    "querysets, so own_practice()/my_practices() see every practice as not in review"
)


def outcome(response: Any) -> int | str:
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith(
        reverse("engage_accounts:login")
    ):
        return LOGIN
    return response.status_code


@pytest.fixture
def other_faculty() -> Any:
    return FacultyFactory(code="science", name_en="Faculty of Science")


@pytest.fixture
def people(
    lecturer: Any, coach: Any, coordinator: Any, programme_admin: Any,
    faculty: Any, other_faculty: Any,
) -> dict[str, Any]:  # fmt: skip
    return {
        ANON: None,
        AUTHOR: lecturer,
        OTHER_LECTURER: person(Role.LECTURER, username="lecturer2", faculty=faculty),
        COACH: coach,
        COORDINATOR: coordinator,
        OTHER_COORDINATOR: person(
            Role.FACULTY_COORDINATOR, username="coordinator2", faculty=other_faculty
        ),
        ADMIN: programme_admin,
    }


@pytest.fixture
def client_as(people: dict[str, Any], client_for: Any) -> Any:
    def make(who: str) -> Client:
        user = people[who]
        return Client() if user is None else client_for(user)

    return make


@pytest.fixture
def draft(lecturer: Any, faculty: Any) -> PracticePage:
    return make_practice(lecturer, faculty, title="Draft practice", publish=False)


@pytest.fixture
def live(lecturer: Any, faculty: Any) -> PracticePage:
    return make_practice(lecturer, faculty, title="Live practice")


def in_review(page: PracticePage, author: Any, coordinator: Any, step: int) -> None:
    """Send `page` into review and approve it up to `step` (1 or 2)."""
    services.submit_practice(actor=author, page=page)
    if step == 2:
        services.review_practice(actor=coordinator, page=page, action="approve")


def status(page: PracticePage) -> str:
    page.refresh_from_db()
    return status_of(page).code


# --- practice pages and "my practices" ------------------------------------------------


@pytest.mark.parametrize("who", EVERYONE)
def test_a_draft_practice_page_is_not_served_to_anyone(
    who: str, client_as: Any, draft: PracticePage, live: PracticePage
) -> None:
    client = client_as(who)
    assert client.get(draft.url).status_code == 404
    assert client.get(live.url).status_code == 200


@pytest.mark.parametrize(("who", "expected"), expect(404, anonymous=LOGIN, author=200))
@pytest.mark.parametrize("view", ["mine_detail", "edit"])
def test_only_the_author_opens_their_practice_in_my_practices(
    view: str, who: str, expected: Any, client_as: Any, draft: PracticePage
) -> None:
    response = client_as(who).get(reverse(f"engage_practices:{view}", args=[draft.pk]))
    assert outcome(response) == expected


@pytest.mark.parametrize(("who", "expected"), expect(404, anonymous=LOGIN, author=302))
def test_only_the_author_submits_their_practice(
    who: str, expected: Any, client_as: Any, draft: PracticePage
) -> None:
    response = client_as(who).post(reverse("engage_practices:submit", args=[draft.pk]))
    assert outcome(response) == expected
    assert status(draft) == (Status.IN_REVIEW if who == AUTHOR else Status.DRAFT)


@pytest.mark.parametrize(
    ("who", "expected"),
    expect(404, anonymous=LOGIN, author=302),
)
def test_only_the_author_withdraws_their_practice_from_review(
    who: str, expected: Any, client_as: Any, draft: PracticePage, lecturer: Any
) -> None:
    services.submit_practice(actor=lecturer, page=draft)
    response = client_as(who).post(
        reverse("engage_practices:withdraw", args=[draft.pk])
    )
    assert outcome(response) == expected
    assert status(draft) == (Status.DRAFT if who == AUTHOR else Status.IN_REVIEW)


def test_my_practices_show_a_practice_in_review_as_in_review(
    lecturer: Any, client_for: Any, draft: PracticePage
) -> None:
    services.submit_practice(actor=lecturer, page=draft)
    client = client_for(lecturer)
    listing = client.get(reverse("engage_practices:mine")).content.decode()
    detail_url = reverse("engage_practices:mine_detail", args=[draft.pk])
    detail = client.get(detail_url).content.decode()
    assert "status--in_review" in listing
    assert "status--in_review" in detail
    assert reverse("engage_practices:withdraw", args=[draft.pk]) in detail
    # The edit page is closed while the practice is in review.
    edit = client.get(reverse("engage_practices:edit", args=[draft.pk]))
    assert edit.status_code == 302 and edit["Location"] == detail_url


def test_my_practices_lists_only_my_own_in_a_fixed_number_of_queries(
    lecturer: Any, coach: Any, faculty: Any, client_for: Any,
    django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    for n in range(20):
        page = make_practice(lecturer, faculty, title=f"Mine {n}", publish=bool(n % 2))
        if n % 3 == 0 and not page.live:
            services.submit_practice(actor=lecturer, page=page)
    make_practice(coach, faculty, title="Not mine")
    client = client_for(lecturer)
    # (+1 on this first, cold request: the main menu's course listing address.)
    with django_assert_max_num_queries(11):
        response = client.get(reverse("engage_practices:mine"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count(">Mine ") == 20
    assert "Not mine" not in html


def test_my_bookmarks_show_only_live_practices_in_a_fixed_number_of_queries(
    lecturer: Any, coach: Any, faculty: Any, client_for: Any,
    django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    pages = [make_practice(lecturer, faculty, title=f"Kept {n}") for n in range(20)]
    for page in pages:
        services.set_bookmark(user=coach, page=page, bookmarked=True)
    pages[0].unpublish()
    client = client_for(coach)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("engage_practices:mine"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count(">Kept ") == 19
    assert ">Kept 0<" not in html


# --- review -------------------------------------------------------------------------


@pytest.mark.parametrize("step", [1, 2])
@pytest.mark.parametrize("who", EVERYONE)
def test_review_page_and_decision_are_only_for_the_reviewer_of_the_current_step(
    step: int, who: str, client_as: Any, draft: PracticePage,
    lecturer: Any, coordinator: Any,
) -> None:  # fmt: skip
    in_review(draft, lecturer, coordinator, step)
    reviewer = COORDINATOR if step == 1 else ADMIN
    expected = 200 if who == reviewer else LOGIN if who == ANON else 403
    client = client_as(who)
    url = reverse("engage_practices:review", args=[draft.pk])
    assert outcome(client.get(url)) == expected

    seen = services.review_seen(draft)
    response = client.post(url, {"action": "approve", "comment": "", "seen": seen})
    if who == reviewer:
        assert response.status_code == 302
        expected_status = Status.IN_REVIEW if step == 1 else Status.PUBLISHED
    else:
        assert outcome(response) == expected
        expected_status = Status.IN_REVIEW
    assert status(draft) == expected_status
    draft.refresh_from_db()
    assert draft.live == (who == reviewer and step == 2)


@pytest.mark.parametrize("step", [1, 2])
@pytest.mark.parametrize("who", EVERYONE)
def test_review_list_shows_a_practice_only_to_the_reviewer_of_its_current_step(
    step: int, who: str, client_as: Any, draft: PracticePage,
    lecturer: Any, coordinator: Any,
) -> None:  # fmt: skip
    in_review(draft, lecturer, coordinator, step)
    reviewer = COORDINATOR if step == 1 else ADMIN
    response = client_as(who).get(reverse("engage_practices:reviews"))
    if who == ANON:
        assert outcome(response) == LOGIN
    elif who not in CURATORS:
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        assert ("Draft practice" in response.content.decode()) == (who == reviewer)


def test_review_list_takes_a_fixed_number_of_queries(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any,
    django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    for n in range(20):
        page = make_practice(lecturer, faculty, title=f"Waiting {n}", publish=False)
        services.submit_practice(actor=lecturer, page=page)
    client = client_for(coordinator)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("engage_practices:reviews"))
    html = response.content.decode()
    assert all(f">Waiting {n}<" in html for n in range(20))


# --- bookmarks and adoptions --------------------------------------------------------


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize(
    ("view", "data", "model"),
    [
        ("bookmark", {"bookmarked": "1"}, Bookmark),
        ("adopt", {"note": "Used"}, Adoption),
    ],
    ids=["bookmark", "adopt"],
)
def test_bookmark_and_adopt_need_sign_in_and_a_live_practice(
    view: str, data: dict[str, str], model: Any, who: str, client_as: Any,
    draft: PracticePage, live: PracticePage,
) -> None:  # fmt: skip
    client = client_as(who)
    on_live = client.post(reverse(f"engage_practices:{view}", args=[live.pk]), data)
    on_draft = client.post(reverse(f"engage_practices:{view}", args=[draft.pk]), data)
    if who == ANON:
        assert outcome(on_live) == outcome(on_draft) == LOGIN
        assert not model.objects.exists()
    else:
        assert on_live.status_code == 302 and on_live["Location"] == live.url
        assert on_draft.status_code == 404
        assert list(model.objects.values_list("practice_id", flat=True)) == [live.pk]


# --- collections --------------------------------------------------------------------


@pytest.fixture
def admins_collection(programme_admin: Any, live: PracticePage) -> PracticeCollection:
    collection = services.create_collection(owner=programme_admin, title="Arts meeting")
    services.add_to_collection(
        actor=programme_admin, collection=collection, page=live, note="Start here"
    )
    return collection


@pytest.mark.parametrize(
    ("who", "expected"),
    expect(403, anonymous=LOGIN, coordinator=200, other_coordinator=200,
           programme_admin=200),
)  # fmt: skip
def test_collections_page_is_for_coordinators_and_programme_admins(
    who: str, expected: Any, client_as: Any
) -> None:
    client = client_as(who)
    assert outcome(client.get(reverse("engage_practices:collections"))) == expected
    response = client.post(reverse("engage_practices:collections"), {"title": "Mine"})
    assert outcome(response) == (302 if expected == 200 else expected)
    created = PracticeCollection.objects.filter(title="Mine").exists()
    assert created == (expected == 200)


OWNER_ONLY = expect(
    403, anonymous=LOGIN, coordinator=404, other_coordinator=404, programme_admin=200
)


@pytest.mark.parametrize(("who", "expected"), OWNER_ONLY)
def test_only_the_owner_views_and_renames_a_collection(
    who: str, expected: Any, client_as: Any, admins_collection: PracticeCollection
) -> None:
    client = client_as(who)
    url = reverse("engage_practices:collection", args=[admins_collection.pk])
    assert outcome(client.get(url)) == expected
    response = client.post(url, {"action": "save", "title": "Renamed"})
    assert outcome(response) == (302 if expected == 200 else expected)
    admins_collection.refresh_from_db()
    assert (admins_collection.title == "Renamed") == (who == ADMIN)


@pytest.mark.parametrize(("who", "expected"), OWNER_ONLY)
@pytest.mark.parametrize("action", ["delete", "renew"])
def test_only_the_owner_deletes_a_collection_or_renews_its_link(
    action: str, who: str, expected: Any, client_as: Any,
    admins_collection: PracticeCollection,
) -> None:  # fmt: skip
    token = admins_collection.share_token
    url = reverse("engage_practices:collection", args=[admins_collection.pk])
    response = client_as(who).post(url, {"action": action})
    assert outcome(response) == (302 if expected == 200 else expected)
    still = PracticeCollection.objects.filter(pk=admins_collection.pk).first()
    if who != ADMIN:
        assert still is not None and still.share_token == token
    elif action == "delete":
        assert still is None
    else:
        assert still is not None and still.share_token != token


@pytest.mark.parametrize(("who", "expected"), OWNER_ONLY)
@pytest.mark.parametrize("action", ["remove", "up", "down", "note"])
def test_only_the_owner_changes_collection_items(
    action: str, who: str, expected: Any, client_as: Any,
    admins_collection: PracticeCollection,
) -> None:  # fmt: skip
    item = admins_collection.items.get()
    url = reverse(
        "engage_practices:collection_item", args=[admins_collection.pk, item.pk]
    )
    prefix = f"item{item.pk}"
    response = client_as(who).post(url, {"action": action, f"{prefix}-note": "Hi"})
    assert outcome(response) == (302 if expected == 200 else expected)
    after = CollectionItem.objects.filter(pk=item.pk).first()
    if who == ADMIN and action == "remove":
        assert after is None
    elif who == ADMIN and action == "note":
        assert after is not None and after.note == "Hi"
    else:
        assert after is not None and after.note == "Start here"


@pytest.mark.parametrize(
    ("who", "expected"),
    expect(403, anonymous=LOGIN, coordinator=302, other_coordinator=302,
           programme_admin=302),
)  # fmt: skip
def test_only_the_owner_adds_practices_to_a_collection(
    who: str, expected: Any, client_as: Any, admins_collection: PracticeCollection,
    lecturer: Any, faculty: Any,
) -> None:  # fmt: skip
    other = make_practice(lecturer, faculty, title="Another practice")
    response = client_as(who).post(
        reverse("engage_practices:collect", args=[other.pk]),
        {"collection": admins_collection.pk, "note": ""},
    )
    assert outcome(response) == expected
    added = admins_collection.items.filter(practice=other).exists()
    assert added == (who == ADMIN)


def test_only_live_practices_can_be_collected(
    programme_admin: Any, client_for: Any, admins_collection: PracticeCollection,
    draft: PracticePage,
) -> None:  # fmt: skip
    response = client_for(programme_admin).post(
        reverse("engage_practices:collect", args=[draft.pk]),
        {"collection": admins_collection.pk},
    )
    assert response.status_code == 404
    assert not admins_collection.items.filter(practice=draft).exists()


@pytest.mark.parametrize("who", EVERYONE)
def test_anyone_with_the_share_link_sees_the_collection_and_its_handout(
    who: str, client_as: Any, admins_collection: PracticeCollection
) -> None:
    client = client_as(who)
    token = admins_collection.share_token
    page = client.get(reverse("engage_practices:shared_collection", args=[token]))
    assert page.status_code == 200
    assert "Arts meeting" in page.content.decode()
    assert "Start here" in page.content.decode()
    handout = client.get(reverse("engage_practices:collection_handout", args=[token]))
    assert handout.status_code == 200
    assert handout["Content-Type"] == "application/pdf"
    assert handout.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    "token", ["wrong-token", "", "x" * 33, "../../etc/passwd", "\x00", "' OR 1=1 --"]
)
@pytest.mark.parametrize("view", ["shared_collection", "collection_handout"])
def test_a_wrong_share_token_is_not_found(
    view: str, token: str, admins_collection: PracticeCollection
) -> None:
    url = reverse(f"engage_practices:{view}", args=["TOKEN"])
    url = url.replace("TOKEN", quote(token, safe=""))
    assert Client().get(url).status_code == 404


def test_renewing_the_share_link_revokes_the_old_one(
    programme_admin: Any, client_for: Any, admins_collection: PracticeCollection
) -> None:
    old = admins_collection.share_token
    client_for(programme_admin).post(
        reverse("engage_practices:collection", args=[admins_collection.pk]),
        {"action": "renew"},
    )
    admins_collection.refresh_from_db()
    new = admins_collection.share_token
    assert new != old
    anyone = Client()
    for view in ("shared_collection", "collection_handout"):
        old_url = reverse(f"engage_practices:{view}", args=[old])
        new_url = reverse(f"engage_practices:{view}", args=[new])
        assert anyone.get(old_url).status_code == 404
        assert anyone.get(new_url).status_code == 200


# --- exports and imports ------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"), expect(403, anonymous=LOGIN, programme_admin=200)
)
def test_only_programme_admins_export_csv(
    who: str, expected: Any, client_as: Any, live: PracticePage
) -> None:
    response = client_as(who).get(reverse("engage_practices:export"))
    assert outcome(response) == expected
    if expected == 200:
        assert response["Content-Type"].startswith("text/csv")
        assert "Live practice" in b"".join(response.streaming_content).decode()


IMPORT_CSV = b"title,summary,body,faculty\nImported practice,Summary,Body,arts\n"


@pytest.mark.parametrize("who", EVERYONE)
def test_only_programme_admins_import_csv(
    who: str, client_as: Any, faculty: Any
) -> None:
    client = client_as(who)
    url = reverse("engage_practices_import")
    response = client.post(url, {"file": SimpleUploadedFile("p.csv", IMPORT_CSV)})
    imported = PracticePage.objects.filter(title="Imported practice").exists()
    if who == ADMIN:
        assert client.get(url).status_code == 200
        assert response.status_code == 200 and imported
    else:
        # Wagtail's admin redirects people without admin access to sign in and
        # those with admin access but not this right to the dashboard.
        assert response.status_code == 302
        assert client.get(url).status_code == 302
        assert not imported


@pytest.mark.parametrize("who", EVERYONE)
def test_the_api_shows_only_published_practices(
    who: str, client_as: Any, draft: PracticePage, live: PracticePage
) -> None:
    client = client_as(who)
    assert client.get(f"/api/v1/practices/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/practices/{live.pk}/").status_code == 200
    listed = client.get("/api/v1/practices/").json()["results"]
    assert [r["id"] for r in listed] == [live.pk]


def test_sitemap_and_feed_never_show_drafts_or_unpublished_changes(
    lecturer: Any, faculty: Any, draft: PracticePage, live: PracticePage
) -> None:
    services.update_practice(
        actor=lecturer, page=live,
        data=practice_input(faculty, title="Unpublished new title"),
    )  # fmt: skip
    withdrawn = make_practice(lecturer, faculty, title="Withdrawn practice")
    withdrawn.unpublish()
    client = Client()
    sitemap = client.get("/sitemap.xml").content.decode()
    feed = client.get(reverse("engage_practices:feed")).content.decode()
    assert live.url in sitemap and live.url in feed
    assert "Live practice" in feed
    for text in (draft.url, withdrawn.url, "Draft practice", "Unpublished new title"):
        assert text not in sitemap
        assert text not in feed


# --- documents ----------------------------------------------------------------------


def _with_pdf(author: Any, faculty: Any, title: str) -> tuple[PracticePage, Any]:
    attachment = NewAttachment(
        file=SimpleUploadedFile("a.pdf", samples.pdf()), caption="x"
    )
    page = services.create_practice(
        author=author,
        data=practice_input(faculty, title=title, new_attachments=(attachment,)),
    )
    return page, page.attachments.get().document


def _fetch(client: Client, url: str) -> int:
    response = client.get(url)
    response.close()
    return response.status_code


@pytest.mark.parametrize(
    ("who", "expected"),
    expect(404, author=200, coordinator=200, programme_admin=200),
)
def test_documents_of_an_unpublished_practice_are_for_its_author_and_reviewers(
    who: str, expected: int, client_as: Any, lecturer: Any, faculty: Any
) -> None:
    _page, document = _with_pdf(lecturer, faculty, "Draft with a file")
    assert _fetch(client_as(who), document.url) == expected


@pytest.mark.parametrize("who", EVERYONE)
def test_documents_of_a_published_practice_are_public(
    who: str, client_as: Any, lecturer: Any, faculty: Any
) -> None:
    page, document = _with_pdf(lecturer, faculty, "Live with a file")
    page.get_latest_revision().publish(user=lecturer, skip_permission_checks=True)
    assert _fetch(client_as(who), document.url) == 200


def test_a_document_added_in_an_unpublished_edit_stays_private(
    lecturer: Any, faculty: Any, live: PracticePage
) -> None:
    attachment = NewAttachment(
        file=SimpleUploadedFile("secret.pdf", samples.pdf("not yet reviewed"))
    )
    data = practice_input(faculty, title="Live practice", new_attachments=(attachment,))
    services.update_practice(actor=lecturer, page=live, data=data)
    document = get_document_model().objects.get(title="secret")
    assert _fetch(Client(), document.url) == 404


# --- the registered rules: role × object ----------------------------------------------


def _review_step(
    draft: PracticePage, lecturer: Any, coordinator: Any, step: int
) -> Any:
    in_review(draft, lecturer, coordinator, step)
    draft.refresh_from_db()
    return ReviewStep(draft.current_workflow_task_state.task.specific, draft)


def _private_document(draft: PracticePage, lecturer: Any, faculty: Any) -> Any:
    return _with_pdf(lecturer, faculty, "Draft with a file")[1]


# rule -> (who holds it, how to build the object it is asked about, or None)
RULES: dict[str, tuple[frozenset[str], Any]] = {
    "engage_practices.share_practice": (frozenset(EVERYONE) - {ANON}, None),
    "engage_practices.change_practice": (
        frozenset({AUTHOR}),
        lambda f: f["draft"],
    ),
    "engage_practices.review_practices": (CURATORS, None),
    "engage_practices.review_practice": (
        frozenset({COORDINATOR}),
        lambda f: _review_step(f["draft"], f["lecturer"], f["coordinator"], 1).page,
    ),
    "engage_practices.review_step": (
        frozenset({COORDINATOR}),
        lambda f: _review_step(f["draft"], f["lecturer"], f["coordinator"], 1),
    ),
    "engage_practices.review_every_faculty": (frozenset(), None),
    "engage_practices.view_private_document": (
        frozenset({AUTHOR, COORDINATOR, ADMIN}),
        lambda f: _private_document(f["draft"], f["lecturer"], f["faculty"]),
    ),
    "engage_practices.curate_collections": (CURATORS, None),
    "engage_practices.change_collection": (
        frozenset({ADMIN}),
        lambda f: f["admins_collection"],
    ),
    "engage_practices.export_practices": (frozenset({ADMIN}), None),
    "engage_practices.import_practices": (frozenset({ADMIN}), None),
}
# The second review step is the programme team's.
STEP_TWO = {
    "engage_practices.review_practice": lambda f: (
        _review_step(f["draft"], f["lecturer"], f["coordinator"], 2).page
    ),
    "engage_practices.review_step": lambda f: _review_step(
        f["draft"], f["lecturer"], f["coordinator"], 2
    ),
}


@pytest.fixture
def rule_objects(
    draft: PracticePage, lecturer: Any, coordinator: Any, faculty: Any,
    admins_collection: PracticeCollection,
) -> dict[str, Any]:  # fmt: skip
    return {
        "draft": draft,
        "lecturer": lecturer,
        "coordinator": coordinator,
        "faculty": faculty,
        "admins_collection": admins_collection,
    }


def _asker(people: dict[str, Any], who: str) -> Any:
    return people[who] if people[who] is not None else AnonymousUser()


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("rule", sorted(RULES))
def test_the_registered_rules_answer_each_role(
    rule: str, who: str, people: dict[str, Any], rule_objects: dict[str, Any]
) -> None:
    holders, make = RULES[rule]
    user = _asker(people, who)
    if make is None:
        assert user.has_perm(rule) == (who in holders)
    else:
        assert user.has_perm(rule, make(rule_objects)) == (who in holders)


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("rule", sorted(STEP_TWO))
def test_the_second_review_step_is_the_programme_teams(
    rule: str, who: str, people: dict[str, Any], rule_objects: dict[str, Any]
) -> None:
    obj = STEP_TWO[rule](rule_objects)
    assert _asker(people, who).has_perm(rule, obj) == (who == ADMIN)


def test_a_review_step_of_another_faculty_is_not_the_coordinators(
    people: dict[str, Any], rule_objects: dict[str, Any]
) -> None:
    step = _review_step(
        rule_objects["draft"], rule_objects["lecturer"], rule_objects["coordinator"], 1
    )
    assert not people[OTHER_COORDINATOR].has_perm("engage_practices.review_step", step)
    assert people[COORDINATOR].has_perm("engage_practices.review_step", step)


def test_a_superuser_holds_every_rule() -> None:
    """Django grants an active superuser every permission (decision 0002)."""
    root = UserFactory(username="root", is_superuser=True)
    for rule, (_holders, make) in RULES.items():
        assert root.has_perm(rule, object() if make else None), rule


def test_every_rule_of_the_app_is_in_the_matrix() -> None:
    registered = {
        name
        for name in (*registered_rules(), *registered_object_rules())
        if name.startswith("engage_practices.")
    }
    assert registered == set(RULES)
