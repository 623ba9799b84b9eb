"""Local development on the embedded defaults (`python dev.py run`)."""

from __future__ import annotations

from .base import *  # noqa: F403
from .base import VAR_DIR
from .environment import env_bool

DEBUG = env_bool("DEBUG", True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Without ENGAGE_CERTIFICATION_KEYS, certificates are signed with a key generated
# into this file on first use (production has no such fallback).
ENGAGE_CERTIFICATION_DEV_KEY_FILE = VAR_DIR / "dev-issuing-key"
