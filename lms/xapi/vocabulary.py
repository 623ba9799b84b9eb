"""Every verb, activity type and extension IRI Engage PD uses, in one place.

ADL (and the long-established TinCan registry) IRIs are used where one fits; the suite's
own concepts live under `<site>/xapi/vocab/…`. The xAPI Profile served at
`/xapi/profile` is generated from this module (see `profile.py`).

IRREVERSIBLE: once statements carry an IRI, changing it splits the learning record.
Add new concepts; never rename existing ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .conf import xapi_settings

ADL = "http://adlnet.gov/expapi"
TINCAN = "http://id.tincanapi.com"


class Kind(StrEnum):
    VERB = "Verb"
    ACTIVITY_TYPE = "ActivityType"
    CONTEXT_EXTENSION = "ContextExtension"
    RESULT_EXTENSION = "ResultExtension"


@dataclass(frozen=True)
class Concept:
    """A vocabulary entry; `iri` is absolute, or a path under the site's vocabulary."""

    key: str
    kind: Kind
    label_en: str
    label_nl: str
    definition_en: str
    external_iri: str = ""

    @property
    def iri(self) -> str:
        if self.external_iri:
            return self.external_iri
        folder = {
            Kind.VERB: "verbs",
            Kind.ACTIVITY_TYPE: "activity-types",
            Kind.CONTEXT_EXTENSION: "extensions",
            Kind.RESULT_EXTENSION: "extensions",
        }[self.kind]
        return f"{vocabulary_base()}/{folder}/{self.key}"

    @property
    def is_own(self) -> bool:
        return not self.external_iri

    def display(self) -> dict[str, str]:
        return {"en": self.label_en, "nl": self.label_nl}


def vocabulary_base() -> str:
    return f"{xapi_settings.site_iri}/xapi/vocab"


def _verb(key: str, en: str, nl: str, definition: str, iri: str = "") -> Concept:
    return Concept(key, Kind.VERB, en, nl, definition, iri)


def _type(key: str, en: str, nl: str, definition: str, iri: str = "") -> Concept:
    return Concept(key, Kind.ACTIVITY_TYPE, en, nl, definition, iri)


class Verbs:
    REGISTERED = _verb(
        "registered",
        "registered",
        "schreef zich in",
        "Enrolled in a cohort or activity.",
        f"{ADL}/verbs/registered",
    )
    ATTENDED = _verb(
        "attended",
        "attended",
        "woonde bij",
        "Was present at a session.",
        f"{ADL}/verbs/attended",
    )
    COMPLETED = _verb(
        "completed",
        "completed",
        "rondde af",
        "Finished a lesson, assignment or trajectory.",
        f"{ADL}/verbs/completed",
    )
    PROGRESSED = _verb(
        "progressed",
        "progressed",
        "vorderde",
        "Moved forward through a trajectory; result.score.scaled is the share done.",
        f"{ADL}/verbs/progressed",
    )
    COMMENTED = _verb(
        "commented",
        "commented",
        "gaf commentaar",
        "Gave feedback or replied in a thread.",
        f"{ADL}/verbs/commented",
    )
    SHARED = _verb(
        "shared",
        "shared",
        "deelde",
        "Shared a practice or a journal entry.",
        f"{ADL}/verbs/shared",
    )
    VOIDED = _verb(
        "voided",
        "voided",
        "maakte ongedaan",
        "Voided an earlier statement.",
        f"{ADL}/verbs/voided",
    )
    EARNED = _verb(
        "earned", "earned", "behaalde", "Earned a credential.", f"{TINCAN}/verb/earned"
    )
    VIEWED = _verb(
        "viewed",
        "viewed",
        "bekeek",
        "Viewed a practice or page.",
        f"{TINCAN}/verb/viewed",
    )
    BOOKMARKED = _verb(
        "bookmarked",
        "bookmarked",
        "bewaarde",
        "Bookmarked a practice.",
        f"{TINCAN}/verb/bookmarked",
    )
    WITHDREW = _verb(
        "withdrew", "withdrew", "trok zich terug", "Withdrew from a cohort."
    )
    SUBMITTED_REFLECTION = _verb(
        "submitted-reflection",
        "submitted a reflection",
        "diende een reflectie in",
        "Submitted a reflective journal entry (its text never enters a statement).",
    )
    RECEIVED_FEEDBACK = _verb(
        "received-feedback",
        "received feedback",
        "ontving feedback",
        "Received feedback from a coach or peer.",
    )
    REVISED_COURSE = _verb(
        "revised-course",
        "revised own course",
        "paste eigen vak aan",
        "Changed their own course as a between-session assignment.",
    )
    ADOPTED_PRACTICE = _verb(
        "adopted-practice",
        "adopted a practice",
        "nam een praktijkvoorbeeld over",
        "Used an inspiring practice in their own teaching.",
    )
    PUBLISHED = _verb(
        "published", "published", "publiceerde", "Published a practice after review."
    )
    REVOKED_CREDENTIAL = _verb(
        "revoked-credential",
        "had a credential revoked",
        "kreeg een credential ingetrokken",
        "A credential issued to the actor was revoked.",
    )
    SUBMITTED = _verb(
        "submitted",
        "submitted",
        "diende in",
        "Submitted work for assessment, e.g. a certification portfolio (frozen as submitted).",
    )
    ASSESSED = _verb(
        "assessed",
        "assessed",
        "beoordeelde",
        "Assessed a portfolio with a rubric; result.success is pass (true) or not yet (false), never free text.",
    )
    RESPONDED = _verb(
        "responded",
        "responded",
        "reageerde",
        "Answered a session evaluation (the answers never enter a statement).",
        f"{ADL}/verbs/responded",
    )


