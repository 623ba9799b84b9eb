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


_seeders: dict[str, DemoSeeder] = {}


def register_demo_seeder(
    name: str, run: Callable[[], object], order: int = 100
) -> None:
    """Register `run` to be called by `seed_demo`, lower `order` first."""
    _seeders[name] = DemoSeeder(name=name, run=run, order=order)


def demo_seeders() -> list[DemoSeeder]:
    return sorted(_seeders.values(), key=lambda seeder: (seeder.order, seeder.name))
