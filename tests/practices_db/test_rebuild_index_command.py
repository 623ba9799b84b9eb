"""`manage.py rebuild_practice_index` (practices_db/README): an index that lost its
rows is whole again, and the search page finds the practices once more."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from practices_db.models import SearchRecord
from tests.practices_db.factories import make_practice

pytestmark = pytest.mark.django_db


def test_rebuild_practice_index_restores_a_lost_index(
    client: Any, lecturer: Any, faculty: Any
) -> None:
    make_practice(lecturer, faculty, title="Glossary rewritten with students")
    make_practice(lecturer, faculty, title="Draft only", publish=False)
    SearchRecord.objects.all().delete()
    assert "rewritten with students" not in client.get("/practices/?q=glossary").text

    out = StringIO()
    call_command("rebuild_practice_index", stdout=out)

    assert out.getvalue().strip() == "Indexed 1 published practices."
    assert "rewritten with students" in client.get("/practices/?q=glossary").text
