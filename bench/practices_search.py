"""Time and memory of the inspiring-practices database at realistic volume.

Generates N published practices (default 50,000; half Dutch, half English, with
varied text from word pools) straight into the page tree in bulk, rebuilds the
search index, then prints p50/p95/max milliseconds of: run_search() for typical
queries, the search page, the API list, a practice page, and the query count of
one search page for a small and a large result set. Peak resident memory (VmHWM)
is printed per part, and of the whole process at the end.

Each run starts from a fresh scratch database (dropped again unless --keep):

    .venv/bin/python bench/practices_search.py --practices 2000   # smoke run
    .venv/bin/python bench/practices_search.py                    # SQLite in var/bench/
    .venv/bin/python bench/practices_search.py \\
        --database-url postgresql://postgres@127.0.0.1:5432/engage_bench_practices
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "var" / "bench"
DEFAULT_URL = f"sqlite:///{BENCH_DIR / 'practices.sqlite3'}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--practices", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=50, help="repetitions per row")
    parser.add_argument("--users", type=int, default=500, help="lecturers (owners)")
    parser.add_argument("--faculties", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--row-budget", type=float, default=60,
        help="seconds after which a row stops before --runs (a pathologically "
        "slow query would otherwise take hours at 50,000 practices)",
    )  # fmt: skip
    parser.add_argument(
        "--timeout", type=float, default=30,
        help="seconds after which one measured call is aborted (SQLite: the whole "
        "call; PostgreSQL: statement_timeout)",
    )  # fmt: skip
    parser.add_argument(
        "--parts", default="search,page,api,practice,queries",
        help="comma-separated: search (a), page (b), api (c), practice (d), "
        "queries (e); empty to only generate and index",
    )  # fmt: skip
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL),
        help="a scratch database: SQLite under var/bench/ or a PostgreSQL database "
        "whose name contains 'bench' (it is dropped and created anew)",
    )  # fmt: skip
    parser.add_argument(
        "--keep", action="store_true", help="leave the scratch database in place"
    )
    parser.add_argument(
        "--reuse", action="store_true",
        help="keep the data of a scratch database left by --keep (no generation)",
    )  # fmt: skip
    parser.add_argument(
        "--explain", action="store_true",
        help="print the plans (EXPLAIN ANALYZE on PostgreSQL) of the slowest "
        "statements of a large search",
    )  # fmt: skip
    return parser


ARGS = _parser().parse_args()


def _scratch(url: str) -> tuple[str, str]:
    """(vendor, name) of the scratch database; refuses anything that is not one."""
    if url.startswith("sqlite"):
        path = Path(url.split("sqlite:///", 1)[1]).resolve()
        if BENCH_DIR.resolve() not in path.parents:
            raise SystemExit(f"refusing SQLite outside {BENCH_DIR}: {path}")
        return "sqlite", str(path)
    if url.startswith(("postgres://", "postgresql://")):
        name = url.rsplit("/", 1)[1].split("?", 1)[0]
        if "bench" not in name:
            raise SystemExit(f"refusing to drop {name!r}: its name lacks 'bench'")
        return "postgresql", name
    raise SystemExit(f"unsupported database URL: {url}")


def _pg_admin(sql: str) -> None:
    import psycopg

    base = ARGS.database_url.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def create_scratch() -> None:
    vendor, name = _scratch(ARGS.database_url)
    if ARGS.reuse:
        return
    if vendor == "sqlite":
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(name + suffix).unlink(missing_ok=True)
    else:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _pg_admin(f'CREATE DATABASE "{name}"')


def drop_scratch() -> None:
    vendor, name = _scratch(ARGS.database_url)
    if vendor == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(name + suffix).unlink(missing_ok=True)
    else:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_scratch(ARGS.database_url)
create_scratch()
os.environ["DATABASE_URL"] = ARGS.database_url
# As in production (settings/production.py): one connection kept across requests.
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.site.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import (  # noqa: E402
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.db.backends.signals import connection_created  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from faker.providers.address.nl_NL import Provider as AddressNL  # noqa: E402
from faker.providers.lorem.en_US import Provider as EnglishLorem  # noqa: E402
from faker.providers.lorem.nl_NL import Provider as DutchLorem  # noqa: E402
from faker.providers.person.en_US import Provider as PersonEN  # noqa: E402
from faker.providers.person.nl_NL import Provider as PersonNL  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from lms.accounts.models import Faculty, Profile  # noqa: E402
from lms.accounts.roles import Role  # noqa: E402
from lms.accounts.services import FacultySeed, seed_faculties  # noqa: E402
from practices_db import services  # noqa: E402
from practices_db.models import (  # noqa: E402
    Adoption,
    GroupSize,
    PracticePage,
    SearchRecord,
    SearchVocabularyTerm,
    Term,
    Vocabulary,
)
from practices_db.rules.licences import Licence  # noqa: E402
from practices_db.rules.text import STOP_WORDS  # noqa: E402
from practices_db.selectors.search import PracticeQuery, Sort, run_search  # noqa: E402
from practices_db.services import indexing  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]

# --- vocabularies (slug, English, Dutch) ----------------------------------------------

TERMS: dict[str, list[tuple[str, str, str]]] = {
    Vocabulary.DIMENSION: [
        ("migration-background", "Migration background", "Migratieachtergrond"),
        ("first-generation", "First-generation students", "Eerstegeneratiestudenten"),
        ("neurodiversity", "Neurodiversity", "Neurodiversiteit"),
        (
            "disability",
            "Disability and chronic illness",
            "Functiebeperking en chronische ziekte",
        ),
        (
            "gender-sexuality",
            "Gender and sexual diversity",
            "Gender en seksuele diversiteit",
        ),
        (
            "socio-economic",
            "Socio-economic background",
            "Sociaaleconomische achtergrond",
        ),
        (
            "religion-worldview",
            "Religion and worldview",
            "Religie en levensbeschouwing",
        ),
        ("age-life-stage", "Age and life stage", "Leeftijd en levensfase"),
        ("international", "International students", "Internationale studenten"),
        ("language-background", "Language background", "Taalachtergrond"),
        (
            "caring-responsibilities",
            "Caring responsibilities",
            "Zorgtaken en ouderschap",
        ),
    ],
    Vocabulary.ASPECT: [
        ("language-use", "Language use", "Taalgebruik"),
        ("assessment-formats", "Assessment formats", "Toetsvormen"),
        ("group-work", "Group work", "Groepswerk"),
        (
            "course-content",
            "Course content and examples",
            "Cursusinhoud en voorbeelden",
        ),
        ("classroom-climate", "Classroom climate", "Groepsklimaat"),
        ("supervision-feedback", "Supervision and feedback", "Begeleiding en feedback"),
    ],
    Vocabulary.SDG: [
        ("sdg-1", "No Poverty", "Geen armoede"),
        ("sdg-2", "Zero Hunger", "Geen honger"),
        ("sdg-3", "Good Health and Well-being", "Goede gezondheid en welzijn"),
        ("sdg-4", "Quality Education", "Kwaliteitsonderwijs"),
        ("sdg-5", "Gender Equality", "Gendergelijkheid"),
        ("sdg-6", "Clean Water and Sanitation", "Schoon water en sanitair"),
        ("sdg-7", "Affordable and Clean Energy", "Betaalbare en duurzame energie"),
        (
            "sdg-8",
            "Decent Work and Economic Growth",
            "Eerlijk werk en economische groei",
        ),
        (
            "sdg-9",
            "Industry, Innovation and Infrastructure",
            "Industrie, innovatie en infrastructuur",
        ),
        ("sdg-10", "Reduced Inequalities", "Ongelijkheid verminderen"),
        (
            "sdg-11",
            "Sustainable Cities and Communities",
            "Duurzame steden en gemeenschappen",
        ),
        (
            "sdg-12",
            "Responsible Consumption and Production",
            "Verantwoorde consumptie en productie",
        ),
        ("sdg-13", "Climate Action", "Klimaatactie"),
        ("sdg-14", "Life Below Water", "Leven in het water"),
        ("sdg-15", "Life on Land", "Leven op het land"),
        (
            "sdg-16",
            "Peace, Justice and Strong Institutions",
            "Vrede, justitie en sterke publieke diensten",
        ),
        (
            "sdg-17",
            "Partnerships for the Goals",
            "Partnerschap om doelstellingen te bereiken",
        ),
    ],
    Vocabulary.LEVEL: [
        ("bachelor-1", "First-year bachelor", "Bachelor jaar 1"),
        ("bachelor-2", "Second-year bachelor", "Bachelor jaar 2"),
        ("bachelor-3", "Third-year bachelor", "Bachelor jaar 3"),
        ("master", "Master", "Master"),
        ("research-master", "Research master", "Researchmaster"),
        ("phd", "PhD programme", "Promotietraject"),
        ("post-initial", "Post-initial education", "Postinitieel onderwijs"),
    ],
    Vocabulary.FORMAT: [
        ("lecture", "Lecture", "Hoorcollege"),
        ("seminar", "Seminar", "Werkcollege"),
        ("tutorial", "Tutorial", "Responsiecollege"),
        ("lab", "Lab session", "Practicum"),
        ("project", "Project work", "Projectonderwijs"),
        ("online", "Online course", "Online cursus"),
        ("blended", "Blended learning", "Blended leren"),
        ("internship", "Internship", "Stage"),
        ("fieldwork", "Fieldwork", "Veldwerk"),
        ("thesis", "Thesis supervision", "Scriptiebegeleiding"),
    ],
}
# How many terms of each taxonomy a practice carries (min, max).
TERM_COUNTS = {
    Vocabulary.DIMENSION: (1, 3),
    Vocabulary.ASPECT: (1, 2),
    Vocabulary.SDG: (0, 3),
    Vocabulary.LEVEL: (1, 2),
    Vocabulary.FORMAT: (1, 2),
}
M2M_TABLES = {
    Vocabulary.DIMENSION: "dimensions",
    Vocabulary.ASPECT: "aspects",
    Vocabulary.SDG: "sdgs",
    Vocabulary.LEVEL: "course_levels",
    Vocabulary.FORMAT: "formats",
}
FACULTY_NAMES = [
    ("humanities", "Faculty of Humanities", "Faculteit der Geesteswetenschappen"),
    ("law", "Faculty of Law", "Faculteit der Rechtsgeleerdheid"),
    ("medicine", "Faculty of Medicine", "Faculteit der Geneeskunde"),
    ("science", "Faculty of Science", "Faculteit der Natuurwetenschappen"),
    (
        "social-sciences",
        "Faculty of Social Sciences",
        "Faculteit der Sociale Wetenschappen",
    ),
    (
        "economics",
        "School of Economics and Business",
        "Faculteit Economie en Bedrijfskunde",
    ),
    (
        "behavioural",
        "Faculty of Behavioural Sciences",
        "Faculteit Gedragswetenschappen",
    ),
    ("philosophy", "Faculty of Philosophy", "Faculteit der Wijsbegeerte"),
    ("theology", "Faculty of Religion and Theology", "Faculteit Religie en Theologie"),
    ("engineering", "Faculty of Engineering", "Faculteit Techniek"),
    ("architecture", "Faculty of Architecture", "Faculteit Bouwkunde"),
    ("geosciences", "Faculty of Geosciences", "Faculteit Geowetenschappen"),
    ("veterinary", "Faculty of Veterinary Medicine", "Faculteit Diergeneeskunde"),
    ("pharmacy", "School of Pharmacy", "Farmacie"),
    ("education", "Institute of Education", "Instituut voor Onderwijskunde"),
    ("arts", "Faculty of Arts", "Faculteit der Letteren"),
    ("governance", "School of Governance", "Bestuurskunde"),
    ("informatics", "Informatics Institute", "Informatica-instituut"),
    ("spatial", "Faculty of Spatial Sciences", "Faculteit Ruimtelijke Wetenschappen"),
    ("campus-college", "University College", "University College"),
]

# --- word pools -------------------------------------------------------------------------


def _w(text: str, sep: str | None = None) -> list[str]:
    return [w.strip() for w in text.split(sep)]


# Ranked by how common they are in practice descriptions (Zipf weights below).

DOMAIN = {
    "en": _w("""students student feedback group teaching learning course peer assessment
        lecture seminar assignment discussion reflection diversity inclusive first-year
        project questions experience skills background perspectives writing examples
        classroom tutor workshop presentation rubric portfolio online collaboration
        identity language belonging participation motivation engagement criteria exam
        grading reading research lecturers colleagues programme module week session
        tasks practical lab ethics sustainability society culture cultural gender
        inequality social dialogue case community safe space debate simulation
        fieldwork interview video podcast quiz glossary literature curriculum design
        evaluation survey results mentoring coaching accessibility bias international
        backgrounds cases international-students interviews anonymous self-assessment
        formative summative wellbeing confidence voices roles norms expectations"""),
    "nl": _w("""studenten student feedback groep onderwijs leren cursus toetsing toets
        hoorcollege werkcollege opdracht discussie reflectie diversiteit inclusief
        eerstejaars project vragen ervaring vaardigheden achtergrond perspectieven
        schrijven voorbeelden klaslokaal tutor workshop presentatie rubric portfolio
        online samenwerking identiteit taal verbondenheid deelname motivatie
        betrokkenheid criteria tentamen beoordeling lezen onderzoek docenten collega's
        opleiding module week bijeenkomst taken practicum ethiek duurzaamheid
        samenleving cultuur culturele gender ongelijkheid sociale dialoog casus
        gemeenschap veilige ruimte debat simulatie veldwerk interview video podcast
        quiz woordenlijst literatuur curriculum ontwerp evaluatie enquête resultaten
        mentoraat begeleiding toegankelijkheid vooroordelen internationale
        achtergronden casussen interviews anoniem zelfbeoordeling formatief summatief
        welzijn zelfvertrouwen stemmen rollen normen verwachtingen"""),
}
DISCIPLINES = {
    "en": _w("""biology chemistry law medicine history philosophy economics psychology
        sociology linguistics mathematics physics engineering architecture pharmacy
        dentistry archaeology musicology theology informatics statistics geography
        anthropology nursing veterinary journalism astronomy geology criminology
        pedagogy neuroscience"""),
    "nl": _w("""biologie scheikunde rechten geneeskunde geschiedenis filosofie economie
        psychologie sociologie taalwetenschap wiskunde natuurkunde werktuigbouwkunde
        bouwkunde farmacie tandheelkunde archeologie muziekwetenschap theologie
        informatica statistiek geografie antropologie verpleegkunde diergeneeskunde
        journalistiek sterrenkunde geologie criminologie pedagogiek"""),
}
# Specialist words in few practices: a "rare word" search finds tens, not thousands.
RARE = {
    "en": _w("""hackathon photovoice jigsaw storyboarding gamification zine wiki
        minecraft lego escape-room moot-court pechakucha flipgrid padlet mentimeter
        kahoot perusall annotation bingo speed-dating fishbowl world-cafe hotseat
        socratic ethnography autoethnography counterstorytelling microaggressions
        intersectionality decolonising captioning transcripts dyslexia dyscalculia
        stuttering sign-language braille wheelchair ramadan sabbath childcare
        refugees asylum sanctuary tokenism allyship upstander mindfulness yoga
        gardening composting beekeeping mangroves wetlands glaciers volcanoes
        cryptography blockchain robotics drones origami calligraphy"""),
    "nl": _w("""hackathon fotostem legpuzzel storyboard spelelementen zine wiki
        minecraft lego escaperoom pleitwedstrijd pechakucha flipgrid padlet
        mentimeter kahoot perusall annotatie bingo speeddaten vissenkom wereldcafe
        hete-stoel socratisch etnografie auto-etnografie tegenverhalen
        microagressies intersectionaliteit dekoloniseren ondertiteling transcripten
        dyslexie dyscalculie stotteren gebarentaal braille rolstoel ramadan sabbat
        kinderopvang vluchtelingen asiel mantelzorgers tokenisme bondgenootschap
        omstander mindfulness yoga moestuin composteren imkeren mangroven
        wetlands gletsjers vulkanen cryptografie blockchain robotica drones origami
        kalligrafie"""),
}
_NL_HEADS = _w(
    "studie groeps taal toets feedback onderwijs leer schrijf werk diversiteits reflectie project les praktijk college"
    " docent studenten examen cursus scriptie stage lab beoordelings begeleidings inclusie welzijns"
)
_NL_TAILS = _w(
    "opdracht vorm moment proces doel plan gesprek verslag ervaring omgeving activiteit cultuur houding vaardigheid kader beleid"
    " team rooster resultaat niveau criterium aanpak traject model format instrument"
)
_EN_COMPOUNDS = [
    f"{a}-{b}"
    for a in _w("peer student team group self co")
    for b in _w("review assessment teaching learning led reflection design evaluation")
]
# Dutch compounds and English hyphenated forms make the long tail of the vocabulary.
TAIL = {"en": _EN_COMPOUNDS, "nl": [h + t for h in _NL_HEADS for t in _NL_TAILS]}
# Names of people and places: the long tail that any real collection of texts has.
NAMES = sorted(
    {
        *PersonEN.first_names,
        *PersonEN.last_names,
        *PersonNL.last_names,
        *AddressNL.cities,
    }
)
# Course codes (e.g. "PSY2041") mentioned in bodies: tens of thousands of rare terms.
COURSE_PREFIXES = _w(
    "BIO CHE LAW MED HIS PHI ECO PSY SOC LIN MAT PHY ENG ARC FAR GEO ANT NUR INF STA EDU ART GOV MUS"
)
FUNCTION_WORDS = {
    "en": sorted(STOP_WORDS["en"])
    + _w(
        "we our each other so how what not also more can who all after before during then when there"
    ),
    "nl": sorted(STOP_WORDS["nl"])
    + _w(
        "we onze elkaar zo hoe niet ook meer kan alle na tijdens dan wanneer daar wij hun"
    ),
}
ADJECTIVES = {
    "en": _w(
        "inclusive collaborative structured reflective online multilingual accessible active student-led low-stakes small-group interactive open flexible"
    ),
    "nl": _w(
        "inclusieve gezamenlijke gestructureerde reflectieve online meertalige toegankelijke actieve laagdrempelige interactieve open flexibele"
    ),
}
TITLE_TEMPLATES = {
    "en": [
        "{A} {n1} in {d}",
        "{N1} and {n2} for {aud}",
        "Using {n1} to improve {n2}",
        "{A} {n1}: {n2} in the {d} {f}",
        "{N1} with {rare} in {d}",
        "How {n1} makes {n2} work for {aud}",
    ],
    "nl": [
        "{A} {n1} bij {d}",
        "{N1} en {n2} voor {aud}",
        "{N1} inzetten voor betere {n2}",
        "{A} {n1}: {n2} in het {f} {d}",
        "{N1} met {rare} bij {d}",
        "Hoe {n1} werkt voor {aud}",
    ],
}
AUDIENCES = {
    "en": _w(
        "first-year students|international students|working students|master students|large groups|lecturers|mixed groups",
        "|",
    ),
    "nl": _w(
        "eerstejaars|internationale studenten|werkstudenten|masterstudenten|grote groepen|docenten|gemengde groepen",
        "|",
    ),
}
SUMMARY_OPENERS = {
    "en": [
        "We used {n1} to help {aud} with {n2}.",
        "Students worked on {n1} in small groups and discussed {n2} together.",
        "In the {d} course we replaced {n1} with {n2}.",
        "Our {f} combines {n1} and {n2} for {aud}.",
    ],
    "nl": [
        "We gebruikten {n1} om {aud} te helpen met {n2}.",
        "Studenten werkten in kleine groepen aan {n1} en bespraken samen {n2}.",
        "In de cursus {d} vervingen we {n1} door {n2}.",
        "Ons {f} combineert {n1} en {n2} voor {aud}.",
    ],
}
FIRST_NAMES = _w(
    "Anna Daan Fatima Mohammed Sanne Lucas Emma Noah Yara Sem Aylin Bram Julia Thijs Mei Rohan Sophie Jesse Lotte Omar Eva Milan Zoë Luuk Priya Ahmed Fleur Jasper Nina Kwame"
)
LAST_NAMES = _w(
    "de Vries|Jansen|van den Berg|Bakker|El Amrani|Visser|Smit|Meijer|de Boer|Yilmaz|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|Chen|Wouters|Kaya|Mensah|Kuipers|van Dijk|Ramdin|Janssens|Maes|Nguyen|Koster",
    "|",
)
# Misspellings of indexed words: zero results, so search suggests a correction.
MISSPELT = _w("""feedbak studnets asessment refelction dicsussion divresity inclusiev
    portfolo presentaion collaberation fedback partisipation classrom
    studneten toetisng reflctie discusie diverstieit hoorcolege werkcolege
    samenwerkng begeleidnig duurzaamhied ongelijkhied""")
COMMON_QUERIES = {
    "en": _w(
        "students feedback group assessment reflection discussion diversity inclusive writing classroom"
    ),
    "nl": _w(
        "studenten feedback groep toetsing reflectie discussie diversiteit inclusief schrijven opdracht"
    ),
}


class Pool:
    """Words drawn with Zipf-like weights: the first words of each list most often."""

    def __init__(self, parts: Sequence[tuple[Sequence[str], float]]) -> None:
        self.words: list[str] = []
        weights: list[float] = []
        for words, share in parts:
            raw = [1.0 / (rank + 1) for rank in range(len(words))]
            total = sum(raw)
            self.words += words
            weights += [share * w / total for w in raw]
        self.cum: list[float] = []
        running = 0.0
        for w in weights:
            running += w
            self.cum.append(running)

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=k)


def _general(words: Sequence[str], seed: int) -> list[str]:
    shuffled = [w for w in words if len(w) > 2]
    random.Random(seed).shuffle(shuffled)
    return shuffled


POOLS = {
    "en": Pool(
        [
            (FUNCTION_WORDS["en"], 0.40),
            (DOMAIN["en"], 0.30),
            (_general(EnglishLorem.word_list, 1), 0.19),
            (TAIL["en"], 0.02),
            (_general(NAMES, 3), 0.05),
            (DISCIPLINES["en"], 0.04),
        ]
    ),
    "nl": Pool(
        [
            (FUNCTION_WORDS["nl"], 0.40),
            (DOMAIN["nl"], 0.30),
            (_general(DutchLorem.word_list, 2), 0.19),
            (TAIL["nl"], 0.02),
            (_general(NAMES, 4), 0.05),
            (DISCIPLINES["nl"], 0.04),
        ]
    ),
}
NOUNS = {lang: Pool([(DOMAIN[lang], 1.0)]) for lang in ("en", "nl")}


def sentences(rng: random.Random, language: str, count_words: int) -> list[str]:
    words = POOLS[language].draw(rng, count_words)
    out = []
    while words:
        n = rng.randint(8, 20)
        chunk, words = words[:n], words[n:]
        text = " ".join(chunk)
        out.append(text[:1].upper() + text[1:] + ".")
    return out


def fill_template(rng: random.Random, template: str, language: str) -> str:
    n1, n2 = NOUNS[language].draw(rng, 2)
    values = {
        "n1": n1, "n2": n2, "N1": n1[:1].upper() + n1[1:],
        "A": rng.choice(ADJECTIVES[language]).capitalize(),
        "d": rng.choice(DISCIPLINES[language]), "aud": rng.choice(AUDIENCES[language]),
        "f": rng.choice(TERMS[Vocabulary.FORMAT])[1 if language == "en" else 2].lower(),
        "rare": rng.choice(RARE[language]),
    }  # fmt: skip
    return template.format(**values)


@dataclass
class Text:
    title: str
    summary: str
    body: str
    evidence: str
    discipline: str


def practice_text(rng: random.Random, language: str) -> Text:
    title = fill_template(rng, rng.choice(TITLE_TEMPLATES[language]), language)
    opener = fill_template(rng, rng.choice(SUMMARY_OPENERS[language]), language)
    summary = " ".join([opener, *sentences(rng, language, rng.randint(12, 30))])
    body_sentences = sentences(rng, language, rng.randint(150, 300))
    for _ in range(rng.choice([0, 1, 1, 2])):  # a course code or two
        i = rng.randrange(len(body_sentences))
        code = f"{rng.choice(COURSE_PREFIXES)}{rng.randint(1000, 4999)}"
        body_sentences[i] = body_sentences[i][:-1] + f" ({code})."
    if rng.random() < 0.15:  # a specialist word somewhere in the body
        i = rng.randrange(len(body_sentences))
        body_sentences[i] = (
            body_sentences[i][:-1] + " " + rng.choice(RARE[language]) + "."
        )
    paragraphs = []
    while body_sentences:
        n = rng.randint(3, 5)
        paragraphs.append(" ".join(body_sentences[:n]))
        body_sentences = body_sentences[n:]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    evidence = ""
    if rng.random() < 0.4:
        evidence = (
            "<p>" + " ".join(sentences(rng, language, rng.randint(30, 60))) + "</p>"
        )
    return Text(
        title=title[:255],
        summary=summary[:600],
        body=body,
        evidence=evidence,
        discipline=rng.choice(DISCIPLINES[language]).capitalize(),
    )


# --- generation -----------------------------------------------------------------------


def make_people(users: int, faculties: list[Faculty]) -> list[Any]:
    User = get_user_model()
    User.objects.bulk_create(
        User(username=f"bench-lecturer-{n}", first_name=FIRST_NAMES[n % len(FIRST_NAMES)],
             last_name=LAST_NAMES[(n * 7) % len(LAST_NAMES)],
             email=f"bench-lecturer-{n}@example.org")
        for n in range(users)
    )  # fmt: skip
    people = list(User.objects.filter(username__startswith="bench-lecturer-"))
    Profile.objects.bulk_create(
        Profile(user=u, faculty=faculties[i % len(faculties)], department="Education")
        for i, u in enumerate(people)
    )
    group, _ = Group.objects.get_or_create(name=Role.LECTURER.group_name)
    group.user_set.add(*people)
    return people


def make_terms() -> dict[str, list[Term]]:
    terms: dict[str, list[Term]] = {}
    for vocabulary, entries in TERMS.items():
        terms[vocabulary] = []
        for order, (slug, en, nl) in enumerate(entries):
            term, _ = Term.objects.get_or_create(
                vocabulary=vocabulary, slug=slug,
                defaults={"name_en": en, "name_nl": nl, "sort_order": order},
            )  # fmt: skip
            terms[vocabulary].append(term)
    return terms


def generate(count: int, users: int, faculty_count: int, seed: int) -> None:
    rng = random.Random(seed)
    seeds = [
        FacultySeed(*FACULTY_NAMES[i % len(FACULTY_NAMES)])
        for i in range(faculty_count)
    ]
    for i, s in enumerate(seeds[len(FACULTY_NAMES) :], start=len(FACULTY_NAMES)):
        seeds[i] = FacultySeed(f"{s.code}-{i}", f"{s.name_en} {i}", f"{s.name_nl} {i}")
    faculties = seed_faculties(seeds)
    people = make_people(users, faculties)
    faculty_of = dict(Profile.objects.values_list("user_id", "faculty_id"))
    terms = make_terms()
    index = services.practices_index()
    locale = Locale.get_default()
    content_type = ContentType.objects.get_for_model(PracticePage)
    now = timezone.now()
    five_years = 5 * 365 * 24 * 3600
    child_fields = list(PracticePage._meta.local_concrete_fields)
    child_columns = [f.column for f in child_fields]
    child_sql = (
        f"INSERT INTO {PracticePage._meta.db_table} ({', '.join(child_columns)}) "
        f"VALUES ({', '.join(['%s'] * len(child_columns))})"
    )
    m2m_sql = {}
    for vocabulary, name in M2M_TABLES.items():
        through = PracticePage._meta.get_field(name).remote_field.through
        m2m_sql[vocabulary] = (
            f"INSERT INTO {through._meta.db_table} (practicepage_id, term_id) "
            "VALUES (%s, %s)"
        )
    licences = [c for c, _label in Licence.choices]
    licence_weights = [50, 15, 12, 10, 3, 3, 7]
    sizes = ["", *[c for c, _label in GroupSize.choices]]
    slugs_taken: set[str] = set(index.get_children().values_list("slug", flat=True))
    start_step = index.numchild
    chunk = 5000
    done = 0
    while done < count:
        size = min(chunk, count - done)
        pages, children, links = [], [], {v: [] for v in M2M_TABLES}
        for n in range(size):
            language = "nl" if rng.random() < 0.5 else "en"
            text = practice_text(rng, language)
            slug = base = slugify(text.title)[:60].strip("-") or "practice"
            number = 2
            while slug in slugs_taken or slug in services.RESERVED_SLUGS:
                slug, number = f"{base}-{number}", number + 1
            slugs_taken.add(slug)
            first = now - timedelta(seconds=rng.randrange(five_years))
            last = min(now, first + timedelta(days=rng.choice([0, 0, 0, 3, 30, 200])))
            owner = rng.choice(people)
            pages.append(
                Page(
                    path=Page._get_path(index.path, index.depth + 1, start_step + done + n + 1),
                    depth=index.depth + 1, numchild=0, title=text.title,
                    draft_title=text.title, slug=slug, content_type=content_type,
                    live=True, has_unpublished_changes=False, first_published_at=first,
                    last_published_at=last, latest_revision_created_at=last,
                    owner=owner, locale=locale,
                    url_path=f"{index.url_path}{slug}/",
                )
            )  # fmt: skip
            values = {
                "summary": text.summary, "body": text.body,
                "faculty_id": faculty_of[owner.pk]
                if rng.random() < 0.8 else rng.choice(faculties).pk,
                "discipline": text.discipline, "group_size": rng.choice(sizes),
                "evidence": text.evidence, "contact_name": owner.get_full_name(),
                "contact_email": owner.email, "language": language,
                "licence": rng.choices(licences, weights=licence_weights)[0],
                "rejected_at": None,
            }  # fmt: skip
            children.append(values)
            for vocabulary, (low, high) in TERM_COUNTS.items():
                chosen = rng.sample(terms[vocabulary], rng.randint(low, high))
                links[vocabulary].append([t.pk for t in chosen])
        with transaction.atomic():
            Page.objects.bulk_create(pages, batch_size=1000)
            if any(p.pk is None for p in pages):  # a backend without RETURNING
                ids = dict(
                    Page.objects.filter(path__in=[p.path for p in pages]).values_list(
                        "path", "pk"
                    )
                )
                for p in pages:
                    p.pk = p.id = ids[p.path]
            rows = []
            for page, values in zip(pages, children, strict=True):
                values["page_ptr_id"] = page.pk
                rows.append([values[f.attname] for f in child_fields])
            with connection.cursor() as cursor:
                cursor.executemany(child_sql, rows)
                for vocabulary, per_page in links.items():
                    cursor.executemany(
                        m2m_sql[vocabulary],
                        [
                            (page.pk, term_id)
                            for page, ids in zip(pages, per_page, strict=True)
                            for term_id in ids
                        ],
                    )
            # About one in ten practices was used by 1 to 6 colleagues.
            adoptions = []
            for page in pages:
                if rng.random() < 0.1:
                    for user in rng.sample(people, rng.randint(1, 6)):
                        adoptions.append(Adoption(user=user, practice_id=page.pk))
            Adoption.objects.bulk_create(adoptions, batch_size=2000)
        done += size
        if done % 10_000 < chunk or done == count:
            print(f"  … {done} practices generated", flush=True)
    Page.objects.filter(pk=index.pk).update(numchild=start_step + count)


# --- measuring --------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def _peak_rss_mib() -> float:
    """The peak resident memory since the last reset (VmHWM), in MiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def peak_memory(label: str) -> Iterator[None]:
    """Print the peak resident memory of the block (Linux resets VmHWM on '5')."""
    gc.collect()
    try:
        Path("/proc/self/clear_refs").write_text("5")
        scope = "of this part"
    except OSError:
        scope = "of the process so far (VmHWM cannot be reset here)"
    yield
    print(f"peak resident memory {scope} ({label}): {_peak_rss_mib():.0f} MiB\n")


