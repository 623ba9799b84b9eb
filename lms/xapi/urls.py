from __future__ import annotations

from django.urls import path, re_path

from .views import about, documents, lookups, profile, record, statements, unknown
from .views.cors import cors

app_name = "engage_xapi"

urlpatterns = [
    path("statements", cors(statements.StatementsView.as_view()), name="statements"),
    path("about", cors(about.AboutView.as_view()), name="about"),
    path("profile", profile.profile, name="profile"),
    path("my-statements", record.my_statements, name="my_statements"),
]

# The Document resources (Communication 2.2–2.7).
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

# The Agents and Activities resources (Communication 2.4, 2.5).
urlpatterns += [
    path("agents", cors(lookups.AgentsView.as_view()), name="agents"),
    path("activities", cors(lookups.ActivitiesView.as_view()), name="activities"),
]

# Last: any other path under /xapi/ is a 404 in the LRS error format, never an
# APPEND_SLASH redirect (views/unknown.py). Add resources above this line.
urlpatterns.append(
    re_path(r"^(?P<path>.*)$", cors(unknown.unknown_resource), name="unknown")
)
