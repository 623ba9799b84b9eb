from __future__ import annotations

from django.urls import path

from . import assessment_views, views

app_name = "engage_certification"

urlpatterns = [
    path("certification/", views.home, name="home"),
    path("certification/schemes/<int:scheme_id>/start/", views.start, name="start"),
    path("certification/portfolios/<int:pk>/", views.portfolio, name="portfolio"),
    path("certification/portfolios/<int:pk>/edit/", views.edit, name="edit"),
    path(
        "certification/portfolios/<int:pk>/competencies/<int:competency_id>/",
        views.competency,
        name="competency",
    ),
    path("certification/portfolios/<int:pk>/submit/", views.submit, name="submit"),
    path(
        "certification/evidence/<int:link_id>/remove/",
        views.remove_evidence,
        name="remove_evidence",
    ),
    path(
        "certification/evidence/<int:link_id>/file/",
        views.evidence_file,
        name="evidence_file",
    ),
    path("certification/versions/<int:pk>/", views.version, name="version"),
    path(
        "certification/versions/<int:pk>/files/<int:index>/",
        views.version_file,
        name="version_file",
    ),
    path(
        "certification/assessments/",
        assessment_views.assessments,
        name="assessments",
    ),
    path(
        "certification/assessments/<int:pk>/",
        assessment_views.assessment,
        name="assessment",
    ),
    path("certification/manage/", assessment_views.manage, name="manage"),
    path(
        "certification/manage/portfolios/<int:pk>/",
        assessment_views.manage_portfolio,
        name="manage_portfolio",
    ),
]
