"""Sign-in, sign-out, profile, language and password reset through the test client."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.test import Client
from django.urls import reverse

from lms.accounts.models import Profile
from lms.accounts.roles import Role
from lms.accounts.selectors import profile_of
from lms.accounts.services import create_person, set_preferred_language
from lms.notifications.models import OutgoingEmail
from tests.factories import PASSWORD, FacultyFactory, person

pytestmark = pytest.mark.django_db

User = get_user_model()
LOGIN = "/accounts/login/"
LOGOUT = "/accounts/logout/"
PROFILE = "/accounts/profile/"
LANGUAGE = "/accounts/language/"
RESET = "/accounts/password/reset/"
RESET_SENT = "/accounts/password/reset/sent/"
DASHBOARD = "/dashboard/"


def log_in(client: Client, username: str, password: str = PASSWORD, **extra):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def signed_in_user_id(client: Client) -> str | None:
    return client.session.get(SESSION_KEY)


# --- sign in and out -----------------------------------------------------------------


def test_login_page_renders(client) -> None:
    response = client.get(LOGIN)

    assert response.status_code == 200
    assert "engage_accounts/login.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert 'name="username"' in html
    assert 'name="password"' in html
    assert "csrfmiddlewaretoken" in html
    assert reverse("engage_accounts:password_reset") in html


def test_login_with_the_right_password_goes_to_the_dashboard(client, lecturer) -> None:
    response = log_in(client, "lecturer")

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert signed_in_user_id(client) == str(lecturer.pk)
    assert client.get(DASHBOARD).status_code == 200


@pytest.mark.parametrize("language", ["nl", "en"])
def test_login_sets_the_language_cookie_from_the_profile(
    client, lecturer, language: str
) -> None:
    set_preferred_language(user=lecturer, language=language)

    response = log_in(client, "lecturer")

    cookie = response.cookies["django_language"]
    assert cookie.value == language
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) > 0


def test_after_login_pages_speak_the_preferred_language(client, lecturer) -> None:
    set_preferred_language(user=lecturer, language="nl")
    log_in(client, "lecturer")

    response = client.get(DASHBOARD)

    assert response.headers["Content-Language"] == "nl"
    assert '<html lang="nl">' in response.content.decode()


def test_login_follows_a_safe_next_but_not_an_open_redirect(client, lecturer) -> None:
    assert log_in(client, "lecturer", next=PROFILE)["Location"] == PROFILE

    client.post(LOGOUT)
    response = log_in(client, "lecturer", next="https://evil.example/phish")

    assert response["Location"] == DASHBOARD


@pytest.mark.parametrize(
    ("username", "password"),
    [("lecturer", "wrong-password"), ("nobody", PASSWORD), ("", ""), ("lecturer", "")],
)
def test_wrong_credentials_show_an_error(
    client, lecturer, username: str, password: str
) -> None:
    response = log_in(client, username, password)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'class="error-summary"' in response.content.decode()
    assert signed_in_user_id(client) is None


def test_an_inactive_person_cannot_sign_in(client, lecturer) -> None:
    lecturer.is_active = False
    lecturer.save()

    response = log_in(client, "lecturer")

    assert response.status_code == 200
    assert signed_in_user_id(client) is None


def test_signed_in_people_see_the_login_page_without_a_redirect_loop(
    client_for, lecturer
) -> None:
    # A page a person may not see sends them here; redirecting back would loop.
    response = client_for(lecturer).get(f"{LOGIN}?next=/admin/")

    assert response.status_code == 200
    assert response.context["user"] == lecturer


def test_an_overlong_username_is_refused_cleanly(client, lecturer) -> None:
    response = log_in(client, "x" * 5000)

    assert response.status_code == 200
    assert "username" in response.context["form"].errors


@pytest.mark.parametrize(
    ("path", "data"),
    [
        (LOGIN, {"username": "lecturer", "password": PASSWORD}),
        (LANGUAGE, {"language": "nl"}),
        (RESET, {"email": "lecturer@example.org"}),
    ],
)
def test_csrf_is_enforced_for_anonymous_posts(lecturer, path: str, data: dict) -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post(path, data)

    assert response.status_code == 403
    assert signed_in_user_id(client) is None
    assert not OutgoingEmail.objects.exists()


def test_csrf_is_enforced_for_signed_in_posts(lecturer) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(lecturer)

    profile_response = client.post(
        PROFILE,
        {"first_name": "Hacked", "last_name": "X", "preferred_language": "en"},
    )
    logout_response = client.post(LOGOUT)

    assert profile_response.status_code == 403
    assert logout_response.status_code == 403
    assert User.objects.get(pk=lecturer.pk).first_name != "Hacked"
    assert signed_in_user_id(client) == str(lecturer.pk)


def test_login_with_the_csrf_token_from_the_form_works(lecturer) -> None:
    client = Client(enforce_csrf_checks=True)
    client.get(LOGIN)
    token = client.cookies["csrftoken"].value

    response = log_in(client, "lecturer", csrfmiddlewaretoken=token)

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(lecturer.pk)


def test_logout_needs_a_post(client_for, lecturer) -> None:
    client = client_for(lecturer)

    assert client.get(LOGOUT).status_code == 405
    assert signed_in_user_id(client) == str(lecturer.pk)

    response = client.post(LOGOUT)

    assert response.status_code == 200
    assert "You are signed out" in response.content.decode()
    assert signed_in_user_id(client) is None
    assert client.get(DASHBOARD).status_code == 302


# --- profile ----------------------------------------------------------------------


def profile_data(chosen_faculty, **changes) -> dict:  # type: ignore[no-untyped-def]
    data = {
        "first_name": "Noor",
        "last_name": "El Amrani",
        "faculty": chosen_faculty.pk,
        "department": "Modern Languages",
        "preferred_language": "nl",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def snapshot(user) -> tuple:  # type: ignore[no-untyped-def]
    user = User.objects.get(pk=user.pk)
    profile = Profile.objects.get(user=user)
    return (
        user.first_name,
        user.last_name,
        profile.faculty_id,
        profile.department,
        profile.preferred_language,
    )


def test_anonymous_people_are_sent_to_login(client) -> None:
    response = client.get(PROFILE)

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={PROFILE}"
    assert client.post(PROFILE, {"first_name": "x"}).status_code == 302


def test_profile_page_shows_the_current_values(client_for, lecturer, faculty) -> None:
    profile = profile_of(lecturer)
    profile.department = "Dept of Examples"
    profile.save()

    response = client_for(lecturer).get(PROFILE)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["first_name"] == lecturer.first_name
    assert form.initial["faculty"] == faculty.pk
    assert form.initial["department"] == "Dept of Examples"
    html = response.content.decode()
    assert "Dept of Examples" in html
    assert "Lecturer" in html


def test_saving_the_profile(client_for, lecturer, faculty) -> None:
    law = FacultyFactory(code="law")

    response = client_for(lecturer).post(
        PROFILE, profile_data(law, first_name="  Noor ", department=" Linguistics ")
    )

    assert response.status_code == 302
    assert response["Location"] == PROFILE
    assert snapshot(lecturer) == ("Noor", "El Amrani", law.pk, "Linguistics", "nl")
    assert response.cookies["django_language"].value == "nl"


def test_saving_without_faculty_clears_it(client_for, lecturer, faculty) -> None:
    response = client_for(lecturer).post(PROFILE, profile_data(faculty, faculty=""))

    assert response.status_code == 302
    assert snapshot(lecturer)[2] is None


def test_saving_shows_a_confirmation(client_for, lecturer, faculty) -> None:
    response = client_for(lecturer).post(PROFILE, profile_data(faculty), follow=True)

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]]


def test_html_in_names_and_department_is_refused_and_the_text_kept(
    client_for, lecturer, faculty
) -> None:
    before = snapshot(lecturer)
    typed_department = "<script>alert(1)</script>Modern Languages & Culture"
    response = client_for(lecturer).post(
        PROFILE,
        profile_data(
            faculty,
            first_name="<b>Noor</b>",
            last_name='El <a href="javascript:alert(1)">Amrani</a>',
            department=typed_department,
        ),
    )

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) >= {"first_name", "last_name", "department"}
    assert "plain text" in str(errors["department"])
    assert snapshot(lecturer) == before
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page  # shown escaped, not run
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Modern Languages &amp; Culture" in page


def test_ampersands_and_angle_brackets_in_plain_text_are_kept(
    client_for, lecturer, faculty
) -> None:
    response = client_for(lecturer).post(
        PROFILE, profile_data(faculty, department="Languages & Culture (< 50 staff)")
    )
    assert response.status_code == 302
    assert snapshot(lecturer)[3] == "Languages & Culture (< 50 staff)"


INVALID_PROFILES = [
    ("first_name", {"first_name": "N" * 151}),
    ("last_name", {"last_name": "A" * 151}),
    ("first_name", {"first_name": ""}),
    ("first_name", {"first_name": None}),
    ("first_name", {"first_name": "<script>alert(1)</script>"}),
    ("last_name", {"last_name": "<img src=x onerror=alert(1)>"}),
    ("department", {"department": "D" * 201}),
    ("department", {"department": "<script>alert(1)</script>" + "D" * 201}),
    ("preferred_language", {"preferred_language": "xx"}),
    ("preferred_language", {"preferred_language": None}),
    ("preferred_language", {"preferred_language": "<script>"}),
    ("faculty", {"faculty": "999999"}),
    ("faculty", {"faculty": "arts"}),
    ("faculty", {"faculty": "1 OR 1=1"}),
    ("faculty", {"faculty": "-1"}),
]


@pytest.mark.parametrize(("field", "changes"), INVALID_PROFILES)
def test_invalid_or_hostile_profiles_are_refused_and_nothing_saved(
    client_for, lecturer, faculty, field: str, changes: dict
) -> None:
    before = snapshot(lecturer)

    response = client_for(lecturer).post(PROFILE, profile_data(faculty, **changes))

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert snapshot(lecturer) == before
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'aria-invalid="true"' in html
    assert "<script>alert(1)</script>" not in html


def test_an_inactive_faculty_cannot_be_chosen(client_for, lecturer, faculty) -> None:
    closed = FacultyFactory(code="closed", is_active=False)
    before = snapshot(lecturer)

    response = client_for(lecturer).post(PROFILE, profile_data(closed))

    assert response.status_code == 400
    assert "faculty" in response.context["form"].errors
    assert snapshot(lecturer) == before


def test_a_refused_profile_keeps_what_was_typed(client_for, lecturer, faculty) -> None:
    response = client_for(lecturer).post(
        PROFILE,
        profile_data(faculty, first_name="Noortje", preferred_language="xx"),
    )

    assert response.status_code == 400
    assert 'value="Noortje"' in response.content.decode()


def test_hostile_input_with_an_error_saves_nothing(
    client_for, lecturer, faculty
) -> None:
    before = snapshot(lecturer)

    response = client_for(lecturer).post(
        PROFILE,
        profile_data(
            faculty,
            department="<script>alert(1)</script>",
            faculty="not-a-number",
            preferred_language="xx",
        ),
    )

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {
        "department",
        "faculty",
        "preferred_language",
    }
    assert snapshot(lecturer) == before


# --- language switch ------------------------------------------------------------------


def test_language_switch_sets_the_cookie_for_anonymous_people(client) -> None:
    response = client.post(LANGUAGE, {"language": "nl", "next": LOGIN})

    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert response.cookies["django_language"].value == "nl"
    follow = client.get(LOGIN)
    assert follow.headers["Content-Language"] == "nl"


def test_language_switch_remembers_the_choice_for_signed_in_people(
    client_for, lecturer
) -> None:
    client = client_for(lecturer)

    response = client.post(LANGUAGE, {"language": "nl", "next": DASHBOARD})

    assert response["Location"] == DASHBOARD
    assert response.cookies["django_language"].value == "nl"
    assert Profile.objects.get(user=lecturer).preferred_language == "nl"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example",
        "https://evil.example/accounts/login/",
        "//evil.example/",
        "http://evil.example@testserver.evil.example/",
        "javascript:alert(1)",
        "\\\\evil.example",
        "/\\evil.example",
        "",
    ],
)
def test_language_switch_refuses_open_redirects(client, target: str) -> None:
    response = client.post(LANGUAGE, {"language": "nl", "next": target})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies["django_language"].value == "nl"


def test_language_switch_keeps_a_same_site_absolute_url(client) -> None:
    response = client.post(
        LANGUAGE, {"language": "en", "next": "http://testserver/accounts/login/"}
    )

    assert response["Location"] == "http://testserver/accounts/login/"


@pytest.mark.parametrize("language", ["xx", "", "EN", "nl-be"])
def test_an_unknown_language_changes_nothing(
    client_for, lecturer, language: str
) -> None:
    client = client_for(lecturer)

    response = client.post(LANGUAGE, {"language": language, "next": PROFILE})

    assert response.status_code == 302
    assert response["Location"] == PROFILE
    assert "django_language" not in response.cookies
    assert Profile.objects.get(user=lecturer).preferred_language == "en"
    messages = [str(m) for m in client.get(PROFILE).context["messages"]]
    assert messages == ["That language is not available."]


def test_language_switch_needs_a_post(client) -> None:
    assert client.get(LANGUAGE, {"language": "nl"}).status_code == 405


# --- password change and reset -----------------------------------------------------


def test_password_change(client_for, lecturer) -> None:
    client = client_for(lecturer)

    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-brand-new-passphrase",
            "new_password2": "a-brand-new-passphrase",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == PROFILE
    assert User.objects.get(pk=lecturer.pk).check_password("a-brand-new-passphrase")
    assert signed_in_user_id(client) == str(lecturer.pk)


def without_csrf_tokens(content: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content.decode())


def _reset_path(email: OutgoingEmail) -> str:
    match = re.search(
        r"http://testserver(/accounts/password/reset/[^/\s]+/[^/\s]+/)", email.body
    )
    assert match, email.body
    return match.group(1)


def test_password_reset_queues_an_email_with_a_working_link(client, lecturer) -> None:
    response = client.post(RESET, {"email": "lecturer@example.org"})

    assert response.status_code == 302
    assert response["Location"] == RESET_SENT
    email = OutgoingEmail.objects.get()
    assert email.to == "lecturer@example.org"
    assert email.subject
    assert "\n" not in email.subject
    assert email.sent_at is None
    reset_path = _reset_path(email)

    # The link hides its token in the session and redirects to the form.
    response = client.get(reset_path)
    assert response.status_code == 302
    form_path = response["Location"]
    assert form_path.endswith("/set-password/")
    response = client.get(form_path)
    assert response.status_code == 200
    assert response.context["validlink"] is True

    response = client.post(
        form_path,
        {
            "new_password1": "reset-and-remembered-42",
            "new_password2": "reset-and-remembered-42",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/complete/"

    fresh = Client()
    assert log_in(fresh, "lecturer", "reset-and-remembered-42").status_code == 302
    assert signed_in_user_id(fresh) == str(lecturer.pk)
    assert log_in(Client(), "lecturer", PASSWORD).status_code == 200

    # A used link does not work twice.
    again = Client().get(reset_path, follow=True)
    assert again.context["validlink"] is False
    assert "no longer valid" in again.content.decode()


def test_password_reset_email_is_case_insensitive(client, lecturer) -> None:
    client.post(RESET, {"email": "LECTURER@Example.ORG"})

    assert OutgoingEmail.objects.get().to == "lecturer@example.org"


def test_password_reset_greets_by_name_without_leaking_the_password(
    client, lecturer
) -> None:
    client.post(RESET, {"email": "lecturer@example.org"})

    body = OutgoingEmail.objects.get().body
    assert lecturer.get_full_name() in body
    assert PASSWORD not in body


def test_password_reset_for_an_unknown_address_looks_the_same(client, lecturer) -> None:
    known = client.post(RESET, {"email": "lecturer@example.org"}, follow=True)
    OutgoingEmail.objects.all().delete()

    unknown = Client().post(RESET, {"email": "stranger@example.org"}, follow=True)

    assert not OutgoingEmail.objects.exists()
    assert unknown.redirect_chain == known.redirect_chain == [(RESET_SENT, 302)]
    assert unknown.status_code == known.status_code == 200
    assert without_csrf_tokens(unknown.content) == without_csrf_tokens(known.content)


def test_no_reset_email_for_inactive_people_or_single_sign_on_accounts(
    client, lecturer
) -> None:
    lecturer.is_active = False
    lecturer.save()
    create_person(
        username="sso", email="sso@example.org", first_name="S", last_name="O"
    )

    for address in ("lecturer@example.org", "sso@example.org"):
        response = client.post(RESET, {"email": address})
        assert response["Location"] == RESET_SENT

    assert not OutgoingEmail.objects.exists()


def test_password_reset_with_an_invalid_address_shows_an_error(client) -> None:
    response = client.post(RESET, {"email": "not an address"})

    assert response.status_code == 200
    assert "email" in response.context["form"].errors


def test_a_forged_reset_link_is_refused(client, lecturer) -> None:
    response = client.get(
        f"/accounts/password/reset/{lecturer.pk}/forged-token/", follow=True
    )

    assert response.status_code == 200
    assert response.context["validlink"] is False


def test_every_role_can_sign_in(client) -> None:
    for role in Role:
        user = person(role)
        client.post(LOGOUT)
        assert log_in(client, user.username).status_code == 302
