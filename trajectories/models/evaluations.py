"""Session evaluations: the short form participants answer after a session.

Anonymity is kept by the shape of the tables: who answered (`EvaluationSubmission`)
and what was answered (`EvaluationResponse`, `EvaluationAnswer`) are separate rows
with random (UUID) keys and no shared time, so the two cannot be joined — by id
order, by time or by a foreign key. Only an evaluation that is not anonymous
stores the enrolment on the response.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..data import EvaluationQuestion
from .enrolment import Enrolment
from .programmes import CohortSession


class SessionEvaluation(models.Model):
    """The evaluation of one session, as it opened: a copy of the programme's
    questions and its anonymity, so later changes on the programme page never
    change what answers mean."""

    session = models.OneToOneField(
        CohortSession, on_delete=models.CASCADE, related_name="evaluation"
    )
    # [{"key", "kind", "text", "required"}, …] — see data.EvaluationQuestion.
    questions = models.JSONField(default=list)
    anonymous = models.BooleanField(_("anonymous"), default=True)
    opened_at = models.DateTimeField()

    class Meta:
        verbose_name = _("session evaluation")
        verbose_name_plural = _("session evaluations")

    def __str__(self) -> str:
        return f"evaluation of {self.session_id}"

    def question_list(self) -> tuple[EvaluationQuestion, ...]:
        return tuple(
            EvaluationQuestion.from_json(item)
            for item in self.questions
            if isinstance(item, dict)
        )


class EvaluationInvitation(models.Model):
    """A participant was told (once) that they can evaluate the session."""

    evaluation = models.ForeignKey(
        SessionEvaluation, on_delete=models.CASCADE, related_name="invitations"
    )
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "enrolment"],
                name="engage_trajectories_invite_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} invited to {self.evaluation_id}"


class EvaluationSubmission(models.Model):
    """That a participant answered — never what. It only refuses a second answer.

    A random key and only the day: nothing orders these rows the way the responses
    were stored.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    evaluation = models.ForeignKey(
        SessionEvaluation, on_delete=models.CASCADE, related_name="submissions"
    )
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="evaluation_submissions"
    )
    submitted_on = models.DateField()

    class Meta:
        verbose_name = _("evaluation submission")
        verbose_name_plural = _("evaluation submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "enrolment"],
                name="engage_trajectories_answer_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} answered {self.evaluation_id}"


class EvaluationResponse(models.Model):
    """One participant's answers to a session evaluation.

    No time and a random key. `enrolment` is set only when the evaluation is not
    anonymous; erasing the person keeps the answers without it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    evaluation = models.ForeignKey(
        SessionEvaluation, on_delete=models.CASCADE, related_name="responses"
    )
    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_responses",
    )

    class Meta:
        verbose_name = _("evaluation response")
        verbose_name_plural = _("evaluation responses")

    def __str__(self) -> str:
        return f"response to {self.evaluation_id}"


class EvaluationAnswer(models.Model):
    """The answer to one question: a value from 1 to 5, or plain text."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        EvaluationResponse, on_delete=models.CASCADE, related_name="answers"
    )
    # The question's key (data.EvaluationQuestion.key) in the evaluation's copy.
    question_key = models.CharField(max_length=64)
    likert = models.PositiveSmallIntegerField(null=True, blank=True)
    # Plain text (lms.sanitizing.clean_text), at most 2,000 characters.
    text = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("evaluation answer")
        verbose_name_plural = _("evaluation answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_key"],
                name="engage_trajectories_answer_per_question",
            ),
            models.CheckConstraint(
                condition=models.Q(likert__isnull=True)
                | models.Q(likert__gte=1, likert__lte=5),
                name="engage_trajectories_likert_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_key}"
