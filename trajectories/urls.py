from __future__ import annotations

from django.urls import path

from . import views

app_name = "engage_trajectories"

urlpatterns = [
    path("trajectory/", views.mine, name="mine"),
    path("trajectory/check-in/", views.check_in, name="check_in"),
    path("trajectory/enrol/<int:pk>/", views.enrol, name="enrol"),
    path("trajectory/withdraw/<int:pk>/", views.withdraw, name="withdraw"),
    path("trajectory/calendar/<str:token>.ics", views.calendar, name="calendar"),
    path("coach/", views.coach_home, name="coach_home"),
    path("coach/cohorts/<int:pk>/", views.cohort_overview, name="cohort"),
]
