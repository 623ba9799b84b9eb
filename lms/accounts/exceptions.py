"""Errors raised by the accounts services."""

from __future__ import annotations


class AccountsError(Exception):
    """Base class for errors a person can act on."""


class UnknownLanguage(AccountsError):
    pass
