"""Local development on the embedded defaults (`python dev.py run`)."""

from __future__ import annotations

from .base import *  # noqa: F403
from .environment import env_bool

DEBUG = env_bool("DEBUG", True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
