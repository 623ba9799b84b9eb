from __future__ import annotations

from django.urls import path

from . import views

app_name = "engage_practices_api"

urlpatterns = [
    path("practices/", views.PracticeListView.as_view(), name="practice-list"),
    path(
        "practices/<id:pk>/",
        views.PracticeDetailView.as_view(),
        name="practice-detail",
    ),
]
