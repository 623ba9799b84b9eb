from __future__ import annotations

from django.urls import path

from .views import about, profile, record, statements
from .views.cors import cors

app_name = "engage_xapi"

urlpatterns = [
    path("statements", cors(statements.StatementsView.as_view()), name="statements"),
    path("about", cors(about.AboutView.as_view()), name="about"),
    path("profile", profile.profile, name="profile"),
    path("my-statements", record.my_statements, name="my_statements"),
]
