from __future__ import annotations

from wagtail import hooks

from .viewsets import CohortViewSet


@hooks.register("register_admin_viewset")
def register_cohort_viewset() -> object:
    return CohortViewSet("cohorts")
