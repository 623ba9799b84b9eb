"""The Person object of the Agents resource (Communication 2.4), from the agents
the stored statements mention (pure: data in, Person out)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

IFI_PROPERTIES = ("mbox", "mbox_sha1sum", "openid", "account")


def identifier(agent: dict[str, Any]) -> tuple[str, Any] | None:
    """The (property, value) of the inverse functional identifier `agent` carries."""
    for name in IFI_PROPERTIES:
        if name in agent:
            return name, agent[name]
    return None


def agents_in(statement: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every Agent or Group a statement mentions, Group members included: actor,
    object, authority, instructor and team, in the statement and its SubStatement."""

    def walk(agent: Any) -> Iterator[dict[str, Any]]:
        if isinstance(agent, dict):
            yield agent
            for member in agent.get("member") or ():
                yield from walk(member)

    yield from walk(statement.get("actor"))
    obj = statement.get("object") or {}
    if obj.get("objectType") in ("Agent", "Group"):
        yield from walk(obj)
    yield from walk(statement.get("authority"))
    context = statement.get("context") or {}
    yield from walk(context.get("instructor"))
    yield from walk(context.get("team"))
    if obj.get("objectType") == "SubStatement":
        yield from agents_in(obj)


def person(
    agent: dict[str, Any], statements: Iterable[dict[str, Any]]
) -> dict[str, Any]:
    """The Person for the Agent `agent`: its identifier and every name used with it.

    Communication 2.4.s3.b3: with nothing more known, the Person holds only what
    the request's Agent carries. The LRS links no identities to one another, so a
    Person has exactly one identifier; names come from Agents (not Groups) with the
    same identifier, in the order they were first seen.
    """
    ifi = identifier(agent)
    if ifi is None:
        raise ValueError("An Agent with an identifier is required.")
    names: list[str] = []
    if isinstance(agent.get("name"), str):
        names.append(agent["name"])
    for statement in statements:
        for seen in agents_in(statement):
            name = seen.get("name")
            if (
                isinstance(name, str)
                and name not in names
                and seen.get("objectType") != "Group"
                and identifier(seen) == ifi
            ):
                names.append(name)
    result: dict[str, Any] = {"objectType": "Person"}
    if names:
        result["name"] = names
    result[ifi[0]] = [ifi[1]]
    return result
