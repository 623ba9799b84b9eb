"""URLs of the default host project."""

from __future__ import annotations

from django.conf import settings
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from frontend import views as frontend_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("lms.accounts.urls")),
    path("notifications/", include("lms.notifications.urls")),
    path("", include("lms.urls")),
    path("xapi/", include("lms.xapi.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/", include("practices_db.api.v1.urls")),
    path("api/v1/", include("trajectories.api.v1.urls")),
    path("api/v1/", include("trajectories.api.v1.evaluation_urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include("practices_db.urls")),
    path("", include("trajectories.urls")),
    path("", include("courses.urls")),
    path("", include("certification.urls")),
    path("", include("frontend.urls")),
]

if settings.DEBUG:
    from django.urls import re_path

    from lms.views import media

    # Uploaded files as downloads (SVG and HTML never inline): see lms.views.media.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", media)]

# Wagtail serves every other path from the page tree; it must come last.
urlpatterns += [path("", include(wagtail_urls))]

handler403 = frontend_views.permission_denied
handler404 = frontend_views.page_not_found
handler500 = frontend_views.server_error
