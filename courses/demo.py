"""Demo: the course "Inclusive teaching — foundations" with five lessons.

The lessons link to demo practices where those are published, offer a checklist
to download, and one has a video with a full transcript. The demo lecturer has
done the first lesson. Idempotent: existing pages are found by slug and kept.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from lms.wagtail_tree import collection_root, page_tree_root
from practices_db.models import PracticePage

from . import services
from .models import CourseIndexPage, CoursePage, LessonPage

COURSE_TITLE = "Inclusive teaching — foundations"
COURSE_SLUG = "inclusive-teaching-foundations"
COURSE_INTRO = (
    "<p>A short course for every lecturer who wants all students to take part and "
    "succeed. In five lessons you look at the language you use, the way you assess, "
    "who gets to speak in your classes, whose perspectives your curriculum contains, "
    "and what first-generation students meet when they arrive.</p>"
    "<p>Each lesson takes about 45 minutes, ends with a question to reflect on in "
    "your journal, and points to a colleague's practice you can adapt. After the "
    "course you can:</p><ul><li>recognise how everyday teaching choices include or "
    "exclude students;</li><li>rewrite one text, assessment or activity of your own "
    "course so that more students can show what they know;</li><li>explain your "
    "choices to colleagues and students.</li></ul>"
)

CHECKLIST_TITLE = "Checklist: inclusive language in course materials"
CHECKLIST = """\
Checklist: inclusive language in course materials
=================================================

Use this list on one text at a time: an assignment brief, a slide deck, an exam.

Clarity
[ ] Sentences are short (on average under 20 words) and in the active voice.
[ ] Every instruction says what to do, in which order, and how it will be judged.
[ ] Idioms, sayings and culture-bound jokes are gone or explained.
[ ] Terms with an everyday and a technical meaning ("significant", "robust",
    "critical") are defined where they first appear.
[ ] Abbreviations are written out the first time.

People
[ ] Examples and names reflect the diversity of your students.
[ ] People are described by what is relevant to the task, not by group labels.
[ ] When a group label is needed, it is the one the group itself uses.
[ ] Gender-neutral wording is used when gender is not the point ("they", "students").
[ ] No assumptions about students' families, money, religion or home country.

Access
[ ] Headings are real headings; lists are real lists.
[ ] Images have alt text; videos have captions or a transcript.
[ ] Links say where they go ("the reading list", not "click here").
[ ] Colour is never the only way information is shown.

Test it
[ ] Ask two students (one who studies in a second language) to read the text and
    tell you what they would do first. Change what they misread.
