"""Checks for every file a person uploads: size, extension and what the file really is.

`validate_upload` (or an `UploadValidator` with its own extensions and limit) is the
one entry point; the rules per kind of file live in the modules beside it:
`sniffing` (first bytes, text, markup in disguise), `archives` (Office and
OpenDocument files as zip archives) and `pdf` (header, trailer and pages).
"""

from __future__ import annotations

from .validator import UploadValidator, validate_upload

__all__ = ["UploadValidator", "validate_upload"]
