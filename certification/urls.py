from __future__ import annotations

from django.urls import path, re_path

from .views import assessment as assessment_views
from .views import credentials as credential_views
from .views import portfolios as views

app_name = "engage_certification"

urlpatterns = [
    path("certification/", views.home, name="home"),
    path("certification/schemes/<id:scheme_id>/start/", views.start, name="start"),
    path("certification/portfolios/<id:pk>/", views.portfolio, name="portfolio"),
    path("certification/portfolios/<id:pk>/edit/", views.edit, name="edit"),
    path(
        "certification/portfolios/<id:pk>/competencies/<id:competency_id>/",
        views.competency,
        name="competency",
    ),
    path("certification/portfolios/<id:pk>/submit/", views.submit, name="submit"),
    path(
        "certification/evidence/<id:link_id>/remove/",
        views.remove_evidence,
        name="remove_evidence",
    ),
    path(
        "certification/evidence/<id:link_id>/file/",
        views.evidence_file,
        name="evidence_file",
    ),
    path("certification/versions/<id:pk>/", views.version, name="version"),
    path(
        "certification/versions/<id:pk>/files/<id:index>/",
        views.version_file,
        name="version_file",
    ),
    path(
        "certification/assessments/",
        assessment_views.assessments,
        name="assessments",
    ),
    path(
        "certification/assessments/<id:pk>/",
        assessment_views.assessment,
        name="assessment",
    ),
    path("certification/manage/", assessment_views.manage, name="manage"),
    path(
        "certification/manage/portfolios/<id:pk>/",
        assessment_views.manage_portfolio,
        name="manage_portfolio",
    ),
    # --- credentials: public documents and verification (no login) ---
    path("certification/issuer", credential_views.issuer, name="issuer"),
    path(
        "certification/issuer/keys/<str:key_id>",
        credential_views.issuer_key,
        name="issuer_key",
    ),
    path(".well-known/did.json", credential_views.did_document, name="did_document"),
    path(
        "certification/status/<id:pk>",
        credential_views.status_list,
        name="status_list",
    ),
    path("certificates/verify/", credential_views.verify_upload, name="verify_upload"),
    re_path(
        r"^certificates/(?P<code>[A-Za-z0-9_-]{20,64})/$",
        credential_views.verify,
        name="verify",
    ),
    re_path(
        r"^certificates/(?P<code>[A-Za-z0-9_-]{20,64})/credential\.json$",
        credential_views.credential_json,
        name="credential_json",
    ),
    # --- the holder's downloads ---
    path(
        "certification/certificates/<id:pk>/certificate.pdf",
        credential_views.certificate_pdf,
        name="certificate_pdf",
    ),
    path(
        "certification/certificates/<id:pk>/credential.json",
        credential_views.certificate_json,
        name="certificate_json",
    ),
    path(
        "certification/certificates/<id:pk>/portfolio.zip",
        credential_views.certificate_bundle,
        name="certificate_bundle",
    ),
    # --- the programme team ---
    path(
        "certification/manage/certificates/",
        credential_views.manage_certificates,
        name="manage_certificates",
    ),
    path(
        "certification/manage/certificates/<id:pk>/",
        credential_views.manage_certificate,
        name="manage_certificate",
    ),
]
