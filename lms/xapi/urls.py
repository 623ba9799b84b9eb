from __future__ import annotations

from django.urls import path

from .views import about, documents, profile, record, statements
from .views.cors import cors

app_name = "engage_xapi"

urlpatterns = [
    path("statements", cors(statements.StatementsView.as_view()), name="statements"),
    path("about", cors(about.AboutView.as_view()), name="about"),
    path("profile", profile.profile, name="profile"),
    path("my-statements", record.my_statements, name="my_statements"),
]

# The Document resources (Communication 2.2–2.7), kept apart from the lines above.
urlpatterns += [
    path("activities/state", cors(documents.StateView.as_view()), name="state"),
    path(
        "activities/profile",
        cors(documents.ActivityProfileView.as_view()),
        name="activity_profile",
    ),
    path(
        "agents/profile",
        cors(documents.AgentProfileView.as_view()),
        name="agent_profile",
    ),
]
