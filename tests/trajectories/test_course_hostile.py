"""Own courses: a name that is only markup is refused on its field, on the create
form and on the edit form alike (the edit form once answered 500)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from trajectories import services
from trajectories.models import OwnCourse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["<b></b>", "<script>alert(1)</script>", "   "])
def test_a_name_of_only_markup_is_a_field_error_never_a_500(
    lecturer: Any, client_for: Any, name: str
) -> None:
    course = services.register_course(owner=lecturer, name="Statistics 1")
    client = client_for(lecturer)
    edit = client.post(
        reverse("engage_trajectories:course_edit", args=[course.pk]), {"name": name}
    )
    assert edit.status_code == 400
    assert edit.context["form"].errors["name"]
    course.refresh_from_db()
    assert course.name == "Statistics 1"  # nothing lost
    create = client.post(reverse("engage_trajectories:courses"), {"name": name})
    assert create.status_code == 400
    assert OwnCourse.objects.filter(owner=lecturer).count() == 1
