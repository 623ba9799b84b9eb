from __future__ import annotations

from django.urls import path

from . import views

app_name = "engage_frontend"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
