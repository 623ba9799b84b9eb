"""The rules of session evaluations (pure: no queries): when a session can be
evaluated, which answers fit its questions, and how answers add up."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.sanitizing import clean_text

from ..conf import trajectory_settings
from ..data import (
    LIKERT_SCALE,
    EvaluationQuestion,
    EvaluationResults,
    QuestionResult,
)
from ..exceptions import InvalidAnswers

# What a person may type in an open question; longer is refused, never cut off.
MAX_ANSWER_CHARS = 2000
NOT_YET, OPEN, CLOSED = "not_yet", "open", "closed"
LIKERT_LABELS = {
    1: gettext_lazy("Strongly disagree"),
    2: gettext_lazy("Disagree"),
    3: gettext_lazy("Neither agree nor disagree"),
    4: gettext_lazy("Agree"),
    5: gettext_lazy("Strongly agree"),
}
# Control characters (not tab, line feed or carriage return): PostgreSQL refuses
# NUL in text, and none of them belongs in an answer.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DIGIT = re.compile(r"\s*([1-5])\s*")


def evaluation_window(session: Any) -> tuple[datetime, datetime]:
    """From the end of the session for ENGAGE_TRAJECTORIES_EVALUATION_DAYS days."""
    closes = session.ends_at + timedelta(days=trajectory_settings.evaluation_days)
    return session.ends_at, closes


def evaluation_state(session: Any, now: datetime) -> str:
    """NOT_YET before the session ended, OPEN in its window, CLOSED after it."""
    opens, closes = evaluation_window(session)
    if now < opens:
        return NOT_YET
    return OPEN if now < closes else CLOSED


def _likert(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw if raw in LIKERT_SCALE else None
    if isinstance(raw, str):
        match = _DIGIT.fullmatch(raw)
        return int(match.group(1)) if match else None
    return None


def _blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def clean_answers(
    questions: Iterable[EvaluationQuestion], answers: object
) -> dict[str, int | str]:
    """The answers that fit `questions`, by question key: 1–5 for a statement,
    plain text (tags removed) for an open question; unanswered optional questions
    left out. Raises InvalidAnswers naming every problem."""
    questions = tuple(questions)
    if not isinstance(answers, Mapping):
        raise InvalidAnswers(
            {"": [_("Send the answers as an object: question key → answer.")]}
        )
    errors: dict[str, list[str]] = {}
    keys = {q.key for q in questions}
    unknown = sorted(str(key) for key in answers if key not in keys)
    if unknown:
        errors[""] = [
            _("Unknown question(s): %(unknown)s. This evaluation asks: %(keys)s.")
            % {
                "unknown": ", ".join(key[:64] for key in unknown[:10]),
                "keys": ", ".join(q.key for q in questions),
            }
        ]
    cleaned: dict[str, int | str] = {}
    for question in questions:
        raw = answers.get(question.key)
        if _blank(raw):
            if question.required:
                errors[question.key] = [_("This question needs an answer.")]
            continue
        if question.kind == "likert":
            value = _likert(raw)
            if value is None:
                errors[question.key] = [_("Choose a whole number from 1 to 5.")]
            else:
                cleaned[question.key] = value
            continue
        if not isinstance(raw, str):
            errors[question.key] = [_("Send the answer as text.")]
            continue
        typed = raw.strip()
        if len(typed) > MAX_ANSWER_CHARS:
            errors[question.key] = [
                _("Write at most %(max)s characters (you wrote %(n)s).")
                % {"max": f"{MAX_ANSWER_CHARS:,}", "n": f"{len(typed):,}"}
            ]
            continue
        text = clean_text(_CONTROL.sub("", typed))
        if text:
            cleaned[question.key] = text
        elif question.required:
            errors[question.key] = [_("This question needs an answer.")]
    if not errors and not cleaned:
        errors[""] = [_("Answer at least one question.")]
    if errors:
        raise InvalidAnswers(errors)
    return cleaned


def question_result(
    question: EvaluationQuestion,
    *,
    distribution: Mapping[int, int] | None = None,
    texts: Iterable[str] = (),
    count: int | None = None,
) -> QuestionResult:
    """The answers to one question: the distribution and mean of a statement, the
    texts of an open question sorted alphabetically (never in the order given).
    `count`: the number of texts when they were not fetched."""
    if question.kind == "likert":
        counts = tuple((distribution or {}).get(value, 0) for value in LIKERT_SCALE)
        answers = sum(counts)
        total = sum(v * n for v, n in zip(LIKERT_SCALE, counts, strict=True))
        return QuestionResult(
            question=question,
            answers=answers,
            distribution=counts,
            mean=round(total / answers, 2) if answers else None,
        )
    listed = tuple(sorted(texts, key=lambda text: (text.casefold(), text)))
    return QuestionResult(
        question=question,
        answers=len(listed) if count is None else count,
        texts=listed,
    )


def results(
    questions: Iterable[QuestionResult], *, responses: int, minimum: int
) -> EvaluationResults:
    """Results of `responses` answers, or nothing at all below `minimum`."""
    if responses < minimum:
        return EvaluationResults(minimum=minimum, shown=False, responses=None)
    return EvaluationResults(
        minimum=minimum, shown=True, responses=responses, questions=tuple(questions)
    )


def add_up(parts: Iterable[EvaluationResults], *, minimum: int) -> EvaluationResults:
    """The sum of the results that are shown, question by question (by key, in
    the order first seen, with the latest wording). Hidden results are left out:
    a sum that held them would give them away by subtraction."""
    shown = [part for part in parts if part.shown]
    wording: dict[str, EvaluationQuestion] = {}
    counts: dict[str, dict[int, int]] = {}
    texts: dict[str, list[str]] = {}
    answers: dict[str, int] = {}
    for part in shown:
        for result in part.questions:
            key = result.question.key
            wording[key] = result.question
            tally = counts.setdefault(key, {})
            for value, n in zip(LIKERT_SCALE, result.distribution, strict=False):
                tally[value] = tally.get(value, 0) + n
            texts.setdefault(key, []).extend(result.texts)
            answers[key] = answers.get(key, 0) + result.answers
    return results(
        (
            question_result(
                question,
                distribution=counts[key],
                texts=texts[key],
                count=answers[key],
            )
            for key, question in wording.items()
        ),
        responses=sum(part.responses or 0 for part in shown),
        minimum=minimum,
    )
