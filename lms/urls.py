from __future__ import annotations

from django.urls import path

from . import views

app_name = "engage_lms"

urlpatterns = [
    path("healthz", views.health, name="health"),
    path("readyz", views.ready, name="ready"),
]
