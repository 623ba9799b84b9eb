"""Factories shared by every app's tests (people, faculties, roles)."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth import get_user_model

from lms.accounts.models import Faculty
from lms.accounts.roles import Role
from lms.accounts.selectors import profile_of
from lms.accounts.services import assign_role

PASSWORD = "correct-horse-battery"


class FacultyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Faculty
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"faculty-{n}")
    name_en = factory.Sequence(lambda n: f"Faculty {n}")
    name_nl = factory.Sequence(lambda n: f"Faculteit {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda person: f"{person.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def faculty(self, create: bool, extracted: Faculty | None, **kwargs: Any) -> None:
        if create and extracted is not None:
            profile = profile_of(self)
            profile.faculty = extracted
            profile.save(update_fields=["faculty"])

    @factory.post_generation
    def roles(self, create: bool, extracted: list[Role] | None, **kwargs: Any) -> None:
        self.save()
        for role in extracted or ():
            assign_role(user=self, role=role)


def person(role: Role | None = None, **kwargs: Any) -> Any:
    """A user with a profile and (optionally) one role."""
    return UserFactory(roles=[role] if role else [], **kwargs)
