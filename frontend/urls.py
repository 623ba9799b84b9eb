from __future__ import annotations

from django.urls import path

from . import insight_views, views

app_name = "engage_frontend"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("insight/", insight_views.programme_dashboard, name="insight"),
    path("insight/faculty/", insight_views.faculty_dashboard, name="insight_faculty"),
    path("insight/reports/", insight_views.report_list, name="insight_reports"),
    path(
        "insight/reports/<int:pk>/",
        insight_views.report_download,
        name="insight_report",
    ),
    path(
        "insight/<str:kind>/csv/<slug:key>/",
        insight_views.chart_csv,
        name="insight_csv",
    ),
]
