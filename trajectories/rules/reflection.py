"""The reflection models a programme can choose, as the sections of an entry."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    key: str
    label: str | Promise
    prompt: str | Promise


MODELS: dict[str, tuple[Section, ...]] = {
    "free": (
        Section(
            "reflection",
            _("Reflection"),
            _("What happened, what did you learn, and what will you do next?"),
        ),
    ),
    "gibbs": (
        Section("description", _("Description"), _("What happened?")),
        Section("feelings", _("Feelings"), _("What were you thinking and feeling?")),
        Section("evaluation", _("Evaluation"), _("What was good and bad about it?")),
        Section("analysis", _("Analysis"), _("What sense can you make of it?")),
        Section("conclusion", _("Conclusion"), _("What else could you have done?")),
        Section("action_plan", _("Action plan"), _("What will you do next time?")),
    ),
    "what": (
        Section("what", _("What?"), _("What did you do or notice in your course?")),
        Section(
            "so_what",
            _("So what?"),
            _("Why does it matter, for you and for your students?"),
        ),
        Section("now_what", _("Now what?"), _("What will you do next?")),
    ),
}


def sections_for(model: str) -> tuple[Section, ...]:
    return MODELS.get(model, MODELS["free"])
