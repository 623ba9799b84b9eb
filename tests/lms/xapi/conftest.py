from __future__ import annotations

from tests.lms.xapi.poison_proxy import poison_proxy  # noqa: F401  (fixture)
from tests.lms.xapi.second_lrs import second_lrs  # noqa: F401  (fixture)
