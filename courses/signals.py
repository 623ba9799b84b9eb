"""Signals the courses app sends (a published contract).

`course_completed(sender=CoursePage, user=User, course=CoursePage)` — the first
time a person has every live lesson of a course marked done. Sent once per person
and course (a lesson marked "not done" and done again does not send it again),
inside the transaction that recorded the completion, after its xAPI statement.
"""

from __future__ import annotations

from django.dispatch import Signal

course_completed = Signal()
