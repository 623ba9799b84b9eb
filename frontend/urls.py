from __future__ import annotations

from django.urls import path

from .views import dashboard, home, insight, reports

app_name = "engage_frontend"

urlpatterns = [
    path("", home.home, name="home"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("insight/", insight.programme_dashboard, name="insight"),
    path("insight/faculty/", insight.faculty_dashboard, name="insight_faculty"),
    path("insight/reports/", reports.report_list, name="insight_reports"),
    path("insight/reports/<id:pk>/", reports.report_download, name="insight_report"),
    path("insight/<str:kind>/csv/<slug:key>/", insight.chart_csv, name="insight_csv"),
]
