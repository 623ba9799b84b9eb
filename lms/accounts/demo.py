"""Demo faculties and one person per role, with known passwords (never in production)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from .models import Faculty
from .roles import Role
from .services import (
    FacultySeed,
    assign_role,
    create_person,
    seed_faculties,
    sync_roles,
    update_profile,
)

FACULTIES = (
    FacultySeed("arts", "Faculty of Arts", "Faculteit der Letteren"),
    FacultySeed("law", "Faculty of Law", "Faculteit der Rechtsgeleerdheid"),
    FacultySeed("medicine", "Faculty of Medical Sciences", "Faculteit Medische Wetenschappen"),
    FacultySeed("science", "Faculty of Science and Engineering", "Faculteit Science and Engineering"),
    FacultySeed("social", "Faculty of Behavioural and Social Sciences", "Faculteit Gedrags- en Maatschappijwetenschappen"),
    FacultySeed("economics", "Faculty of Economics and Business", "Faculteit Economie en Bedrijfskunde"),
    FacultySeed("philosophy", "Faculty of Philosophy", "Faculteit Wijsbegeerte"),
    FacultySeed("religion", "Faculty of Religion, Culture and Society", "Faculteit Religie, Cultuur en Maatschappij"),
    FacultySeed("spatial", "Faculty of Spatial Sciences", "Faculteit Ruimtelijke Wetenschappen"),
    FacultySeed("campus-fryslan", "Campus Fryslân", "Campus Fryslân"),
    FacultySeed("education", "Teacher Education and Educational Sciences", "Lerarenopleiding en Onderwijswetenschappen"),
)  # fmt: skip

# Known demo passwords: printed by `dev.py run` and listed in README.md.
DEMO_PASSWORD = "engage-demo"  # noqa: S105


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    role: Role
    faculty_code: str
    department: str
    language: str


DEMO_PEOPLE = (
    DemoPerson("lecturer", "Noor", "El Amrani", Role.LECTURER, "arts", "Modern Languages", "en"),
    DemoPerson("coach", "Joost", "van der Meer", Role.COACH, "education", "Academic Development", "nl"),
    DemoPerson("coordinator", "Priya", "Raghunathan", Role.FACULTY_COORDINATOR, "arts", "Education Office", "en"),
    DemoPerson("admin", "Marieke", "de Vries", Role.PROGRAMME_ADMIN, "education", "Central PD Service", "nl"),
)  # fmt: skip


def seed_people() -> None:
    """Faculties, role groups and one person per role; safe to run again."""
    seed_faculties(FACULTIES)
    sync_roles()
    users = get_user_model().objects
    for person in DEMO_PEOPLE:
        faculty = Faculty.objects.get(code=person.faculty_code)
        user = users.filter(username=person.username).first()
        if user is None:
            create_person(
                username=person.username,
                email=f"{person.username}@engage-pd.example",
                first_name=person.first_name,
                last_name=person.last_name,
                password=DEMO_PASSWORD,
                faculty=faculty,
                department=person.department,
                preferred_language=person.language,
                roles=[person.role],
            )
            continue
        update_profile(
            user=user,
            faculty=faculty,
            department=person.department,
            preferred_language=person.language,
        )
        assign_role(user=user, role=person.role)
