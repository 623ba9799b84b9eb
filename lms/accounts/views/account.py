"""Sign-in, sign-out, password reset, profile and language, in the site's design."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from .. import services
from ..access import public, signed_in
from ..forms import LanguageForm, LoginForm, PasswordResetForm, ProfileForm
from ..selectors import collect_personal_data, profile_of, sorted_roles_of


def _set_language_cookie(response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=False,
    )


@public
class LoginView(auth_views.LoginView):
    template_name = "engage_accounts/login.html"
    authentication_form = LoginForm
    # Not redirecting signed-in people avoids a loop when a page they may not see
    # (e.g. /admin/ for a lecturer) sends them here; the page says who is signed in.
    redirect_authenticated_user = False

    def form_valid(self, form: LoginForm) -> HttpResponse:
        response = super().form_valid(form)
        _set_language_cookie(response, profile_of(form.get_user()).preferred_language)
        return response


@public
class LogoutView(auth_views.LogoutView):
    template_name = "engage_accounts/logged_out.html"


@public
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "engage_accounts/password_reset_form.html"
    email_template_name = "engage_accounts/email/password_reset.txt"
    subject_template_name = "engage_accounts/email/password_reset_subject.txt"
    form_class = PasswordResetForm
    success_url = reverse_lazy("engage_accounts:password_reset_done")


@public
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "engage_accounts/password_reset_done.html"


@public
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "engage_accounts/password_reset_confirm.html"
    success_url = reverse_lazy("engage_accounts:password_reset_complete")


@public
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "engage_accounts/password_reset_complete.html"


@signed_in
class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "engage_accounts/password_change.html"
    success_url = reverse_lazy("engage_accounts:profile")

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


@signed_in
def profile(request: HttpRequest) -> HttpResponse:
    person = profile_of(request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            user = request.user
            user.first_name = data["first_name"]
            user.last_name = data["last_name"]
            user.save(update_fields=["first_name", "last_name"])
            services.update_profile(
                user=user,
                faculty=data["faculty"],
                department=data["department"],
                preferred_language=data["preferred_language"],
            )
            translation.activate(data["preferred_language"])
            messages.success(request, _("Your profile has been saved."))
            response = HttpResponseRedirect(reverse("engage_accounts:profile"))
            _set_language_cookie(response, data["preferred_language"])
            return response
    else:
        form = ProfileForm(
            initial={
                "first_name": request.user.first_name,
                "last_name": request.user.last_name,
                "faculty": person.faculty_id,
                "department": person.department,
                "preferred_language": person.preferred_language,
            }
        )
    return render(
        request,
        "engage_accounts/profile.html",
        {
            "form": form,
            "profile": person,
            "roles": sorted_roles_of(request.user),
        },
        status=400 if form.is_bound else 200,
    )


@signed_in
@require_safe
def my_data(request: HttpRequest) -> HttpResponse:
    """Everything the apps hold about the signed-in person, as one JSON file."""
    response = JsonResponse(
        collect_personal_data(request.user),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = 'attachment; filename="engage-pd-my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@public
@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Switch the site's language; signed-in people also keep it for e-mail."""
    form = LanguageForm(request.POST)
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if not form.is_valid():
        messages.error(request, _("That language is not available."))
        return response
    language = form.cleaned_data["language"]
    if request.user.is_authenticated:
        services.set_preferred_language(user=request.user, language=language)
    _set_language_cookie(response, language)
    return response
