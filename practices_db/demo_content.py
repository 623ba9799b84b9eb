"""Demo taxonomy terms and practices for `seed_demo` (fictional; see
practices_db/demo.py)."""

from __future__ import annotations

# vocabulary -> [(slug, name_en, name_nl), ...] in display order
TERMS: dict[str, list[tuple[str, str, str]]] = {
    "dimension": [
        ("migration-background", "Migration background", "Migratieachtergrond"),
        ("first-generation", "First-generation students", "Eerstegeneratiestudenten"),
        ("neurodiversity", "Neurodiversity", "Neurodiversiteit"),
        ("gender", "Gender", "Gender"),
        ("worldview", "Worldview and religion", "Levensbeschouwing en religie"),
        (
            "disability",
            "Disability and chronic illness",
            "Functiebeperking en chronische ziekte",
        ),
        (
            "home-language",
            "Home language and multilingualism",
            "Thuistaal en meertaligheid",
        ),
        (
            "socio-economic",
            "Socio-economic background",
            "Sociaaleconomische achtergrond",
        ),
        ("lgbtqia", "LGBTQIA+", "LHBTIQA+"),
        ("age-and-life-stage", "Age and life stage", "Leeftijd en levensfase"),
        (
            "international-students",
            "International students",
            "Internationale studenten",
        ),
    ],
    "aspect": [
        ("language-use", "Language use", "Taalgebruik"),
        ("assessment-formats", "Assessment formats", "Toetsvormen"),
        ("interaction-patterns", "Interaction patterns", "Interactiepatronen"),
        ("curriculum-design", "Curriculum design", "Curriculumontwerp"),
        ("feedback", "Feedback", "Feedback"),
        ("learning-environment", "Learning environment", "Leeromgeving"),
    ],
    "sdg": [
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
    "level": [
        ("bachelor-1", "First-year bachelor", "Bachelor jaar 1"),
        ("bachelor-2", "Second-year bachelor", "Bachelor jaar 2"),
        ("bachelor-3", "Third-year bachelor", "Bachelor jaar 3"),
        ("master", "Master", "Master"),
        ("pre-master", "Pre-master", "Premaster"),
        ("phd", "PhD", "Promotietraject"),
        ("professional", "Professional education", "Postinitieel onderwijs"),
    ],
    "format": [
        ("lecture", "Lecture", "Hoorcollege"),
        ("seminar", "Seminar", "Seminar"),
        ("tutorial", "Tutorial", "Werkcollege"),
        ("lab", "Lab session", "Labpracticum"),
        ("practical", "Practical", "Practicum"),
        ("project", "Project", "Projectonderwijs"),
        ("online", "Online", "Online onderwijs"),
        ("blended", "Blended learning", "Blended leren"),
        ("fieldwork", "Fieldwork", "Veldwerk"),
        ("supervision", "Supervision", "Begeleiding"),
    ],
}

PRACTICES: list[dict] = [
    {
        "title": "Translanguaging in first-year academic writing seminars",
        "summary": (
            "Students map the argument of each text in any language they think in "
            "before writing the final English text. The seminar became less about "
            "correcting accents and more about ideas, and students with a migration "
            "background took part noticeably more."
        ),
        "body": (
            "<p>In the first-year course <em>Academic Skills for Modern Languages</em> "
            "(about 60 students in three seminar groups), roughly a third of the "
            "students grew up with a home language other than Dutch or English: "
            "Arabic, Turkish, Polish, Papiamentu, Frisian. Many of them told me they "
            "kept quiet in seminars because their English did not feel “academic "
            "enough yet”.</p><h3>What I changed</h3><ul><li><strong>Brainstorm in any "
            "language.</strong> The first ten minutes of each seminar are for mapping "
            "the argument of the week's text in whatever language students think in. "
            "Pairs share a home language where possible; otherwise they use a "
            "mix.</li><li><strong>Multilingual glossaries.</strong> Each student keeps "
            "a glossary of key academic terms with the equivalent in their home "
            "language, which they may bring to the in-class writing "
            "task.</li><li><strong>Feedback on ideas first.</strong> Written feedback "
            "on the first draft deals only with structure and argument; language "
            "feedback follows on the second draft, using a short rubric shared in week "
            "1.</li><li><strong>Explicit norms.</strong> I say out loud in week 1 that "
            "accents and code-switching are welcome, and I model it myself with Dutch "
            "and French.</li></ul><h3>Tips for colleagues</h3><p>Keep the final "
            "product in the target language so the learning outcomes stay intact. The "
            "multilingual phase is a scaffold, not a replacement. Once the glossary "
            "template exists, it costs no extra preparation time.</p>"
        ),
        "evidence": (
            "<p>In the end-of-course survey (n = 48), 79% agreed with “I felt "
            "comfortable speaking in the seminar”, compared with 58% the year before. "
            "Students with a home language other than Dutch or English spoke up more "
            "often in my own tally of contributions (on average 3.1 versus 1.7 per "
            "session).</p><p>One student wrote: “For the first time I could explain "
            "what I actually meant, and then find the English words together with my "
            "partner.” The pass rate for the final essay stayed the same (86%), which "
            "reassured colleagues that standards had not dropped.</p>"
        ),
        "faculty": "arts",
        "discipline": "Modern Languages",
        "language": "en",
        "group_size": "medium",
        "levels": ["bachelor-1"],
        "formats": ["seminar"],
        "dimensions": ["migration-background", "home-language"],
        "aspects": ["language-use", "feedback"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Laura Meijer",
        "status": "published",
    },
    {
        "title": "Koloniale geschiedenis met familieverhalen als bron",
        "summary": (
            "In het vak Nederland en de wereld na 1945 brengen studenten een "
            "familieverhaal of voorwerp mee dat ze verbinden aan een archiefbron. Zo "
            "komen Indische, Surinaamse, Molukse en Marokkaanse perspectieven in het "
            "werkcollege, naast de overheidsarchieven."
        ),
        "body": (
            "<p>Het tweedejaars vak <em>Nederland en de wereld na 1945</em> behandelt "
            "dekolonisatie, arbeidsmigratie en de multiculturele samenleving. Lange "
            "tijd lazen we vooral bronnen uit Nederlandse overheidsarchieven. "
            "Studenten met een migratieachtergrond gaven in evaluaties aan dat hun "
            "eigen geschiedenis “als voetnoot” voelde.</p><h3>Wat ik heb "
            "gedaan</h3><p>In week 2 vraag ik studenten een familieverhaal, foto, "
            "brief of voorwerp mee te nemen dat iets zegt over migratie, oorlog of "
            "werk. Het hoeft niet over hun eigen familie te gaan en niemand is "
            "verplicht iets persoonlijks te delen: een interview met een buurvrouw of "
            "een object uit een museumcollectie mag ook.</p><ul><li>In groepjes van "
            "vier koppelen studenten hun verhaal aan een archiefbron uit dezelfde "
            "periode en vergelijken ze de perspectieven.</li><li>De eindopdracht is "
            "een bronkritiek van 1500 woorden waarin mondelinge geschiedenis en "
            "archief tegen elkaar worden afgewogen.</li><li>De literatuurlijst is "
            "aangevuld met historici uit Suriname, Indonesië en de Molukse gemeenschap "
            "in Nederland.</li></ul><h3>Waar je op moet letten</h3><p>Maak vooraf "
            "duidelijke afspraken over vertrouwelijkheid: wat in het werkcollege "
            "gedeeld wordt, blijft daar. Bied altijd een niet-persoonlijk alternatief "
            "aan. Sommige verhalen gaan over geweld of verlies; ik wijs dan op de "
            "studentenpsychologen en geef studenten de ruimte om een onderdeel over te "
            "slaan.</p>"
        ),
        "evidence": (
            "<p>Van de 64 studenten kozen er 41 voor een familieverhaal, de anderen "
            "voor een museumobject of interview. In de vakevaluatie steeg de score op "
            "“ik herkende mezelf in de stof” van 3,1 naar 4,0 (op een schaal van "
            "5).</p><p>Eén student schreef: “Mijn opa kwam in 1964 uit de Rif. Nu weet "
            "ik hoe je zijn verhaal als bron serieus neemt én kritisch bekijkt.”</p>"
        ),
        "faculty": "arts",
        "discipline": "Geschiedenis",
        "language": "nl",
        "group_size": "medium",
        "levels": ["bachelor-2"],
        "formats": ["seminar"],
        "dimensions": ["migration-background", "worldview"],
        "aspects": ["curriculum-design"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-SA-4.0",
        "contact_name": "Dr. Rachid Ouali",
        "status": "published",
    },
    {
        "title": "Names first, pronouns optional: a low-pressure introductions round",
        "summary": (
            "Instead of a public pronoun round, students fill in a short name card "
            "(the name they use, its pronunciation and, optionally, pronouns) that "
            "only the lecturer sees. LGBTQIA+ students and students whose names are "
            "often mispronounced felt respected without being put on the spot."
        ),
        "body": (
            "<p>In a second-year seminar on <em>Gender and Media</em> I used to start "
            "with a round in which everyone said their name and pronouns. It was well "
            "meant, but two trans students later told me it felt like a spotlight: "
            "they had to either out themselves or misgender themselves in front of "
            "strangers. Other students felt tested because they had never thought "
            "about it.</p><h3>The name card</h3><p>Now every student fills in a "
            "digital name card in week 1, visible only to me and the "
            "tutor:</p><ul><li>the name you want to be called, which may differ from "
            "the name in the student information system;</li><li>how to pronounce it, "
            "optionally with a short voice recording;</li><li>pronouns, <em>if you "
            "want to share them</em>;</li><li>anything else that helps you "
            "participate, for example “please don't call on me without "
            "warning”.</li></ul><p>In class I introduce myself with my pronouns and "
            "let students introduce themselves however they like. Name tents on the "
            "tables show the chosen name. I practise the names with the recordings "
            "before the second session.</p><h3>Why it works</h3><p>It separates "
            "respect from performance. Nobody has to disclose anything, yet everyone "
            "is called by the right name from week 2. The card also surfaces needs "
            "related to neurodiversity or anxiety that students rarely mention "
            "otherwise.</p>"
        ),
        "evidence": (
            "<p>Of 32 students, 30 filled in the card; 11 added a pronunciation "
            "recording and 9 shared pronouns. In the mid-term check-in, 27 of 29 "
            "respondents agreed that “the lecturer uses my name correctly”.</p><p>A "
            "student wrote: “Not having to announce my pronouns to the whole room, "
            "while still being called Sam, meant I actually came to class.”</p>"
        ),
        "faculty": "arts",
        "discipline": "Media Studies",
        "language": "en",
        "group_size": "medium",
        "levels": ["bachelor-2"],
        "formats": ["seminar"],
        "dimensions": ["lgbtqia", "gender"],
        "aspects": ["interaction-patterns", "learning-environment"],
        "sdgs": ["sdg-5", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Fleur van Dam",
        "status": "published",
    },
    {
        "title": "Ingesproken feedback op schrijfopdrachten",
        "summary": (
            "In plaats van commentaar in de kantlijn geef ik feedback in korte "
            "audiofragmenten van drie tot vijf minuten. Studenten met dyslexie of een "
            "andere thuistaal begrijpen de feedback beter en passen haar vaker toe in "
            "de volgende versie."
        ),
        "body": (
            "<p>In het eerstejaars vak <em>Schrijven voor de wetenschap</em> (ongeveer "
            "120 studenten, vijf werkgroepen) leveren studenten drie keer een tekst "
            "in. Ik merkte dat mijn schriftelijke feedback vaak niet gelezen of "
            "verkeerd begrepen werd: een opmerking als “onduidelijke alinea” zegt "
            "weinig als je niet weet wat je moet veranderen. Vooral studenten met "
            "dyslexie en studenten met een andere thuistaal dan het Nederlands haakten "
            "af.</p><h3>Aanpak</h3><ol><li>Ik lees de tekst één keer helemaal, zonder "
            "aantekeningen te maken.</li><li>Daarna neem ik in de digitale "
            "leeromgeving een audiofragment op van maximaal vijf minuten: wat gaat "
            "goed, wat zijn de twee belangrijkste verbeterpunten en hoe pak je die "
            "aan.</li><li>In de tekst zet ik alleen genummerde markeringen die naar "
            "het fragment verwijzen (“zie punt 2”).</li><li>Bij de volgende versie "
            "schrijven studenten in drie zinnen wat ze met de feedback hebben "
            "gedaan.</li></ol><p>Het opnemen kostte de eerste weken wat meer tijd, "
            "maar na een paar rondes ben ik sneller dan met typen: gemiddeld zes "
            "minuten per tekst in plaats van tien. De andere werkgroepdocenten zijn "
            "inmiddels ook overgestapt.</p><h3>Tip</h3><p>Zorg voor een automatisch "
            "transcript bij elk fragment, zodat studenten die slechthorend zijn of "
            "liever lezen ook geholpen zijn. Laat studenten kiezen: audio, tekst of "
            "allebei.</p>"
        ),
        "evidence": (
            "<p>In een korte enquête (n = 87) vond 82% de ingesproken feedback "
            "“duidelijker” dan schriftelijke. In de reflecties bij de tweede versie "
            "verwezen studenten veel vaker naar concrete verbeterpunten. Het aandeel "
            "teksten dat bij de derde inlevering voldoende was, steeg van 74% naar "
            "83%.</p><p>Een student met dyslexie: “Ik hoorde aan je stem wat "
            "belangrijk was. Dat lees ik nooit uit rode strepen.”</p>"
        ),
        "faculty": "arts",
        "discipline": "Communicatie- en informatiewetenschappen",
        "language": "nl",
        "group_size": "large",
        "levels": ["bachelor-1"],
        "formats": ["tutorial"],
        "dimensions": ["neurodiversity", "home-language"],
        "aspects": ["feedback", "language-use"],
        "sdgs": ["sdg-4"],
        "licence": "CC-BY-4.0",
        "contact_name": "Marloes Kuipers",
        "status": "published",
    },
    {
        "title": (
            "Climate fiction on our own coast: a creative-critical assignment in any "
            "language"
        ),
        "summary": (
            "In a climate fiction elective, students write a short story or poem set "
            "on the northern Dutch coast, in any language they feel at home in, plus a "
            "critical commentary in English. Multilingual students brought in words "
            "for landscape and weather that enriched the whole seminar."
        ),
        "body": (
            "<p>In the third-year English literature elective <em>Climate "
            "Fiction</em>, students read novels and poetry about climate change from "
            "South Asia, North America and the Pacific islands. One question kept "
            "coming back: what does this mean here, on a coast that lies partly below "
            "sea level?</p><h3>The assignment</h3><ul><li>Students write a short piece "
            "of climate fiction or poetry (up to 1,500 words) set in the northern "
            "Netherlands, for instance on the Wadden Sea coast or in a village "
            "struggling with salt water on farmland.</li><li>They may write the "
            "creative piece in any language they feel at home in, such as English, "
            "Dutch, Frisian, Gronings, Arabic or Polish, with an English translation "
            "attached.</li><li>A critical commentary of 1,500 words, in English, "
            "relates the piece to at least two course texts and to ecocritical "
            "theory.</li><li>Volunteers read their work at a public evening in the "
            "city library, where a climate scientist from our university "
            "responds.</li></ul><p>Both parts are assessed with one rubric that weighs "
            "the quality of critical reflection more heavily than literary polish, so "
            "students without creative writing experience are not "
            "disadvantaged.</p><h3>What we noticed</h3><p>Writing in a home language "
            "brought out images and words for land, water and weather that have no "
            "English equivalent. These became material for our seminar discussion on "
            "translation and place, and students who usually stayed quiet were "
            "suddenly the experts.</p>"
        ),
        "evidence": (
            "<p>Of 28 students, nine wrote their creative piece in a language other "
            "than English, three of them in Frisian. The public reading drew about 70 "
            "visitors. Students rated the assignment 4.5 out of 5.</p><p>One student "
            "wrote: “Writing about the dike my grandfather helped build, in his "
            "language, was the most personal thing I've ever done for a course.”</p>"
        ),
        "faculty": "arts",
        "discipline": "English Literature",
        "language": "en",
        "group_size": "medium",
        "levels": ["bachelor-3"],
        "formats": ["seminar"],
        "dimensions": ["home-language", "migration-background"],
        "aspects": ["assessment-formats", "curriculum-design"],
        "sdgs": ["sdg-13", "sdg-14"],
        "licence": "CC-BY-NC-4.0",
        "contact_name": "Dr. Olga Petrova",
        "status": "published",
    },
    {
        "title": (
            "Proeftentamen met open wetboek en een rubric vooraf in Inleiding "
            "privaatrecht"
        ),
        "summary": (
            "Eerstejaars rechtenstudenten maken halverwege het blok een proeftentamen "
            "met open wetboek en krijgen de rubric al in week 1. Vooral "
            "eerstegeneratiestudenten weten daarna beter wat een goed juridisch "
            "antwoord is, en het slagingspercentage steeg."
        ),
        "body": (
            "<p>Het vak <em>Inleiding privaatrecht</em> is voor veel eerstejaars de "
            "eerste kennismaking met juridische casusvragen. Studenten uit een gezin "
            "waar niemand heeft gestudeerd, missen vaak de ongeschreven kennis over "
            "wat een docent van een antwoord verwacht: hoe uitgebreid moet je zijn, "
            "noem je artikelnummers, begin je met de conclusie? Bij het tentamen "
            "scoorden juist zij vaker onvoldoende, ook als ze de stof goed "
            "kenden.</p><h3>Wat we deden</h3><ul><li>In week 4 maken alle studenten "
            "tijdens het hoorcollege een proeftentamen van 45 minuten, met hun wetboek "
            "erbij.</li><li>De beoordelingsrubric staat vanaf week 1 online en bevat "
            "per criterium (probleemstelling, relevante regel, toepassing op de "
            "feiten, conclusie) een voorbeeld van een zwak, voldoende en goed "
            "antwoord.</li><li>In het werkcollege beoordelen studenten met die rubric "
            "hun eigen antwoord en dat van een medestudent.</li><li>De docent "
            "bespreekt drie geanonimiseerde antwoorden klassikaal.</li></ul><p>Het "
            "proeftentamen telt niet mee voor het cijfer. De toetsing zelf bleef "
            "ongewijzigd, zodat we het effect konden volgen.</p><h3>Wat we "
            "leerden</h3><p>Maak expliciet dat de rubric geen trucje is, maar "
            "juridisch denken zichtbaar maakt. Sommige studenten dachten eerst dat het "
            "proeftentamen een verkapte selectie was; een korte uitleg in het eerste "
            "college nam die zorg weg.</p>"
        ),
        "evidence": (
            "<p>Het slagingspercentage bij de eerste kans ging van 61% naar 69% "
            "(ongeveer 420 studenten per jaar). Het verschil tussen "
            "eerstegeneratiestudenten en andere studenten werd kleiner: van 14 naar 8 "
            "procentpunten. In de evaluatie noemde 71% het proeftentamen “zeer "
            "nuttig”.</p><p>“Ik wist eindelijk wat ze met ‘toepassen op de feiten’ "
            "bedoelen”, schreef een student.</p>"
        ),
        "faculty": "law",
        "discipline": "Privaatrecht",
        "language": "nl",
        "group_size": "very_large",
        "levels": ["bachelor-1"],
        "formats": ["lecture", "tutorial"],
        "dimensions": ["first-generation", "socio-economic"],
        "aspects": ["assessment-formats", "feedback"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Bas Hendriks",
        "status": "published",
    },
    {
        "title": (
            "Rotating moot court roles so oral advocacy is not the only route to a "
            "good grade"
        ),
        "summary": (
            "In our moot court, teams rotate through four roles: researcher, memorial "
            "author, oral advocate and judge. Each student is assessed on two roles of "
            "their choice, which opened the course to anxious speakers, neurodivergent "
            "students and students still gaining confidence in English."
        ),
        "body": (
            "<p>Our master's course <em>Moot Court in International Law</em> used to "
            "grade one thing heavily: a 15-minute oral pleading in English before a "
            "bench of staff. Fluent, confident speakers thrived. Students with a "
            "stutter, social anxiety, autism or English as a third language often "
            "performed well below the level of their written work.</p><h3>The "
            "redesign</h3><ul><li>Teams of four work on one case for eight weeks. In "
            "short rehearsal rounds, every student takes each role once: "
            "<strong>researcher</strong>, <strong>memorial author</strong>, "
            "<strong>oral advocate</strong> and <strong>judge</strong>, who questions "
            "from the bench.</li><li>For the final assessment, students choose two "
            "roles. At least one team member pleads in the final round, but no "
            "individual is forced to.</li><li>Each role has its own rubric, published "
            "in week 1, all pitched at the same level of legal "
            "reasoning.</li><li>Rehearsal rounds are recorded, for the team only, so "
            "students can review their performance privately.</li></ul><h3>Practical "
            "notes</h3><p>The judge role turned out to be the hidden gem: formulating "
            "sharp questions requires as much legal insight as answering them. "
            "Students with test anxiety said that rehearsing as a judge first made the "
            "oral role less frightening. Agree on the format with the examination "
            "board beforehand; ours approved it because all roles assess the same "
            "learning outcomes.</p>"
        ),
        "evidence": (
            "<p>Over two years, 58 of 72 students still chose oral advocacy as one of "
            "their roles, so the skill did not disappear. The average grade rose "
            "slightly (from 7.0 to 7.3), and the gap between students' written and "
            "oral work narrowed.</p><p>One student wrote: “I'm autistic and "
            "improvising in front of judges is my nightmare. As a judge I could "
            "prepare my questions and still show I understood the case.”</p>"
        ),
        "faculty": "law",
        "discipline": "International and European Law",
        "language": "en",
        "group_size": "medium",
        "levels": ["master"],
        "formats": ["project", "seminar"],
        "dimensions": ["neurodiversity", "home-language", "disability"],
        "aspects": ["assessment-formats", "interaction-patterns"],
        "sdgs": ["sdg-4", "sdg-16"],
        "licence": "CC-BY-SA-4.0",
        "contact_name": "Dr. Ana Ferreira",
        "status": "published",
    },
    {
        "title": "Casusposities zonder stereotypen in het strafrechtonderwijs",
        "summary": (
            "We hebben alle casusposities in het tweedejaars vak Strafrecht "
            "doorgelicht op wie er verdachte, slachtoffer en rechter is. Na het "
            "herschrijven zijn namen en rollen gevarieerder, en werkgroepdocenten "
            "hoorden minder wij-zij-taal in de werkcolleges."
        ),
        "body": (
            "<p>Een student met een Marokkaanse achtergrond wees ons erop dat in bijna "
            "elke casus over geweld of drugs de verdachte “Mohammed” of “Yusuf” "
            "heette, terwijl de officier van justitie en de rechter steevast “Jansen” "
            "en “De Boer” waren. Toen we gingen tellen, bleek ze gelijk te hebben: van "
            "de 38 casussen in de bundel hadden er 23 een verdachte met een "
            "niet-westerse naam.</p><h3>Aanpak</h3><ol><li>Twee studentassistenten en "
            "een docent hebben alle casussen gescoord op naam, gender, beroep en rol "
            "van de personages.</li><li>We hebben namen en rollen herverdeeld zonder "
            "de juridische kern te veranderen. De verdachte heet nu net zo vaak "
            "“Pieter” als “Samira”, en de rechter heet ook weleens “mr. "
            "Çelik”.</li><li>Waar herkomst of geloof juridisch relevant is, "
            "bijvoorbeeld bij discriminatie als strafbaar feit, maken we dat expliciet "
            "en bespreken we het.</li><li>Werkgroepdocenten kregen een korte "
            "handreiking: hoe reageer je als een student een stereotype uitspraak "
            "doet?</li></ol><h3>Tips</h3><p>Betrek studenten bij het doorlichten; zij "
            "zien patronen die docenten missen. Het herschrijven kostte ons ongeveer "
            "twintig uur voor het hele vak en is goed te combineren met de jaarlijkse "
            "actualisering van de casussen. Het taalgebruik in de casussen verdient "
            "dezelfde aandacht: schrijf “een man zonder verblijfsvergunning” in plaats "
            "van “een illegaal”.</p>"
        ),
        "evidence": (
            "<p>In de vakevaluatie gaven studenten met en zonder migratieachtergrond "
            "de casussen een vergelijkbare waardering (4,1 en 4,2 op 5; het jaar "
            "ervoor 3,4 en 4,0). Werkgroepdocenten noteerden minder vaak opmerkingen "
            "over “dat soort mensen”.</p><p>Eén student schreef: “Het viel me pas op "
            "toen het anders was. Dat zegt eigenlijk genoeg.”</p>"
        ),
        "faculty": "law",
        "discipline": "Strafrecht",
        "language": "nl",
        "group_size": "large",
        "levels": ["bachelor-2"],
        "formats": ["tutorial"],
        "dimensions": ["migration-background", "worldview"],
        "aspects": ["curriculum-design", "language-use"],
        "sdgs": ["sdg-10", "sdg-16"],
        "licence": "CC-BY-NC-4.0",
        "contact_name": "Dr. Jeroen Smit",
        "status": "published",
    },
    {
        "title": "Climate justice law clinic with local community partners",
        "summary": (
            "Master's students give supervised legal information to a tenants' "
            "association and two village councils dealing with the energy transition "
            "and damage from gas extraction. The clinic connects climate law to "
            "residents who cannot easily afford a lawyer."
        ),
        "body": (
            "<p>In the master's elective <em>Climate and Energy Law in Practice</em>, "
            "students work in teams of three for a real client. Our partners are a "
            "tenants' association whose members face rising energy bills in poorly "
            "insulated homes, and two village councils in the region affected by "
            "earthquakes caused by gas extraction.</p><h3>How it works</h3><ul><li>In "
            "weeks 1–3, students follow short lectures on climate litigation, energy "
            "law and the ethics of legal clinics.</li><li>From week 4, each team meets "
            "its client at least twice, on location, and writes a legal memo followed "
            "by a one-page summary in plain language that the client can share with "
            "residents.</li><li>A practising lawyer and I supervise; students never "
            "give formal legal advice.</li><li>Assessment: the memo (50%), the client "
            "summary (20%, assessed partly by the client with a simple rubric) and a "
            "reflective log (30%).</li></ul><h3>The inclusion aspect</h3><p>Several "
            "students come from the region, some from families who could never afford "
            "a lawyer. Their local knowledge proved invaluable, and for the first time "
            "they saw their background valued in a law degree. For other students, it "
            "was their first close encounter with energy poverty.</p><p>Plan the "
            "partnership a semester ahead, agree on confidentiality in writing, and "
            "budget for travel so that no student is excluded by the price of a train "
            "ticket.</p>"
        ),
        "evidence": (
            "<p>All three partners asked to continue. The tenants' association used "
            "one memo in negotiations with their housing corporation about insulation. "
            "Of 21 students, 19 called the clinic “one of the most valuable courses of "
            "my master's”.</p><p>One wrote: “My parents went through the damage claims "
            "procedure for years. Explaining it to other residents in plain language "
            "was the most meaningful thing I did at university.”</p>"
        ),
        "faculty": "law",
        "discipline": "Environmental and Energy Law",
        "language": "en",
        "group_size": "small",
        "levels": ["master"],
        "formats": ["project", "fieldwork"],
        "dimensions": ["socio-economic"],
        "aspects": ["curriculum-design", "assessment-formats"],
        "sdgs": ["sdg-13", "sdg-16", "sdg-17"],
        "licence": "CC-BY-4.0",
        "contact_name": "Prof. Hanneke Visser",
        "status": "published",
    },
    {
        "title": (
            "Showing every skin: diverse patient images in clinical skills teaching"
        ),
        "summary": (
            "We audited the images in our dermatology and clinical skills teaching and "
            "found that fewer than 5% showed darker skin. After replacing images and "
            "rewriting cases, students became markedly more confident in recognising "
            "conditions across skin tones."
        ),
        "body": (
            "<p>In the second-year block <em>Skin and Clinical Signs</em>, students "
            "learn to recognise rashes, pressure ulcers, jaundice and cyanosis. A "
            "student asked in a lecture what erythema looks like on skin like hers. "
            "The honest answer was that our slides did not show it: of 412 clinical "
            "images, only 19 showed darker skin types.</p><h3>What we "
            "changed</h3><ul><li><strong>Images:</strong> each key condition is now "
            "shown on at least three skin tones, using open-access atlases and "
            "consented photographs from our own "
            "hospital.</li><li><strong>Language:</strong> “redness” is no longer the "
            "only sign described; we added descriptions that hold across skin tones, "
            "such as warmth, swelling, and violaceous or darker "
            "discolouration.</li><li><strong>Cases:</strong> patient cases in "
            "tutorials vary in skin tone, gender, age and body size, without making "
            "this the point of every case.</li><li><strong>Assessment:</strong> the "
            "image-based test has the same balance, so students know it "
            "matters.</li></ul><h3>Tips for colleagues</h3><p>Involve students in the "
            "audit: ours found images the staff had overlooked. Check consent and "
            "licences for every image. And avoid swinging to the other extreme, where "
            "darker skin appears only in cases about tropical disease, poverty or "
            "migration.</p>"
        ),
        "evidence": (
            "<p>Before and after the redesign we asked students to rate their "
            "confidence in recognising five conditions on darker skin. The mean rose "
            "from 2.2 to 3.6 on a 5-point scale (n = 288 and n = 301). In the "
            "image-based test, the gap in correct answers between items with lighter "
            "and darker skin fell from 17 to 6 percentage points.</p><p>A student "
            "wrote: “For the first time I saw my own skin in a textbook image that "
            "wasn't about a tropical disease.”</p>"
        ),
        "faculty": "medicine",
        "discipline": "Medicine",
        "language": "en",
        "group_size": "very_large",
        "levels": ["bachelor-2"],
        "formats": ["lecture", "tutorial"],
        "dimensions": ["migration-background", "gender"],
        "aspects": ["curriculum-design", "language-use"],
        "sdgs": ["sdg-3", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Kwame Mensah",
        "status": "published",
    },
    {
        "title": "Voorspelbare OSCE: uitlegvideo vooraf en een prikkelarme wachtruimte",
        "summary": (
            "Bij het praktijkexamen (OSCE) in het derde jaar krijgen alle studenten "
            "een week vooraf een video over het verloop, en is er een prikkelarme "
            "wachtruimte. Neurodiverse studenten en studenten met examenvrees "
            "presteerden beter, zonder dat het examen makkelijker werd."
        ),
        "body": (
            "<p>De OSCE (Objective Structured Clinical Examination) is voor veel "
            "geneeskundestudenten een stressvolle toetsvorm: acht stations van acht "
            "minuten, wisselende examinatoren, een bel en een drukke gang. Studenten "
            "met autisme of ADHD gaven aan dat vooral de onvoorspelbaarheid en de "
            "prikkels hen opbraken, niet de medische inhoud.</p><h3>Wat we hebben "
            "veranderd</h3><ul><li><strong>Uitlegvideo:</strong> een week voor het "
            "examen krijgt iedereen een video van vijf minuten over het hele verloop: "
            "waar je je meldt, hoe de stations eruitzien en wat er gebeurt als de bel "
            "gaat.</li><li><strong>Vaste instructiekaart:</strong> de opdracht bij elk "
            "station staat in een vast format, steeds met dezelfde volgorde van "
            "informatie.</li><li><strong>Prikkelarme wachtruimte:</strong> voor "
            "iedereen die dat wil, zonder dat je een diagnose hoeft te tonen. Er "
            "liggen koptelefoons en de verlichting is "
            "gedimd.</li><li><strong>Oefen-OSCE:</strong> in week 6 doen alle "
            "studenten een oefenronde van drie stations met dezelfde "
            "opzet.</li></ul><p>De inhoud, de beoordelingslijsten en de cesuur bleven "
            "gelijk. De examencommissie en de coördinator toetsing waren vanaf het "
            "begin betrokken.</p><h3>Lessen</h3><p>Maak de aanpassingen universeel in "
            "plaats van alleen op aanvraag. Veel studenten zonder diagnose hebben er "
            "ook baat bij, en niemand hoeft zich te verantwoorden.</p>"
        ),
        "evidence": (
            "<p>Ongeveer een kwart van de 380 studenten gebruikte de prikkelarme "
            "wachtruimte. Het percentage studenten dat de OSCE in één keer haalde, "
            "ging van 84% naar 88%. In de evaluatie zei 91% dat de uitlegvideo de "
            "spanning verminderde.</p><p>Een student met ADHD: “Ik kon mijn energie "
            "gebruiken voor de patiënt in plaats van voor de gang.”</p>"
        ),
        "faculty": "medicine",
        "discipline": "Geneeskunde",
        "language": "nl",
        "group_size": "very_large",
        "levels": ["bachelor-3"],
        "formats": ["practical"],
        "dimensions": ["neurodiversity", "disability"],
        "aspects": ["assessment-formats", "learning-environment"],
        "sdgs": ["sdg-3", "sdg-4"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Ilse Brouwer",
        "status": "published",
    },
    {
        "title": (
            "Toegankelijk labpracticum farmacie: protocollen vooraf en verstelbare "
            "werkplekken"
        ),
        "summary": (
            "Voor het labpracticum Farmaceutische analyse staan protocollen, "
            "veiligheidsvideo's en een plattegrond een week vooraf online, en zijn "
            "werkplekken in hoogte verstelbaar. Studenten met een fysieke beperking of "
            "chronische ziekte kunnen nu volwaardig meedoen."
        ),
        "body": (
            "<p>Een student in een rolstoel kon vorig jaar niet zelfstandig aan de "
            "zuurkast werken en moest “meekijken” met een medestudent. Dat was voor "
            "ons de aanleiding om het tweedejaars practicum <em>Farmaceutische "
            "analyse</em> door te lichten op toegankelijkheid, samen met de "
            "studentendecaan en de "
            "arbocoördinator.</p><h3>Maatregelen</h3><ul><li>Twee werkplekken en één "
            "zuurkast zijn in hoogte verstelbaar; een weegtafel is onderrijdbaar "
            "gemaakt.</li><li>Alle protocollen, veiligheidsinstructies en een "
            "plattegrond van het lab staan een week vooraf online, ook als korte video "
            "met ondertiteling.</li><li>Studenten kunnen vooraf aangeven dat ze "
            "langere pauzes nodig hebben, bijvoorbeeld bij diabetes of "
            "vermoeidheidsklachten; het rooster heeft daar nu vaste ruimte "
            "voor.</li><li>Labjassen en veiligheidsbrillen zijn er in meer maten, "
            "inclusief brillen die over een eigen bril passen.</li></ul><p>De kosten "
            "vielen mee: ongeveer € 4.000 voor de verstelbare werkplekken, betaald uit "
            "het facultaire budget voor onderwijsvernieuwing.</p><h3>Tip</h3><p>Vraag "
            "niet alleen “wie heeft een aanpassing nodig?”, maar loop samen met "
            "studenten door het lab. Zij zien drempels die je als docent na twintig "
            "jaar niet meer opmerkt, zoals een noodknop die te hoog hangt.</p>"
        ),
        "evidence": (
            "<p>Dit jaar voerden alle 96 studenten alle experimenten zelfstandig uit, "
            "onder wie drie studenten met een fysieke beperking. Studenten waardeerden "
            "de vooraf gedeelde protocollen met 4,5 op 5; ook studenten zonder "
            "beperking voelden zich beter voorbereid. Het aantal veiligheidsincidenten "
            "daalde van zes naar twee.</p>"
        ),
        "faculty": "medicine",
        "discipline": "Farmacie",
        "language": "nl",
        "group_size": "large",
        "levels": ["bachelor-2"],
        "formats": ["lab", "practical"],
        "dimensions": ["disability"],
        "aspects": ["learning-environment"],
        "sdgs": ["sdg-3", "sdg-4"],
        "licence": "CC-BY-NC-SA-4.0",
        "contact_name": "Dr. Wouter Hofman",
        "status": "published",
    },
    {
        "title": "Planetary health module co-designed with medical students",
        "summary": (
            "A two-week planetary health module in the master's programme in Medicine "
            "was designed together with six students. It links climate change, air "
            "pollution and heat stress to patient care, with explicit attention to "
            "which patients are hit hardest."
        ),
        "body": (
            "<p>Medical students increasingly asked why climate change was missing "
            "from their curriculum, while heatwaves and air pollution already affect "
            "the patients they meet during clinical rotations. Rather than adding a "
            "single lecture, we invited six master's students from the student climate "
            "group to co-design a two-week "
            "module.</p><h3>Design</h3><ul><li><strong>Week 1, knowledge:</strong> "
            "short lectures on the health effects of heat, air pollution and shifting "
            "infectious diseases, and on the carbon footprint of healthcare "
            "itself.</li><li><strong>Week 1, equity:</strong> a seminar on who is most "
            "affected: older people living alone, people in poorly insulated homes, "
            "outdoor workers and patients with chronic illness.</li><li><strong>Week "
            "2, practice:</strong> in small groups, students choose a hospital "
            "department and analyse one care pathway for sustainability, such as "
            "inhaler choice, anaesthetic gases or reusable "
            "instruments.</li><li><strong>Assessment:</strong> a policy brief for the "
            "head of department, assessed with a rubric co-written with the "
            "students.</li></ul><h3>What co-design added</h3><p>The students insisted "
            "on the equity seminar and on a realistic assignment. They also invited a "
            "nurse and a patient with COPD as guest speakers, which made the topic "
            "concrete rather than abstract. Co-designers received a certificate and a "
            "small honorarium for their time.</p>"
        ),
        "evidence": (
            "<p>The module has run twice with about 140 students each time. In the "
            "evaluation, 86% agreed that “this module changed how I think about my "
            "future practice”. Two policy briefs led to changes; the pulmonology "
            "department now discusses lower-carbon inhalers with patients where "
            "clinically appropriate.</p><p>A student wrote: “It finally connected my "
            "worries about the climate to the work I'm training for.”</p>"
        ),
        "faculty": "medicine",
        "discipline": "Medicine (Global Health)",
        "language": "en",
        "group_size": "large",
        "levels": ["master"],
        "formats": ["blended", "seminar"],
        "dimensions": ["socio-economic", "age-and-life-stage"],
        "aspects": ["curriculum-design"],
        "sdgs": ["sdg-3", "sdg-13"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Sarah Okonkwo",
        "status": "published",
    },
    {
        "title": (
            "Pair programming with role cards to balance participation in group work"
        ),
        "summary": (
            "In first-year programming labs, pairs swap explicit driver and navigator "
            "roles every 15 minutes, supported by role cards. Women and neurodivergent "
            "students reported being sidelined less often, and pass rates became more "
            "even."
        ),
        "body": (
            "<p>In our first-year course <em>Introduction to Programming</em> (about "
            "350 students, weekly labs of 25), we noticed that in free-form group work "
            "the most confident student, often a man with prior programming "
            "experience, took the keyboard and kept it. Others, including many women "
            "and some neurodivergent students, ended up watching and learned "
            "less.</p><h3>How it works</h3><ul><li>Students work in pairs assigned by "
            "the teaching assistant and rotated every two weeks.</li><li>A timer on "
            "the screen signals a swap every 15 minutes between "
            "<strong>driver</strong> (types) and <strong>navigator</strong> (thinks "
            "ahead, reads the assignment, spots errors).</li><li>Each pair gets role "
            "cards with prompts, for example for the navigator: “Ask your driver to "
            "explain the next line before they type it.”</li><li>Teaching assistants "
            "are trained to address the pair, not the person at the "
            "keyboard.</li><li>Students who find constant talking exhausting may ask "
            "for a “quiet pair”, in which part of the communication happens through "
            "comments in the code.</li></ul><h3>Tips</h3><p>Explain why you do it: "
            "students accept rules more easily when they know the research on pair "
            "programming. Mixed-experience pairs work well, but in the first weeks "
            "avoid pairing a hesitant beginner with a very dominant peer; our "
            "assistants keep an eye on this when assigning pairs. The role cards are "
            "short and easy to adapt for other lab courses.</p>"
        ),
        "evidence": (
            "<p>In the end-of-course survey (n = 274), the share of women who agreed "
            "with “I regularly got to write code during labs” rose from 52% to 81%. "
            "The pass rate for women went from 68% to 77%, for men from 74% to "
            "78%.</p><p>A student with ADHD wrote: “The 15-minute switch kept me "
            "focused, and the quiet-pair option saved me on bad days.”</p>"
        ),
        "faculty": "science",
        "discipline": "Computing Science",
        "language": "en",
        "group_size": "very_large",
        "levels": ["bachelor-1"],
        "formats": ["lab"],
        "dimensions": ["gender", "neurodiversity"],
        "aspects": ["interaction-patterns"],
        "sdgs": ["sdg-4", "sdg-5"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Ewa Kowalska",
        "status": "published",
    },
    {
        "title": (
            "Tweewekelijkse minitoetsen in Calculus in plaats van alleen één groot "
            "tentamen"
        ),
        "summary": (
            "In Calculus 1 vervangen zes korte minitoetsen met herkansing een deel van "
            "het eindtentamen. Studenten die thuis niet vanzelf leren hoe je studeert, "
            "bouwen zo een ritme op; de uitval in het eerste blok daalde en het "
            "slagingspercentage steeg."
        ),
        "body": (
            "<p>Calculus 1 is voor eerstejaars wiskunde, natuurkunde en sterrenkunde "
            "een beruchte struikelsteen. Uit gesprekken met studieadviseurs bleek dat "
            "vooral eerstegeneratiestudenten en studenten met een flinke bijbaan de "
            "eerste weken onderschatten en pas bij het tentamen merkten dat ze "
            "achterliepen. Dan is het te laat.</p><h3>Nieuwe opzet van de "
            "toetsing</h3><ul><li>Zes online minitoetsen van twintig minuten, elke "
            "twee weken, met vijf opgaven over de stof van die weken.</li><li>Elke "
            "minitoets kun je één keer herkansen in de week erna, met andere opgaven. "
            "Het hoogste cijfer telt.</li><li>Samen tellen de minitoetsen voor 30% "
            "mee; het schriftelijke eindtentamen voor 70%.</li><li>Na elke minitoets "
            "krijgt iedereen automatisch uitgewerkte oplossingen en een verwijzing "
            "naar de bijbehorende oefenopgaven.</li></ul><p>De minitoetsen kunnen op "
            "elk moment binnen een tijdvenster van drie dagen worden gemaakt, zodat "
            "studenten met werk of zorgtaken ze zelf kunnen "
            "inplannen.</p><h3>Aandachtspunten</h3><p>Fraude bij online toetsen is een "
            "reëel risico. We gebruiken daarom grote opgavenbanken met gerandomiseerde "
            "getallen en houden het gewicht beperkt. De coördinator van het eerste "
            "jaar heeft de planning afgestemd met de andere vakken, zodat studenten "
            "niet in één week vier deadlines hebben.</p>"
        ),
        "evidence": (
            "<p>Het percentage studenten dat na blok 1 nog actief meedeed, steeg van "
            "78% naar 88% (circa 260 studenten). Het slagingspercentage van Calculus 1 "
            "ging van 55% naar 64%. Bij eerstegeneratiestudenten was de stijging "
            "groter: van 44% naar 58%.</p><p>Een student schreef: “Door de minitoetsen "
            "wist ik in week 3 al dat ik hulp nodig had, niet pas in week 9.”</p>"
        ),
        "faculty": "science",
        "discipline": "Wiskunde",
        "language": "nl",
        "group_size": "very_large",
        "levels": ["bachelor-1"],
        "formats": ["lecture", "online"],
        "dimensions": ["first-generation", "socio-economic"],
        "aspects": ["assessment-formats", "feedback"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC0-1.0",
        "contact_name": "Dr. Mark de Graaf",
        "status": "published",
    },
    {
        "title": "Green chemistry redesign of the second-year organic chemistry lab",
        "summary": (
            "We replaced the most hazardous solvents and reagents in the organic "
            "chemistry lab with greener alternatives. Halogenated waste fell by more "
            "than half, and students who are pregnant or have asthma can now do nearly "
            "every experiment."
        ),
        "body": (
            "<p>Every year a few students in our second-year <em>Organic Chemistry "
            "Lab</em> had to skip experiments because they were pregnant, "
            "breastfeeding, had severe asthma or used medication that made exposure to "
            "certain solvents unwise. They received a paper assignment instead and "
            "missed hands-on skills. Meanwhile, the lab produced about 180 litres of "
            "halogenated waste a year.</p><h3>What we did</h3><ol><li>With two "
            "master's students, we screened all twelve experiments against the twelve "
            "principles of green chemistry.</li><li>We replaced dichloromethane with "
            "ethyl acetate or 2-methyltetrahydrofuran where possible, and moved three "
            "reactions to water or solvent-free conditions.</li><li>Two experiments "
            "were scaled down to microscale.</li><li>Each lab manual now opens with a "
            "short “green metrics” section: students calculate atom economy and "
            "E-factor for their own synthesis and propose an improvement in their lab "
            "report.</li></ol><h3>The inclusion benefit</h3><p>Because the most toxic "
            "reagents are gone, students with a health condition or in a particular "
            "life stage no longer need separate arrangements for most experiments. The "
            "two remaining experiments with higher-risk substances have a documented "
            "alternative that trains the same practical skills, agreed in advance with "
            "the lab safety officer.</p>"
        ),
        "evidence": (
            "<p>Halogenated waste fell from about 180 to 70 litres a year, and solvent "
            "purchasing costs dropped by roughly 35%. In the last two years, no "
            "student had to skip an experiment for health reasons (previously three to "
            "five a year). Students rated the green metrics section 4.0 out of 5 for "
            "relevance.</p><p>One wrote: “It made me see that being a good chemist and "
            "being a responsible one are the same thing.”</p>"
        ),
        "faculty": "science",
        "discipline": "Chemistry",
        "language": "en",
        "group_size": "large",
        "levels": ["bachelor-2"],
        "formats": ["lab"],
        "dimensions": ["disability", "age-and-life-stage"],
        "aspects": ["curriculum-design", "learning-environment"],
        "sdgs": ["sdg-3", "sdg-12"],
        "licence": "CC-BY-SA-4.0",
        "contact_name": "Dr. Thomas Visscher",
        "status": "published",
    },
    {
        "title": (
            "Diverse rolmodellen en genderbewust taalgebruik in het natuurkundecollege"
        ),
        "summary": (
            "In het hoorcollege Mechanica begint elke week met een kort portret van "
            "een natuurkundige, en ik let op taal als ‘dit is triviaal’ of ‘hij’ voor "
            "elke onderzoeker. Vrouwelijke studenten voelen zich sindsdien meer thuis "
            "in de opleiding."
        ),
        "body": (
            "<p>In onze bacheloropleiding natuurkunde is ongeveer een op de vijf "
            "studenten een vrouw. In evaluaties en gesprekken met de studievereniging "
            "kwam naar voren dat vrouwelijke studenten en studenten uit niet-westerse "
            "landen zich vaak niet herkennen in het beeld van “de natuurkundige”. "
            "Kleine signalen in het college versterken dat beeld, zonder dat docenten "
            "het doorhebben.</p><h3>Wat ik doe</h3><ul><li><strong>Vijf minuten "
            "portret:</strong> elke week begin ik met een natuurkundige van wie het "
            "werk aansluit bij de stof, bijvoorbeeld Emmy Noether bij behoudswetten. "
            "Ook onderzoekers van onze eigen faculteit komen aan bod, met hun "
            "toestemming.</li><li><strong>Taalgebruik:</strong> ik vermijd woorden als "
            "“triviaal”, “evident” of “dat ziet iedereen direct”. Die schrikken juist "
            "studenten af die al twijfelen of ze hier horen. Ik spreek over “de "
            "onderzoeker … zij of hij” of gebruik het meervoud.</li><li><strong>Vragen "
            "stellen:</strong> ik gebruik een online vraagtool, zodat studenten "
            "anoniem kunnen vragen. Zo domineren niet steeds dezelfde "
            "stemmen.</li><li><strong>Voorbeelden:</strong> opgaven gaan niet alleen "
            "over raketten en auto's, maar ook over medische beeldvorming, klimaat en "
            "sport.</li></ul><h3>Reactie van collega's</h3><p>Sommige collega's vonden "
            "de portretten eerst tijdverlies. Het kost echter maar vijf minuten, en "
            "studenten noemen het in evaluaties vaak als hoogtepunt. Drie collega's "
            "hebben het idee inmiddels overgenomen.</p>"
        ),
        "evidence": (
            "<p>Op de stelling “ik voel me thuis in deze opleiding” scoorden "
            "vrouwelijke studenten 3,9 (was 3,3); bij mannelijke studenten bleef de "
            "score gelijk op 4,1. Per college kwamen er gemiddeld elf anonieme vragen "
            "binnen, ongeveer de helft van studenten die zelden iets hardop "
            "vroegen.</p><p>Een studente schreef: “Het is gek hoeveel het uitmaakt dat "
            "er ook eens een vrouw op het scherm staat.”</p>"
        ),
        "faculty": "science",
        "discipline": "Natuurkunde",
        "language": "nl",
        "group_size": "large",
        "levels": ["bachelor-1"],
        "formats": ["lecture"],
        "dimensions": ["gender", "migration-background"],
        "aspects": ["language-use", "curriculum-design"],
        "sdgs": ["sdg-4", "sdg-5"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Sanne Bakker",
        "status": "published",
    },
    {
        "title": "Campus energy data as a real-world group project",
        "summary": (
            "Student teams analyse hourly energy and heating data from university "
            "buildings and propose savings to the facility management department. This "
            "is a draft: results from the second run still have to be added."
        ),
        "body": (
            "<p>In the third-year course <em>Energy Systems Analysis</em>, teams of "
            "four get access to anonymised, hourly energy and heating data from twelve "
            "university buildings, provided by the facility management "
            "department.</p><h3>Structure</h3><ul><li>Weeks 1–2: lectures on energy "
            "balances, heat pumps and data cleaning, plus a Python tutorial with the "
            "real dataset.</li><li>Weeks 3–7: each team adopts one building, visits it "
            "with a facility manager, identifies patterns (for example heating running "
            "in empty lecture halls at weekends) and models the effect of "
            "interventions.</li><li>Week 8: teams present to facility management, who "
            "choose one proposal per year to try out.</li></ul><h3>Group work and "
            "inclusion</h3><p>Because teams mix international and Dutch students, we "
            "use a team charter and a peer feedback round in week 5. We also assign "
            "roles (data lead, modelling lead, stakeholder lead, editor) that rotate "
            "halfway through. Students who are less confident in coding can take the "
            "stakeholder role first and pick up the coding from a teammate later, so "
            "the group work does not simply reproduce existing differences in prior "
            "experience.</p><p><em>To do:</em> add the results from the second run, "
            "and describe how individual contributions are weighed in the group "
            "grade.</p>"
        ),
        "evidence": (
            "<p>First run: one proposal, adjusted heating schedules in two lecture "
            "halls, was implemented and saved an estimated 9% of the heating energy of "
            "those buildings over the winter. Student evaluations were positive (4.2 "
            "out of 5), but the sample was small (n = 19).</p>"
        ),
        "faculty": "science",
        "discipline": "Energy and Environmental Sciences",
        "language": "en",
        "group_size": "medium",
        "levels": ["bachelor-3"],
        "formats": ["project"],
        "dimensions": ["international-students"],
        "aspects": ["curriculum-design", "interaction-patterns"],
        "sdgs": ["sdg-7", "sdg-13"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Pieter Kramer",
        "status": "draft",
    },
    {
        "title": "Waddenveldwerk samen met scholieren uit het Eemsdeltagebied",
        "summary": (
            "Tweedejaars biologiestudenten meten microplastics en bodemleven op het "
            "wad, samen met havo- en vwo-leerlingen uit de regio. Studenten leren "
            "wetenschap uitleggen, en leerlingen die vaak als eerste in hun familie "
            "gaan studeren, maken kennis met de universiteit."
        ),
        "body": (
            "<p>Het veldwerk in ons tweedejaars vak <em>Ecologie van de Waddenzee</em> "
            "deden we altijd alleen met biologiestudenten. Sinds drie jaar werken we "
            "samen met twee middelbare scholen uit het Eemsdeltagebied, een regio waar "
            "relatief weinig jongeren naar de universiteit "
            "gaan.</p><h3>Opzet</h3><ul><li>Tijdens twee veldwerkdagen vormen "
            "studenten en leerlingen gemengde teams van vijf. Ze nemen "
            "sedimentmonsters, tellen bodemdieren en zeven monsters op "
            "microplastics.</li><li>Elke student is verantwoordelijk voor het "
            "uitleggen van één meetmethode aan de leerlingen, in begrijpelijke "
            "taal.</li><li>Terug op de universiteit analyseren de teams de monsters "
            "samen in het lab. De leerlingen gebruiken de data voor hun "
            "profielwerkstuk.</li><li>Voor de toetsing schrijven studenten een "
            "wetenschappelijk rapport én een publieksversie voor de "
            "scholen.</li></ul><h3>Waarom het werkt</h3><p>Voor de leerlingen is de "
            "universiteit na afloop geen onbekend gebouw meer; ze hebben gewerkt met "
            "studenten die soms uit dezelfde dorpen komen. Voor de studenten is "
            "uitleggen de beste manier om de methode zelf te doorgronden. Onze eigen "
            "eerstegeneratiestudenten bleken vaak de beste rolmodellen.</p><p>Regel "
            "vooraf vervoer, toestemming van ouders en een veiligheidsplan voor het "
            "wad. We werken met een ervaren wadgids, en de getijdentabel bepaalt het "
            "programma.</p>"
        ),
        "evidence": (
            "<p>In drie jaar deden 84 studenten en 61 leerlingen mee. Van de "
            "leerlingen gaf 70% aan “meer zin in studeren” te hebben gekregen. De "
            "microplasticsdata zijn gedeeld met een landelijk "
            "monitoringproject.</p><p>Een student: “Ik kom zelf uit Delfzijl. Dat ik "
            "die leerlingen kon laten zien wat je hier kunt doen, was heel "
            "bijzonder.”</p>"
        ),
        "faculty": "science",
        "discipline": "Biologie (mariene ecologie)",
        "language": "nl",
        "group_size": "medium",
        "levels": ["bachelor-2"],
        "formats": ["fieldwork"],
        "dimensions": ["first-generation", "socio-economic"],
        "aspects": ["curriculum-design", "interaction-patterns"],
        "sdgs": ["sdg-4", "sdg-14", "sdg-17"],
        "licence": "CC-BY-NC-4.0",
        "contact_name": "Dr. Jelle Postma",
        "status": "published",
    },
    {
        "title": "WEIRD-steekproeven kritisch bekijken in het statistiekonderwijs",
        "summary": (
            "In Statistiek 2 analyseren studenten open datasets uit veel verschillende "
            "landen en bespreken ze wie er in psychologisch onderzoek wel en niet "
            "vertegenwoordigd is. Studenten met een migratieachtergrond voelen zich "
            "vaker aangesproken, en alle studenten worden kritischer op "
            "generaliseerbaarheid."
        ),
        "body": (
            "<p>Het overgrote deel van het psychologisch onderzoek is gedaan met "
            "deelnemers uit westerse, hoogopgeleide, rijke en democratische "
            "samenlevingen (WEIRD). In ons statistiekonderwijs kwam dat nooit ter "
            "sprake: de oefendatasets gingen over “de” student of “de” mens. Studenten "
            "van wie de ouders uit Turkije, Syrië of Ghana kwamen, zagen hun eigen "
            "achtergrond nergens terug.</p><h3>Wat we veranderden in Statistiek "
            "2</h3><ul><li>De oefendatasets zijn vervangen door open data uit "
            "cross-culturele studies, bijvoorbeeld over welbevinden en religiositeit "
            "in veertig landen.</li><li>Elke week bevat één opdracht waarin studenten "
            "met de data de vraag beantwoorden “voor wie geldt deze conclusie?”: "
            "steekproefkenmerken, meetinvariantie, effectgroottes per "
            "groep.</li><li>In het werkcollege bespreken studenten in kleine groepen "
            "een artikel waarin een “universeel” effect niet repliceerde in een andere "
            "cultuur.</li><li>Het tentamen bevat een open vraag over "
            "generaliseerbaarheid, beoordeeld met een rubric.</li></ul><h3>Let "
            "op</h3><p>Voorkom dat studenten met een migratieachtergrond worden "
            "aangesproken als ervaringsdeskundige van “hun” land. Laat de data het "
            "werk doen. Ook levensbeschouwing komt aan bod: religiositeit is een "
            "variabele die in Nederlandse steekproeven vaak ontbreekt, terwijl veel "
            "studenten er belang aan hechten.</p>"
        ),
        "evidence": (
            "<p>In de evaluatie (n = 312) scoorde de stelling “de voorbeelden in dit "
            "vak zijn relevant voor mensen zoals ik” 3,8, tegen 3,0 het jaar ervoor. "
            "Op de tentamenvraag over generaliseerbaarheid haalde 72% van de studenten "
            "een voldoende.</p><p>Een student schreef: “Ik dacht altijd dat statistiek "
            "neutraal was. Nu snap ik dat de keuze van je steekproef al een keuze over "
            "mensen is.”</p>"
        ),
        "faculty": "social",
        "discipline": "Psychologie",
        "language": "nl",
        "group_size": "very_large",
        "levels": ["bachelor-2"],
        "formats": ["lecture", "tutorial"],
        "dimensions": ["migration-background", "worldview"],
        "aspects": ["curriculum-design", "assessment-formats"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Esther Vos",
        "status": "published",
    },
    {
        "title": "Making hidden costs visible: a zero-cost reading list in Sociology",
        "summary": (
            "We rebuilt first-year sociology around open-access readings and library "
            "e-books, and made all remaining costs explicit in the course guide. "
            "Students from low-income families no longer start the year behind because "
            "they cannot afford books."
        ),
        "body": (
            "<p>A first-year student once told me she had waited for the first pay "
            "cheque from her supermarket job before buying the €95 textbook for "
            "<em>Introduction to Sociology</em>. By then she was three weeks behind. A "
            "small survey showed she was not alone: 23% of our first-years had "
            "postponed or skipped buying required materials.</p><h3>What we "
            "changed</h3><ol><li><strong>Open reading list:</strong> the commercial "
            "textbook was replaced by an open textbook, supplemented with journal "
            "articles and e-books available through the library. Every reading is "
            "linked directly from the course page.</li><li><strong>Hidden-cost "
            "statement:</strong> each course guide now lists all costs a student may "
            "face: printing, travel for excursions, software, and whether a laptop is "
            "needed. Where costs remain, we name the university funds that can "
            "help.</li><li><strong>No unspoken expectations:</strong> the guide "
            "explains terms such as “reading week” and “office hours”, which "
            "first-generation students often have not heard "
            "before.</li></ol><h3>Practical advice</h3><p>Talk to your subject "
            "librarian early, because licences for multi-user e-books take time. An "
            "open textbook rarely fits perfectly, so we wrote short bridging texts for "
            "two topics. Check that the readings also work on a phone, since not every "
            "student owns a reliable laptop.</p>"
        ),
        "evidence": (
            "<p>The share of students who had “all required materials by week 1” rose "
            "from 71% to 97% (n = 188). The pass rate rose modestly, from 73% to "
            "77%.</p><p>In focus groups, students from lower-income families called "
            "the hidden-cost statement “a relief” and “the first time anyone admitted "
            "that university costs money”.</p>"
        ),
        "faculty": "social",
        "discipline": "Sociology",
        "language": "en",
        "group_size": "large",
        "levels": ["bachelor-1"],
        "formats": ["lecture", "seminar"],
        "dimensions": ["socio-economic", "first-generation"],
        "aspects": ["curriculum-design"],
        "sdgs": ["sdg-1", "sdg-4", "sdg-10"],
        "licence": "CC0-1.0",
        "contact_name": "Dr. Yasmin Haddad",
        "status": "published",
    },
    {
        "title": (
            "Anonymous second reading with a shared rubric for the psychology bachelor "
            "thesis"
        ),
        "summary": (
            "Second readers of psychology bachelor theses now grade anonymously, with "
            "a rubric and anchor examples, before they see the supervisor's grade. The "
            "grade gap between students with and without a migration background has "
            "narrowed considerably."
        ),
        "body": (
            "<p>An internal analysis of five years of bachelor thesis grades in "
            "psychology showed that students with a non-Western migration background "
            "received grades that were on average 0.4 points lower, even after "
            "controlling for previous study results. We could not tell why, but two "
            "elements of our process left room for bias: the second reader knew the "
            "student's name and saw the supervisor's grade before grading.</p><h3>New "
            "procedure</h3><ul><li>Theses are uploaded with a student number only; the "
            "second reader sees neither the name nor the supervisor's "
            "comments.</li><li>Both graders use the same rubric with five criteria: "
            "research question, method, analysis, discussion and academic writing. "
            "Each criterion has anchor examples from earlier theses.</li><li>Graders "
            "score independently first, then meet to discuss differences of more than "
            "one point.</li><li>Twice a year, supervisors calibrate by grading the "
            "same two theses and comparing their scores and "
            "feedback.</li></ul><h3>Limitations</h3><p>Full anonymity is impossible "
            "for the supervisor, who knows the student. The rubric should also not "
            "reward polished language alone: we state explicitly that minor language "
            "errors do not lower the academic writing score unless they obscure the "
            "meaning, which matters for multilingual students.</p>"
        ),
        "evidence": (
            "<p>In the two years since the change (about 520 theses), the average "
            "grade gap fell from 0.4 to 0.15 points. Agreement between first and "
            "second readers improved: differences of more than one point dropped from "
            "18% to 9% of theses.</p><p>Supervisors described the calibration sessions "
            "as “uncomfortable but useful”.</p>"
        ),
        "faculty": "social",
        "discipline": "Psychology",
        "language": "en",
        "group_size": "very_large",
        "levels": ["bachelor-3"],
        "formats": ["supervision"],
        "dimensions": ["migration-background", "home-language"],
        "aspects": ["assessment-formats", "feedback"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Prof. Martijn Koster",
        "status": "published",
    },
    {
        "title": (
            "Flexibele aanwezigheid voor premasterstudenten met werk, zorgtaken of een "
            "gezin"
        ),
        "summary": (
            "In de premaster Pedagogische wetenschappen combineren veel studenten hun "
            "studie met werk en een gezin. Met opgenomen colleges, een "
            "participatieportfolio in plaats van aanwezigheidsplicht en vaste "
            "deadlines op vrijdagmiddag blijven ze beter aangehaakt."
        ),
        "body": (
            "<p>Onze premasterstudenten zijn gemiddeld 29 jaar. Veel van hen werken "
            "als leerkracht of jeugdzorgmedewerker, hebben kinderen of zorgen voor een "
            "ouder. De aanwezigheidsplicht van 80% in de werkgroepen bleek voor hen "
            "een grote drempel: één ziek kind en je moest een vervangende opdracht "
            "maken of het vak opnieuw volgen.</p><h3>Maatregelen</h3><ul><li>Alle "
            "hoorcolleges worden opgenomen en binnen een dag gedeeld, met een "
            "samenvatting van de kernpunten.</li><li>De aanwezigheidsplicht is "
            "vervangen door een <strong>participatieportfolio</strong>: studenten "
            "laten in de werkgroep of online zien dat ze actief meedoen, bijvoorbeeld "
            "met een korte reactie op de casus van een medestudent.</li><li>Deadlines "
            "liggen altijd op vrijdag om 17.00 uur, nooit op maandagochtend, zodat het "
            "weekend niet het enige moment is om te werken.</li><li>Eén werkgroep per "
            "week vindt 's avonds plaats, zodat werkende studenten kunnen "
            "kiezen.</li></ul><h3>Nog te doen</h3><p>We willen dit beter onderbouwen "
            "met de resultaten van dit studiejaar. Ook zoeken we een manier om online "
            "participatie eerlijk te beoordelen zonder dat het veel extra werk "
            "oplevert voor de docent.</p>"
        ),
        "evidence": (
            "<p>De eerste resultaten zijn hoopvol: het percentage studenten dat de "
            "premaster binnen een jaar afrondde, steeg van 58% naar 67% (ongeveer 90 "
            "studenten per jaar). Een systematische evaluatie onder studenten hebben "
            "we nog niet gedaan.</p>"
        ),
        "faculty": "social",
        "discipline": "Pedagogische wetenschappen",
        "language": "nl",
        "group_size": "large",
        "levels": ["pre-master"],
        "formats": ["blended", "tutorial"],
        "dimensions": ["age-and-life-stage", "socio-economic"],
        "aspects": ["learning-environment", "assessment-formats"],
        "sdgs": ["sdg-4"],
        "licence": "CC-BY-NC-4.0",
        "contact_name": "Dr. Nicole Timmerman",
        "status": "changes_requested",
    },
    {
        "title": "Plain-English worked examples for multilingual econometrics students",
        "summary": (
            "I rewrote the worked examples in Econometrics I in plain English and "
            "added a glossary of everyday words with a technical meaning, such as "
            "‘significant’, ‘bias’ and ‘robust’. International students asked fewer "
            "questions about language and more about the econometrics itself."
        ),
        "body": (
            "<p>About 70% of the 240 students in <em>Econometrics I</em> are "
            "international, with more than 30 home languages among them. In office "
            "hours I noticed that many questions were not about the mathematics but "
            "about the English: “Does ‘significant’ mean important?” or “What is "
            "‘bias’ in normal language?” Dutch students struggled too, but were less "
            "likely to ask.</p><h3>What I did</h3><ol><li><strong>Rewriting:</strong> "
            "each worked example now follows the same structure: question, model, "
            "estimation, interpretation. Sentences are short, with one idea per "
            "sentence.</li><li><strong>An everyday-versus-technical glossary:</strong> "
            "one page listing words whose technical meaning differs from their "
            "everyday meaning, such as significant, error, bias, robust, normal and "
            "random. Students add terms in the discussion "
            "forum.</li><li><strong>Interpretation templates:</strong> for regression "
            "output, students get sentence templates (“Holding … constant, a one-unit "
            "increase in … is associated with …”) that they may use in "
            "assignments.</li><li><strong>Lectures:</strong> after each new term I "
            "pause and ask students to explain it to a neighbour, in any "
            "language.</li></ol><h3>Advice</h3><p>Plain language is not dumbing down: "
            "the mathematics stays exactly the same. Ask a colleague from the language "
            "centre to read one example. It took our language advisor one hour to give "
            "very useful feedback.</p>"
        ),
        "evidence": (
            "<p>According to my own log, the share of office-hour questions that were "
            "mainly about language dropped from roughly 40% to 15%. On the "
            "interpretation questions in the exam, the average score rose from 5.9 to "
            "6.6 out of 10, with the largest gain among students whose home language "
            "is neither English nor Dutch.</p><p>A student wrote: “The glossary saved "
            "me. I thought ‘significant’ meant the effect was big.”</p>"
        ),
        "faculty": "economics",
        "discipline": "Econometrics",
        "language": "en",
        "group_size": "very_large",
        "levels": ["bachelor-2"],
        "formats": ["lecture", "tutorial"],
        "dimensions": ["home-language", "international-students"],
        "aspects": ["language-use"],
        "sdgs": ["sdg-4"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Lukas Weber",
        "status": "published",
    },
    {
        "title": "Groepswerk met een teamcontract en tussentijdse peer-feedback",
        "summary": (
            "Bij het groepsproject Strategisch management sluiten gemengde teams van "
            "Nederlandse en internationale studenten een teamcontract en geven ze "
            "elkaar halverwege gestructureerde peer-feedback. Conflicten worden eerder "
            "opgelost en meeliftgedrag nam af."
        ),
        "body": (
            "<p>Groepswerk in internationale klassen loopt vaak vast op verschillende "
            "verwachtingen: hoe direct geef je kritiek, wanneer is iets af, reageer je "
            "'s avonds nog op berichten? In ons tweedejaars vak <em>Strategisch "
            "management</em> kwamen klachten vooral van internationale studenten en "
            "studenten met een migratieachtergrond. Zij voelden zich buitengesloten "
            "door teamleden die onderling Nederlands spraken en snel beslissingen "
            "namen.</p><h3>Aanpak</h3><ul><li><strong>Teamcontract in week 1:</strong> "
            "elk team maakt afspraken over taal (Engels, ook in de groepsapp), "
            "bereikbaarheid, taakverdeling en wat je doet als iemand een deadline "
            "mist. De tutor bekijkt het contract.</li><li><strong>Peer-feedback in "
            "week 4:</strong> studenten geven elkaar anoniem feedback op vijf criteria "
            "en één open vraag: “Wat zou je teamgenoot kunnen doen om het team nog "
            "beter te helpen?” De tutor bespreekt de uitkomsten met het "
            "team.</li><li><strong>Individuele correctie:</strong> de tweede "
            "feedbackronde in week 8 kan het groepscijfer per student met maximaal één "
            "punt verhogen of verlagen.</li><li><strong>Tutortraining:</strong> "
            "tutoren leren culturele verschillen in feedbackstijl te herkennen en "
            "bespreekbaar te maken.</li></ul><h3>Tip</h3><p>Laat studenten bij het "
            "eerste teamcontract een vaag en een concreet voorbeeld zien. “We "
            "communiceren goed” helpt niemand; “we reageren op werkdagen binnen 24 "
            "uur” wel.</p>"
        ),
        "evidence": (
            "<p>Het aantal teams dat een conflict bij de coördinator meldde, daalde "
            "van 14 naar 5 (op ruim 80 teams). In de evaluatie gaf 76% aan dat de "
            "samenwerking goed of zeer goed verliep; het jaar ervoor was dat "
            "58%.</p><p>Een internationale student (vertaald): “Door het contract "
            "schakelde mijn team in de groepsapp over op Engels. Door dat kleine ding "
            "hoorde ik er ineens bij.”</p>"
        ),
        "faculty": "economics",
        "discipline": "Bedrijfskunde",
        "language": "nl",
        "group_size": "very_large",
        "levels": ["bachelor-2"],
        "formats": ["project", "tutorial"],
        "dimensions": ["international-students", "migration-background"],
        "aspects": ["interaction-patterns", "feedback"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-SA-4.0",
        "contact_name": "Dr. Annemiek Wolters",
        "status": "published",
    },
    {
        "title": (
            "Doughnut economics in practice: student consultancy for circular local "
            "businesses"
        ),
        "summary": (
            "In a third-year economics elective, student teams use the doughnut "
            "economics framework to advise small local businesses on circular "
            "strategies. Students connect theory to their own city, and the businesses "
            "receive concrete, costed proposals."
        ),
        "body": (
            "<p>Our elective <em>Economics of Sustainability</em> used to be "
            "theory-heavy: externalities, carbon pricing, debates about growth. "
            "Students asked how any of it applied to the businesses around them. We "
            "now pair the theory with a consultancy project for small businesses in "
            "the city, such as a repair café, a second-hand furniture shop, a brewery "
            "and a bakery that wanted to reduce food waste.</p><h3>Course "
            "design</h3><ul><li>Weeks 1–3: lectures and seminars on the doughnut "
            "model, circular business models and basic cost–benefit "
            "analysis.</li><li>Weeks 4–8: teams of five work with one business. They "
            "map its social foundation (wages, accessibility, local jobs) and its "
            "ecological ceiling (materials, energy, waste).</li><li>Week 9: teams "
            "present a costed proposal, and the business owner gives feedback using a "
            "short rubric that counts towards the "
            "grade.</li></ul><h3>Inclusion</h3><p>Teams deliberately mix students who "
            "have worked in retail or hospitality with those who have not. Students "
            "who pay for their studies with part-time jobs often brought the most "
            "practical insights, and many said that for once their work experience "
            "counted. All meetings with businesses take place during scheduled course "
            "hours, so nobody has to skip a paid shift to take part.</p>"
        ),
        "evidence": (
            "<p>Three of the seven businesses implemented at least part of a proposal; "
            "the bakery now sells day-old bread at a discount and has cut its bread "
            "waste by around a third. Students rated the course 4.4 out of 5 "
            "(previously 3.6).</p><p>One wrote: “I've worked in a supermarket for four "
            "years. This was the first time that counted for something in my "
            "degree.”</p>"
        ),
        "faculty": "economics",
        "discipline": "Economics",
        "language": "en",
        "group_size": "medium",
        "levels": ["bachelor-3"],
        "formats": ["project", "seminar"],
        "dimensions": ["socio-economic"],
        "aspects": ["curriculum-design", "assessment-formats"],
        "sdgs": ["sdg-8", "sdg-11", "sdg-12"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Hugo Brinkman",
        "status": "published",
    },
    {
        "title": (
            "Het verborgen curriculum van netwerken: een voorbereidend werkcollege"
        ),
        "summary": (
            "Voor de jaarlijkse bedrijvendag organiseren we een werkcollege over "
            "netwerken, pitchen en LinkedIn, vooral bedoeld voor studenten zonder "
            "netwerk in het bedrijfsleven. Eerstegeneratiestudenten gingen vaker naar "
            "de bedrijvendag en voelden zich zekerder."
        ),
        "body": (
            "<p>Bij de bedrijvendag van de opleiding Accountancy &amp; Controlling "
            "viel ons op dat een bepaalde groep studenten ontbrak: studenten van wie "
            "de ouders niet hebben gestudeerd of niet in het bedrijfsleven werken. In "
            "gesprekken noemden ze redenen als “ik weet niet wat ik moet zeggen”, “ik "
            "heb geen pak” en “ze zoeken toch mensen met connecties”.</p><h3>Het "
            "werkcollege</h3><p>Twee weken voor de bedrijvendag bieden we een "
            "werkcollege van twee uur aan, open voor iedereen maar expliciet gericht "
            "op studenten die dit voor het eerst doen:</p><ul><li>wat er op een "
            "bedrijvendag gebeurt en wat recruiters verwachten;</li><li>een korte "
            "pitch oefenen in tweetallen, met feedback van een alumnus die zelf "
            "eerstegeneratiestudent was;</li><li>een LinkedIn-profiel opzetten, "
            "inclusief een gratis professionele foto;</li><li>wat je aantrekt, met de "
            "mogelijkheid om gratis kleding te lenen via een samenwerking met een "
            "kledingbank.</li></ul><p>We noemen het geen bijspijkerles. We maken het "
            "ongeschreven curriculum zichtbaar: dingen die sommige studenten thuis "
            "meekrijgen en anderen niet.</p><h3>Tip</h3><p>Laat alumni met een "
            "vergelijkbare achtergrond het werkcollege mede verzorgen. Hun verhaal "
            "overtuigt meer dan dat van een docent.</p>"
        ),
        "evidence": (
            "<p>Van de 46 deelnemers aan het werkcollege gingen er 40 naar de "
            "bedrijvendag; het jaar ervoor bezocht slechts ongeveer de helft van de "
            "eerstegeneratiestudenten het evenement. Deelnemers gaven het werkcollege "
            "gemiddeld een 8,4.</p><p>Een studente: “Ik dacht dat iedereen dit al "
            "wist. Fijn dat iemand het gewoon uitlegde.”</p>"
        ),
        "faculty": "economics",
        "discipline": "Accountancy & Controlling",
        "language": "nl",
        "group_size": "medium",
        "levels": ["bachelor-3"],
        "formats": ["tutorial"],
        "dimensions": ["first-generation", "socio-economic"],
        "aspects": ["curriculum-design", "interaction-patterns"],
        "sdgs": ["sdg-4", "sdg-8", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Mehmet Yilmaz",
        "status": "published",
    },
    {
        "title": (
            "Kennisclips met gecorrigeerde ondertiteling en transcriptie in "
            "Micro-economie"
        ),
        "summary": (
            "Alle kennisclips in Micro-economie hebben gecorrigeerde ondertitels en "
            "een doorzoekbaar transcript. Niet alleen dove en slechthorende studenten, "
            "maar ook studenten met dyslexie of een andere thuistaal gebruiken ze "
            "intensief."
        ),
        "body": (
            "<p>In het vak <em>Micro-economie</em> (ruim 600 studenten) werken we met "
            "een flipped classroom: studenten bekijken vooraf kennisclips van tien "
            "minuten en in het hoorcollege oefenen we met opgaven. Een dove student "
            "maakte ons erop attent dat de automatische ondertiteling onbruikbaar was "
            "bij vaktermen: “elasticiteit” werd “elastiek City”.</p><h3>Wat we "
            "deden</h3><ul><li>Een studentassistent corrigeert de automatische "
            "ondertiteling van elke clip aan de hand van een vaste lijst met "
            "vaktermen. Dat kost ongeveer twintig minuten per clip.</li><li>Naast de "
            "clip staat een transcript met tussenkopjes, zodat studenten kunnen zoeken "
            "en terugspringen.</li><li>Formules in de clips worden ook uitgesproken en "
            "in het transcript uitgeschreven.</li><li>In de eerste week laten we "
            "iedereen zien hoe je afspeelsnelheid, ondertiteling en transcript "
            "gebruikt.</li></ul><h3>Ervaringen</h3><p>We dachten dat we iets deden "
            "voor één student, maar het bleek een voorziening voor velen. Studenten "
            "met dyslexie lezen mee, internationale studenten bekijken de clips vaker "
            "op lagere snelheid, en werkende studenten luisteren in de trein met de "
            "ondertitels aan.</p><p>Het corrigeren van ondertitels is een goede taak "
            "voor een studentassistent die de stof al kent. Begin met de clips die het "
            "meest bekeken worden.</p>"
        ),
        "evidence": (
            "<p>Uit de logdata blijkt dat 64% van de studenten de ondertitels minstens "
            "één keer aanzette en 38% het transcript gebruikte. In de enquête (n = "
            "402) noemde 29% de ondertitels “onmisbaar”; dat waren vooral studenten "
            "met dyslexie, slechthorendheid of een andere thuistaal. De dove student "
            "die de aanleiding was, haalde het vak in één keer.</p>"
        ),
        "faculty": "economics",
        "discipline": "Economie",
        "language": "nl",
        "group_size": "very_large",
        "levels": ["bachelor-1"],
        "formats": ["online", "blended"],
        "dimensions": ["disability", "neurodiversity", "home-language"],
        "aspects": ["learning-environment", "language-use"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Roos Verhoeven",
        "status": "published",
    },
    {
        "title": (
            "Beyond the Western canon: rebuilding the Introduction to Ethics reading "
            "list"
        ),
        "summary": (
            "We restructured Introduction to Ethics around questions instead of a "
            "chronological line of Western thinkers, with readings from Confucian, "
            "Mohist, Ubuntu, Islamic, Buddhist and Indigenous traditions alongside the "
            "usual canon. Students from diverse worldviews felt their traditions were "
            "taken seriously as philosophy."
        ),
        "body": (
            "<p>Our first-year <em>Introduction to Ethics</em> used to run "
            "chronologically from Aristotle to Rawls: a dozen European and American "
            "men. Students with a Muslim, Hindu, Chinese or African background told us "
            "in evaluations that their own traditions were mentioned at best as "
            "“religion” or “culture”, never as philosophy.</p><h3>The new "
            "structure</h3><p>We reorganised the course around six questions, each "
            "with two or three readings from different "
            "traditions:</p><ul><li><strong>What makes an action right?</strong> Kant, "
            "Mill, and Mozi on impartial care.</li><li><strong>What is a good "
            "life?</strong> Aristotle, the Analects, and the Buddhist middle "
            "way.</li><li><strong>What do we owe each other?</strong> Rawls and "
            "contemporary Ubuntu ethics.</li><li><strong>Can ethics rest on "
            "revelation?</strong> Plato's Euthyphro and "
            "al-Ghazali.</li><li><strong>What do we owe nature?</strong> Western land "
            "ethics and Indigenous relational ethics.</li><li><strong>Who "
            "counts?</strong> Wollstonecraft and feminist care "
            "ethics.</li></ul><p>Each reading comes with a short introduction, so no "
            "student is expected to know the context "
            "beforehand.</p><h3>Pitfalls</h3><p>Do not present non-Western traditions "
            "as exotic add-ons or merely as a contrast to the “real” canon. Exam "
            "questions now ask students to compare traditions on one question, which "
            "forces equal treatment. Two colleagues from the Faculty of Religion, "
            "Culture and Society checked our introductions.</p>"
        ),
        "evidence": (
            "<p>In the course evaluation (n = 165), agreement with “the course "
            "included perspectives relevant to me” rose from 3.2 to 4.1 out of 5, with "
            "the largest rise among students who identify with a religious or "
            "non-Western tradition. In the final essays, 40% compared a Western and a "
            "non-Western author, against almost none before.</p><p>A student wrote: “I "
            "grew up with Confucian sayings at the dinner table. Seeing them treated "
            "as serious arguments was a revelation.”</p>"
        ),
        "faculty": "philosophy",
        "discipline": "Ethics",
        "language": "en",
        "group_size": "large",
        "levels": ["bachelor-1"],
        "formats": ["lecture", "seminar"],
        "dimensions": ["worldview", "migration-background"],
        "aspects": ["curriculum-design"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-SA-4.0",
        "contact_name": "Dr. Wei Zhang",
        "status": "published",
    },
    {
        "title": "Socratisch gesprek met denktijd en een vaste spreekvolgorde",
        "summary": (
            "In werkcolleges wijsbegeerte gebruik ik een aangepaste vorm van het "
            "socratisch gesprek: eerst twee minuten stil schrijven, dan een ronde "
            "waarin iedereen één keer spreekt. Stillere studenten, neurodiverse "
            "studenten en vrouwen namen vaker het woord, en de ideeën werden rijker."
        ),
        "body": (
            "<p>In filosofische werkcolleges domineert vaak een klein groepje snelle, "
            "welbespraakte studenten. Dat zijn niet per se de beste denkers. Studenten "
            "die meer tijd nodig hebben om hun gedachten te ordenen, bijvoorbeeld door "
            "autisme, een andere thuistaal of gewoon een beschouwende aard, kwamen "
            "nauwelijks aan bod. Geïnspireerd door het socratisch gesprek en door "
            "onderzoek naar denktijd heb ik mijn werkcolleges anders "
            "ingericht.</p><h3>Werkwijze</h3><ol><li>Ik stel één open vraag, "
            "bijvoorbeeld: “Mag je liegen tegen een moordenaar aan de "
            "deur?”</li><li>Iedereen schrijft twee minuten in stilte een eerste "
            "antwoord op.</li><li>In een vaste volgorde geeft ieder in één of twee "
            "zinnen een antwoord; doorvragen mag pas na de ronde. Passen mag, maar dan "
            "kom je aan het eind nog een keer aan de beurt.</li><li>Daarna volgt een "
            "open gesprek, waarin ik actief ideeën uit de eerste ronde terughaal: "
            "“Fatima noemde net … wie wil daarop reageren?”</li><li>Ik sluit af met "
            "één minuut stil schrijven: wat is je nu duidelijker "
            "geworden?</li></ol><h3>Waarom het werkt</h3><p>De structuur maakt de "
            "spelregels voor iedereen gelijk. Neurodiverse studenten vertelden dat de "
            "voorspelbaarheid hun rust gaf. Mijn rol verschuift van vragensteller naar "
            "coördinator van het gesprek.</p>"
        ),
        "evidence": (
            "<p>In twee werkgroepen van 22 studenten heb ik een aantal weken "
            "bijgehouden wie er sprak. Vóór de aanpassing kwam 60% van de bijdragen "
            "van vijf studenten; daarna was dat 30%. Vrouwelijke studenten leverden "
            "48% van de bijdragen, tegen 31% eerder.</p><p>Een student: “Door die twee "
            "minuten stilte heb ik voor het eerst iets gezegd waar ik echt over had "
            "nagedacht.”</p>"
        ),
        "faculty": "philosophy",
        "discipline": "Wijsbegeerte",
        "language": "nl",
        "group_size": "small",
        "levels": ["bachelor-1"],
        "formats": ["seminar"],
        "dimensions": ["neurodiversity", "gender", "home-language"],
        "aspects": ["interaction-patterns"],
        "sdgs": ["sdg-4"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Floor Jacobs",
        "status": "published",
    },
    {
        "title": "Steelmanning in environmental ethics debates",
        "summary": (
            "In a master's seminar on environmental ethics, students must state the "
            "strongest version of a view they disagree with before criticising it. "
            "Debates about meat, flying and climate policy became less polarised and "
            "more inclusive of students with religious or rural backgrounds."
        ),
        "body": (
            "<p>Seminars on climate ethics easily turn into moral contests in which "
            "students with certain lifestyles or beliefs feel judged: the farmer's "
            "daughter, the student who flies home to see family in Indonesia, the "
            "Christian who grounds care for the environment in stewardship rather than "
            "in the rights of nature. In my seminar <em>Environmental Ethics</em>, "
            "some of them simply stopped speaking.</p><h3>The steelman "
            "rule</h3><ul><li>Before anyone criticises a position, someone must state "
            "its strongest version to the satisfaction of a person who holds "
            "it.</li><li>Each week, two students prepare a “steelman brief” of a "
            "position they personally reject, based on the readings.</li><li>The "
            "reading list covers secular and religious approaches to nature, such as "
            "the papal encyclical Laudato Si', Islamic ideas of stewardship and deep "
            "ecology, and agrarian perspectives next to urban ones.</li><li>The final "
            "essay includes an assessed section in which students steelman the main "
            "objection to their own thesis.</li></ul><h3>Tips</h3><p>Model it yourself "
            "by steelmanning a view you disagree with. Make clear that steelmanning is "
            "not agreeing. Keep personal disclosure voluntary: students can argue "
            "positions without revealing their own lifestyle or faith.</p>"
        ),
        "evidence": (
            "<p>In the evaluation (n = 26), 23 students agreed that “people with "
            "different views could speak freely in this seminar”. Grades for the "
            "objection section of the essay improved compared with the previous cohort "
            "(7.4 versus 6.6 on average).</p><p>A student wrote: “I grew up on a dairy "
            "farm and usually keep quiet when meat comes up. Here people had to "
            "understand my family before criticising us.”</p>"
        ),
        "faculty": "philosophy",
        "discipline": "Environmental Philosophy",
        "language": "en",
        "group_size": "medium",
        "levels": ["master"],
        "formats": ["seminar"],
        "dimensions": ["worldview", "socio-economic"],
        "aspects": ["interaction-patterns", "assessment-formats"],
        "sdgs": ["sdg-13", "sdg-15"],
        "licence": "CC-BY-NC-SA-4.0",
        "contact_name": "Dr. Gerrit Zijlstra",
        "status": "published",
    },
    {
        "title": "Mondeling tentamen als keuzeoptie naast het essay",
        "summary": (
            "In het vak Filosofie van de geest kiezen studenten tussen een essay van "
            "3000 woorden en een mondeling tentamen van dertig minuten, beoordeeld met "
            "dezelfde rubric. Studenten met dyslexie, ADHD of een andere thuistaal "
            "laten zo beter zien wat ze kunnen."
        ),
        "body": (
            "<p>Filosofie wordt bijna altijd getoetst met essays. Maar filosoferen "
            "gebeurt ook, en misschien vooral, in gesprek. Een student met ernstige "
            "dyslexie haalde steeds een zes voor zijn essays, terwijl hij in het "
            "werkcollege een van de scherpste denkers was. Dat zette me aan het denken "
            "over de validiteit van onze toetsing.</p><h3>Opzet</h3><ul><li>Studenten "
            "kiezen in week 3 tussen een essay van 3000 woorden en een mondeling "
            "tentamen van 30 minuten.</li><li>Beide vormen toetsen dezelfde leerdoelen "
            "en worden beoordeeld met dezelfde rubric: probleemstelling, begrip van de "
            "literatuur, argumentatie en omgaan met tegenwerpingen.</li><li>Voor het "
            "mondeling bereidt de student een stelling voor en stuurt vooraf één A4 "
            "met de opbouw van het betoog. Daarna volgen vragen van twee examinatoren. "
            "Het gesprek wordt opgenomen voor eventuele bezwaarprocedures.</li><li>In "
            "week 6 is er voor beide vormen een "
            "oefenmoment.</li></ul><h3>Aandachtspunten</h3><p>De examencommissie wilde "
            "zeker weten dat beide vormen even zwaar zijn. We hebben dat onderbouwd "
            "met de rubric en na het eerste jaar met een vergelijking van de "
            "cijferverdeling. Let op: voor sommige studenten is een mondeling juist "
            "een drempel, bijvoorbeeld bij sociale angst. Daarom is het een keuze en "
            "geen vervanging.</p>"
        ),
        "evidence": (
            "<p>Van de 58 studenten kozen er 17 voor het mondeling. De gemiddelde "
            "cijfers waren vergelijkbaar (7,0 voor het mondeling, 6,9 voor het essay). "
            "Studenten die voor het mondeling kozen en eerder laag scoorden op essays, "
            "haalden gemiddeld een punt hoger dan bij hun vorige essay.</p><p>Een "
            "studente met ADHD: “Ik kon eindelijk laten zien dat ik het snap, zonder "
            "drie weken vast te zitten op de structuur van een tekst.”</p>"
        ),
        "faculty": "philosophy",
        "discipline": "Filosofie van de geest",
        "language": "nl",
        "group_size": "medium",
        "levels": ["bachelor-2"],
        "formats": ["seminar"],
        "dimensions": ["neurodiversity", "disability", "home-language"],
        "aspects": ["assessment-formats"],
        "sdgs": ["sdg-4"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Koen van Leeuwen",
        "status": "published",
    },
    {
        "title": (
            "Co-created classroom agreements for discussing contested topics in "
            "religious studies"
        ),
        "summary": (
            "At the start of a course on religion, gender and sexuality, students "
            "co-create discussion agreements and try them out on a low-stakes case. "
            "Both religious and LGBTQIA+ students felt safer to speak, and discussions "
            "stayed respectful."
        ),
        "body": (
            "<p>The second-year course <em>Religion, Gender and Sexuality</em> brings "
            "together students with very different convictions: orthodox Protestant, "
            "Muslim, Catholic, secular, queer, and sometimes several of these at once. "
            "In earlier years, discussions about same-sex marriage or headscarves "
            "quickly became tense, and students on all sides fell silent.</p><h3>What "
            "I do</h3><ol><li><strong>Co-created agreements:</strong> in the first "
            "seminar, students write down anonymously what they need to speak freely. "
            "We turn this into five agreements, for example “Speak from your own "
            "position (‘I think’, not ‘they are’)”, “Criticise ideas, not people” and "
            "“What is shared here stays here”.</li><li><strong>A practice "
            "case:</strong> we try the agreements on a historical case with lower "
            "emotional stakes, such as a medieval debate on clerical "
            "celibacy.</li><li><strong>Check-ins:</strong> halfway through each "
            "session, I ask whether the agreements are still "
            "working.</li><li><strong>Levels of speaking:</strong> I make explicit the "
            "difference between describing a religious position, analysing it "
            "academically and holding it personally.</li><li><strong>A way "
            "out:</strong> students may write a short reflection instead of speaking "
            "on a topic that affects them personally.</li></ol><h3>Tips</h3><p>Do not "
            "promise a safe space where nobody ever feels uncomfortable; aim for a "
            "brave space with clear ground rules. Prepare how you will respond when an "
            "agreement is broken, for instance by pausing and referring to the "
            "agreements rather than to the person.</p>"
        ),
        "evidence": (
            "<p>In the evaluation (n = 41), 88% agreed that “I could express my views "
            "in this course”, compared with 64% two years earlier. Students who "
            "described themselves as religious and students who identify as LGBTQIA+ "
            "both scored above 4 out of 5 on feeling respected.</p><p>A student wrote: "
            "“As a gay Muslim I expected to be squeezed between two camps. Instead we "
            "actually listened to each other.”</p>"
        ),
        "faculty": "religion",
        "discipline": "Religious Studies",
        "language": "en",
        "group_size": "medium",
        "levels": ["bachelor-2"],
        "formats": ["seminar"],
        "dimensions": ["worldview", "lgbtqia"],
        "aspects": ["interaction-patterns", "learning-environment"],
        "sdgs": ["sdg-5", "sdg-10", "sdg-16"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Naomi Hartog",
        "status": "published",
    },
    {
        "title": (
            "Toetsplanning en religieuze feestdagen: heldere afspraken in de opleiding"
        ),
        "summary": (
            "Onze opleiding plant geen tentamens en deadlines op de belangrijkste "
            "religieuze feestdagen, en tijdens de ramadan is er een alternatief "
            "tijdslot. Studenten hoeven niet meer te kiezen tussen hun geloof en hun "
            "studie, en hoeven zich niet te verantwoorden."
        ),
        "body": (
            "<p>Toen het tentamen van een eerstejaarsvak op het Suikerfeest viel, "
            "moesten veertien studenten kiezen tussen hun familie en hun studie. Een "
            "van hen schreef de opleidingscoördinator een brief, en die brief heeft "
            "veel in beweging gezet. Juist in een opleiding die religie bestudeert, "
            "vonden we het pijnlijk dat we hier zo slordig mee omgingen.</p><h3>Wat we "
            "hebben afgesproken</h3><ul><li>De roostermakers krijgen elk jaar een "
            "interreligieuze kalender met de belangrijkste feestdagen uit "
            "christelijke, islamitische, joodse, hindoeïstische en boeddhistische "
            "tradities. Op die dagen plannen we geen tentamens of verplichte "
            "deadlines.</li><li>Tijdens de ramadan bieden we bij tentamens in de "
            "middag een alternatief tijdslot in de ochtend aan, zonder dat studenten "
            "hoeven uit te leggen waarom.</li><li>Voor feestdagen die niet op de "
            "kalender staan, kunnen studenten met één eenvoudig formulier uitstel "
            "aanvragen. De coördinator handelt dat binnen twee werkdagen "
            "af.</li><li>Docenten vertellen aan het begin van elk blok dat deze "
            "afspraken bestaan, zodat studenten er niet zelf naar hoeven te "
            "vragen.</li></ul><h3>Ervaring</h3><p>Het roosteren werd iets "
            "ingewikkelder, maar in de praktijk vallen er maar weinig data af. De "
            "faculteit wil de aanpak nu ook in andere opleidingen invoeren. Het gaat "
            "daarbij niet alleen om islamitische studenten: ook joodse en "
            "orthodox-christelijke studenten hebben er baat bij.</p>"
        ),
        "evidence": (
            "<p>In het eerste jaar gebruikten 23 studenten het alternatieve tijdslot "
            "tijdens de ramadan, en werden 9 uitstelverzoeken ingediend en toegekend. "
            "In de jaarlijkse enquête steeg de score op “mijn opleiding houdt rekening "
            "met mijn levensovertuiging” van 3,2 naar 4,3.</p><p>Een student: “Ik "
            "hoefde me voor het eerst niet te verantwoorden. Dat voelt als "
            "erkenning.”</p>"
        ),
        "faculty": "religion",
        "discipline": "Theologie en religiewetenschappen",
        "language": "nl",
        "group_size": "medium",
        "levels": ["bachelor-1", "bachelor-2", "bachelor-3"],
        "formats": ["lecture"],
        "dimensions": ["worldview"],
        "aspects": ["assessment-formats", "learning-environment"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Samira Bouzid",
        "status": "published",
    },
    {
        "title": "Visiting places of worship with students as co-hosts",
        "summary": (
            "In a master's course on religion and conflict, field visits to a mosque, "
            "synagogue, gurdwara and evangelical church are prepared with students who "
            "belong to those communities, if they wish. The visits became dialogues "
            "instead of guided tours."
        ),
        "body": (
            "<p>Field visits are a fixed part of our master's course <em>Religion, "
            "Conflict and Globalisation</em>. But students from the visited "
            "communities sometimes felt uncomfortable: their own faith was presented "
            "by an outsider as an object of study, while classmates asked them "
            "questions in the corridor as if they were official "
            "spokespersons.</p><h3>The co-host model</h3><ul><li>At the start of the "
            "course, I invite students who feel connected to a community we visit to "
            "act as co-host, if they want to. There is no pressure and no need to "
            "disclose anything.</li><li>Co-hosts help prepare the visit together with "
            "the community: which questions are welcome, which clothing and behaviour "
            "are expected, and what the community itself wants to show.</li><li>Before "
            "each visit, the group agrees on its questions in a preparatory seminar. "
            "Afterwards, a debrief links what we saw to the theory.</li><li>Co-hosting "
            "can replace one of the short written assignments and is assessed on the "
            "preparation document.</li></ul><h3>Points of attention</h3><p>Not every "
            "student wants to represent their community, and some have a complicated "
            "relationship with it. Always offer a neutral role as well. Make sure the "
            "visits are free and reachable by public transport, and plan them outside "
            "major religious holidays.</p>"
        ),
        "evidence": (
            "<p>Over three years, 11 students acted as co-hosts. In the evaluation (n "
            "= 54), 91% rated the visits as very valuable. Community partners said the "
            "questions had become better informed and less superficial.</p><p>A "
            "co-host wrote: “For once I was not the exotic example in class, but "
            "someone with expertise.”</p>"
        ),
        "faculty": "religion",
        "discipline": "Religion, Conflict and Globalisation",
        "language": "en",
        "group_size": "small",
        "levels": ["master"],
        "formats": ["fieldwork", "seminar"],
        "dimensions": ["worldview", "migration-background"],
        "aspects": ["interaction-patterns", "curriculum-design"],
        "sdgs": ["sdg-10", "sdg-16"],
        "licence": "CC-BY-NC-4.0",
        "contact_name": "Dr. Rutger Nijenhuis",
        "status": "published",
    },
    {
        "title": "Religie en klimaat: een portfolio-opdracht over ecotheologie",
        "summary": (
            "In het keuzevak Religie en duurzaamheid volgen studenten een lokale "
            "geloofsgemeenschap die werkt aan klimaat of natuur, en maken ze daarover "
            "een portfolio. Ze verbinden theologische bronnen met wat ze zien, en "
            "ontdekken dat duurzaamheid ook een levensbeschouwelijke vraag is."
        ),
        "body": (
            "<p>Duurzaamheid wordt vaak technisch benaderd. Maar voor miljoenen mensen "
            "is de motivatie om voor de aarde te zorgen religieus of "
            "levensbeschouwelijk. In het keuzevak <em>Religie en duurzaamheid</em> "
            "laten we studenten dat van dichtbij onderzoeken.</p><h3>De "
            "opdracht</h3><p>Elke student volgt zes weken lang een lokale gemeenschap "
            "die zich met klimaat of natuur bezighoudt: een groene kerk, een moskee "
            "met zonnepanelen, een boeddhistische groep die een voedseltuin "
            "onderhoudt, of een humanistische vereniging. Het portfolio bestaat "
            "uit:</p><ol><li>een veldwerkverslag van twee bezoeken of "
            "interviews;</li><li>een analyse van één theologische of "
            "levensbeschouwelijke bron die de gemeenschap zelf gebruikt, bijvoorbeeld "
            "de encycliek Laudato Si' of teksten over rentmeesterschap in de "
            "islam;</li><li>een reflectie op de vraag hoe religie klimaatactie "
            "stimuleert of juist afremt;</li><li>een korte publiekstekst die de "
            "gemeenschap mag gebruiken.</li></ol><p>Het portfolio wordt beoordeeld met "
            "een rubric die studenten in week 1 krijgen. Halverwege krijgen ze "
            "feedback op hun veldwerkverslag.</p><h3>Inclusie</h3><p>Studenten mogen "
            "een gemeenschap kiezen waar ze zelf bij horen, of juist een die ze niet "
            "kennen. Beide keuzes zijn waardevol; in het werkcollege delen ze wat ze "
            "hebben geleerd.</p>"
        ),
        "evidence": (
            "<p>In twee jaar werkten 37 studenten met 24 verschillende gemeenschappen. "
            "Het vak kreeg in de evaluatie een 8,2. Drie gemeenschappen gebruiken de "
            "publiekstekst inmiddels in hun nieuwsbrief.</p><p>Een student: “Ik ben "
            "niet gelovig, maar ik heb nu meer respect voor hoe mensen vanuit hun "
            "geloof naar de natuur kijken.”</p>"
        ),
        "faculty": "religion",
        "discipline": "Religiewetenschappen",
        "language": "nl",
        "group_size": "small",
        "levels": ["bachelor-3"],
        "formats": ["fieldwork", "seminar"],
        "dimensions": ["worldview"],
        "aspects": ["assessment-formats", "curriculum-design"],
        "sdgs": ["sdg-13", "sdg-15", "sdg-17"],
        "licence": "CC-BY-SA-4.0",
        "contact_name": "Dr. Marit Boersma",
        "status": "published",
    },
    {
        "title": "Accessible fieldwork: a choice of routes, roles and rest points",
        "summary": (
            "Our first-year human geography field day offers three routes of different "
            "physical intensity and several roles, all leading to the same assignment. "
            "Students with a disability, a chronic illness or caring responsibilities "
            "can now take part fully."
        ),
        "body": (
            "<p>The one-day field trip in <em>Introduction to Human Geography</em> "
            "used to be a 14-kilometre walk through the city and the surrounding "
            "countryside. Every year, some students quietly stayed at home: a student "
            "with rheumatism, one recovering from surgery, a student with young "
            "children who could not be away from eight in the morning until seven at "
            "night.</p><h3>How we redesigned it</h3><ul><li><strong>Three "
            "routes:</strong> a walking route (12 km), a cycling route, and a public "
            "transport route with short walks. All three visit the same five "
            "observation points.</li><li><strong>Roles:</strong> within each group, "
            "students choose a role: observer, interviewer, photographer or mapper, "
            "working with a GIS app. Part of the mapper role can be done from the "
            "university.</li><li><strong>Timing:</strong> the field day runs from 9:30 "
            "to 16:00, with two fixed rest points that have toilets and somewhere to "
            "sit.</li><li><strong>Information in advance:</strong> a route description "
            "with distances, slopes, surfaces and toilets is shared two weeks before "
            "the trip.</li><li><strong>Same assessment:</strong> every group delivers "
            "the same poster and short report, assessed with one "
            "rubric.</li></ul><h3>Tip</h3><p>Don't ask students to explain why they "
            "choose a route; make the choice ordinary. Walk each route once yourself, "
            "or ask the university's accessibility advisor to check it with you.</p>"
        ),
        "evidence": (
            "<p>Attendance rose from about 85% to 98% of the roughly 200 students. "
            "About 30% chose the cycling route and 15% the public transport route. "
            "Average poster grades did not differ between routes.</p><p>A student with "
            "a chronic illness wrote: “For the first time I didn't have to explain my "
            "body to a lecturer. I just picked the route that worked for me.”</p>"
        ),
        "faculty": "spatial",
        "discipline": "Human Geography",
        "language": "en",
        "group_size": "large",
        "levels": ["bachelor-1"],
        "formats": ["fieldwork"],
        "dimensions": ["disability", "age-and-life-stage"],
        "aspects": ["learning-environment", "curriculum-design"],
        "sdgs": ["sdg-4", "sdg-10", "sdg-11"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Erik Lindqvist",
        "status": "published",
    },
    {
        "title": "Meertalige wijkwandeling met bewoners in het planologieonderwijs",
        "summary": (
            "Masterstudenten planologie onderzoeken een herstructureringswijk samen "
            "met bewoners, in de talen die in de wijk gesproken worden. Studenten met "
            "een migratieachtergrond werden onmisbaar als bruggenbouwer, en bewoners "
            "voelden zich serieus genomen."
        ),
        "body": (
            "<p>In het mastervak <em>Participatie en planning</em> onderzoeken "
            "studenten een wijk waar sloop en nieuwbouw gepland zijn. Vroeger hielden "
            "ze interviews alleen in het Nederlands of Engels, waardoor ze vooral de "
            "mondige, Nederlandstalige bewoners spraken. Bewoners die Arabisch, "
            "Tigrinya, Pools of Turks spreken, bleven buiten "
            "beeld.</p><h3>Aanpak</h3><ul><li>We beginnen met een wijkwandeling onder "
            "leiding van drie bewoners, die elk hun eigen route en verhaal "
            "kiezen.</li><li>Studenten inventariseren welke talen ze zelf spreken; dit "
            "jaar waren dat er elf. Interviews en een korte enquête worden afgenomen "
            "in de belangrijkste talen van de wijk, met hulp van studenten en twee "
            "betaalde buurttolken.</li><li>Studenten die een taal uit de wijk spreken, "
            "worden niet automatisch tolk. Het is een keuze, en die bijdrage telt "
            "apart mee in de beoordeling.</li><li>De resultaten worden teruggekoppeld "
            "op een meertalige bewonersavond, met kaarten en beelden in plaats van "
            "lange teksten.</li></ul><h3>Leerpunten</h3><p>Een meertalige aanpak kost "
            "meer tijd en geld. Betaal bewoners en buurttolken voor hun tijd. Bespreek "
            "met studenten de ethiek van participatie: wat beloof je bewoners, en wat "
            "kun je echt waarmaken? Dat gesprek is misschien wel het belangrijkste "
            "onderdeel van het vak.</p>"
        ),
        "evidence": (
            "<p>Het aantal geïnterviewde bewoners zonder Nederlands als thuistaal "
            "steeg van vier naar eenendertig. De gemeente heeft twee aanbevelingen uit "
            "het studentenrapport overgenomen in het wijkplan.</p><p>Een student "
            "schreef: “Mijn Arabisch was altijd iets van thuis. Hier was het ineens "
            "een professionele vaardigheid.”</p>"
        ),
        "faculty": "spatial",
        "discipline": "Planologie",
        "language": "nl",
        "group_size": "medium",
        "levels": ["master"],
        "formats": ["fieldwork", "project"],
        "dimensions": ["migration-background", "home-language"],
        "aspects": ["interaction-patterns", "curriculum-design"],
        "sdgs": ["sdg-10", "sdg-11"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Ingrid Veenstra",
        "status": "published",
    },
    {
        "title": (
            "Beyond the binary: gender and sexuality variables in demography practicals"
        ),
        "summary": (
            "In population studies practicals, students examine how surveys measure "
            "sex, gender and sexual orientation, and work with data that include "
            "non-binary and LGBTQIA+ respondents. LGBTQIA+ students felt recognised, "
            "and all students learned to question their data."
        ),
        "body": (
            "<p>Demographic data have long recorded sex as a binary variable and have "
            "rarely asked about sexual orientation. In our master's course "
            "<em>Population Studies Methods</em>, a non-binary student pointed out "
            "that in every practical dataset they were, in effect, invisible. That was "
            "an invitation to turn a limitation into teaching material.</p><h3>What I "
            "changed</h3><ul><li>One practical now compares how three surveys, a "
            "census, a national health survey and a European survey, operationalise "
            "sex, gender and sexual orientation, and what this means for the "
            "estimates.</li><li>Students work with an open dataset that includes "
            "gender identity and sexual orientation, for example to analyse "
            "differences in health or living arrangements.</li><li>We discuss the "
            "ethics: small numbers, privacy, the risk of outing people in small areas, "
            "and when not to collect such data at all.</li><li>The language in all "
            "practicals was revised: “sex” and “gender” are no longer used "
            "interchangeably, and examples include same-sex couples and rainbow "
            "families.</li></ul><h3>Tip</h3><p>Don't turn LGBTQIA+ students into the "
            "experts in the room. Present the topic as a methodological question that "
            "concerns everyone, because it does. Good measurement is a matter of data "
            "quality as much as of inclusion.</p>"
        ),
        "evidence": (
            "<p>Students rated the practical 4.3 out of 5, one of the highest scores "
            "in the course. In their final papers, 14 of 31 students explicitly "
            "discussed how gender or sexual orientation was measured, against none in "
            "previous years.</p><p>A student wrote: “As a queer student I'm used to "
            "not existing in the data. This practical made that a scientific problem "
            "instead of my problem.”</p>"
        ),
        "faculty": "spatial",
        "discipline": "Population Studies",
        "language": "en",
        "group_size": "medium",
        "levels": ["master"],
        "formats": ["practical"],
        "dimensions": ["lgbtqia", "gender"],
        "aspects": ["curriculum-design", "language-use"],
        "sdgs": ["sdg-5", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Alex Mulder",
        "status": "published",
    },
    {
        "title": "Klimaatadaptatie in de eigen stad: projectonderwijs met de gemeente",
        "summary": (
            "Derdejaars studenten technische planologie ontwerpen in groepen "
            "klimaatadaptieve oplossingen voor een echte wijk, in opdracht van de "
            "gemeente. Ze kijken daarbij expliciet naar wie de meeste last heeft van "
            "hitte en wateroverlast."
        ),
        "body": (
            "<p>In het project <em>Klimaatbestendige stad</em> werken studenten negen "
            "weken aan een echte opgave: een wijk waar hevige buien tot ondergelopen "
            "kelders leiden en waar het 's zomers 's nachts nauwelijks afkoelt. De "
            "gemeente levert data, een contactpersoon en een "
            "budgetkader.</p><h3>Opzet</h3><ul><li>In groepen van vijf maken studenten "
            "een hittekaart en een kaart van wateroverlast, en leggen die naast "
            "sociaaleconomische gegevens: waar wonen ouderen, huurders en gezinnen met "
            "een laag inkomen?</li><li>Ze ontwerpen maatregelen, zoals ontharde "
            "speelpleinen, groene daken en waterpleinen, en toetsen die aan kosten en "
            "draagvlak.</li><li>Halverwege presenteren ze hun tussenresultaten aan "
            "bewoners in het buurthuis.</li><li>De eindbeoordeling bestaat uit een "
            "ontwerp, een onderbouwing en een individuele reflectie. Het groepswerk "
            "wordt gecorrigeerd met peer-assessment.</li></ul><h3>Inclusie en "
            "rechtvaardigheid</h3><p>Studenten leren dat klimaatadaptatie geen "
            "neutrale techniek is. Wie alleen naar de goedkoopste maatregelen kijkt, "
            "komt vaak uit bij buurten waar mensen al het meest hebben. Studenten die "
            "zelf in zo'n wijk zijn opgegroeid, brengen kennis in die in geen enkele "
            "dataset staat.</p>"
        ),
        "evidence": (
            "<p>De gemeente heeft één ontwerp voor een onthard schoolplein opgenomen "
            "in de begroting voor volgend jaar. In de evaluatie (n = 64) gaf 84% aan "
            "veel te hebben geleerd over het verband tussen klimaat en "
            "ongelijkheid.</p><p>Een bewoner zei na de presentatie: “Eindelijk kwam er "
            "iemand vragen hoe warm het hier 's nachts is.”</p>"
        ),
        "faculty": "spatial",
        "discipline": "Technische planologie",
        "language": "nl",
        "group_size": "medium",
        "levels": ["bachelor-3"],
        "formats": ["project"],
        "dimensions": ["socio-economic"],
        "aspects": ["curriculum-design", "assessment-formats"],
        "sdgs": ["sdg-10", "sdg-11", "sdg-13"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Tjeerd Dijkstra",
        "status": "in_review",
    },
    {
        "title": "Fries, Nederlands, Engels: meertaligheid als bron in het werkcollege",
        "summary": (
            "In een vak over taal en samenleving gebruiken studenten hun eigen talen, "
            "waaronder Fries, Nedersaksisch en migrantentalen, als "
            "onderzoeksmateriaal. Studenten die hun thuistaal altijd als dialect of "
            "achterstand zagen, ontdekten de waarde ervan."
        ),
        "body": (
            "<p>Op Campus Fryslân zitten Friese studenten naast studenten uit "
            "Duitsland, Indonesië, Syrië en de Randstad. Veel Friestalige studenten "
            "vertelden dat ze hun moedertaal op school nooit als iets waardevols "
            "hadden ervaren: Fries was voor thuis en voor het voetbalveld. Studenten "
            "met een andere thuistaal hadden vergelijkbare ervaringen.</p><h3>Wat we "
            "doen in het vak Taal, identiteit en samenleving</h3><ul><li>In de eerste "
            "week maakt iedereen een <strong>taalportret</strong>: een silhouet waarin "
            "je met kleuren aangeeft welke talen je gebruikt, met wie en waar. De "
            "portretten bespreken we in kleine groepen.</li><li>Studenten nemen een "
            "kort gesprek op in een van hun eigen talen, met toestemming van de "
            "gesprekspartners, en analyseren dat met begrippen uit de "
            "sociolinguïstiek, zoals codewisseling en taalprestige.</li><li>In het "
            "werkcollege mag in elke taal worden overlegd. Presentaties zijn in het "
            "Engels of het Nederlands; wie wil, houdt een deel in het Fries of een "
            "andere taal, met ondertiteling.</li><li>Een gastspreker van een Friese "
            "omroep vertelt over meertaligheid in de "
            "media.</li></ul><h3>Tip</h3><p>Vraag studenten nooit om “hun” taal voor "
            "de groep te vertegenwoordigen. De taalportretten laten zien dat bijna "
            "iedereen meertalig is, ook studenten die zichzelf zo niet zien.</p>"
        ),
        "evidence": (
            "<p>In de evaluatie (n = 34) gaf 85% aan anders naar de eigen taal te zijn "
            "gaan kijken. Zeven studenten hielden een deel van hun presentatie in het "
            "Fries, twee in het Arabisch en één in het Gronings.</p><p>Een studente "
            "schreef: “Ik schaamde me altijd een beetje voor mijn accent. Nu heb ik "
            "een heel essay geschreven over waarom dat eigenlijk nergens op "
            "slaat.”</p>"
        ),
        "faculty": "campus-fryslan",
        "discipline": "Global Responsibility and Leadership",
        "language": "nl",
        "group_size": "medium",
        "levels": ["bachelor-2"],
        "formats": ["seminar"],
        "dimensions": ["home-language", "migration-background"],
        "aspects": ["language-use", "curriculum-design"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Sjoukje de Jong",
        "status": "published",
    },
    {
        "title": (
            "Community-based learning with Frisian dairy farmers on circular "
            "agriculture"
        ),
        "summary": (
            "Students in a sustainable entrepreneurship course spend a semester "
            "working with Frisian dairy farmers on questions about circular "
            "agriculture. Students raised in cities or abroad learned to listen to "
            "rural perspectives, and farmers gained new partners."
        ),
        "body": (
            "<p>Debates about nitrogen and farming in the Netherlands are polarised. "
            "In our course <em>Circular Economy in Practice</em>, we wanted students "
            "to move beyond the headlines, so we partnered with eight dairy farms in "
            "Friesland that experiment with circular practices: less artificial "
            "fertiliser, herb-rich grassland and cooperation with arable "
            "farmers.</p><h3>Design</h3><ul><li>Each team of four is linked to one "
            "farm for the whole semester and visits it at least three "
            "times.</li><li>The farmer formulates the question, for example “What is "
            "the business case for herb-rich grassland?” or “How can I sell directly "
            "to local consumers?”</li><li>Teams combine a literature review, "
            "interviews with the farmer and their network, and a simple financial "
            "model.</li><li>The final products are a presentation on the farm and an "
            "advisory report. The farmer's written feedback forms part of the "
            "grade.</li></ul><h3>Inclusion</h3><p>Our students range from children of "
            "Frisian farmers to international students who had never seen a cow up "
            "close, and we deliberately mix them. The farmers' children, often the "
            "first in their family at university, were suddenly the experts, while "
            "city-raised students learned some humility. Before the first visit, we "
            "hold a session on respectful conversation, so that nobody arrives as a "
            "judge.</p>"
        ),
        "evidence": (
            "<p>Six of the eight farmers asked to continue with a new team. One farm "
            "started selling cheese through a local online platform based on the "
            "students' advice. Student evaluations averaged 4.5 out of 5.</p><p>A "
            "farmer's daughter wrote: “At home I'm the one who went away to study. "
            "Here, my background was finally an asset in the classroom.”</p>"
        ),
        "faculty": "campus-fryslan",
        "discipline": "Sustainable Entrepreneurship",
        "language": "en",
        "group_size": "medium",
        "levels": ["bachelor-3"],
        "formats": ["project", "fieldwork"],
        "dimensions": ["first-generation", "socio-economic", "international-students"],
        "aspects": ["curriculum-design", "interaction-patterns"],
        "sdgs": ["sdg-2", "sdg-12", "sdg-15"],
        "licence": "CC-BY-NC-SA-4.0",
        "contact_name": "Dr. Harmen Kingma",
        "status": "published",
    },
    {
        "title": "Neurodivergent-friendly slides and assignment briefs",
        "summary": (
            "In Data Science and Society, I redesigned slides and assignment briefs "
            "with a simple checklist: one idea per slide, a predictable structure, "
            "explicit deadlines and examples of good work. Neurodivergent students "
            "found the course easier to navigate, and so did almost everyone else."
        ),
        "body": (
            "<p>Several students in my second-year course <em>Data Science and "
            "Society</em> told me, often late in the term, that they were autistic or "
            "had ADHD or dyslexia. Their main difficulty was not the content but the "
            "way information reached them: crowded slides, instructions scattered "
            "across announcements and e-mails, and assignment briefs that left the "
            "real expectations implicit.</p><h3>My "
            "checklist</h3><ul><li><strong>Slides:</strong> one idea per slide, a "
            "sans-serif font, no background images, and a consistent sequence: where "
            "we are, new concept, example, check question.</li><li><strong>One source "
            "of truth:</strong> all deadlines and instructions live on a single course "
            "page; announcements only point to that page.</li><li><strong>Assignment "
            "briefs:</strong> each brief has the same headings: purpose, what to hand "
            "in, deadline, rubric, an example of good work, and common "
            "mistakes.</li><li><strong>Literal language:</strong> no idioms or vague "
            "terms like “a few pages”, but “900–1,200 words”.</li><li><strong>Advance "
            "notice:</strong> any change to the schedule is announced at least a week "
            "ahead.</li></ul><h3>Why it matters</h3><p>None of this requires a "
            "diagnosis or a formal accommodation. It reduces cognitive load for "
            "everyone, including students working in their second or third language. "
            "The redesign took me about two days; since then it has saved time, "
            "because there are far fewer questions.</p>"
        ),
        "evidence": (
            "<p>E-mails asking “what exactly do you expect?” dropped from about 60 to "
            "15 per term, in a class of 70. Clarity of the course scored 4.6 out of 5 "
            "in the evaluation (previously 3.7).</p><p>A student wrote: “I'm autistic "
            "and this is the first course where I didn't have to decode what the "
            "lecturer wanted. I could spend that energy on learning.”</p>"
        ),
        "faculty": "campus-fryslan",
        "discipline": "Data Science and Society",
        "language": "en",
        "group_size": "medium",
        "levels": ["bachelor-2"],
        "formats": ["lecture", "blended"],
        "dimensions": ["neurodiversity", "home-language"],
        "aspects": ["learning-environment", "language-use"],
        "sdgs": ["sdg-4"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Nadia Rahman",
        "status": "published",
    },
    {
        "title": (
            "Spraaktechnologie en taalvariatie: studenten bouwen een dataset met hun "
            "eigen stem"
        ),
        "summary": (
            "In het mastervak Voice Technology nemen studenten spraak op in hun eigen "
            "taal of dialect en testen ze hoe goed spraakherkenning daarmee omgaat. Zo "
            "wordt zichtbaar dat technologie niet voor iedereen even goed werkt. "
            "Concept: de evaluatie volgt nog."
        ),
        "body": (
            "<p>Spraakherkenning werkt opvallend goed voor standaard-Engels en veel "
            "slechter voor sprekers met een accent, een dialect of een kleine taal. In "
            "ons mastervak <em>Voice Technology</em> bespraken we dat altijd "
            "theoretisch. Dit jaar hebben we studenten het zelf laten "
            "onderzoeken.</p><h3>Opzet</h3><ul><li>Iedere student neemt twintig "
            "minuten spraak op in een taal of variëteit naar keuze: Fries, Limburgs, "
            "Marokkaans-Arabisch, Indiaas Engels, Surinaams-Nederlands, enzovoort. Een "
            "opname van een familielid mag ook, met toestemming.</li><li>In groepjes "
            "testen studenten drie veelgebruikte spraakherkenningssystemen op hun "
            "opnames en berekenen ze de foutpercentages.</li><li>Ze analyseren welke "
            "sprekers benadeeld worden en werken een verbetering uit, bijvoorbeeld "
            "door een bestaand model bij te trainen met een kleine "
            "dataset.</li><li>Tot slot schrijven ze een korte reflectie over "
            "eerlijkheid en taal in technologie.</li></ul><h3>Nog uit te "
            "werken</h3><p>We moeten de privacy van de opnames beter regelen: wie mag "
            "de dataset gebruiken, en hoe lang bewaren we de bestanden? Daarvoor "
            "overleggen we met de privacyfunctionaris. Ook willen we de resultaten van "
            "de evaluatie toevoegen. Ideeën en tips van collega's zijn van harte "
            "welkom.</p>"
        ),
        "evidence": (
            "<p>Eerste indruk: de foutpercentages liepen uiteen van 6% voor "
            "standaard-Engels tot ruim 40% voor sommige dialecten. Studenten waren "
            "daar zichtbaar door geraakt. Een volledige evaluatie volgt na afronding "
            "van het vak.</p>"
        ),
        "faculty": "campus-fryslan",
        "discipline": "Voice Technology",
        "language": "nl",
        "group_size": "small",
        "levels": ["master"],
        "formats": ["lab", "project"],
        "dimensions": ["home-language", "migration-background"],
        "aspects": ["curriculum-design"],
        "sdgs": ["sdg-9", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Anouk Hiemstra",
        "status": "draft",
    },
    {
        "title": (
            "Toetsing in de lerarenopleiding: rubrics samen met studenten opstellen"
        ),
        "summary": (
            "In de eerstegraads lerarenopleiding stellen docenten in opleiding de "
            "beoordelingsrubric voor hun lesontwerp samen met de docent op. Ze "
            "begrijpen de criteria beter, en het verschil in resultaten tussen "
            "studenten met verschillende achtergronden werd kleiner."
        ),
        "body": (
            "<p>Rubrics beloven transparantie, maar in de praktijk lezen studenten ze "
            "vaak niet of begrijpen ze de formuleringen niet. “Toont een adequaat "
            "didactisch repertoire” zegt weinig als je niet weet wat een docent onder "
            "adequaat verstaat. Juist eerstegeneratiestudenten en studenten met een "
            "migratieachtergrond, die minder vaak impliciete verwachtingen van huis "
            "uit meekrijgen, hadden daar last van.</p><h3>Werkwijze in de module "
            "Lesontwerp</h3><ol><li>In de eerste bijeenkomst bekijken studenten drie "
            "geanonimiseerde lesontwerpen van vorige jaren: een zwak, een voldoende en "
            "een sterk ontwerp.</li><li>In groepjes formuleren ze wat het sterke "
            "ontwerp sterk maakt. Die kenmerken verzamelen we op het "
            "whiteboard.</li><li>De docent legt de kenmerken naast de leerdoelen en "
            "maakt er een conceptrubric van, waar mogelijk in de woorden van de "
            "studenten.</li><li>In de tweede bijeenkomst stellen de studenten de "
            "rubric samen bij. Daarna ligt de versie vast.</li><li>Bij de tussentijdse "
            "feedback gebruiken studenten de rubric voor peer-feedback op elkaars "
            "concept.</li></ol><h3>Dubbel leereffect</h3><p>Docenten in opleiding "
            "leren zo niet alleen hun eigen lesontwerp beter te beoordelen, ze ervaren "
            "ook hoe ze later met hun leerlingen transparante toetsing kunnen "
            "vormgeven. Verschillende oud-studenten gebruiken de aanpak inmiddels op "
            "hun eigen school.</p>"
        ),
        "evidence": (
            "<p>Het percentage studenten dat het lesontwerp in één keer voldoende had, "
            "steeg van 71% naar 84% (circa 70 studenten per jaar). Het verschil tussen "
            "eerstegeneratiestudenten en de anderen is vrijwel verdwenen. Op de "
            "stelling “ik weet wat er van mij verwacht wordt” scoorde de module 4,5 "
            "(was 3,4).</p><p>Een student: “Omdat we de criteria zelf hadden bedacht, "
            "snapte ik precies wat er bedoeld werd.”</p>"
        ),
        "faculty": "education",
        "discipline": "Lerarenopleiding",
        "language": "nl",
        "group_size": "medium",
        "levels": ["master"],
        "formats": ["seminar"],
        "dimensions": ["first-generation", "migration-background"],
        "aspects": ["assessment-formats", "feedback"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Judith Bosman",
        "status": "published",
    },
    {
        "title": "Universal Design for Learning: three ways to show mastery",
        "summary": (
            "In a master's course on educational psychology, students choose how to "
            "demonstrate the same learning outcomes: a written paper, a podcast with "
            "annotated sources, or an infographic with an oral defence. One rubric "
            "covers all three, and requests for individual exam accommodations dropped "
            "sharply."
        ),
        "body": (
            "<p>In <em>Educational Psychology in Practice</em> we teach future "
            "educational scientists about Universal Design for Learning (UDL). Yet our "
            "own assessment was a single written paper. Each year, the student "
            "counsellor arranged individual accommodations for about one in eight "
            "students: extra time, another format, a reader. We decided to practise "
            "what we preach.</p><h3>The three options</h3><ul><li>A <strong>written "
            "paper</strong> of 3,000 words.</li><li>A <strong>podcast</strong> of "
            "20–25 minutes, with a one-page annotated source list.</li><li>An "
            "<strong>infographic or visual model</strong> with a 15-minute oral "
            "defence.</li></ul><p>All three address the same learning outcomes: "
            "explaining a learning theory, applying it to a real educational problem, "
            "and critically evaluating the evidence. One rubric with four criteria is "
            "used for every format, and the criteria refer to the quality of "
            "reasoning, not to the medium.</p><h3>Support</h3><p>For each format there "
            "is a short guide and an example from a previous year. Students choose by "
            "week 3 and may switch once, until week 5. The university library offers a "
            "free recording studio for podcasts.</p><h3>Lessons "
            "learned</h3><p>Calibrate graders across formats: in the first year, "
            "podcasts were graded slightly more generously. A joint grading session "
            "with one example of each format solved this.</p>"
        ),
        "evidence": (
            "<p>Of 68 students, 38 chose the paper, 17 the podcast and 13 the "
            "infographic. Requests for individual accommodations dropped from 9 to 2. "
            "After calibration, average grades were similar across formats (7.2, 7.4 "
            "and 7.1).</p><p>A student with dyslexia wrote: “The podcast let me show "
            "how well I understand the theory. Writing 3,000 words would mostly have "
            "shown how slowly I write.”</p>"
        ),
        "faculty": "education",
        "discipline": "Educational Sciences",
        "language": "en",
        "group_size": "medium",
        "levels": ["master"],
        "formats": ["seminar", "blended"],
        "dimensions": ["disability", "neurodiversity"],
        "aspects": ["assessment-formats"],
        "sdgs": ["sdg-4", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Rebecca Adeyemi",
        "status": "published",
    },
    {
        "title": "LHBTIQA+-inclusieve lesvoorbeelden in de lerarenopleiding",
        "summary": (
            "Aankomende docenten analyseren hun eigen lesmateriaal op wie er wel en "
            "niet in voorkomt, en passen voorbeelden aan zodat ook LHBTIQA+-leerlingen "
            "zich herkennen. Daarna voelen ze zich beter voorbereid op gesprekken over "
            "seksuele en genderdiversiteit in de klas."
        ),
        "body": (
            "<p>Scholen moeten aandacht besteden aan seksuele diversiteit, maar veel "
            "docenten in opleiding voelen zich onzeker. Ze zijn bang iets verkeerds te "
            "zeggen of weten niet hoe ze moeten reageren op een homofobe opmerking. In "
            "onze lerarenopleiding kwam het onderwerp tot voor kort maar in één "
            "hoorcollege aan bod.</p><h3>Opdracht in de module Diversiteit in de "
            "klas</h3><ul><li>Studenten nemen een les mee die ze op hun stageschool "
            "hebben gegeven, in welk vak dan ook.</li><li>Met een checklist analyseren "
            "ze wie er in hun voorbeelden en opgaven voorkomt: gezinsvormen, namen, "
            "rolpatronen. Een wiskundeopgave over “Jan en Marie die een huis kopen” "
            "kan net zo goed over twee vaders gaan.</li><li>Ze passen minstens twee "
            "voorbeelden aan, geven de les opnieuw en schrijven een korte "
            "reflectie.</li><li>In een werkcollege oefenen ze met rollenspellen hoe je "
            "reageert op een kwetsende opmerking in de klas, samen met een "
            "ervaringsdeskundige van een "
            "voorlichtingsorganisatie.</li></ul><h3>Aandachtspunten</h3><p>Sommige "
            "studenten komen uit een religieuze omgeving waarin dit onderwerp gevoelig "
            "ligt, of lopen stage op een school met een levensbeschouwelijke "
            "identiteit. Dat bespreken we open: het gaat om de veiligheid van alle "
            "leerlingen, en je hoeft je eigen overtuiging niet op te geven om een "
            "inclusieve les te geven.</p>"
        ),
        "evidence": (
            "<p>Voor en na de module vulden 52 studenten een korte vragenlijst in. Het "
            "percentage dat zich goed voorbereid voelde op gesprekken over seksuele en "
            "genderdiversiteit steeg van 23% naar 71%.</p><p>Een student schreef: “Ik "
            "had nooit gedacht dat één aangepaste rekenopgave een leerling het gevoel "
            "kon geven dat hij gezien wordt.”</p>"
        ),
        "faculty": "education",
        "discipline": "Lerarenopleiding",
        "language": "nl",
        "group_size": "medium",
        "levels": ["master"],
        "formats": ["seminar", "practical"],
        "dimensions": ["lgbtqia", "gender", "worldview"],
        "aspects": ["curriculum-design", "language-use"],
        "sdgs": ["sdg-4", "sdg-5", "sdg-10"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Thijs Huisman",
        "status": "in_review",
    },
    {
        "title": (
            "A blended professional course for experienced teachers returning to study"
        ),
        "summary": (
            "Our professional course on formative assessment for secondary-school "
            "teachers combines evening sessions with online modules and builds on "
            "participants' own classroom experience. Teachers aged 35 to 62 completed "
            "it far more often than the old daytime version."
        ),
        "body": (
            "<p>Experienced teachers who return to university face different barriers "
            "than nineteen-year-olds: full timetables, families, sometimes a long "
            "commute, and often a sense of being out of practice with academic "
            "reading. Our previous daytime course on formative assessment lost almost "
            "30% of its participants along the "
            "way.</p><h3>Redesign</h3><ul><li><strong>Rhythm:</strong> six evening "
            "sessions on campus (18:30–21:00, with a meal) alternate with online "
            "modules of about three hours a week that can be done at any "
            "time.</li><li><strong>Starting from experience:</strong> each module "
            "opens with a question about the participant's own classroom, such as “How "
            "do you currently find out what your pupils have understood?”, before "
            "introducing the research.</li><li><strong>Support with academic "
            "reading:</strong> the first module shows how to read a research article "
            "efficiently, and every article comes with a reading "
            "guide.</li><li><strong>Assessment:</strong> participants design, try out "
            "and evaluate one formative assessment intervention in their own class and "
            "present it to peers, whose feedback is part of the "
            "process.</li><li><strong>Flexibility:</strong> one session can be "
            "followed online, and deadlines avoid school exam "
            "weeks.</li></ul><h3>Advice</h3><p>Treat experienced professionals as "
            "co-experts. Their questions sharpen the discussion of the research, and "
            "their examples are the best teaching material you have.</p>"
        ),
        "evidence": (
            "<p>Completion rose from 71% to 93% over three cohorts of about 25 "
            "teachers each. Participants rated the course 8.6 out of 10, and several "
            "schools now send teams of teachers together.</p><p>One participant, aged "
            "58, wrote: “I hadn't read a research article in 30 years. By the end, I "
            "was the one sending articles to my colleagues.”</p>"
        ),
        "faculty": "education",
        "discipline": "Teacher Professional Development",
        "language": "en",
        "group_size": "medium",
        "levels": ["professional"],
        "formats": ["blended", "online"],
        "dimensions": ["age-and-life-stage"],
        "aspects": ["curriculum-design", "feedback"],
        "sdgs": ["sdg-4", "sdg-8"],
        "licence": "CC-BY-4.0",
        "contact_name": "Dr. Bram Scholten",
        "status": "published",
    },
]
