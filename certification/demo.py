"""Demo: an inclusive-teaching competency framework, a rubric, and the scheme of
"Inclusive teaching — first-year bachelor" with the demo lecturer's draft portfolio.

Also a second coach, `assessor`, who does not coach the demo cohort, so the
programme team can allocate two assessors, and `holder`, who earned the
certificate last year (`demo_certificate`), and `candidate`, whose portfolio waits
for `assessor`'s score (`demo_assessment`). Idempotent.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from lms.accounts.models import Faculty
from lms.accounts.roles import Role
from lms.accounts.services import create_person
from trajectories.models import Enrolment, ProgrammePage

from . import services
from .data import AreaData, CompetencyData, FrameworkData, IndicatorData
from .demo_assessment import seed_open_assessment
from .demo_certificate import seed_certificate
from .models import (
    CertificationScheme,
    Competency,
    CompetencyFramework,
    Rubric,
    RubricCriterion,
    RubricLevel,
    SelfLevel,
)

PROGRAMME_TITLE = "Inclusive teaching — first-year bachelor"
DEMO_PASSWORD = "engage-demo"  # noqa: S105 - the documented demo password


def _c(
    code: str,
    en: str,
    nl: str,
    desc_en: str,
    desc_nl: str,
    indicators: list[tuple[str, str]],
) -> CompetencyData:
    return CompetencyData(
        code=code, name_en=en, name_nl=nl, description_en=desc_en, description_nl=desc_nl,
        indicators=tuple(IndicatorData(text_en=a, text_nl=b) for a, b in indicators),
    )  # fmt: skip


FRAMEWORK = FrameworkData(
    code="inclusive-teaching",
    version="2026.1",
    name_en="Inclusive teaching",
    name_nl="Inclusief onderwijs",
    description_en="What a lecturer who teaches inclusively knows, does and keeps developing: from knowing your students to designing a curriculum with many perspectives.",
    description_nl="Wat een docent die inclusief lesgeeft weet, doet en blijft ontwikkelen: van je studenten kennen tot een curriculum met veel perspectieven ontwerpen.",
    areas=(
        AreaData("A", "Knowing your students", "Je studenten kennen", (
            _c("C1", "Awareness of student diversity", "Bewustzijn van diversiteit onder studenten",
               "Knows the diversity of the students in their own courses and what it means for learning.",
               "Kent de diversiteit van de studenten in de eigen vakken en weet wat die betekent voor het leren.",
               [("Maps the backgrounds, languages and needs of the students in one course.", "Brengt achtergronden, talen en behoeften van de studenten in één vak in kaart."),
                ("Names barriers that first-generation and international students meet.", "Benoemt drempels waar eerstegeneratie- en internationale studenten op stuiten.")]),
            _c("C2", "Reflecting on one's own position", "Reflecteren op de eigen positie",
               "Reflects on how their own background and assumptions shape their teaching.",
               "Reflecteert op hoe de eigen achtergrond en aannames het lesgeven kleuren.",
               [("Describes an assumption about students they revised.", "Beschrijft een aanname over studenten die ze hebben bijgesteld."),
                ("Asks students for feedback on how included they feel.", "Vraagt studenten om feedback over hoe betrokken ze zich voelen.")]),
        )),
        AreaData("B", "Language and materials", "Taal en materialen", (
            _c("C3", "Inclusive language", "Inclusief taalgebruik",
               "Uses language in materials and in class that every student understands and feels addressed by.",
               "Gebruikt in materialen en in de les taal die elke student begrijpt en waarin elke student zich aangesproken voelt.",
               [("Writes assignment texts in plain language.", "Schrijft opdrachtteksten in heldere taal."),
                ("Avoids stereotypes and culture-bound idioms in examples.", "Vermijdt stereotypen en cultuurgebonden uitdrukkingen in voorbeelden."),
                ("Explains discipline-specific terms when they first appear.", "Legt vakspecifieke termen uit waar ze voor het eerst voorkomen.")]),
            _c("C4", "Accessible materials", "Toegankelijke materialen",
               "Offers materials every student can use, including students with a disability.",
               "Biedt materialen aan die elke student kan gebruiken, ook studenten met een beperking.",
               [("Provides captions or transcripts with video.", "Voorziet video van ondertiteling of een transcript."),
                ("Structures documents with real headings and alt text.", "Structureert documenten met echte kopjes en alt-teksten.")]),
        )),
        AreaData("C", "Assessment", "Toetsing", (
            _c("C5", "Fair assessment formats", "Eerlijke toetsvormen",
               "Designs assessment that lets every student show what they know.",
               "Ontwerpt toetsing waarmee elke student kan laten zien wat die weet.",
               [("Offers more than one way to show mastery.", "Biedt meer dan één manier om beheersing te laten zien."),
                ("Checks an assessment for bias in language and context.", "Controleert een toets op vooringenomenheid in taal en context.")]),
            _c("C6", "Transparent criteria and feedback", "Transparante criteria en feedback",
               "Makes criteria explicit and gives feedback students can act on.",
               "Maakt criteria expliciet en geeft feedback waarmee studenten verder kunnen.",
               [("Shares criteria and examples before the assessment.", "Deelt criteria en voorbeelden vóór de toets."),
                ("Gives feedback that says what to do next.", "Geeft feedback die zegt wat de volgende stap is.")]),
        )),
        AreaData("D", "Interaction", "Interactie", (
            _c("C7", "Inclusive interaction patterns", "Inclusieve interactiepatronen",
               "Varies interaction so that every student takes part, not only the most vocal.",
               "Varieert de interactie zodat elke student meedoet, niet alleen de mondigste.",
               [("Uses think-pair-share or similar structures.", "Gebruikt denken-delen-uitwisselen of vergelijkbare werkvormen."),
                ("Observes who speaks and adjusts.", "Observeert wie het woord neemt en stuurt bij.")]),
            _c("C8", "A safe learning climate", "Een veilig leerklimaat",
               "Builds a climate in which students dare to ask, err and disagree.",
               "Bouwt een klimaat waarin studenten durven te vragen, fouten te maken en het oneens te zijn.",
               [("Agrees ground rules for discussion with the group.", "Maakt met de groep afspraken over de discussie."),
                ("Learns and uses students' names.", "Leert en gebruikt de namen van studenten.")]),
            _c("C9", "Handling tension and difference", "Omgaan met spanning en verschil",
               "Handles tense moments about identity and difference constructively.",
               "Gaat constructief om met spannende momenten over identiteit en verschil.",
               [("Responds to an exclusionary remark in class.", "Reageert op een uitsluitende opmerking in de les."),
                ("Turns a disagreement into a learning moment.", "Maakt van een meningsverschil een leermoment.")]),
        )),
        AreaData("E", "Curriculum and development", "Curriculum en ontwikkeling", (
            _c("C10", "Multiple perspectives in content", "Meerdere perspectieven in de inhoud",
               "Includes perspectives, sources and examples from many backgrounds.",
               "Neemt perspectieven, bronnen en voorbeelden uit veel achtergronden op.",
               [("Adds sources from under-represented authors to a reading list.", "Voegt bronnen van ondervertegenwoordigde auteurs toe aan een literatuurlijst.")]),
            _c("C11", "Universal design for learning", "Universeel ontwerp voor leren",
               "Designs learning activities with flexibility for different learners from the start.",
               "Ontwerpt leeractiviteiten vanaf het begin met ruimte voor verschillende lerenden.",
               [("Offers choice in how students engage with content.", "Biedt keuze in hoe studenten met de stof aan de slag gaan.")]),
            _c("C12", "Evaluating and sharing practice", "Praktijk evalueren en delen",
               "Evaluates the effect of a change and shares it with colleagues.",
               "Evalueert het effect van een verandering en deelt die met collega's.",
               [("Collects evidence of the effect of a change in their course.", "Verzamelt bewijs van het effect van een verandering in het eigen vak."),
                ("Shares a practice in the practices database or a faculty meeting.", "Deelt een praktijkvoorbeeld in de database of een facultair overleg.")]),
        )),
    ),
)  # fmt: skip

LEVELS = [
    ("Not yet visible", "Nog niet zichtbaar", 0, False),
    ("Sufficient", "Voldoende", 2, True),
    ("Good", "Goed", 3, True),
    ("Excellent", "Uitstekend", 4, True),
]
CRITERIA = [
    ("C1", "Analysis of the diversity in one's own course", "Analyse van de diversiteit in het eigen vak",
     ["No analysis of the students in the course.", "Describes the diversity of the students in general terms.", "Analyses the diversity and names concrete barriers.", "Analyses barriers with data and student voices, and sets priorities."],
     ["Geen analyse van de studenten in het vak.", "Beschrijft de diversiteit van de studenten in algemene termen.", "Analyseert de diversiteit en benoemt concrete drempels.", "Analyseert drempels met gegevens en stemmen van studenten en stelt prioriteiten."]),
    ("C3", "Changes to language and materials", "Aanpassingen in taal en materialen",
     ["No change to language or materials is shown.", "One text or material was revised.", "Several materials were revised with clear reasons.", "Materials were revised, tested with students and improved again."],
     ["Geen aanpassing in taal of materialen zichtbaar.", "Eén tekst of materiaal is herzien.", "Meerdere materialen zijn herzien, met duidelijke redenen.", "Materialen zijn herzien, met studenten getest en opnieuw verbeterd."]),
    ("C5", "Fair and transparent assessment", "Eerlijke en transparante toetsing",
     ["Assessment was not looked at.", "Criteria were made explicit.", "An assessment was redesigned to be fairer.", "A redesigned assessment was evaluated and its effect shown."],
     ["Toetsing is niet bekeken.", "Criteria zijn expliciet gemaakt.", "Een toets is eerlijker herontworpen.", "Een herontworpen toets is geëvalueerd en het effect is aangetoond."]),
    ("C7", "Inclusive interaction", "Inclusieve interactie",
     ["Interaction was not considered.", "An interaction pattern was observed.", "Interaction was varied based on observation.", "Varied interaction became routine and its effect was evaluated."],
     ["Interactie is niet bekeken.", "Een interactiepatroon is geobserveerd.", "De interactie is op basis van observatie gevarieerd.", "Gevarieerde interactie is routine geworden en het effect is geëvalueerd."]),
    ("C12", "Reflection and further development", "Reflectie en verdere ontwikkeling",
     ["Reflection stays descriptive.", "Reflects on what happened and why.", "Draws conclusions and plans next steps.", "Plans next steps and shares the practice with colleagues."],
     ["De reflectie blijft beschrijvend.", "Reflecteert op wat er gebeurde en waarom.", "Trekt conclusies en plant volgende stappen.", "Plant volgende stappen en deelt de praktijk met collega's."]),
]  # fmt: skip

SCHEME_TEXT = {
    "title_en": "Certificate Inclusive Teaching",
    "title_nl": "Certificaat Inclusief Onderwijs",
    "description_en": "The holder completed a one-year reflective trajectory on inclusive teaching and showed, in a portfolio assessed by two independent assessors, that they apply inclusive language, fair assessment, inclusive interaction and diverse perspectives in their own teaching.",
    "description_nl": "De houder heeft een reflectief traject van een jaar over inclusief onderwijs gevolgd en in een portfolio, beoordeeld door twee onafhankelijke beoordelaars, laten zien inclusief taalgebruik, eerlijke toetsing, inclusieve interactie en diverse perspectieven toe te passen in het eigen onderwijs.",
    "learning_outcomes_en": "The holder can: analyse the diversity of the students in their course and the barriers they meet; revise language, materials and assessment so that every student can take part and show what they know; vary interaction so that every student participates; evaluate the effect of these changes and share them with colleagues.",
    "learning_outcomes_nl": "De houder kan: de diversiteit van de studenten in het eigen vak en hun drempels analyseren; taal, materialen en toetsing zo herzien dat elke student kan meedoen en laten zien wat die weet; de interactie variëren zodat elke student meedoet; het effect van die veranderingen evalueren en delen met collega's.",
    "quality_assurance_en": "Two independent assessors score the portfolio blind with a published rubric; the second assessor never coaches the candidate's cohort; different outcomes go to a third assessor; the programme team confirms every decision; the scheme is reviewed yearly by the university's educational quality committee.",
    "quality_assurance_nl": "Twee onafhankelijke beoordelaars scoren het portfolio blind met een gepubliceerde rubric; de tweede beoordelaar coacht nooit het cohort van de kandidaat; verschillende uitkomsten gaan naar een derde beoordelaar; het programmateam bevestigt elk besluit; de regeling wordt jaarlijks herzien door de onderwijskwaliteitscommissie.",
}  # fmt: skip


def _framework() -> CompetencyFramework:
    existing = CompetencyFramework.objects.filter(
        code=FRAMEWORK.code, version=FRAMEWORK.version
    ).first()
    return existing or services.create_framework(actor=None, data=FRAMEWORK)


def _rubric(framework: CompetencyFramework) -> Rubric:
    name = "Inclusive teaching portfolio rubric"
    existing = Rubric.objects.filter(name_en=name).order_by("-version").first()
    if existing is not None:
        return existing
    rubric = Rubric.objects.create(
        name_en=name, name_nl="Rubric portfolio inclusief onderwijs", pass_points=10
    )
    for order, (en, nl, points, meets) in enumerate(LEVELS):
        RubricLevel.objects.create(
            rubric=rubric, label_en=en, label_nl=nl, points=points,
            meets_standard=meets, sort_order=order,
        )  # fmt: skip
    competencies = {c.code: c for c in Competency.objects.filter(framework=framework)}
    for order, (code, en, nl, lines_en, lines_nl) in enumerate(CRITERIA):
        RubricCriterion.objects.create(
            rubric=rubric, title_en=en, title_nl=nl, competency=competencies.get(code),
            descriptors_en="\n".join(lines_en), descriptors_nl="\n".join(lines_nl),
            sort_order=order,
        )  # fmt: skip
    return rubric


def _assessor() -> None:
    users = get_user_model().objects
    if users.filter(username="assessor").exists():
        return
    create_person(
        username="assessor", email="assessor@engage-pd.example", first_name="Sanne",
        last_name="Bakker", password=DEMO_PASSWORD,
        faculty=Faculty.objects.filter(code="science").first(),
        department="Teaching and Learning Centre", preferred_language="en",
        roles=[Role.COACH],
    )  # fmt: skip


def _draft_portfolio(scheme: CertificationScheme) -> None:
    enrolment = (
        Enrolment.objects.filter(
            user__username="lecturer", cohort__programme_id=scheme.programme_id
        )
        .select_related("user")
        .first()
    )
    if enrolment is None or scheme.portfolios.filter(enrolment=enrolment).exists():
        return
    user = enrolment.user
    portfolio = services.start_portfolio(user=user, scheme=scheme)
    competencies = {
        c.code: c for c in Competency.objects.filter(framework=scheme.framework)
    }
    entries = list(enrolment.journal_entries.order_by("created_at"))
    if entries:
        services.link_evidence(
            user=user, portfolio=portfolio, competency=competencies["C3"],
            journal_entry=entries[0],
            note="I rewrote my assignment texts in plain language.",
        )  # fmt: skip
    if len(entries) > 1:
        services.link_evidence(
            user=user, portfolio=portfolio, competency=competencies["C7"],
            journal_entry=entries[1], note="I counted who speaks in my tutorials.",
        )  # fmt: skip
    services.save_self_assessment(
        user=user, portfolio=portfolio, competency=competencies["C3"],
        level=SelfLevel.PROFICIENT,
        text="My assignment texts are now in plain language; I still want to test them with students.",
    )  # fmt: skip


def seed_certification() -> CertificationScheme | None:
    """The framework, rubric and scheme of the demo programme; idempotent."""
    programme = ProgrammePage.objects.filter(title=PROGRAMME_TITLE).first()
    framework = _framework()
    rubric = _rubric(framework)
    _assessor()
    if programme is None:
        return None
    scheme = CertificationScheme.objects.filter(
        programme=programme, title_en=SCHEME_TEXT["title_en"]
    ).first()
    if scheme is None:
        scheme = CertificationScheme.objects.create(
            programme=programme,
            framework=framework,
            rubric=rubric,
            min_attendance_percent=80,
            mandatory_sessions=sorted(programme.mandatory_session_numbers()),
            required_assignments=[str(block.id) for block in programme.assignments],
            min_reflections=3,
            evidence_for_every_competency=True,
            validity_months=60,
            workload_hours=84,
            eqf_level=7,
            **SCHEME_TEXT,
        )
    _draft_portfolio(scheme)
    seed_certificate(scheme)
    seed_open_assessment(scheme)
    return scheme
