"""A database without Wagtail's page and collection trees (a flushed test
database, a restore of only our apps' rows) gets them back when an app needs
them, and the programme team still gets its page rights.

Found in CI: a browser test's database had no page tree when the demo was
seeded; the roles were synced before the home page seeder made a root, so the
programme admin could not open the page editor, and sharing a practice failed
on `None.add_child`.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupPagePermission, Page, Site

from lms.accounts.roles import Role
from lms.accounts.services import sync_roles
from practices_db.services.setup import practices_index

pytestmark = pytest.mark.django_db


def _empty_the_trees() -> None:
    Site.objects.all().delete()
    Page.objects.all().delete()
    Collection.objects.all().delete()
    assert Page.get_first_root_node() is None


def test_syncing_roles_grows_the_page_tree_and_grants_the_programme_team() -> None:
    _empty_the_trees()
    sync_roles()
    root = Page.get_first_root_node()
    assert root is not None and root.depth == 1
    team = Group.objects.get(name=Role.PROGRAMME_ADMIN.group_name)
    granted = set(
        GroupPagePermission.objects.filter(group=team, page=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= granted
    assert Collection.get_first_root_node() is not None


def test_the_practices_database_finds_a_home_without_wagtail_s_pages() -> None:
    _empty_the_trees()
    index = practices_index()
    assert index.get_parent().pk == Page.get_first_root_node().pk
    assert practices_index().pk == index.pk
    # A default site makes its pages reachable: the practices have an address.
    assert Site.objects.get(is_default_site=True).root_page_id == index.get_parent().pk
    assert index.url == "/practices/"