@dataclass
class Row:
    name: str
    timings: list[float] = field(default_factory=list)
    note: str = ""


def table(title: str, rows: list[Row], note_header: str = "") -> None:
    print(title)
    print(
        f"  {'':<36} {'n':>3} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  {note_header}"
    )
    for row in rows:
        t = row.timings
        if not t:
            print(f"  {row.name:<36} {0:>3} {'-':>8} {'-':>8} {'-':>8}  {row.note}")
            continue
        print(
            f"  {row.name:<36} {len(t):>3} {statistics.median(t):8.1f} "
            f"{percentile(t, 0.95):8.1f} {max(t):8.1f}  {row.note}"
        )


_deadline = [float("inf")]  # when the SQLite statement running now is aborted


def _abort_when_late(sender: Any, connection: Any, **kwargs: Any) -> None:
    """Install the --timeout guard on a (new) database connection."""
    if connection.vendor == "sqlite":
        connection.connection.set_progress_handler(
            lambda: int(time.monotonic() > _deadline[0]), 10_000
        )
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(ARGS.timeout * 1000)}")


def guard_measurements() -> None:
    connection.ensure_connection()
    _abort_when_late(None, connection)
    connection_created.connect(_abort_when_late)


def guarded(call: Callable[[Any], Any], item: Any) -> Any:
    _deadline[0] = time.monotonic() + ARGS.timeout
    try:
        return call(item)
    finally:
        _deadline[0] = float("inf")


