"""The app skeleton of docs/architecture.md, held by tests: every door declares
who may use it, access rules live only in permissions modules, modules stay in
their named places and sizes. (import-linter holds the import directions.)"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from lms.accounts.access import check_registered, declared_access

ROOT = Path(__file__).resolve().parents[1]
APPS = (
    "lms.accounts",
    "lms.notifications",
    "lms.xapi",
    "practices_db",
    "courses",
    "trajectories",
    "certification",
    "frontend",
)
LARGEST_MODULE = 400  # lines; a larger module becomes a package


def _app_of(module: str) -> str | None:
    for app in sorted(APPS, key=len, reverse=True):
        if module == app or module.startswith(app + "."):
            return app
    if module.startswith("lms.") and not module.startswith("lms.site"):
        return "lms"
    return None


def _views(patterns=None, prefix: str = ""):  # type: ignore[no-untyped-def]
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from _views(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def _module_of(callback) -> str:  # type: ignore[no-untyped-def]
    cls = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    return (cls or callback).__module__


def _drf_declares(callback) -> bool:  # type: ignore[no-untyped-def]
    """A DRF view names its permission classes in a class of its own."""
    cls = getattr(callback, "cls", None)
    if cls is None:
        return False
    return any(
        "permission_classes" in vars(klass)
        for klass in cls.__mro__
        if _app_of(klass.__module__) is not None or klass.__module__ == "lms.api"
    )


def _all_views() -> list[tuple[str, str, object]]:
    found = []
    for route, callback in _views():
        app = _app_of(_module_of(callback))
        if app is not None:
            found.append((app, route, callback))
    return found


@pytest.mark.parametrize("app", (*APPS, "lms"))
def test_every_view_and_endpoint_declares_who_may_use_it(app: str) -> None:
    undeclared = [
        route
        for owner, route, callback in _all_views()
        if owner == app
        and declared_access(callback) is None
        and not _drf_declares(callback)
    ]
    assert undeclared == []


def test_every_declared_permission_has_a_registered_rule() -> None:
    unregistered = [
        (route, access.permission)
        for _, route, callback in _all_views()
        if (access := declared_access(callback)) and not check_registered(access)
    ]
    assert unregistered == []


# An access decision made in place: a role test, a superuser test, a may_/can_
# function. These belong in permissions.py as registered rules (asked by has_perm).
ACCESS_CHECK = re.compile(
    r"\bhas_role\(|\broles_of\(|\bis_superuser\b|\bcoordinates_faculty\("
    r"|\bdef (?:may|can)_\w+|\b(?:may|can)_\w+\(|\buser_can_\w+\(|\bcoaches\("
)
# Wagtail's own page-type rules (a permission policy of Wagtail's) keep their names.
WAGTAIL_PAGE_RULES = re.compile(r"\bcan_(?:create_at|exist_under|move_to)\b")
RULE_HOMES = (
    "permissions.py",
    "lms/accounts/selectors.py",  # has_role, roles_of: what the rules are made of
    "lms/accounts/roles.py",
)


def _app_files(app: str) -> list[Path]:
    base = ROOT / app.replace(".", "/")
    files = sorted(base.rglob("*.py")) if app != "lms" else sorted(base.glob("*.py"))
    return [
        path
        for path in files
        if "migrations" not in path.parts
        and not path.name.startswith("demo")
        and not (app == "lms" and "site" in path.parts)
    ]


@pytest.mark.parametrize("app", (*APPS, "lms"))
def test_access_decisions_live_only_in_permissions_modules(app: str) -> None:
    offenders = []
    for path in _app_files(app):
        relative = path.relative_to(ROOT).as_posix()
        if relative.endswith(RULE_HOMES):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            code = line.split("#", 1)[0]
            if ACCESS_CHECK.search(WAGTAIL_PAGE_RULES.sub("", code)):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []


@pytest.mark.parametrize("app", (*APPS, "lms"))
def test_modules_have_their_named_places(app: str) -> None:
    misplaced = [
        path.relative_to(ROOT).as_posix()
        for path in _app_files(app)
        if re.search(r"_(views|selectors|services|rules)\.py$", path.name)
        or path.stem in {"helpers", "utils", "misc", "common"}
    ]
    assert misplaced == []


@pytest.mark.parametrize("app", (*APPS, "lms"))
def test_no_module_is_larger_than_a_package_would_be(app: str) -> None:
    large = [
        f"{path.relative_to(ROOT).as_posix()}: {lines} lines"
        for path in _app_files(app)
        if (lines := len(path.read_text().splitlines())) > LARGEST_MODULE
    ]
    assert large == []


def test_the_lms_layer_of_import_linter_names_every_module_of_lms() -> None:
    """The suite's layers contract lists lms's modules one by one (lms.site, the
    composition root, sits above every app): a new module must join the list."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["name"].startswith("Apps follow"))
    listed = {name.strip() for name in layers["layers"][-1].split(":")}
    present = {
        f"lms.{path.stem if path.suffix else path.name}"
        for path in (ROOT / "lms").iterdir()
        if (path.suffix == ".py" and path.stem != "__init__")
        or (path.is_dir() and (path / "__init__.py").exists())
    } - {"lms.site"}
    assert listed == present
