"""The programme dashboard's learning-activity chart: xAPI statements per month
by verb, from the kept monthly counts (never the statements themselves)."""

from __future__ import annotations

from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _

from lms.academic_year import bounds

from ..rules.charts import Chart, Series
from ..rules.insight import (
    Dashboard,
    Filters,
    counts,
    first_of_next_month,
    month_label,
    months,
)


def add_activity_chart(board: Dashboard, filters: Filters, minimum: int) -> None:
    """Add the xAPI statements per month of the year: the five most frequent
    verbs, then the rest together."""
    from lms.xapi.selectors import monthly_activity

    since, until = bounds(filters.year)
    until = min(until, first_of_next_month(date.today()))
    shown = months(since, until)
    per_verb: dict[str, dict[date, int]] = {}
    for month, verb, count in monthly_activity(since=since, until=until):
        per_verb.setdefault(verb, {})[month] = count
    board.charts.append(
        Chart(
            key="xapi",
            title=_("Learning activity recorded (xAPI statements), %(year)s")
            % {"year": filters.year},
            x_label=_("Month"),
            y_label=_("Statements"),
            categories=tuple(month_label(m) for m in shown),
            series=_series(per_verb, shown, minimum),
            kind="line",
            suppressed_below=minimum,
            description=_(
                "Every statement stored, by its verb; kept as monthly counts."
            ),
        )
    )


def _series(
    per_verb: dict[str, dict[date, int]], shown: list[date], minimum: int
) -> tuple[Series, ...]:
    labels = _verb_labels()
    ranked = sorted(per_verb, key=lambda v: -sum(per_verb[v].values()))
    top, rest = ranked[:5], ranked[5:]
    series = [
        Series(
            labels.get(verb, verb.rsplit("/", 1)[-1]),
            counts([per_verb[verb].get(m, 0) for m in shown], minimum),
        )
        for verb in top
    ]
    if rest:
        others = [sum(per_verb[v].get(m, 0) for v in rest) for m in shown]
        series.append(Series(_("Other"), counts(others, minimum)))
    return tuple(series)


def _verb_labels() -> dict[str, str]:
    from lms.xapi.vocabulary import Kind, all_concepts

    dutch = (translation.get_language() or "en")[:2] == "nl"
    return {
        c.iri: (c.label_nl if dutch else c.label_en)
        for c in all_concepts()
        if c.kind == Kind.VERB
    }
