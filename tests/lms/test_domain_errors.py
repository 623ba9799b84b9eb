"""A service's refusal that no page caught answers as what it is, never a 500
(lms.domain_errors), with the same status the API's handler gives it (lms.api)."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from rest_framework.test import APIRequestFactory

from lms.api import exception_handler
from lms.domain_errors import DomainErrorMiddleware
from lms.exceptions import Conflict, DomainError, Forbidden, NotFound

pytestmark = pytest.mark.django_db

CASES = [
    (Forbidden("Not yours."), 403),
    (NotFound("No such entry."), 404),
    (Conflict("Changed meanwhile."), 409),
    (DomainError("Write a title.", field="title"), 400),
]


@pytest.mark.parametrize(("error", "status"), CASES)
def test_a_page_answers_an_uncaught_refusal_with_its_status(error, status) -> None:
    middleware = DomainErrorMiddleware(lambda request: HttpResponse())
    request = RequestFactory().get("/somewhere/")
    response = middleware.process_exception(request, error)
    assert response is not None
    assert response.status_code == status


def test_other_exceptions_are_left_to_django() -> None:
    middleware = DomainErrorMiddleware(lambda request: HttpResponse())
    request = RequestFactory().get("/")
    assert middleware.process_exception(request, ValueError("boom")) is None


@pytest.mark.parametrize(("error", "status"), CASES)
def test_the_api_answers_the_same_status_with_the_field(error, status) -> None:
    request = APIRequestFactory().get("/api/v1/x/")
    response = exception_handler(error, {"request": request})
    assert response is not None
    assert response.status_code == status
    assert response.data == {error.field or "detail": [str(error.message)]}
