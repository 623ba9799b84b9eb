"""The insight dashboards' practice-database charts: practices submitted,
published and adopted, per vocabulary term, and the searches people made."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from lms.academic_year import bounds

from ..rules.charts import Chart, Series
from ..rules.insight import Dashboard, Filters, counts, month_label, year_choices


def add_practice_charts(
    board: Dashboard, filters: Filters, minimum: int, viewer: Any
) -> None:
    """Add the practices per year and per term and the most adopted; the faculty
    view adds the viewer's reviews waiting, the programme view the searches."""
    from practices_db import selectors as practices

    _add_per_year(board, filters, minimum)
    _add_per_term(board, filters)
    board.most_adopted = practices.most_adopted(limit=10, faculty_id=filters.faculty_id)
    if board.kind == "faculty":
        board.reviews_waiting = _reviews_waiting(filters, viewer)
    else:
        _add_searches(board, filters)


def _add_per_year(board: Dashboard, filters: Filters, minimum: int) -> None:
    from practices_db import selectors as practices

    years = list(reversed(year_choices()))
    activity = practices.practice_activity(years=years, faculty_id=filters.faculty_id)
    by_year = {row.year: row for row in activity}
    board.charts.append(
        Chart(
            key="practices",
            title=_("Inspiring practices submitted, published and adopted"),
            x_label=_("Academic year"),
            y_label=_("Practices"),
            categories=tuple(years),
            series=tuple(
                Series(
                    label,
                    counts(
                        [
                            getattr(by_year[y], attr) if y in by_year else 0
                            for y in years
                        ],
                        minimum,
                    ),
                )
                for label, attr in (
                    (_("Submitted"), "submitted"),
                    (_("Published"), "published"),
                    (_("Adopted"), "adopted"),
                )
            ),
            suppressed_below=minimum,
        )
    )


def _add_per_term(board: Dashboard, filters: Filters) -> None:
    from practices_db import selectors as practices
    from practices_db.models import Vocabulary

    for key, vocabulary, title in (
        (
            "dimensions",
            Vocabulary.DIMENSION,
            _("Published practices per diversity dimension"),
        ),
        (
            "sdgs",
            Vocabulary.SDG,
            _("Published practices per Sustainable Development Goal"),
        ),
    ):
        terms = practices.practices_by_term(vocabulary, faculty_id=filters.faculty_id)
        board.charts.append(
            Chart(
                key=key,
                title=title,
                x_label=_("Term"),
                y_label=_("Practices"),
                categories=tuple(name for name, _n in terms),
                series=(Series(_("Practices"), tuple(n for _name, n in terms)),),
            )
        )


def _reviews_waiting(filters: Filters, viewer: Any) -> list[Any]:
    """The viewer's own to-do list; a report (no viewer) leaves it out."""
    from practices_db import selectors as practices

    if viewer is None:
        return []
    return [
        page
        for page, _state in practices.reviews_waiting(viewer)
        if filters.faculty_id is None or page.faculty_id == filters.faculty_id
    ]


def _add_searches(board: Dashboard, filters: Filters) -> None:
    from practices_db import selectors as practices

    since, until = bounds(filters.year)
    use = practices.search_use(since=since, until=until, limit=10)
    board.charts.append(
        Chart(
            key="searches",
            title=_("Searches in the practice database, %(year)s")
            % {"year": filters.year},
            x_label=_("Month"),
            y_label=_("Searches"),
            categories=tuple(month_label(m) for m, _s, _e in use.months),
            series=(
                Series(_("Searches"), tuple(s for _m, s, _e in use.months)),
                Series(_("Without results"), tuple(e for _m, _s, e in use.months)),
            ),
            kind="line",
        )
    )
    board.unanswered = [(text, str(n)) for text, n in use.unanswered]