def timed(
    runs: Sequence[Any], call: Callable[[Any], Any]
) -> tuple[list[float], list[Any], str]:
    """Milliseconds of `call` per input, after one warm-up call; stops early once
    the row has taken --row-budget seconds (the table's n column says so), or
    when a call ran over --timeout seconds (then the third value says so)."""
    aborted = f"ABORTED: a call ran over the {ARGS.timeout:.0f} s timeout"
    try:
        guarded(call, runs[0])  # warm caches, templates and the database's pages
    except OperationalError:
        return [], [], aborted + " (the warm-up)"
    timings: list[float] = []
    outputs = []
    for item in runs:
        t0 = time.perf_counter()
        try:
            outputs.append(guarded(call, item))
        except OperationalError:
            return timings, outputs, aborted
        timings.append((time.perf_counter() - t0) * 1000)
        if sum(timings) > ARGS.row_budget * 1000:
            break
    return timings, outputs, ""


@dataclass
class Inputs:
    rng: random.Random
    dimensions: list[str]
    faculties: list[str]
    rare: list[str]

    def common(self) -> str:
        return self.rng.choice(COMMON_QUERIES[self.rng.choice(["en", "nl"])])

    def two(self) -> str:
        words = COMMON_QUERIES[self.rng.choice(["en", "nl"])]
        return " ".join(self.rng.sample(words, 2))

    def rare_word(self) -> str:
        return self.rng.choice(self.rare)

    def misspelt(self) -> str:
        return self.rng.choice(MISSPELT)

    def facets(self, n: int) -> dict[str, tuple[str, ...]]:
        chosen = {"dimension": (self.rng.choice(self.dimensions),)}
        if n >= 2:
            chosen["faculty"] = (self.rng.choice(self.faculties),)
        if n >= 3:
            chosen["language"] = (self.rng.choice(["en", "nl"]),)
        return chosen


