from __future__ import annotations

from django.urls import path

from . import views

app_name = "courses"

# Course and lesson pages themselves are Wagtail pages; these are the actions.
urlpatterns = [
    path(
        "courses/lessons/<id:pk>/progress/",
        views.lesson_progress,
        name="lesson_progress",
    ),
]
