"""The registry behind `manage.py seed_demo`: each app adds its own demo data.

A seeder is a function without arguments that creates its data idempotently
(get-or-create by a natural key), so running `seed_demo` twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoSeeder:
    name: str
    run: Callable[[], object]
    order: int = 100
    # Lines `seed_demo` prints after seeding, e.g. an address worth opening.
    notes: Callable[[], list[str]] | None = None


_seeders: dict[str, DemoSeeder] = {}


def register_demo_seeder(
    name: str,
    run: Callable[[], object],
    order: int = 100,
    notes: Callable[[], list[str]] | None = None,
) -> None:
    """Register `run` to be called by `seed_demo`, lower `order` first; the
    lines `notes()` returns are printed after it."""
    _seeders[name] = DemoSeeder(name=name, run=run, order=order, notes=notes)


def demo_seeders() -> list[DemoSeeder]:
    return sorted(_seeders.values(), key=lambda seeder: (seeder.order, seeder.name))
