"""Run inside `manage.py shell` of the server under load (after `seed_demo`).

Gives the demo cohort `LOAD_LECTURERS` lecturers who can sign in, each with a
journal entry to autosave, and `LOAD_COACHES` coaches; opens one session for
check-in now; prints the world `tests/load/driver.py` needs, as one JSON line.
"""

import json
import os
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from lms.accounts.roles import Role
from lms.accounts.services import create_person
from trajectories import services
from trajectories.models import CohortSession, Enrolment
from trajectories.rules.reflection import sections_for

PASSWORD = "engage-demo"  # noqa: S105
lecturers = int(os.environ.get("LOAD_LECTURERS", "8"))
coaches = int(os.environ.get("LOAD_COACHES", "1"))
users = get_user_model().objects
admin = users.get(username="admin")
cohort = Enrolment.objects.get(user__username="lecturer").cohort
cohort.capacity = max(cohort.capacity, lecturers + 40)
cohort.save(update_fields=["capacity"])


def person(username, role):
    user = users.filter(username=username).first()
    if user is None:
        user = create_person(
            username=username, email=f"{username}@load.example", first_name="Load",
            last_name=username, roles=[role], password=PASSWORD,
        )  # fmt: skip
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


names = ["lecturer"] + [f"demo-participant-{n}" for n in range(1, 8)]
names += [f"load-lecturer-{n}" for n in range(1, max(0, lecturers - len(names)) + 1)]
world_lecturers = []
sections = sections_for(cohort.programme.reflection_model)
for username in names[:lecturers]:
    user = person(username, Role.LECTURER)
    enrolment = Enrolment.objects.filter(user=user, cohort=cohort).first()
    if enrolment is None:
        enrolment = services.enrol_by_programme_team(
            actor=admin, user=user, cohort=cohort
        )
    entry = services.save_entry(
        author=user, enrolment=enrolment, title=f"Load entry {username}",
        sections={s.key: "Before the load." for s in sections},
    )  # fmt: skip
    world_lecturers.append(
        {"username": username, "entry": entry.pk, "enrolment": enrolment.pk}
    )

coach_names = ["coach"] + [f"load-coach-{n}" for n in range(1, coaches)]
for username in coach_names:
    cohort.coaches.add(person(username, Role.COACH))

now = timezone.now()
sessions = list(cohort.sessions.order_by("number"))
running = next((s for s in sessions if s.starts_at > now), sessions[-1])
CohortSession.objects.filter(pk=running.pk).update(
    starts_at=now - timedelta(minutes=15), ends_at=now + timedelta(hours=2)
)
marked = [s.pk for s in sessions if s.pk != running.pk]
print(  # noqa: T201 - the output is the point
    json.dumps(
        {
            "cohort": cohort.pk,
            "lecturers": world_lecturers,
            "coaches": coach_names,
            "coordinator": "coordinator",
            "running_session": running.pk,
            "marked_sessions": marked[:coaches],
        }
    )
)