def rare_words() -> list[str]:
    """Specialist words as typed (hyphenated ones are two words, so left out)."""
    return [w for lang in ("en", "nl") for w in RARE[lang] if "-" not in w]


def bench_run_search(inputs: Inputs, runs: int) -> None:
    scenarios: dict[str, Callable[[], PracticeQuery]] = {
        "no query (pages 1-5)": lambda: PracticeQuery(page=inputs.rng.randint(1, 5)),
        "one common word": lambda: PracticeQuery(text=inputs.common()),
        "two words": lambda: PracticeQuery(text=inputs.two()),
        "rare word": lambda: PracticeQuery(text=inputs.rare_word()),
        "misspelt word (corrected)": lambda: PracticeQuery(text=inputs.misspelt()),
        "1 facet (dimension)": lambda: PracticeQuery(selected=inputs.facets(1)),
        "2 facets (+ faculty)": lambda: PracticeQuery(selected=inputs.facets(2)),
        "3 facets (+ language)": lambda: PracticeQuery(selected=inputs.facets(3)),
        "common word + 3 facets": lambda: PracticeQuery(
            text=inputs.common(), selected=inputs.facets(3)
        ),
        "common word, sort newest": lambda: PracticeQuery(
            text=inputs.common(), sort=Sort.NEWEST
        ),
    }
    rows = []
    for name, make in scenarios.items():
        queries = [make() for _ in range(runs)]
        timings, results, aborted = timed(queries, run_search)
        if not results:
            rows.append(Row(name, timings, aborted))
            continue
        totals = [r.total for r in results]
        note = f"{statistics.median(totals):>7.0f} {min(totals):>7} {max(totals):>7}"
        note += f"   {aborted}" if aborted else ""
        if "corrected" in name:
            corrected = sum(1 for r in results if r.corrected_text)
            note += f"   corrected {corrected}/{len(results)}"
        rows.append(Row(name, timings, note))
    table(
        f"a. run_search(PracticeQuery(...)) with all facet counts, {runs} runs each",
        rows, f"{'results: median':>15} {'min':>7} {'max':>7}",
    )  # fmt: skip


