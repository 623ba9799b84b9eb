"""URLs of the session evaluations in the lecturer's API (mounted at api/v1/ by the
host, beside `urls.py`)."""

from __future__ import annotations

from django.urls import path

from . import evaluations

app_name = "engage_trajectories_evaluations_api"

urlpatterns = [
    path(
        "session-evaluations/",
        evaluations.OpenEvaluationsView.as_view(),
        name="open-evaluations",
    ),
    path(
        "session-evaluations/<id:session_id>/response/",
        evaluations.EvaluationResponseView.as_view(),
        name="evaluation-response",
    ),
]
