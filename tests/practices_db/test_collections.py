"""Collections of practices for education meetings: curate, share, print."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from lms import pdf as engage_pdf
from lms.accounts.roles import Role
from practices_db import services
from practices_db.exceptions import NotAllowed
from practices_db.models import CollectionItem, PracticeCollection, PracticePage
from practices_db.selectors import collection_items, handout
from practices_db.selectors.handout import build_handout
from tests.factories import person
from tests.practices_db.factories import make_practice

pytestmark = pytest.mark.django_db

DUTCH = "Één ‘toets’ voor “iedereen” – ideeën, café’s en zo’n ruimte…"


@pytest.fixture
def practices(lecturer: Any, faculty: Any) -> list[PracticePage]:
    return [make_practice(lecturer, faculty, title=f"Practice {n}") for n in (1, 2, 3)]


@pytest.fixture
def collection(coordinator: Any, practices: list[PracticePage]) -> PracticeCollection:
    collection = services.create_collection(
        owner=coordinator, title="March meeting", description="Faculty of Arts"
    )
    for page in practices:
        services.add_to_collection(
            actor=coordinator, collection=collection, page=page,
            note=f"About {page.title}",
        )  # fmt: skip
    return collection


def order(collection: PracticeCollection) -> list[str]:
    return [item.practice.title for item in collection_items(collection)]


def item_of(collection: PracticeCollection, title: str) -> CollectionItem:
    return collection.items.get(practice__title=title)


def post_item(
    client: Client, collection: PracticeCollection, title: str, **data: str
) -> Any:
    item = item_of(collection, title)
    url = reverse("engage_practices:collection_item", args=[collection.pk, item.pk])
    return client.post(url, data)


# --- creating and filling -----------------------------------------------------------


def test_a_coordinator_creates_a_collection_and_sees_it_listed(
    coordinator: Any, client_for: Any
) -> None:
    client = client_for(coordinator)
    response = client.post(
        reverse("engage_practices:collections"),
        {"title": "  March meeting ", "description": "Faculty of Arts, March"},
    )
    collection = PracticeCollection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "engage_practices:collection", args=[collection.pk]
    )
    assert (collection.owner, collection.title) == (coordinator, "March meeting")
    assert collection.description == "Faculty of Arts, March"
    listing = client.get(reverse("engage_practices:collections")).content.decode()
    assert "March meeting" in listing and "0 practices" in listing


def test_a_collection_needs_a_title(coordinator: Any, client_for: Any) -> None:
    response = client_for(coordinator).post(
        reverse("engage_practices:collections"), {"title": "<b> </b>"}
    )
    assert response.status_code == 400
    assert "Give the collection a title." in response.content.decode()
    assert not PracticeCollection.objects.exists()


def test_adding_practices_appends_them_in_order_with_their_notes(
    coordinator: Any, client_for: Any, practices: list[PracticePage]
) -> None:
    collection = services.create_collection(owner=coordinator, title="Meeting")
    client = client_for(coordinator)
    for page in practices:
        response = client.post(
            reverse("engage_practices:collect", args=[page.pk]),
            {"collection": collection.pk, "note": f"Note on {page.title}"},
        )
        assert response.status_code == 302 and response["Location"] == page.url
    items = collection_items(collection)
    assert [i.practice.title for i in items] == [p.title for p in practices]
    assert [i.position for i in items] == [1, 2, 3]
    assert [i.note for i in items] == [f"Note on {p.title}" for p in practices]


def test_adding_a_practice_again_updates_its_note_without_a_duplicate(
    coordinator: Any, collection: PracticeCollection, practices: list[PracticePage]
) -> None:
    services.add_to_collection(
        actor=coordinator, collection=collection, page=practices[0], note="New note"
    )
    services.add_to_collection(
        actor=coordinator, collection=collection, page=practices[0], note=""
    )
    assert collection.items.count() == 3
    assert item_of(collection, "Practice 1").note == "New note"
    assert order(collection) == ["Practice 1", "Practice 2", "Practice 3"]


def test_only_published_practices_can_be_added(
    coordinator: Any, lecturer: Any, faculty: Any
) -> None:
    collection = services.create_collection(owner=coordinator, title="Meeting")
    draft = make_practice(lecturer, faculty, title="Draft", publish=False)
    with pytest.raises(NotAllowed):
        services.add_to_collection(actor=coordinator, collection=collection, page=draft)
    assert not collection.items.exists()


def test_a_practice_that_is_unpublished_later_is_hidden_until_it_is_back(
    collection: PracticeCollection, practices: list[PracticePage], lecturer: Any
) -> None:
    practices[1].unpublish()
    assert order(collection) == ["Practice 1", "Practice 3"]
    shared = Client().get(
        reverse("engage_practices:shared_collection", args=[collection.share_token])
    )
    assert "Practice 2" not in shared.content.decode()
    assert collection.items.count() == 3  # kept, only hidden

    practices[1].get_latest_revision().publish(
        user=lecturer, skip_permission_checks=True
    )
    assert order(collection) == ["Practice 1", "Practice 2", "Practice 3"]


# --- changing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "action", "expected"),
    [
        ("Practice 2", "up", ["Practice 2", "Practice 1", "Practice 3"]),
        ("Practice 2", "down", ["Practice 1", "Practice 3", "Practice 2"]),
        ("Practice 1", "up", ["Practice 1", "Practice 2", "Practice 3"]),
        ("Practice 3", "down", ["Practice 1", "Practice 2", "Practice 3"]),
        ("Practice 1", "down", ["Practice 2", "Practice 1", "Practice 3"]),
        ("Practice 3", "up", ["Practice 1", "Practice 3", "Practice 2"]),
    ],
)
def test_moving_an_item_up_or_down(
    title: str, action: str, expected: list[str], coordinator: Any,
    client_for: Any, collection: PracticeCollection,
) -> None:  # fmt: skip
    item = item_of(collection, title)
    response = post_item(client_for(coordinator), collection, title, action=action)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{item.pk}")
    assert order(collection) == expected
    positions = [i.position for i in collection_items(collection)]
    assert positions == [1, 2, 3]


def test_moving_twice_keeps_positions_contiguous(
    coordinator: Any, client_for: Any, collection: PracticeCollection
) -> None:
    client = client_for(coordinator)
    post_item(client, collection, "Practice 3", action="up")
    post_item(client, collection, "Practice 3", action="up")
    assert order(collection) == ["Practice 3", "Practice 1", "Practice 2"]
    assert [i.position for i in collection_items(collection)] == [1, 2, 3]


def test_editing_an_item_note(
    coordinator: Any, client_for: Any, collection: PracticeCollection
) -> None:
    item = item_of(collection, "Practice 2")
    post_item(
        client_for(coordinator), collection, "Practice 2",
        action="note", **{f"item{item.pk}-note": "Discuss first"},
    )  # fmt: skip
    item.refresh_from_db()
    assert item.note == "Discuss first"


def test_removing_an_item_keeps_the_practice(
    coordinator: Any, client_for: Any, collection: PracticeCollection
) -> None:
    post_item(client_for(coordinator), collection, "Practice 2", action="remove")
    assert order(collection) == ["Practice 1", "Practice 3"]
    assert PracticePage.objects.filter(title="Practice 2", live=True).exists()


def test_renaming_a_collection(
    coordinator: Any, client_for: Any, collection: PracticeCollection
) -> None:
    url = reverse("engage_practices:collection", args=[collection.pk])
    response = client_for(coordinator).post(
        url, {"action": "save", "title": "April meeting", "description": "Moved"}
    )
    assert response.status_code == 302 and response["Location"] == url
    collection.refresh_from_db()
    assert (collection.title, collection.description) == ("April meeting", "Moved")


def test_deleting_a_collection_deletes_its_items_not_the_practices(
    coordinator: Any, client_for: Any, collection: PracticeCollection
) -> None:
    response = client_for(coordinator).post(
        reverse("engage_practices:collection", args=[collection.pk]),
        {"action": "delete"},
    )
    assert response["Location"] == reverse("engage_practices:collections")
    assert not PracticeCollection.objects.exists()
    assert not CollectionItem.objects.exists()
    assert PracticePage.objects.filter(live=True).count() == 3


def test_the_collection_page_lists_items_with_their_notes_and_share_link(
    coordinator: Any, client_for: Any, collection: PracticeCollection
) -> None:
    response = client_for(coordinator).get(
        reverse("engage_practices:collection", args=[collection.pk])
    )
    html = response.content.decode()
    assert response.status_code == 200
    positions = [html.index(f">Practice {n}<") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert "About Practice 2" in html
    shared = reverse(
        "engage_practices:shared_collection", args=[collection.share_token]
    )
    assert f"http://testserver{shared}" in html


# --- sharing and the handout --------------------------------------------------------


def test_the_shared_view_shows_titles_notes_and_description(
    coordinator: Any, client_for: Any, collection: PracticeCollection
) -> None:
    url = reverse("engage_practices:shared_collection", args=[collection.share_token])
    html = Client().get(url).content.decode()
    for text in ("March meeting", "Faculty of Arts", "Practice 1", "About Practice 3"):
        assert text in html
    edit = reverse("engage_practices:collection", args=[collection.pk])
    assert edit not in html
    assert edit in client_for(coordinator).get(url).content.decode()


def test_the_handout_is_a_pdf_download(collection: PracticeCollection) -> None:
    response = Client().get(
        reverse("engage_practices:collection_handout", args=[collection.share_token])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="collection-{collection.pk}.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_a_handout_of_an_empty_collection_is_a_pdf(coordinator: Any) -> None:
    collection = services.create_collection(owner=coordinator, title="Empty")
    pdf = build_handout(collection, [], base_url="http://testserver/")
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("unicode_font", [True, False], ids=["dejavu", "core-font"])
def test_a_handout_takes_dutch_text_with_accents_and_curly_quotes(
    unicode_font: bool, coordinator: Any, lecturer: Any, faculty: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    if not unicode_font:
        monkeypatch.setattr(engage_pdf, "font_files", lambda: None)
    elif engage_pdf.font_files() is None:
        pytest.fail("DejaVu fonts are missing: `apt-get install fonts-dejavu-core`")
    page = make_practice(lecturer, faculty, title=DUTCH, summary=DUTCH, language="nl")
    collection = services.create_collection(
        owner=coordinator, title=DUTCH, description=DUTCH
    )
    services.add_to_collection(
        actor=coordinator, collection=collection, page=page, note=DUTCH
    )
    pdf = build_handout(
        collection, collection_items(collection), base_url="http://testserver/"
    )
    assert pdf.startswith(b"%PDF")


def test_the_core_font_folds_curly_quotes_and_keeps_dutch_accents(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engage_pdf, "font_files", lambda: None)
    pdf = handout._Handout(footer_text="x")
    assert pdf.text_of(DUTCH) == (
        "Één 'toets' voor \"iedereen\" - ideeën, café's en zo'n ruimte..."
    )
    assert pdf.text_of("Emoji 😀 ☃") == "Emoji ? ?"


# --- queries ------------------------------------------------------------------------


def test_collection_pages_take_a_fixed_number_of_queries(
    coordinator: Any, lecturer: Any, faculty: Any, client_for: Any,
    django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    collection = services.create_collection(owner=coordinator, title="Big meeting")
    for n in range(20):
        services.add_to_collection(
            actor=coordinator, collection=collection,
            page=make_practice(lecturer, faculty, title=f"Item {n}"), note=f"n{n}",
        )  # fmt: skip
    for n in range(19):
        services.create_collection(owner=coordinator, title=f"Other {n}")
    client = client_for(coordinator)
    token = collection.share_token
    with django_assert_max_num_queries(12):
        page = client.get(reverse("engage_practices:collection", args=[collection.pk]))
    with django_assert_max_num_queries(10):
        listing = client.get(reverse("engage_practices:collections"))
    with django_assert_max_num_queries(8):  # 2 of them: the collection and items
        shared = client.get(reverse("engage_practices:shared_collection", args=[token]))
    with django_assert_max_num_queries(8):
        pdf = client.get(reverse("engage_practices:collection_handout", args=[token]))
    assert page.content.decode().count(">Item ") == 20
    assert "20 practices" in listing.content.decode()
    assert shared.content.decode().count(">Item ") == 20
    assert pdf.content.startswith(b"%PDF")


def test_services_refuse_overlong_text_on_its_field(
    coordinator: Any, lecturer: Any, faculty: Any
) -> None:
    """Nothing a person typed is cut off silently: the service refuses it."""
    from practices_db.exceptions import TooLong

    with pytest.raises(TooLong) as refused:
        services.create_collection(owner=coordinator, title="x" * 201)
    assert refused.value.field == "title"
    collection = services.create_collection(owner=coordinator, title="Meeting")
    page = make_practice(lecturer, faculty, title="Practice")
    with pytest.raises(TooLong) as refused:
        services.add_to_collection(
            actor=coordinator, collection=collection, page=page, note="x" * 1001
        )
    assert refused.value.field == "note"
    with pytest.raises(TooLong) as refused:
        services.record_adoption(user=lecturer, page=page, note="x" * 501)
    assert refused.value.field == "note"
    assert not collection.items.exists() and not page.adoptions.exists()


@pytest.mark.parametrize(
    ("role", "listed"),
    [
        (Role.LECTURER, False),
        (Role.COACH, False),
        (Role.FACULTY_COORDINATOR, True),
        (Role.PROGRAMME_ADMIN, True),
    ],
)
def test_the_main_menu_offers_collections_to_those_who_curate_them(
    role: Role, listed: bool, faculty: Any, client_for: Any
) -> None:
    user = person(role, username=f"menu-{role.value}", faculty=faculty)
    client = client_for(user)
    html = client.get(reverse("engage_frontend:dashboard")).content.decode()
    nav = html.split("<nav", 1)[1].split("</nav>", 1)[0]
    collections = reverse("engage_practices:collections")

    assert (f'href="{collections}"' in nav) is listed
    assert user.has_perm("engage_practices.curate_collections") is listed
    assert client.get(collections).status_code == (200 if listed else 403)