def _get(client: Client, path: str) -> Any:
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"GET {path} answered {response.status_code}")
    return response


def _queries_of(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        try:
            guarded(lambda p: _get(client, p), path)
        except OperationalError:
            return -1
    return len(queries)


def bench_pages(inputs: Inputs, runs: int) -> None:
    client = Client()
    scenarios: dict[str, Callable[[], dict[str, Any]]] = {
        "no query": lambda: {},
        "?q=common word": lambda: {"q": inputs.common()},
        "?q=two words&dimension=...": lambda: {"q": inputs.two(), **inputs.facets(1)},
        "?q=rare word": lambda: {"q": inputs.rare_word()},
        "?q=misspelt word (corrected)": lambda: {"q": inputs.misspelt()},
        "?dimension&faculty&language": lambda: inputs.facets(3),
    }
    rows = []
    for name, make in scenarios.items():
        paths = [f"/practices/?{urlencode(make(), doseq=True)}" for _ in range(runs)]
        count = _queries_of(client, paths[0])
        timings, responses, aborted = timed(paths, lambda p: _get(client, p))
        if not responses:
            rows.append(Row(name, timings, aborted))
            continue
        size = statistics.median(len(r.content) for r in responses) / 1024
        rows.append(Row(name, timings, f"{count:7d} {size:9.0f}  {aborted}"))
    table(
        f"b. search page GET /practices/?... (full HTML), {runs} runs each",
        rows, f"{'queries':>7} {'KiB (med)':>9}",
    )  # fmt: skip


def bench_api(inputs: Inputs, runs: int) -> None:
    client = Client()
    # The anonymous rate limit (100/hour) would answer 429 within a minute.
    ident = "127.0.0.1"

    def get(path: str) -> Any:
        cache.delete_many([f"throttle_anon_{ident}", f"throttle_user_{ident}"])
        return _get(client, path)

    scenarios: dict[str, Callable[[], dict[str, Any]]] = {
        "no query": lambda: {},
        "?q=common word": lambda: {"q": inputs.common()},
        "?q=two words&dimension=...": lambda: {"q": inputs.two(), **inputs.facets(1)},
        "?q=rare word&per_page=100": lambda: {"q": inputs.rare_word(), "per_page": 100},
    }
    rows = []
    for name, make in scenarios.items():
        paths = [
            f"/api/v1/practices/?{urlencode(make(), doseq=True)}" for _ in range(runs)
        ]
        cache.delete_many([f"throttle_anon_{ident}", f"throttle_user_{ident}"])
        count = _queries_of(client, paths[0])
        timings, responses, aborted = timed(paths, get)
        if not responses:
            rows.append(Row(name, timings, aborted))
            continue
        totals = [json.loads(r.content)["count"] for r in responses]
        median = statistics.median(totals)
        rows.append(Row(name, timings, f"{count:7d} {median:>15.0f}  {aborted}"))
    table(
        f"c. API GET /api/v1/practices/?..., {runs} runs each",
        rows, f"{'queries':>7} {'results: median':>15}",
    )  # fmt: skip


def bench_practice_page(rng: random.Random, runs: int) -> None:
    client = Client()
    ids = list(SearchRecord.objects.values_list("page_id", flat=True))
    urls = list(
        SearchRecord.objects.filter(page_id__in=rng.sample(ids, min(runs, len(ids))))
        .values_list("url", flat=True)
    )  # fmt: skip
    while len(urls) < runs:
        urls += urls[: runs - len(urls)]
    rng.shuffle(urls)
    count = _queries_of(client, urls[0])
    timings, _, aborted = timed(urls, lambda p: _get(client, p))
    table(
        f"d. practice page GET <SearchRecord.url> (anonymous), {runs} runs",
        [Row("a random practice", timings, f"{count:7d}  {aborted}")], f"{'queries':>7}",
    )  # fmt: skip


def bench_query_counts(inputs: Inputs, explain: bool) -> None:
    client = Client()
    cases = {
        "small: rare word + dimension": {"q": inputs.rare_word(), **inputs.facets(1)},
        "small: rare word + 3 facets": {"q": inputs.rare_word(), **inputs.facets(3)},
        "large: no query": {},
        "large: common word": {"q": COMMON_QUERIES["en"][0]},
        "large: 3 facets": inputs.facets(3),
        "none: misspelt (corrected, re-run)": {"q": MISSPELT[0]},
    }
    print("e. queries of one search page GET /practices/?... (fixed whatever the size)")
    print(f"  {'':<38} {'results':>8} {'queries':>8}  slowest statement")
    slowest: list[tuple[float, str, str]] = []
    for name, params in cases.items():
        query = PracticeQuery(
            text=params.get("q", ""),
            selected={k: v for k, v in params.items() if k != "q"},
        )
        path = f"/practices/?{urlencode(params, doseq=True)}"
        try:
            total = guarded(run_search, query).total
            guarded(lambda p: _get(client, p), path)
            with CaptureQueriesContext(connection) as queries:
                guarded(lambda p: _get(client, p), path)
        except OperationalError:
            print(f"  {name:<38} ABORTED: ran over the {ARGS.timeout:.0f} s timeout")
            continue
        timings = [
            (float(q["time"]) * 1000, q["sql"]) for q in queries.captured_queries
        ]
        worst = max(timings)
        slowest += [(ms, name, sql) for ms, sql in timings]
        print(f"  {name:<38} {total:>8} {len(queries):>8}  {worst[0]:6.1f} ms")
    print()
    if explain:
        explain_slowest(slowest)


def explain_slowest(statements: list[tuple[float, str, str]], top: int = 4) -> None:
    seen: set[str] = set()
    print("plans of the slowest statements of those searches:")
    for ms, name, sql in sorted(statements, reverse=True):
        if sql in seen or not sql.lstrip().upper().startswith("SELECT"):
            continue
        seen.add(sql)
        print(f"--- {ms:.1f} ms in '{name}':\n{sql[:1500]}")
        prefix = (
            "EXPLAIN (ANALYZE, BUFFERS) " if connection.vendor == "postgresql"
            else "EXPLAIN QUERY PLAN "
        )  # fmt: skip
        try:
            with connection.cursor() as cursor:
                guarded(cursor.execute, prefix + sql)
                for row in cursor.fetchall():
                    print("   ", " | ".join(str(c) for c in row))
        except OperationalError:
            print(f"    (its plan took over the {ARGS.timeout:.0f} s timeout)")
        if len(seen) == top:
            break
    print()


def main() -> None:
    args = ARGS
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(
        f"database: {connection.vendor} ({connection.settings_dict['NAME']}), "
        f"migrated in {time.perf_counter() - started:.1f} s"
    )
    existing = PracticePage.objects.count()
    if args.reuse and existing:
        print(f"reusing {existing} practices (--reuse)")
    else:
        with peak_memory("generation"):
            t0 = time.perf_counter()
            generate(args.practices, args.users, args.faculties, args.seed)
            print(
                f"generated {PracticePage.objects.count()} practices, "
                f"{Adoption.objects.count()} adoptions, "
                f"{get_user_model().objects.count()} users, "
                f"{Faculty.objects.count()} faculties in "
                f"{time.perf_counter() - t0:.1f} s"
            )
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
        with peak_memory("indexing"):
            t0 = time.perf_counter()
            indexed = indexing.rebuild_index()
            elapsed = time.perf_counter() - t0
            print(
                f"rebuild_index(): {indexed} practices in {elapsed:.1f} s "
                f"({indexed / elapsed:.0f}/s), "
                f"{SearchVocabularyTerm.objects.count()} vocabulary terms"
            )
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
    rng = random.Random(args.seed)
    inputs = Inputs(
        rng=rng,
        dimensions=[slug for slug, _en, _nl in TERMS[Vocabulary.DIMENSION]],
        faculties=list(Faculty.objects.values_list("code", flat=True)),
        rare=rare_words(),
    )
    print(
        f"\n{SearchRecord.objects.count()} practices indexed on {connection.vendor}; "
        f"each row: {args.runs} runs of varied input (seed {args.seed}) after one "
        f"warm-up, fewer (n) if a row takes over {args.row_budget:.0f} s; a call is "
        f"aborted after {args.timeout:.0f} s\n"
    )
    guard_measurements()
    parts = set(args.parts.split(","))
    if "search" in parts:
        with peak_memory("a. run_search"):
            bench_run_search(inputs, args.runs)
    if "page" in parts:
        with peak_memory("b. search page"):
            bench_pages(inputs, args.runs)
    if "api" in parts:
        with peak_memory("c. API"):
            bench_api(inputs, args.runs)
    if "practice" in parts:
        with peak_memory("d. practice page"):
            bench_practice_page(rng, args.runs)
    if "queries" in parts:
        bench_query_counts(inputs, args.explain)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the bench process: {peak:.0f} MiB")
    print(f"total time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    try:
        main()
    finally:
        connections.close_all()
        if not ARGS.keep:
            drop_scratch()