"""

PRACTICES = {
    "language": "Plain-English worked examples for multilingual econometrics students",
    "assessment": "Universal Design for Learning: three ways to show mastery",
    "interaction": "Names first, pronouns optional: a low-pressure introductions round",
    "curriculum": "Beyond the Western canon: rebuilding the Introduction to Ethics reading list",
    "first_generation": "Making hidden costs visible: a zero-cost reading list in Sociology",
}

TRANSCRIPT = (
    "<p><b>Narrator:</b> Three students who are the first in their family to go to "
    "university talk about their first year.</p>"
    "<p><b>Samira, psychology:</b> In the first week everybody talked about "
    "“office hours”. I thought that was when the office was open, so I never went. "
    "In November a lecturer said: this is time I keep free for you, come with any "
    "question. That one sentence changed my year.</p>"
    "<p><b>Daan, mechanical engineering:</b> My parents are proud, but they could not "
    "help me choose courses or read my report. What helped most was an example of a "
    "good lab report with comments in the margin. Then I knew what “critical "
    "discussion” actually looks like.</p>"
    "<p><b>Lucía, international business:</b> I work twenty hours a week. When "
    "deadlines and group meetings are announced early, I can plan my shifts. When "
    "they change at the last minute, I have to choose between rent and my grade.</p>"
    "<p><b>Narrator:</b> What do they ask of lecturers?</p>"
    "<p><b>Samira:</b> Say out loud what you expect. Things that are obvious to you "
    "are not obvious to us.</p>"
    "<p><b>Daan:</b> Show us examples. Not only the perfect one, also a weak one, and "
    "explain the difference.</p>"
    "<p><b>Lucía:</b> See what we bring. I know a lot about working with customers. "
    "When a lecturer asked for that experience in class, I felt I belonged.</p>"
)


def _lessons(
    practices: dict[str, PracticePage], checklist: Any
) -> list[dict[str, Any]]:
    def practice(key: str, note: str) -> list[tuple[str, Any]]:
        page = practices.get(key)
        return [("practice", {"practice": page, "note": note})] if page else []

    return [
        {
            "slug": "inclusive-language",
            "title": "Inclusive language in your teaching",
            "summary": "How the words in your slides, assignments and feedback invite students in or keep them out — and how to check your own texts.",
            "body": [
                (
                    "text",
                    (
                        "<h2>Why language matters</h2>"
                        "<p>Students meet your course first through its texts: the course guide, the assignment brief, the slides. Every one of them tells students, without saying so, who the course was written for. A joke that only works in one culture, an example in which engineers are always “he”, an instruction full of idioms — each is small, and together they tell some students that they are guests.</p>"
                        "<p>Inclusive language is not about forbidden words. It is about <b>clarity</b> (everyone can understand what is asked), <b>respect</b> (people are described as they describe themselves) and <b>relevance</b> (only mention a characteristic when it matters for the point you make).</p>"
                        "<h2>Clarity first</h2>"
                        "<p>Many of your students study in their second or third language, and some have dyslexia or another reading difference. Plain language helps all of them without lowering the level of the content:</p>"
                        "<ul><li>one instruction per sentence, in the order students will carry it out;</li><li>define words that mean something different in your discipline than in daily life (“significant”, “normal”, “critical”);</li><li>replace idioms (“a ballpark figure”, “to hit the ground running”) with what you mean;</li><li>say how work will be judged, in the words of the rubric.</li></ul>"
                        "<h2>Describing people</h2>"
                        "<p>Use the names and terms that groups use for themselves, and ask when you are not sure. Use gender-neutral wording when gender is not the point. Vary the names and contexts in your examples and cases, so that students recognise themselves and others.</p>"
                        "<h2>Names and pronunciation</h2>"
                        "<p>Learning to pronounce a student's name is one of the cheapest signals of respect there is. Ask once, write it down phonetically, and practise. Never shorten or “simplify” a name unless the student asks you to.</p>"
                    ),
                ),
                (
                    "resource",
                    {
                        "document": checklist,
                        "description": "A one-page checklist to review one of your own texts: clarity, people, access, and a quick test with two students.",
                    },
                ),
                *practice(
                    "language",
                    "A lecturer rewrote his worked examples in plain English and added a glossary of everyday words with a technical meaning.",
                ),
                (
                    "reflection_prompt",
                    {
                        "question": "Which text of your own course would a student who studies in a second language find hardest to understand, and why?",
                        "guidance": "Pick one assignment brief. Underline every idiom, every undefined technical term and every sentence longer than 25 words.",
                    },
                ),
            ],
        },
        {
            "slug": "assessment-formats",
            "title": "Assessment formats that give everyone a fair chance",
            "summary": "Tell apart what you want to assess from the barriers a format adds, make expectations transparent, and offer choice without lowering the bar.",
            "body": [
                (
                    "text",
                    (
                        "<h2>What are you really assessing?</h2>"
                        "<p>Every assessment measures the learning outcome you have in mind — and a few things you did not intend. A timed written exam also measures writing speed and reading speed in the exam language. An oral presentation also measures confidence in front of a group. These are <i>construct-irrelevant</i> barriers: they lower the scores of some students for reasons that have nothing to do with your outcomes.</p>"
                        "<p>Start from your learning outcomes and ask for each one: what would convincing evidence look like, and which parts of my current format have nothing to do with it?</p>"
                        "<h2>Transparency</h2>"
                        "<p>Students who know what is expected perform better, and the gap between students who “know the game” and those who do not becomes smaller. For every assignment, state its <b>purpose</b> (why this task, what will students gain), the <b>task</b> (what to do, step by step) and the <b>criteria</b> (how you will judge it, with an example of good work).</p>"
                        "<h2>Choice and flexibility</h2>"
                        "<p>Universal Design for Learning suggests offering more than one way to show mastery: a paper or a podcast, a written or an oral exam, all judged with the same rubric on the same outcomes. Choice reduces the number of individual exam accommodations you need, because the barrier is removed for everyone.</p>"
                        "<h2>Fair judging</h2>"
                        "<ul><li>Use a rubric with concrete descriptions, and share it in advance.</li><li>Mark anonymously where you can, and mark one question for all students before the next.</li><li>Calibrate with a colleague on a few pieces of work before marking the rest.</li><li>Check the results per group of students: large differences are a signal to look again at the format.</li></ul>"
                    ),
                ),
                *practice(
                    "assessment",
                    "Students choose between a paper, a podcast and an infographic with a short oral defence, judged with one rubric.",
                ),
                (
                    "session_material",
                    {
                        "title": "The Universal Design for Learning guidelines (CAST)",
                        "document": None,
                        "url": "https://udlguidelines.cast.org/",
                        "description": "The guidelines behind “multiple means of action and expression”; we use them in the session on assessment.",
                    },
                ),
                (
                    "reflection_prompt",
                    {
                        "question": "Which part of one of your assessments measures something other than your learning outcomes?",
                        "guidance": "Think of time pressure, the language of the questions, the format, or knowledge students were never taught in your course.",
                    },
                ),
            ],
        },
        {
            "slug": "interaction-patterns",
            "title": "Interaction patterns in the classroom",
            "summary": "Who speaks in your classes, and who does not? Simple structures that spread participation and make it safe to think out loud.",
            "body": [
                (
                    "text",
                    (
                        "<h2>Who speaks?</h2>"
                        "<p>In most seminars a handful of students do most of the talking. They are not always the ones who understand most; they are often the ones most at ease — with the language, with speaking in public, with disagreeing with a lecturer. Count once who speaks during one of your classes. Most lecturers are surprised.</p>"
                        "<h2>Give thinking time</h2>"
                        "<p>Lecturers typically wait about one second after a question before they answer it themselves or take the first hand. Waiting three to five seconds leads to longer answers, more students answering and better reasoning. Say that you will wait: “Take a moment to think, I'll ask in half a minute.”</p>"
                        "<h2>Structures that spread participation</h2>"
                        "<ul><li><b>Think–pair–share:</b> everyone thinks alone, then discusses with a neighbour, then some pairs report. Every student has said something before anyone speaks to the group.</li><li><b>Writing first:</b> one minute of silent writing before discussion helps students who need time to formulate, or who think in another language.</li><li><b>Rounds:</b> a fixed order in which everyone may speak or pass.</li><li><b>Roles in group work:</b> rotating roles (chair, note-taker, critic) prevent one student from doing all the talking or all the work.</li><li><b>Warm calling:</b> tell students in advance that you will ask them, and about what.</li></ul>"
                        "<h2>Safe to be wrong</h2>"
                        "<p>Thank students for contributions, including wrong ones, and treat a mistake as useful material for the group. Agree on a few ground rules for discussing contested topics with the group, at the start of the course.</p>"
                    ),
                ),
                *practice(
                    "interaction",
                    "A low-pressure way to learn names and pronouns without putting anyone on the spot.",
                ),
                (
                    "reflection_prompt",
                    {
                        "question": "Who spoke in your last seminar, and who did not? What structure will you try next week?",
                        "guidance": "If you can, ask a colleague or a student to keep a tally of who speaks during one session.",
                    },
                ),
            ],
        },
        {
            "slug": "curriculum-design",
            "title": "Curriculum design with many perspectives",
            "summary": "Whose knowledge is in your course? Look at reading lists, examples and cases, and the hidden curriculum of what you never say out loud.",
            "body": [
                (
                    "text",
                    (
                        "<h2>Whose knowledge?</h2>"
                        "<p>A curriculum is a selection. Every reading list, case study and example shows students whose work counts in the discipline, and whose experience is “normal”. Students who never see people like themselves, or questions from their world, find it harder to imagine their own place in the field.</p>"
                        "<h2>Audit one unit</h2>"
                        "<p>Take one unit of your course and list its readings, examples and cases. For each, note who wrote it or appears in it, from where, and from which perspective. Then ask:</p>"
                        "<ul><li>Which perspectives are missing, and does their absence distort the subject?</li><li>Can students bring in cases from their own background or region?</li><li>Is the canon presented as settled, or as a choice that students may question?</li></ul>"
                        "<h2>Alignment</h2>"
                        "<p>Adding a perspective works best when it is part of what students learn and are assessed on, not an optional extra in the last week. Check that your learning outcomes, activities and assessment tell the same story.</p>"
                        "<h2>The hidden curriculum</h2>"
                        "<p>Every course also teaches unwritten rules: how to address a lecturer, what “reading” a paper means, when to ask for an extension. Students whose families went to university know many of these rules; others have to guess. Making them explicit is part of inclusive curriculum design.</p>"
                    ),
                ),
                *practice(
                    "curriculum",
                    "A lecturer rebuilt an introductory reading list around the questions, with authors from several traditions.",
                ),
                (
                    "reflection_prompt",
                    {
                        "question": "Which perspective is missing from one unit of your course, and what would change for your students if it were there?",
                        "guidance": "Keep it small: one reading, one case or one example you could replace or add next year.",
                    },
                ),
            ],
        },
        {
            "slug": "first-generation-students",
            "title": "Teaching first-generation students",
            "summary": "Students who are the first in their family at university bring strengths and meet unwritten rules. Three students tell what helped them.",
            "body": [
                (
                    "text",
                    (
                        "<h2>Who are first-generation students?</h2>"
                        "<p>First-generation students are the first in their family to go to university. At many Dutch universities they are a third or more of the first-year students. They are as capable as their peers, but they cannot ask at home how university works, they more often combine study with a job, and they drop out more often in the first year.</p>"
                        "<h2>Strengths, not deficits</h2>"
                        "<p>First-generation students often bring experience of work, responsibility and perseverance that their peers do not have. Teaching that asks for this experience — in examples, cases and discussions — helps them feel they belong, and enriches the course for everyone.</p>"
                    ),
                ),
                (
                    "video",
                    {
                        "title": "Three first-generation students on their first year",
                        "url": "https://video.example.edu/engage-pd/first-generation-students",
                        "file": None,
                        "captions": None,
                        "transcript": TRANSCRIPT,
                    },
                ),
                (
                    "text",
                    (
                        "<h2>What you can do</h2>"
                        "<ul><li>Explain the unwritten rules: what office hours are for, how to read a paper, how to ask for an extension.</li><li>Show examples of good and weaker work, and explain the difference.</li><li>Announce deadlines and meetings early, and keep them.</li><li>Make all costs of your course visible, and name the funds that can help.</li><li>Invite students personally: “come to office hours with any question” works better than “my door is always open”.</li></ul>"
                    ),
                ),
                *practice(
                    "first_generation",
                    "Open readings and a course guide that names every cost and explains terms such as “office hours”.",
                ),
                (
                    "reflection_prompt",
                    {
                        "question": "Which unwritten rule of your course could you make explicit in the first week?",
                        "guidance": "Think of what you expect students to do without ever saying it: preparing, asking questions, working together, citing.",
                    },
                ),
            ],
        },
    ]


def _index(parent: Page) -> CourseIndexPage:
    existing = CourseIndexPage.objects.child_of(parent).first()
    if existing is not None:
        return existing
    index = CourseIndexPage(
        title="Courses",
        slug="courses",
        intro="<p>Short courses to follow at your own pace, alone or alongside a trajectory.</p>",
    )
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def _checklist() -> Any:
    documents = get_document_model()
    existing = documents.objects.filter(title=CHECKLIST_TITLE).first()
    if existing is not None:
        return existing
    # Wagtail's migrations create the root collection; an emptied database
    # (the browser tests' flush) has none.
    root = collection_root()
    content = CHECKLIST.encode()
    document = documents(title=CHECKLIST_TITLE, collection=root)
    document.file.save(
        "inclusive-language-checklist.txt", ContentFile(content), save=False
    )
    document.file_size = len(content)
    document.save()
    return document


def _practices() -> dict[str, PracticePage]:
    found = {}
    for key, title in PRACTICES.items():
        page = PracticePage.objects.live().filter(title=title).first()
        if page is not None:
            found[key] = page
    return found


def seed_courses() -> CoursePage:
    """The demo course and its lessons (missing ones only); the lecturer did lesson 1."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    parent = site.root_page if site else page_tree_root()
    index = _index(parent)
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        course = CoursePage(
            title=COURSE_TITLE, slug=COURSE_SLUG, intro=COURSE_INTRO, language="en"
        )
        index.add_child(instance=course)
        course.save_revision().publish()
    lessons = []
    for data in _lessons(_practices(), _checklist()):
        lesson = LessonPage.objects.child_of(course).filter(slug=data["slug"]).first()
        if lesson is None:
            lesson = LessonPage(**data)
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
        lessons.append(lesson)
    lecturer = get_user_model().objects.filter(username="lecturer").first()
    if lecturer is not None and lessons:
        services.mark_lesson_done(user=lecturer, lesson=lessons[0])
    return course
