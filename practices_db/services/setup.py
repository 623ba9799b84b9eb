"""Setting up the practices database: its index page, review workflow and the
Wagtail collection for attachments, each created once when missing."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import (
    Collection,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from lms.accounts.roles import Role
from lms.wagtail_tree import collection_root, page_tree_root

from ..models import ATTACHMENTS_COLLECTION, PracticeIndexPage, PracticeReviewTask

WORKFLOW_NAME = "Practice review"
COLLECTION_NAME = ATTACHMENTS_COLLECTION


def ensure_review_workflow() -> Workflow:
    """The two-step review workflow (faculty coordinator, then programme team),
    created once; assigned to every practices index page."""
    with transaction.atomic():
        workflow, created = Workflow.objects.get_or_create(
            name=WORKFLOW_NAME, defaults={"active": True}
        )
        if created:
            steps = [
                ("Faculty coordinator review", Role.FACULTY_COORDINATOR, True),
                ("Programme team review", Role.PROGRAMME_ADMIN, False),
            ]
            for order, (name, role, scoped) in enumerate(steps):
                task = PracticeReviewTask.objects.create(
                    name=name, faculty_scoped=scoped
                )
                group, _created = Group.objects.get_or_create(name=role.group_name)
                task.groups.set([group])
                WorkflowTask.objects.create(
                    workflow=workflow, task=task, sort_order=order
                )
        for index in PracticeIndexPage.objects.all():
            WorkflowPage.objects.get_or_create(
                page=index, defaults={"workflow": workflow}
            )
    return workflow


def practices_index() -> PracticeIndexPage:
    """The practices database page, created under the default site's root if missing."""
    index = PracticeIndexPage.objects.order_by("path").first()
    if index is None:
        site = (
            Site.objects.filter(is_default_site=True)
            .select_related("root_page")
            .first()
        )
        parent = site.root_page if site else page_tree_root()
        index = parent.add_child(
            instance=PracticeIndexPage(
                title="Inspiring practices", slug="practices", live=True
            )
        )
        index.save_revision().publish()
        ensure_review_workflow()
    return index


def attachments_collection() -> Collection:
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    if existing:
        return existing
    return collection_root().add_child(name=COLLECTION_NAME)
