"""Fixtures of the outage tests (a TCP proxy to break, and Redis when named) and of
the upload tests (a person who may add Wagtail documents)."""

from __future__ import annotations

import pytest

from lms.accounts.roles import Role
from tests.lms.outage_parts import dead_end, redis_proxy, redis_server

__all__ = ["dead_end", "redis_proxy", "redis_server"]

_DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document")


@pytest.fixture
def document_uploader(programme_admin):  # type: ignore[no-untyped-def]
    """The programme admin, with the collection permissions Wagtail checks.

    Wagtail decides document permissions by GroupCollectionPermission, not by the
    group's model permissions that `sync_roles` sets; see
    test_programme_admin_role_may_add_documents_in_wagtail.
    """
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission

    group = Group.objects.get(name=Role.PROGRAMME_ADMIN.group_name)
    for codename in _DOCUMENT_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtaildocs", codename=codename
            ),
        )
    return programme_admin
