from __future__ import annotations

from django.urls import path

from . import views
from .cors import cors

app_name = "engage_xapi"

urlpatterns = [
    path("statements", cors(views.StatementsView.as_view()), name="statements"),
    path("about", cors(views.AboutView.as_view()), name="about"),
    path("profile", views.profile, name="profile"),
    path("my-statements", views.my_statements, name="my_statements"),
]
