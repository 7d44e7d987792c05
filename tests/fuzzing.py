"""What the fuzz tests share: their Hypothesis budget (their scratch folder is the
``scratch`` fixture of ``conftest.py``).

``STKG_FUZZ_SCALE=N`` multiplies every budget; ``STKG_FUZZ_RANDOM=1`` explores new
inputs instead of the same ones each run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SCALE = max(1, int(os.environ.get("STKG_FUZZ_SCALE", "1")))


def budget(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        database=None,
        derandomize=os.environ.get("STKG_FUZZ_RANDOM") != "1",
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
