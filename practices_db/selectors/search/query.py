"""What a practice search asks for and what it answers: the facets, the sort
orders, the query (built from and back into URL parameters) and the results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from ...models import Vocabulary

MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 100
SNIPPET_LENGTH = 240


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"
    MOST_ADOPTED = "adopted"
    CHOICES = (
        (RELEVANCE, _("Relevance")),
        (NEWEST, _("Newest first")),
        (OLDEST, _("Oldest first")),
        (MOST_ADOPTED, _("Most used")),
    )


@dataclass(frozen=True)
class FacetSpec:
    """A facet: its URL parameter, label, and how a selection filters records."""

    param: str
    label: Any
    vocabulary: str | None = None  # a taxonomy (bit mask column) ...
    column: str = ""  # ... or a plain column holding the value


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec(
        "dimension", _("Diversity dimension"), Vocabulary.DIMENSION, "dimensions_mask"
    ),
    FacetSpec("aspect", _("Teaching aspect"), Vocabulary.ASPECT, "aspects_mask"),
    FacetSpec("level", _("Course level"), Vocabulary.LEVEL, "levels_mask"),
    FacetSpec("format", _("Teaching format"), Vocabulary.FORMAT, "formats_mask"),
    FacetSpec("size", _("Group size"), column="group_size"),
    FacetSpec("faculty", _("Faculty"), column="faculty_id"),
    FacetSpec("sdg", _("Sustainable Development Goal"), Vocabulary.SDG, "sdgs_mask"),
    FacetSpec("language", _("Language"), column="language"),
    FacetSpec("licence", _("Licence"), column="licence"),
)
FACET_PARAMS = tuple(f.param for f in FACETS)


@dataclass(frozen=True)
class PracticeQuery:
    """Everything a search asks for; built from and back into URL parameters."""

    text: str = ""
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = ""
    page: int = 1
    per_page: int = 20

    @property
    def effective_sort(self) -> str:
        valid = {key for key, _label in Sort.CHOICES}
        if self.sort in valid and (self.sort != Sort.RELEVANCE or self.text.strip()):
            return self.sort
        return Sort.RELEVANCE if self.text.strip() else Sort.NEWEST


@dataclass(frozen=True)
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    param: str
    label: Any
    values: list[FacetValue]

    @property
    def selected_values(self) -> list[FacetValue]:
        return [v for v in self.values if v.selected]


@dataclass(frozen=True)
class Hit:
    page_id: int
    url: str
    title: str
    title_html: SafeString
    snippet_html: SafeString
    faculty: str
    language: str
    licence: str
    group_size: str
    first_published_at: datetime
    adoption_count: int
    terms: dict[str, list[str]]


@dataclass(frozen=True)
class SearchResults:
    query: PracticeQuery
    hits: list[Hit]
    total: int
    facets: list[Facet]
    num_pages: int
    corrected_text: str = ""  # set when a misspelt query was corrected

    @property
    def page(self) -> int:
        return self.query.page


def query_from_params(
    params: Any, *, per_page: int = 20, parse_int: Callable[[Any], int] | None = None
) -> PracticeQuery:
    """A PracticeQuery from a QueryDict (URL parameters); lenient with junk."""
    text = " ".join(str(params.get("q", "")).split())[:MAX_QUERY_LENGTH]
    selected = {}
    for param in FACET_PARAMS:
        keys = tuple(
            dict.fromkeys(v.strip()[:64] for v in params.getlist(param) if v.strip())
        )
        if keys:
            selected[param] = keys[:50]
    try:
        page = int(params.get("page", 1))
    except (TypeError, ValueError):
        page = 1
    try:
        size = int(params.get("per_page", per_page))
    except (TypeError, ValueError):
        size = per_page
    return PracticeQuery(
        text=text,
        selected=selected,
        sort=str(params.get("sort", "")),
        page=max(1, min(page, 10_000)),
        per_page=max(1, min(size, MAX_PAGE_SIZE)),
    )


def query_to_params(query: PracticeQuery, **changes: Any) -> list[tuple[str, str]]:
    """URL parameters for `query`, with `changes` applied (e.g. page=2)."""
    query = replace(query, **changes) if changes else query
    params: list[tuple[str, str]] = []
    if query.text:
        params.append(("q", query.text))
    for param in FACET_PARAMS:
        params += [(param, key) for key in query.selected.get(param, ())]
    if query.sort:
        params.append(("sort", query.sort))
    if query.page > 1:
        params.append(("page", str(query.page)))
    return params