class ActivityTypes:
    PROGRAMME = _type(
        "programme", "programme", "programma", "A professional development programme."
    )
    COHORT = _type(
        "cohort", "cohort", "cohort", "One cohort of a programme in an academic year."
    )
    SESSION = _type(
        "session",
        "session",
        "bijeenkomst",
        "A session of a cohort.",
        f"{ADL}/activities/meeting",
    )
    COURSE = _type(
        "course",
        "course",
        "cursus",
        "Learning content: a course.",
        f"{ADL}/activities/course",
    )
    LESSON = _type(
        "lesson",
        "lesson",
        "les",
        "Learning content: a lesson.",
        f"{ADL}/activities/lesson",
    )
    ASSIGNMENT = _type(
        "assignment",
        "assignment",
        "opdracht",
        "A between-session assignment on the lecturer's own course.",
    )
    REFLECTION = _type(
        "reflection", "journal entry", "logboekitem", "A reflective journal entry."
    )
    PRACTICE = _type(
        "practice",
        "inspiring practice",
        "inspirerend praktijkvoorbeeld",
        "A practice in the practices database.",
    )
    CREDENTIAL = _type(
        "credential", "credential", "credential", "An Open Badges 3.0 credential."
    )
    OWN_COURSE = _type(
        "own-course", "own course", "eigen vak", "A course the lecturer teaches."
    )
    PORTFOLIO = _type(
        "portfolio",
        "portfolio",
        "portfolio",
        "A lecturer's certification portfolio: evidence per competency.",
    )
    CERTIFICATE = _type(
        "certificate",
        "certificate",
        "certificaat",
        "A certificate a lecturer can earn; its scheme sets the rules.",
    )
    SESSION_EVALUATION = _type(
        "session-evaluation",
        "session evaluation",
        "sessie-evaluatie",
        "The short evaluation form participants answer after a session.",
    )


class Extensions:
    FOCUS_AREA = Concept(
        "focus-area",
        Kind.CONTEXT_EXTENSION,
        "focus area",
        "focusgebied",
        "Language use, assessment formats, interaction patterns or curriculum design.",
    )
    THEME = Concept(
        "theme",
        Kind.CONTEXT_EXTENSION,
        "theme",
        "thema",
        "A theme of the programme, e.g. neurodiversity.",
    )
    REVOCATION_REASON = Concept(
        "revocation-reason",
        Kind.RESULT_EXTENSION,
        "revocation reason",
        "reden van intrekking",
        "Why a credential was revoked (a category, never free text).",
    )


def all_concepts() -> list[Concept]:
    concepts: list[Concept] = []
    for holder in (Verbs, ActivityTypes, Extensions):
        concepts.extend(
            value for value in vars(holder).values() if isinstance(value, Concept)
        )
    return concepts
